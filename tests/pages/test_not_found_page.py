"""Unknown addresses: the site's own 404 page, in Vietnamese, and short addresses typed in lower case.

The site is served as GitHub Pages serves it: files as they are, a folder's index.html, and the site's
404.html (with status 404) for every path that does not exist. No rewriting on the server: a lower-case
/q/nm/ reaches the product through the 404 page alone, so it works on any static host.
"""
from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest
from conftest import StaticHost, serve, text_of, wait_until

FISH_SAUCE = "san-pham/nuoc-mam-nam-quyen/"


@pytest.fixture(scope="module")
def host(built):
    with serve(built.site, StaticHost) as address:
        yield address


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.parametrize("typed", ["q/nm/", "q/nm", "Q/nm/", "q/Nm/"])
def test_a_short_address_typed_in_lower_case_opens_the_product(built, host, phone, typed):
    assert status(host + typed) == 404  # no lower-case folder: the host answers with the 404 page
    phone.goto(host + typed)
    phone.wait_for_url(host + FISH_SAUCE, timeout=15000)
    assert phone.locator("h1").inner_text() == "Nước mắm Năm Quyền"


def test_only_the_upper_case_short_folder_exists(built):
    """Windows cannot hold Q/NM and q/nm side by side: the site has one of them."""
    assert (built.site / "Q" / "NM" / "index.html").is_file()
    assert sorted(path.name for path in built.site.iterdir() if path.name.lower() == "q") == ["Q"]


def test_an_unknown_code_stays_on_the_404_page(host, phone):
    phone.goto(host + "q/zz/")
    wait_until(lambda: phone.url == host + "Q/ZZ/", timeout=15)
    phone.wait_for_timeout(500)  # no second redirect: the upper-case address is missing too
    assert phone.url == host + "Q/ZZ/"
    assert phone.locator("h1").inner_text() == "Không tìm thấy trang"


def test_the_404_page_is_vietnamese_and_leads_to_the_catalogue_and_the_search(built, host, phone):
    html = (built.site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="vi"' in html
    text = text_of(html)
    assert "Không tìm thấy trang" in text and "Not found" not in text
    assert "Xem danh sách sản phẩm OCOP" in text and "Tìm kiếm" in text
    assert 'href="/san-pham/"' in html

    phone.goto(host + "san-pham/nuoc-mam/")
    assert phone.locator("h1").inner_text() == "Không tìm thấy trang"
    phone.click("text=Xem danh sách sản phẩm OCOP")
    phone.wait_for_url(host + "san-pham/")

    phone.goto(host + "san-pham/nuoc-mam/")
    query = phone.locator("#ocop-not-found-query")
    assert query.input_value() == "nuoc mam"  # the words of the address the visitor tried
    phone.click("form.ocop-not-found-search button")
    meta = phone.locator(".md-search-result__meta")
    wait_until(lambda: "tài liệu" in meta.inner_text(), timeout=30)
    links = phone.eval_on_selector_all("a.md-search-result__link", "links => links.map(a => a.href)")
    assert host + FISH_SAUCE in [link.split("#")[0] for link in links]


def test_short_address_pages_name_the_favicon(built):
    html = (built.site / "Q" / "NM" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="icon" href="../../assets/images/favicon.png">' in html
    assert (built.site / "assets" / "images" / "favicon.png").is_file()


def test_the_404_page_speaks_english_under_en(host, phone):
    """One 404.html for every missing address: under /en/ it reads in English and leads to English pages."""
    phone.goto(host + "en/products/fish-sauce/")
    assert phone.locator("h1").inner_text() == "Page not found"
    assert phone.evaluate("document.documentElement.lang") == "en"
    assert phone.title().startswith("Page not found - ")
    article = phone.locator("article").inner_text()
    assert "Không tìm thấy" not in article and "Tìm kiếm" not in article
    assert "not on the site Quảng Trung OCOP products:" in article  # the site's English name
    phone.click("text=See the OCOP products")
    phone.wait_for_url(host + "en/products/")
    phone.goto(host + "san-pham/khong-co/")  # elsewhere, still Vietnamese
    assert phone.locator("h1").inner_text() == "Không tìm thấy trang"


ENGLISH_NAME = "Quảng Trung OCOP products"
# Letters only Vietnamese writes (a label in them is a Vietnamese label).
VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)


def test_under_en_the_header_menu_footer_and_title_are_english(host, phone):
    """One 404.html for every missing address: under /en/ its chrome is an English page's, and works."""
    phone.goto(host + "en/nothing-here/")
    assert phone.title() == f"Page not found - {ENGLISH_NAME}"
    assert phone.locator(".md-header__topic").first.inner_text().strip() == ENGLISH_NAME
    assert phone.locator("header .md-logo").get_attribute("href") == "/en/"
    footer = phone.locator(".md-footer").inner_text()
    assert "Guide for the commune's staff" in footer and not VIETNAMESE_LETTERS.search(footer)
    phone.click("label.md-header__button[for='__drawer']")  # Material's drawer still opens: the menu on a phone
    entries = phone.locator(".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link")
    entries.first.wait_for(state="visible")
    menu = [(entry.inner_text().strip(), entry.get_attribute("href")) for entry in entries.all()]
    assert menu[:3] == [("Home", "/en/"), ("OCOP products", "/en/products/"), ("Producers", "/en/producers/")]
    assert all(href.startswith("/en/") and not VIETNAMESE_LETTERS.search(label) for label, href in menu), menu
    assert phone.locator(".md-nav--primary > .md-nav__title").inner_text().strip() == ENGLISH_NAME

    phone.goto(host + "en/nothing-here/")  # the search box speaks English and finds English pages
    phone.click("label.md-header__button[for='__search']")
    box = phone.locator("input.md-search__input")
    assert box.get_attribute("placeholder") == "Search"
    box.press_sequentially("fish sauce", delay=50)
    meta = phone.locator(".md-search-result__meta")
    wait_until(lambda: "matching document" in meta.inner_text(), timeout=30)
    hrefs = phone.eval_on_selector_all("a.md-search-result__link", "links => links.map(a => a.href)")
    assert host + "en/products/nuoc-mam-nam-quyen/" in [href.split("#")[0] for href in hrefs]
    assert all(href.startswith(host + "en/") for href in hrefs), hrefs

    phone.goto(host + "san-pham/khong-co/")  # elsewhere the chrome stays Vietnamese
    assert phone.title() == "Không tìm thấy trang - Sản phẩm OCOP xã Quảng Trung"
    assert phone.locator(".md-header__topic").first.inner_text().strip() == "Sản phẩm OCOP xã Quảng Trung"
    assert "Hướng dẫn cập nhật trang" in phone.locator(".md-footer").inner_text()


def test_the_404_page_runs_no_script_of_its_own_inline(built):
    """The server's Content-Security-Policy forbids inline scripts: the page's own are files."""
    html = (built.site / "404.html").read_text(encoding="utf-8")
    assert "short-address.js" in html and "not-found.js" in html
    assert "ocop-not-found-query" not in " ".join(re.findall(r"<script>(.*?)</script>", html, re.S))
    assert "toUpperCase" not in " ".join(re.findall(r"<script>(.*?)</script>", html, re.S))
