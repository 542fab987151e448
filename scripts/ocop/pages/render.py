"""Models → Markdown, through the Jinja templates in templates/.

Every value a template prints is escaped on the way out (see `escape_text`): text from the data can
neither open an HTML tag nor start Markdown syntax (a link, a heading, an admonition). It always reads
back as the same visible text, in the Markdown, in raw HTML blocks and in attribute values alike.
Only values the code marks as safe (`Markup`: checked addresses, JSON) pass through unchanged.

One Jinja environment renders every page, in each language (i18n.py): `render(..., language=…)`
makes that language's catalogue the one `_()`, `gettext`, `ngettext`, `pgettext` and `{% trans %}`
read, and gives the template `lang` (its code) and `translated` (a page translated from the
Vietnamese). A translated message is our text (it may hold Markdown); the values put into it are
escaped like any other value. The `date` and `number` filters write a day and an amount as the
language does.
"""
from __future__ import annotations

import json
import re
from contextvars import ContextVar
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..web.i18n import LOCALE_DIR, Language, languages

# Characters that start HTML or Markdown (or Markdown extension) syntax anywhere in a line. One pass
# turns each into a numeric entity: escaping HTML first (&#34;) and then `#` would show "&#34;".
_INLINE = re.compile(r"[&<>\"'\\`*_\[\]{}#|~^$]")
# Syntax that only counts at the start of a line: lists, quotes, headings, admonitions, tables.
_LINE_START = re.compile(r"^(\s*)([-+=>:!]|\d+(?=[.)]))", re.MULTILINE)


def _entity(match: re.Match) -> str:
    return f"&#{ord(match.group(0))};"


def escape_text(value) -> Markup:
    """Plain text → Markup that shows exactly that text in Markdown and in HTML."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    text = _INLINE.sub(_entity, str(value))
    if _LINE_START.search(text):  # rare: most texts start no line with list, quote or heading syntax
        text = _LINE_START.sub(lambda m: m.group(1) + "".join(f"&#{ord(c)};" for c in m.group(2)), text)
    return Markup(text)


def paragraphs(value: str) -> Markup:
    """A multi-line text field → Markdown paragraphs (a blank line separates paragraphs)."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", value.strip()) if block.strip()]
    return Markup("\n\n".join(escape_text(" ".join(block.split())) for block in blocks))


def url(value: str) -> Markup:
    """An address already checked to be http(s), made safe inside Markdown's `(…)`."""
    if not re.match(r"https?://", str(value)):
        raise ValueError(f"unsafe address {value!r}")
    return Markup(quote(str(value), safe=":/?#@!$&'*+,;=%-._~"))


def tel(value: str) -> Markup:
    return Markup("tel:" + re.sub(r"[^0-9+]", "", value))


def zalo(value: str) -> Markup:
    """Zalo's own link to a phone number's account: opens the app, or Zalo's page, when tapped."""
    return Markup("https://zalo.me/" + re.sub(r"[^0-9]", "", value))


def mailto(value: str) -> Markup:
    return Markup("mailto:" + quote(value, safe="@.+-_"))


def map_url(location) -> Markup:
    return Markup(f"https://www.openstreetmap.org/?mlat={location.lat}&mlon={location.lon}#map=17/{location.lat}/{location.lon}")


def join(values, separator: str = ", ") -> Markup:
    """Jinja's own join only HTML-escapes its items; this one escapes them fully."""
    return Markup(escape_text(separator)).join(escape_text(value) for value in values)


def tojson(value) -> Markup:
    """JSON is also valid YAML: used for front matter values, which the theme escapes itself."""
    return Markup(json.dumps(value, ensure_ascii=False))


def json_data(value) -> Markup:
    """JSON inside `<script type="application/json">` (data, which the Content-Security-Policy allows):
    `<`, `>` and `&` written as escapes, so no value can close the element or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


# The language of the page being rendered. Not a global of the environment: the macros of an imported
# template are compiled once and kept, whatever the language of the page that imports them.
_language: ContextVar[Language] = ContextVar("ocop_language")


def _translated(message: str, variables: dict) -> Markup:
    if not variables:  # most strings of a page: no placeholder to fill
        return Markup(message)
    return Markup(message) % {name: escape_text(value) for name, value in variables.items()}


def gettext(message: str, **variables) -> Markup:
    return _translated(_language.get().gettext(message), variables)


def ngettext(singular: str, plural: str, num: int, **variables) -> Markup:
    return _translated(_language.get().ngettext(singular, plural, num), {"num": num, **variables})


def pgettext(context: str, message: str, **variables) -> Markup:
    return _translated(_language.get().pgettext(context, message), variables)


def npgettext(context: str, singular: str, plural: str, num: int, **variables) -> Markup:
    return _translated(_language.get().npgettext(context, singular, plural, num), {"num": num, **variables})


def date(value) -> str:
    return _language.get().date(value)


def number(value) -> str:
    return _language.get().number(value)


def place(value) -> str:
    """`commune.name | place`: the place with its unit word in the page's language ("xã X", "X commune")."""
    return _language.get().place(value)


def province(value) -> str:
    """`commune.province | province`: "tỉnh Hà Tĩnh", "Hà Tĩnh province", "thành phố Huế"."""
    return _language.get().province(value)


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("ocop.pages", "templates"),
        extensions=["jinja2.ext.i18n"],
        # finalize does HTML and Markdown escaping in one place; autoescape stays on so that macros
        # return Markup (their literal text is ours) and are not escaped a second time.
        autoescape=True,
        finalize=escape_text,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(join=join, paragraphs=paragraphs, url=url, tel=tel, mailto=mailto, map_url=map_url, zalo=zalo, tojson=tojson,
                       json_data=json_data, date=date, number=number, place=place, province=province)
    # {% trans %} calls these with keyword arguments (newstyle), as `_()` is called.
    env.globals.update(_=gettext, gettext=gettext, ngettext=ngettext, pgettext=pgettext, npgettext=npgettext)
    env.newstyle_gettext = True  # type: ignore[attr-defined]
    return env


class Renderer:
    def __init__(self, cache_dir: Path | None = None, locale_dir: Path = LOCALE_DIR):
        self.env = environment()
        # Every language with a catalogue, Vietnamese first: the site builder makes each page kind in each.
        self.languages = languages(locale_dir)
        self.source = self.languages[0]
        if cache_dir is not None:
            # Compiling the templates is most of a small site's rendering time: keep them compiled.
            cache_dir.mkdir(parents=True, exist_ok=True)
            self.env.bytecode_cache = FileSystemBytecodeCache(str(cache_dir))

    def render(self, template: str, language: Language | None = None, **context: object) -> str:
        language = language or self.source
        token = _language.set(language)
        try:
            text = self.env.get_template(template).render(lang=language.code, translated=language.translated, **context)
        finally:
            _language.reset(token)
        return re.sub(r"\n{3,}", "\n\n", text)
