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

A visitor searches in the language of the page: "nuoc mam" on a Vietnamese page lists the Vietnamese
product page, not its English twin too. So each translated language gets an index of its own, of the
pages under its folder, at <lang>/search/search_index.json (addresses relative to that folder), and
search/search_index.json keeps the Vietnamese pages. Material reads the index from `search/` under the
`base` of the page's settings (`__config`); on a page whose <html lang> has an index of its own,
engine/theme/assets/javascripts/search-language.js moves that base to the language's folder before Material
starts.
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


def by_language(index: dict, languages: list[str]) -> dict[str, dict]:
    """`index` cut into one index a language: "" → the pages outside every language's folder, and each
    code of `languages` (en) → the pages under <code>/, their addresses relative to that folder."""
    parts: dict[str, list[dict]] = {"": []} | {code: [] for code in languages}
    for doc in index["docs"]:
        code = next((code for code in languages if doc["location"].startswith(f"{code}/")), "")
        parts[code].append({**doc, "location": doc["location"][len(code) + 1 :]} if code else doc)
    return {
        code: {**index, "config": {**index["config"], "lang": [code]} if code else index["config"], "docs": docs}
        for code, docs in parts.items()
    }


def compact_file(path: Path, pages: dict[str, str | None], languages: list[str]) -> None:
    """Rewrite the search index at `path` (written by Material's search plugin, site/search/…): compact,
    and the pages of each translated language in `languages` (en) into <lang>/search/ beside it."""
    index = json.loads(path.read_text(encoding="utf-8"))
    site = path.parent.parent
    for code, part in by_language(compact(index, pages), languages).items():
        target = site / code / path.parent.name / path.name if code else path
        target.parent.mkdir(parents=True, exist_ok=True)
        # Compact separators, as Material writes it: the file is what every visitor downloads.
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
