"""Search finds products with or without Vietnamese diacritics, in a real browser (Material's own search)."""
from __future__ import annotations

import json
import urllib.parse

import pytest
from conftest import full_tier_fixture, copy_project, wait_until

# Test data only: a fictional product whose summary says "đặc sản".
EXTRA = {
    "products/huan-hong/nem-chua-thu-nghiem.yml": (
        "name: Nem chua thử nghiệm\nproducer: huan-hong\ngroup: thuc-pham\n"
        "summary: Đặc sản thử nghiệm, gói lá chuối.\n"
    ),
}
# query without diacritics, the same query with them, the page it must find
QUERIES = [
    ("nuoc mam", "nước mắm", "san-pham/nuoc-mam-nam-quyen/"),
    ("nem chua", "nem chua", "san-pham/nem-chua-thu-nghiem/"),
    ("huan hong", "Huân Hồng", "san-pham/nem-huan-hong/"),
    ("dac san", "đặc sản", "san-pham/nem-chua-thu-nghiem/"),
]


@full_tier_fixture(scope="module")
def search_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("search") / "project")
    for path, text in EXTRA.items():
        project.write(path, text)
    with project.built_and_served() as address:
        yield address, project


def results(page, address: str, query: str, where: str = "") -> list[str]:
    """The addresses Material's search lists for `query` (deep link ?q=…) on the page at `where`,
    relative to the site."""
    page.goto(address + where + "?q=" + urllib.parse.quote(query))
    meta = page.locator(".md-search-result__meta")
    # "… tài liệu liên quan" once the query ran (before: "Đang khởi tạo tìm kiếm", "Nhập để bắt đầu …"),
    # "… matching documents" in English.
    wait_until(lambda: "tài liệu" in meta.inner_text() or "document" in meta.inner_text(), timeout=30)
    # Material shows the first ten results and more as the list is scrolled: scroll until all are there.
    count = -1
    while count != (count := page.locator("a.md-search-result__link").count()):
        page.evaluate("document.querySelector('.md-search__scrollwrap').scrollTop = 1e9")
        page.wait_for_timeout(300)
    hrefs = page.eval_on_selector_all("a.md-search-result__link", "links => links.map(a => a.href)")
    return sorted({href.removeprefix(address).split("#")[0] for href in hrefs})


@pytest.mark.parametrize("plain,accented,expected", QUERIES, ids=[q[0] for q in QUERIES])
def test_a_query_without_diacritics_finds_what_the_accented_one_finds(phone, search_site, plain, accented, expected):
    address, _ = search_site
    found_plain = results(phone, address, plain)
    found_accented = results(phone, address, accented)
    assert expected in found_plain
    assert expected in found_accented
    # The same products and producers (hand-written pages may rank and match a little differently).
    def catalogue(found):
        return {address for address in found if address.startswith(("san-pham/", "co-so/"))}

    assert catalogue(found_plain) == catalogue(found_accented)


def test_d_without_stroke_finds_d_with_stroke(phone, search_site):
    address, _ = search_site
    assert "san-pham/nem-chua-thu-nghiem/" in results(phone, address, "Dac")
    assert "san-pham/nem-chua-thu-nghiem/" in results(phone, address, "Đặc")


def test_results_show_the_text_as_written(phone, search_site):
    address, _ = search_site
    results(phone, address, "nuoc mam")
    titles = phone.locator(".md-search-result__article h1").all_inner_texts()
    assert "Nước mắm Năm Quyền" in titles


def test_the_index_keeps_the_original_words_and_adds_folded_ones(search_site):
    _, project = search_site
    index = json.loads((project.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entry = next(doc for doc in index["docs"] if doc["location"] == "san-pham/nem-chua-thu-nghiem/")
    assert entry["title"] == "Nem chua thử nghiệm" and "Đặc sản" in entry["text"]
    assert "dac" in entry["folded_text"].split() and "nghiem" in entry["folded_title"].split()
    assert index["config"]["fields"]["folded_title"] == index["config"]["fields"]["title"]


def test_a_page_searches_the_pages_of_its_own_language(phone, search_site):
    """"nuoc mam" on a Vietnamese page listed the product twice, once as its English page."""
    address, _ = search_site
    for query in ("nuoc mam", "nam quyen"):
        vietnamese = results(phone, address, query)
        assert "san-pham/nuoc-mam-nam-quyen/" in vietnamese
        assert [found for found in vietnamese if found.startswith("en/")] == [], query
    for where in ("en/", "en/products/nem-huan-hong/"):
        english = results(phone, address, "nam quyen", where)  # "Năm Quyền fish sauce"
        assert "en/products/nuoc-mam-nam-quyen/" in english, where
        assert [found for found in english if not found.startswith("en/")] == [], where
    # Typed in the search box, as a visitor does, on a product page of each language.
    vietnamese = typed(phone, address + "san-pham/nem-huan-hong/", "nuoc mam")
    assert address + "san-pham/nuoc-mam-nam-quyen/" in vietnamese
    assert [href for href in vietnamese if href.startswith(address + "en/")] == []
    english = typed(phone, address + "en/products/nem-huan-hong/", "fish sauce")
    assert address + "en/products/nuoc-mam-nam-quyen/" in english
    assert [href for href in english if not href.startswith(address + "en/")] == []


def typed(page, url: str, query: str) -> list[str]:
    """The pages Material's search lists while `query` is typed into the search box of the page at `url`."""
    page.goto(url)
    page.click("label.md-header__button[for='__search']")
    page.locator("input.md-search__input").press_sequentially(query, delay=50)
    page.locator("a.md-search-result__link").first.wait_for(timeout=30000)
    hrefs = page.eval_on_selector_all("a.md-search-result__link", "links => links.map(a => a.href)")
    return sorted({href.split("#")[0] for href in hrefs})
