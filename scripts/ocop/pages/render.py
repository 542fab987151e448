"""Models → Markdown, through the Jinja templates in templates/.

Every value a template prints is escaped on the way out (see `escape_text`): text from the data can
neither open an HTML tag nor start Markdown syntax (a link, a heading, an admonition). It always reads
back as the same visible text, in the Markdown, in raw HTML blocks and in attribute values alike.
Only values the code marks as safe (`Markup`: checked addresses, JSON) pass through unchanged.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from markupsafe import Markup

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


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("ocop.pages", "templates"),
        # finalize does HTML and Markdown escaping in one place; autoescape stays on so that macros
        # return Markup (their literal text is ours) and are not escaped a second time.
        autoescape=True,
        finalize=escape_text,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(join=join, paragraphs=paragraphs, url=url, tel=tel, mailto=mailto, map_url=map_url, tojson=tojson)
    return env


class Renderer:
    def __init__(self, cache_dir: Path | None = None):
        self.env = environment()
        if cache_dir is not None:
            # Compiling the templates is most of a small site's rendering time: keep them compiled.
            cache_dir.mkdir(parents=True, exist_ok=True)
            self.env.bytecode_cache = FileSystemBytecodeCache(str(cache_dir))

    def render(self, template: str, **context) -> str:
        text = self.env.get_template(template).render(**context)
        return re.sub(r"\n{3,}", "\n\n", text)
