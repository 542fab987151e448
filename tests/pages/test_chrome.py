"""The words around a page (menu, site name, search box, footer) are in the page's language: an English
page has an English menu leading to English pages, the English site name, an English search box and
footer, and `lang="en"`; a Vietnamese page keeps Material's menu from mkdocs.yml."""
from __future__ import annotations

import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import BIN, ROOT, loaded

ENGLISH_NAME = "Quảng Trung OCOP products"
VIETNAMESE_NAME = "Sản phẩm OCOP xã Quảng Trung"
# What the English menu offers, in order, when the build has the page (the address it leads to).
ENGLISH_MENU = {
    "Home": "en/",
    "OCOP products": "en/products/",
    "Producers": "en/producers/",
    "Where to buy": "en/where-to-buy/",
    "Fairs and exhibitions": "en/fairs/",
}
# Letters only Vietnamese writes (a label in them is a Vietnamese label).
VIETNAMESE_LETTERS = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I)


def vietnamese_tabs() -> list[str]:
    """The labels of the tabs mkdocs.yml names (its `nav:`), as a Vietnamese page shows them."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        text = re.sub(r"!!python/name:\S+", "''", file.read())
    return [next(iter(item)) for item in yaml.safe_load(text)["nav"]]


def english_pages(site: Path) -> list[str]:
    return sorted(path.parent.relative_to(site).as_posix() + "/" for path in (site / "en").rglob("index.html"))


def open_menu(page) -> list[tuple[str, str]]:
    """Open the drawer (the menu on a phone) and read its entries: (label, address)."""
    page.click("label.md-header__button[for='__drawer']")
    entries = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link")
    entries.first.wait_for(state="visible")
    return [(entry.inner_text().strip(), entry.evaluate("a => a.href")) for entry in entries.all()]


def chrome_of(page) -> dict:
    page.click("label.md-header__button[for='__search']")
    search = page.locator("input.md-search__input")
    search.wait_for(state="visible")
    chrome = {
        "lang": page.locator("html").get_attribute("lang"),
        "site_name": page.locator(".md-header__topic").first.inner_text().strip(),
        "placeholder": search.get_attribute("placeholder"),
        "footer": page.locator(".md-footer").inner_text().strip(),
        "title": page.title(),
    }
    page.keyboard.press("Escape")
    page.reload()
    chrome["menu"] = open_menu(page)
    return chrome


def test_every_english_page_speaks_english_around_its_content(phone, built, site_server):
    pages = english_pages(built.site)
    assert "en/" in pages and "en/products/nuoc-mam-nam-quyen/" in pages and "en/producers/nam-quyen/" in pages
    expected = [label for label, url in ENGLISH_MENU.items() if (built.site / url / "index.html").is_file()]
    assert expected[:3] == ["Home", "OCOP products", "Producers"]
    vietnamese = vietnamese_tabs()
    for path in pages:
        phone.goto(site_server + path)
        chrome = chrome_of(phone)
        assert chrome["lang"] == "en", path
        assert chrome["site_name"] == ENGLISH_NAME, path
        assert chrome["title"].endswith(f" - {ENGLISH_NAME}") or chrome["title"] == ENGLISH_NAME, path
        assert chrome["placeholder"] == "Search", path
        assert "Guide for the commune's staff" in chrome["footer"], path
        assert not VIETNAMESE_LETTERS.search(chrome["footer"]), (path, chrome["footer"])
        labels = [label for label, _ in chrome["menu"]]
        assert labels == expected, path
        assert not set(labels) & set(vietnamese), path
        for label, href in chrome["menu"]:  # each entry opens the English page it names
            assert href == site_server + ENGLISH_MENU[label], (path, label, href)
            assert '<html lang="en"' in built.page(ENGLISH_MENU[label])


def test_the_english_menu_marks_where_the_reader_is(built):
    product = built.page("en/products/nuoc-mam-nam-quyen/")
    active = re.findall(r'md-tabs__item md-tabs__item--active">\s*<a href="([^"]*)"', product)
    assert active == ["../"]  # the catalogue's tab, as a Vietnamese product page shows its own
    home = built.page("en/")
    assert re.findall(r'md-tabs__item md-tabs__item--active">\s*<a href="([^"]*)"', home) == ["./"]


def test_a_vietnamese_page_keeps_the_menu_of_mkdocs_yml(phone, built, site_server):
    phone.goto(site_server + "san-pham/nuoc-mam-nam-quyen/")
    chrome = chrome_of(phone)
    assert chrome["lang"] == "vi"
    assert chrome["site_name"] == VIETNAMESE_NAME
    assert chrome["title"] == f"Nước mắm Năm Quyền - {VIETNAMESE_NAME}"
    assert chrome["placeholder"] == "Tìm kiếm"
    assert chrome["footer"] == "Hướng dẫn cập nhật trang (dành cho cán bộ xã)"
    assert [label for label, _ in chrome["menu"]] == vietnamese_tabs()


def test_a_vietnamese_page_has_no_english_left_by_material(built):
    """Material's Vietnamese leaves "Initializing search" (the search box until its index has loaded, long on
    slow data) and "Metadata" (above a post's date) in English, and calls the back-to-top button "Trở lại mục
    lục" (back to the table of contents)."""
    post = next((built.site / "tin-tuc").glob("20*/*/*/*/index.html")).read_text(encoding="utf-8")
    for page in (built.page("san-pham/nuoc-mam-nam-quyen/"), post):
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
        assert "Đang khởi tạo tìm kiếm" in text and "Lên đầu trang" in text
        assert 'aria-label="Mục chính"' in page
        for english in ("Initializing search", "Metadata", "Back to top", "Trở lại mục lục", 'aria-label="Tabs"'):
            assert english not in page
    assert "Thông tin bài viết" in post


def test_the_menu_names_each_english_page_the_build_has():
    """Where to buy and fairs enter the English menu once their English pages exist; a page the build
    lacks is never linked (the site check would stop the build on the broken link)."""
    project = loaded(ROOT / "mkdocs.yml")
    every = set(ENGLISH_MENU.values())
    chrome = project.theme_chrome(every)
    assert list(chrome) == ["en"]  # Vietnamese pages keep mkdocs.yml's menu
    english = chrome["en"]
    assert english["site_name"] == ENGLISH_NAME and english["home"] == "en/"
    assert [(item["title"], item["url"]) for item in english["menu"]] == list(ENGLISH_MENU.items())
    without = project.theme_chrome(every - {"en/fairs/"})["en"]["menu"]
    assert [item["title"] for item in without] == ["Home", "OCOP products", "Producers", "Where to buy"]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="Zensical needs Python 3.11")
