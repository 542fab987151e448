"""A link labelled "English" leads to the page's own English counterpart (issue 16): a page that has none
says "Vietnamese only" and leads to the English home, never "English" to another page."""
from __future__ import annotations

import posixpath
import re


def _switch(html: str) -> tuple[str, str] | None:
    """The language switch's (address, label) of a built page."""
    match = re.search(r'<a class="ocop-language__switch" href="([^"]*)"[^>]*>(.*?)</a>', html, re.S)
    if not match:
        return None
    return match.group(1), re.sub(r"<[^>]+>|\s+", " ", match.group(2)).strip()


def _page_of(site, page_path: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_path), href)).lstrip("./")


def test_english_links_lead_to_counterparts(built):
    site = built.site
    checked = 0
    for file in sorted(site.rglob("index.html")):
        path = file.relative_to(site).as_posix()
        if path.startswith("en/") or path.startswith("Q/"):
            continue
        switch = _switch(file.read_text(encoding="utf-8"))
        if switch is None:
            continue
        href, label = switch
        target = _page_of(site, path, href + "index.html")
        twin = site / target
        assert twin.is_file(), f"{path}: the switch leads to {target}, which does not exist"
        back = _switch(twin.read_text(encoding="utf-8"))
        mutual = back is not None and _page_of(site, target, back[0] + "index.html") == path
        if label == "English":
            assert mutual, f"/{path[:-10]}: 'English' leads to /{target[:-10]}, which is not its counterpart"
            checked += 1
        else:
            assert label == "Vietnamese only · English home" and target == "en/index.html", (path, label, target)
    assert checked >= 4  # home, catalogue, directory, products, producers


def test_a_post_without_translation_says_vietnamese_only(built):
    posts = [p for p in built.site.joinpath("tin-tuc").rglob("index.html") if re.search(r"/\d{4}/\d\d/\d\d/", p.as_posix())]
    assert posts
    for post in posts:
        href, label = _switch(post.read_text(encoding="utf-8"))
        assert label == "Vietnamese only · English home"
