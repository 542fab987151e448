"""Fairs and exhibitions, in Vietnamese (/hoi-cho/) and English (/en/fairs/), from one template (issue 16,
item 5). The fairs below are test data, plainly fictional, judged on a fixed build day (15/03/2026)."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import full_tier_fixture, copy_project, epoch, phone_page, text_of

COMING = """\
name: Hội chợ thử mùa thu
start: 2026-09-01
end: 2026-09-03
place: Nhà văn hóa Thử Nghiệm
booth: Gian số 0
products: [nuoc-mam-nam-quyen]
description: Giới thiệu thử nghiệm.
"""
PAST = "name: Hội chợ thử mùa xuân\nstart: 2025-03-01\nproducts: [nem-huan-hong]\n"


@full_tier_fixture(scope="module")
def fairs_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("fairs") / "project")
    project.write("products/_hoi-cho/hoi-cho-thu-mua-thu.yml", COMING)
    project.write("products/_hoi-cho/hoi-cho-thu-mua-xuan.yml", PAST)
    with project.built_and_served(env={"SOURCE_DATE_EPOCH": epoch(dt.date(2026, 3, 15))}) as address:
        yield project, address


def test_the_english_page_lists_upcoming_then_past_fairs_in_english_words(fairs_site):
    project, _ = fairs_site
    html = project.page("en/fairs/")
    text = text_of(html)
    assert '<html lang="en"' in html
    assert text.index("Coming up") < text.index("Hội chợ thử mùa thu") < text.index("Past") < text.index("Hội chợ thử mùa xuân")
    assert "Dates: 1 September 2026 – 3 September 2026" in text and "Place: Nhà văn hóa Thử Nghiệm" in text
    assert "Stall: Gian số 0 (Vietnamese)" in text and "Partly in Vietnamese" in text
    assert "List as of 15 March 2026" in text
    assert 'href="../products/nuoc-mam-nam-quyen/"' in html and 'href="../where-to-buy/"' in html
    assert "Sắp diễn ra" not in text


def test_the_vietnamese_page_reads_as_before(fairs_site):
    project, _ = fairs_site
    text = text_of(project.page("hoi-cho/"))
    assert "Thời gian: 01/09/2026 – 03/09/2026" in text and "Danh sách tính đến ngày 15/03/2026" in text
    assert "(Vietnamese)" not in text


def test_the_english_product_page_names_the_coming_fair(fairs_site):
    project, _ = fairs_site
    html = project.page("en/products/nuoc-mam-nam-quyen/")
    assert "Coming soon to fairs and exhibitions: Hội chợ thử mùa thu: 1 September 2026 – 3 September 2026" in text_of(html)
    assert 'href="../../fairs/#hoi-cho-thu-mua-thu"' in html


def test_english_on_the_vietnamese_page_opens_its_counterpart_on_a_phone(fairs_site, browser):
    _, address = fairs_site
    with phone_page(browser, "vi-VN") as page:
        page.goto(address + "hoi-cho/")
        page.get_by_role("link", name="English").click()
        page.wait_for_url("**/en/fairs/")
        assert page.locator("article h1").inner_text() == "Fairs and exhibitions"
        assert page.locator("article h3", has_text="Hội chợ thử mùa thu").is_visible()
        page.get_by_role("link", name="Tiếng Việt").click()
        page.wait_for_url("**/hoi-cho/")