def test_the_exported_site_keeps_the_english_menu(project, tmp_path):
    """`ocop export` writes the English menu into its settings: Zensical draws the English pages with it
    (its own header keeps the Vietnamese site name: the one part not carried over)."""
    exported = tmp_path / "exported"
    result = project.ocop("export", str(exported))
    assert result.code == 0, result.text
    zensical = subprocess.run([str(BIN / "zensical"), "build"], cwd=exported, capture_output=True, text=True)
    assert zensical.returncode == 0, zensical.stdout + zensical.stderr
    html = (exported / "site" / "en" / "products" / "nuoc-mam-nam-quyen" / "index.html").read_text(encoding="utf-8")
    tabs = re.search(r'<nav class="md-tabs".*?</nav>', html, re.S).group(0)
    labels = [re.sub(r"\s+", " ", label).strip() for label in re.findall(r'class="md-tabs__link">(.*?)</a>', tabs, re.S)]
    assert labels[:3] == ["Home", "OCOP products", "Producers"]
    links = re.findall(r'<a href="([^"]*)" class="md-tabs__link"', tabs)
    assert posixpath.normpath(posixpath.join("en/products/nuoc-mam-nam-quyen/", links[1])) == "en/products"
    assert f"<title>Năm Quyền fish sauce - {ENGLISH_NAME}</title>" in html
    assert "Guide for the commune's staff (in Vietnamese)" in html
    vietnamese = (exported / "site" / "san-pham" / "index.html").read_text(encoding="utf-8")
    assert "Cơ sở sản xuất" in re.search(r'<nav class="md-tabs".*?</nav>', vietnamese, re.S).group(0)
