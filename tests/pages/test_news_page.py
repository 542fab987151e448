"""A news post's page: what the post may show."""
from __future__ import annotations

POST = "docs/tin-tuc/posts/2026-11-28-ke-hoach-ocop-nam-2025.md"


def test_a_post_showing_a_photo_from_another_host_is_refused_in_vietnamese(project):
    """The site loads nothing from another host: a photo pasted as an address (the editor's image dialog
    offers no URL entry) is named with its line, and the site is not built."""
    post = project.root / POST
    text = post.read_text(encoding="utf-8")
    post.write_text(text + "\n![Gian hàng](https://example.org/gian-hang.jpg)\n", encoding="utf-8")
    line = len(text.splitlines()) + 2
    result = project.ocop("check")
    assert result.code != 0
    assert (
        f"{POST}:{line}: ảnh 'https://example.org/gian-hang.jpg' lấy từ trang web khác: trang web của xã không tải "
        "gì từ nơi khác"
    ) in result.text
    result = project.build()
    assert result.code != 0 and not (project.site / "index.html").exists()


HOSTILE_TITLE = "<script>alert(1)</script> Tin <img src=x onerror=alert(2)> thử nghiệm"
HOSTILE_POST = (
    "---\n"
    f"title: '{HOSTILE_TITLE}'\n"
    "date: 2026-12-02\n"
    "categories:\n  - Tuyên truyền\n"
    "authors:\n  - van-hoa-xa-hoi\n"
    "description: '\"><script>alert(3)</script> Mô tả thử nghiệm'\n"
    "---\n\nNội dung thử nghiệm.\n"
)
NEWS_PAGES = ["", "tin-tuc/", "tin-tuc/chuyen-muc/tuyen-truyen/", "tin-tuc/luu-tru/2026/"]


def test_a_post_title_with_markup_reads_as_text_in_every_news_page_the_feed_and_search(project, browser):
    """The blog writes a post's title into Markdown (the excerpts of /tin-tuc/, the category and archive
    pages), the menus and the search index; Material's search shows results as HTML."""
    project.write("docs/tin-tuc/posts/thu-nghiem.md", HOSTILE_POST)
    with project.built_and_served() as address:
        post = next((project.site / "tin-tuc" / "2026" / "12" / "02").iterdir()).relative_to(project.site).as_posix() + "/"
        index = (project.site / "search" / "search_index.json").read_text(encoding="utf-8")
        assert "<script" not in index and "<img src=x" not in index
        assert "&lt;script&gt;alert(1)&lt;/script&gt; Tin &lt;img src=x onerror=alert(2)&gt;" in index
        feed = _feed_titles(project)
        assert HOSTILE_TITLE in feed
        page = browser.new_page()
        fired: list[str] = []
        page.on("dialog", lambda dialog: (fired.append(dialog.message), dialog.dismiss()))
        try:
            for path in [*NEWS_PAGES, post]:
                page.goto(address + path)
                page.wait_for_load_state("load")
                page.wait_for_timeout(200)  # an onerror would have fired by now
                assert fired == [], path
                assert HOSTILE_TITLE in " ".join(page.locator("main").inner_text().split()), path
                assert page.evaluate(
                    "() => [...document.querySelectorAll('script, img')].filter(e => e.textContent.includes('alert(')"
                    " || e.getAttribute('src') === 'x').length"
                ) == 0
            assert page.title().startswith(HOSTILE_TITLE)
            assert page.locator('meta[name="description"]').get_attribute("content").startswith('"><script>alert(3)')
            page.keyboard.press("/")
            page.locator("input.md-search__input").press_sequentially("thử nghiệm", delay=30)
            page.locator(".md-search-result__item").first.wait_for(timeout=15000)
            page.wait_for_timeout(300)
            assert "<script>alert(1)</script>" in page.locator(".md-search-result").inner_text()
            assert fired == []
        finally:
            page.close()


def _feed_titles(project) -> list[str]:
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.fromstring((project.site / "tin-tuc" / "rss.xml").read_bytes())
    return [item.findtext("title") for item in root.iter("item")]
