"""Material's blog as the build sees it (engine/blog.py): where the posts are, from the blog plugin's own
options in mkdocs.yml, and the RSS feed made from the pages the blog rendered."""
from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from conftest import ROOT
from mkdocs.config import load_config
from ocop.engine.blog import BLOG_PLUGIN, blog_settings


def _feed(project) -> dict[str, ElementTree.Element]:
    root = ElementTree.fromstring((project.site / "tin-tuc" / "rss.xml").read_bytes())
    return {item.findtext("title"): item for item in root.iter("item")}


def test_the_posts_are_where_the_blog_plugin_of_mkdocs_yml_says():
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    blog = blog_settings(config)
    assert blog.docs_dir == ROOT / "docs"
    assert (blog.blog_dir, blog.posts_dir, blog.authors_file) == ("tin-tuc", "tin-tuc/posts", "tin-tuc/.authors.yml")
    assert blog.categories == ("Tin tức", "Hội chợ – triển lãm", "Tuyên truyền", "Du lịch – lễ hội")
    assert blog.excerpt_separator == "<!-- more -->"
    config.plugins[BLOG_PLUGIN].config.enabled = False  # a site without news: no posts to read
    assert blog_settings(config) is None


def test_the_feed_lists_the_example_post_and_is_reproducible(built, project):
    items = _feed(built)
    assert list(items) == ["Kế hoạch thực hiện Chương trình OCOP năm 2025 của xã Quảng Trung"]
    assert project.build().code == 0
    assert (project.site / "tin-tuc" / "rss.xml").read_bytes() == (built.site / "tin-tuc" / "rss.xml").read_bytes()
