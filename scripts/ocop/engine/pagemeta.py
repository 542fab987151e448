"""A page's description and title, made safe for the theme, which prints them as HTML.

MkDocs renders theme templates without autoescaping. Material writes `page.meta.description` as it is
into an attribute (`<meta name="description" content="…">`) and the page's title into `<title>`
through `striptags`, which turns `&lt;` back into `<`. A product summary `"><script>…` or a name
`</title><script>…` would then run in every visitor's browser. While a page's template is rendered,
its description and title are given to the theme HTML-escaped (as Markup, so a template that does
escape does not escape twice); after rendering, the plain values are put back for other plugins.
"""
from __future__ import annotations

from markupsafe import Markup, escape
from mkdocs.structure.pages import Page

# Metadata the theme prints without escaping (besides the title, handled apart).
PRINTED_RAW = ("description",)


def escape_for_theme(page: Page) -> dict:
    """Escape the page's metadata in place; returns the original, for `restore`."""
    original = dict(page.meta)
    for key in PRINTED_RAW:
        if isinstance(original.get(key), str):
            page.meta[key] = escape(original[key])
    if isinstance(original.get("title"), str):
        page.meta["title"] = escape(original["title"])
    elif page.title and not page.is_homepage:
        # A title from the page's first heading is already HTML text (tags stripped, entities kept):
        # handed over as metadata, the theme prints it as it is instead of through `striptags`.
        page.meta["title"] = Markup(page.title)
    return original


def escape_post_title(page: Page) -> None:
    """A news post's title made HTML text for good, before the blog uses it: it writes the title into
    Markdown (the heading of the excerpt in /tin-tuc/, the category and archive pages), the menus and
    the search index, none of which escape it. Escaping is idempotent on Markup, so the theme's
    escaping (escape_for_theme) leaves it as it is. The post's address was made from the plain title."""
    if isinstance(page.meta.get("title"), str):
        page.meta["title"] = escape(page.meta["title"])


def restore(page: Page, original: dict | None) -> None:
    if original is not None:
        page.meta.clear()
        page.meta.update(original)
