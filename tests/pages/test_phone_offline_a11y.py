"""On a phone with the network cut off: every page type loads everything it needs from its own host,
axe-core finds no accessibility violation, and the catalogue's filters work with a keyboard."""
from __future__ import annotations

import pytest
from conftest import only_from

# One page of each type, in both languages, and the short address a QR code opens.
PAGES = [
    "",
    "san-pham/",
    "san-pham/nuoc-mam-nam-quyen/",
    "san-pham/nem-huan-hong/",
    "co-so/",
    "co-so/nam-quyen/",
    "ke-hoach-2025/",
    "en/",
    "en/products/",
    "en/products/nuoc-mam-nam-quyen/",
    "en/products/nem-huan-hong/",
    "en/producers/",
    "en/producers/nam-quyen/",
    "Q/NM/",
]


@pytest.fixture(scope="module")
def axe():
    axe_playwright = pytest.importorskip("axe_playwright_python.sync_playwright")
    return axe_playwright.Axe()


@pytest.fixture(scope="module", params=["vi-VN", "en-US"])
def cut_off_visit(request, browser, tourist_site, axe):
    """A phone whose every request to another host is blocked and counted (and every failed one), after it
    opened every page of PAGES once: axe-core's report on each (the short address aside, which forwards),
    and a search on the home page. The tests below read what this one walk met (each page is loaded once a
    language, not once a test: the walk was half of this module's time)."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale=request.param)
    outside, failed, reports = only_from(context, tourist_site.address), [], {}
    page = context.new_page()
    page.on("response", lambda response: response.status >= 400 and failed.append(response.url))
    for path in PAGES:
        page.goto(tourist_site.address + path)
        page.wait_for_load_state("networkidle")
        if path != PAGES[-1]:
            result = axe.run(page)
            if result.violations_count:
                reports[path or "/"] = result.generate_report()
        if path == "":
            page.click("label[for=__search]")  # search runs in a worker, from an index on this host
            page.keyboard.type("OCOP")
            page.locator(".md-search-result__item").first.wait_for()
    page.outside, page.failed, page.reports = outside, failed, reports
    yield page
    context.close()


def test_no_page_needs_another_host(cut_off_visit):
    assert cut_off_visit.outside == []
    assert cut_off_visit.failed == []


def test_the_product_photo_is_shown_from_this_host(cut_off_visit, tourist_site):
    page = cut_off_visit
    page.goto(tourist_site.address + "san-pham/nuoc-mam-nam-quyen/")
    assert page.locator("picture img").evaluate("img => img.complete && img.naturalWidth") > 0
    assert page.outside == [] and page.failed == []


def test_axe_finds_no_violation(cut_off_visit):
    """With the offer of the English page showing too, for the foreign phone."""
    reports = cut_off_visit.reports
    assert not reports, "\n".join(f"{path}: {report}" for path, report in reports.items())


def test_catalogue_filters_work_by_keyboard(phone, tourist_site):
    """The filters are links: Tab reaches them, Enter follows one, and the focus is visible."""
    phone.goto(tourist_site.address + "san-pham/")
    link = phone.locator(".ocop-filters a", has_text="3 sao")
    for _ in range(60):  # Tab through the page until the rating filter "3 sao" has the focus
        phone.keyboard.press("Tab")
        if link.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("the rating filter cannot be reached with Tab")
    outline = link.evaluate("element => getComputedStyle(element).outlineStyle")
    assert outline != "none"  # the focused link shows where the keyboard is
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/san-pham/hang/3-sao/")
    assert phone.locator(".ocop-filters__count").inner_text() == "2 sản phẩm"
