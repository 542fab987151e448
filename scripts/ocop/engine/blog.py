"""Material's blog as the build sees it: where it keeps the posts (its plugin's options), and the RSS
feed made from the posts it rendered.

model/news.py reads and checks the posts as data, without the engine; this module is what knows the blog
plugin's options and the pages MkDocs made of the posts: the settings are read here and handed down as a
plain `BlogSettings`, the feed's items are the built pages' addresses and HTML.
"""
from __future__ import annotations

import email.utils
import html
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from ..model.news import BlogSettings, News

BLOG_PLUGIN = "material/blog"
FEED = "rss.xml"  # inside the blog's folder: /tin-tuc/rss.xml
FEED_SIZE = 20
SUMMARY_CHARACTERS = 300


def blog_settings(config: MkDocsConfig) -> BlogSettings | None:
    """Where the blog keeps its files and what it allows, from its plugin's options (None: no blog)."""
    plugin = config.plugins.get(BLOG_PLUGIN)
    if plugin is None or not plugin.config.enabled:
        return None
    options = plugin.config
    blog_dir = options.blog_dir.strip("/")
    return BlogSettings(
        Path(config.docs_dir),
        blog_dir,
        options.post_dir.format(blog=blog_dir).strip("/"),
        options.authors_file.format(blog=blog_dir).strip("/"),
        tuple(options.categories_allowed),
        options.post_excerpt_separator,
    )


def feed(news: News, site_name: str, site_url: str, description: str, pages: dict[str, Page]) -> dict:
    """What the RSS template needs: the published posts, newest first, with the addresses the blog gave them.

    `pages` maps a post's src_uri to its built MkDocs page (url and rendered HTML). The feed's date is
    its newest post's, not the clock's, so an unchanged site builds an identical feed."""
    items = []
    for post in news.published()[:FEED_SIZE]:
        page = pages.get(post.page.src_uri)
        if page is None:
            continue
        items.append(
            {
                "title": post.title,
                "link": site_url + page.url,
                "date": email.utils.format_datetime(post.created),
                "categories": post.meta.categories,
                "author": ", ".join(news.authors[key].name for key in post.meta.authors if key in news.authors),
                "summary": post.meta.description or summary(page.content or "", news.settings.excerpt_separator),
            }
        )
    newest = max((post.created for post in news.published()), default=None)
    return {
        "title": f"{site_name}: tin tức",
        "link": f"{site_url}{news.settings.blog_dir}/",
        "feed_url": f"{site_url}{news.settings.blog_dir}/{FEED}",
        "description": description,
        "updated": email.utils.format_datetime(newest) if newest else None,
        "items": items,
    }


def summary(content: str, separator: str) -> str:
    """The plain text of a post's excerpt (before `<!-- more -->`), cut at a word near 300 characters."""
    text = content.split(separator)[0]
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.DOTALL | re.IGNORECASE)
    text = re.sub(r"<h1\b.*?</h1>", " ", text, flags=re.DOTALL | re.IGNORECASE)
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())
    if len(text) > SUMMARY_CHARACTERS:
        text = text[:SUMMARY_CHARACTERS].rsplit(" ", 1)[0] + " …"
    return text
