"""The search index a phone downloads: one short entry a generated page, words also without diacritics.

Material's search (lunr) sends the whole index to every visitor who opens the search box. Left as it
is, every section of every product and producer page is an entry: megabytes at thousands of products.
So each page the plugin generates keeps one entry: its title, and as its text the page's own
description (a product's summary, or the sentence the page builder wrote for it), cut to SUMMARY_CHARS;
a page without one keeps the start of its text. The buyer's blocks at the top of a product page (the
certificate line, the contacts, the buy button) are what a result needs least. The catalogue's further pages are not indexed at
all (`search: exclude` in their front matter): they only repeat the products.

Vietnamese readers often type without diacritics ("nuoc mam" for "nước mắm"), and lunr compares words
as written. Material has no hook on the query, but its search worker indexes every field listed in the
index's own `config.fields`. So every entry also gets `folded_title` and `folded_text`: its words that
change without diacritics (đ → d), folded, each once, weighted like `title` and `text`. A query without
diacritics matches those; one with diacritics matches the original words; results show the original text.
"""
from __future__ import annotations

import json
import re
import unicodedata
from html import escape
from pathlib import Path

SUMMARY_CHARS = 300
FOLDED = {"folded_title": "title", "folded_text": "text"}  # folded field → the field it folds
_TAG = re.compile(r"<[^>]+>")


def _without_marks(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)) or char


# Every Latin letter with marks (Vietnamese uses Latin-1, Latin Extended-A/B and the U+1Exx block).
_FOLD = str.maketrans(
    {"đ": "d", "Đ": "D"}
    | {chr(code): _without_marks(chr(code)) for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00))
       if _without_marks(chr(code)) != chr(code)}
)


def fold(text: str) -> str:
    """`Nước mắm Đồng` → `Nuoc mam Dong`: Vietnamese letters without their marks, đ as d."""
    return unicodedata.normalize("NFC", text).translate(_FOLD)


def folded_words(text: str) -> str:
    """The words of `text` (HTML) that diacritics change, folded and lower-cased, each once."""
    words = _TAG.sub(" ", text).split()
    folded = fold(" ".join(words)).split()  # folding keeps every word whole: the same number of words
    return " ".join(dict.fromkeys(plain.lower() for word, plain in zip(words, folded) if plain != word))


def _summary(texts: list[str]) -> str:
    """The page's text as one paragraph, cut at a word near SUMMARY_CHARS (entities stay whole)."""
    text = " ".join(_TAG.sub(" ", " ".join(texts)).split())
    if len(text) > SUMMARY_CHARS:
        cut = text.rfind(" ", 0, SUMMARY_CHARS)
        text = text[: cut if cut > 0 else SUMMARY_CHARS] + " …"
    return f"<p>{text}</p>" if text else ""


def compact(index: dict, pages: dict[str, str | None]) -> dict:
    """`index` (Material's search_index.json) with one entry for each page in `pages` (address → its
    description, or None), and folded fields."""
    docs: list[dict] = []
    firsts: dict[str, tuple[dict, list[str]]] = {}
    for doc in index["docs"]:
        page = doc["location"].partition("#")[0]
        if page not in pages:
            docs.append(doc)
        elif page in firsts:
            firsts[page][1].append(doc.get("text", ""))
        else:
            entry = dict(doc)
            firsts[page] = (entry, [doc.get("text", "")])
            docs.append(entry)
    for page, (entry, texts) in firsts.items():
        description = pages[page]
        entry["text"] = _summary([escape(description)] if description else texts)
    for doc in docs:
        for folded, field in FOLDED.items():
            words = folded_words(doc.get(field) or "")
            if words:
                doc[folded] = words
    fields = index["config"].setdefault("fields", {})
    for folded, field in FOLDED.items():
        fields[folded] = dict(fields.get(field) or {"boost": 1.0})
    return {**index, "docs": docs}


def compact_file(path: Path, pages: dict[str, str | None]) -> None:
    """Rewrite the search index at `path` (written by Material's search plugin) in place."""
    index = json.loads(path.read_text(encoding="utf-8"))
    # Compact separators, as Material writes it: the file is what every visitor downloads.
    path.write_text(json.dumps(compact(index, pages), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
