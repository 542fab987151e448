"""Batch pages: the traceability facts of one batch, its own QR code, and what an expired batch says.

Fictional batches in a throw-away copy: the fish sauce gets the short code NM and two batches, the
nem (no code) one batch. The site is built on the expiry day of batch L2406A and on the day after.
A batch's printed code forwards with the marker a product's code adds (?qr), and the batch page then
puts checking the pack first; the QR payload itself never changes (tests/baseline/addresses.txt).
"""
from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from conftest import (
    full_tier_fixture,
    NEXT_DAY,
    SITE_URL,
    TODAY,
    copy_project,
    decode_qr,
    epoch,
    phone_page,
    serve,
    text_of,
)

FISH_SAUCE = "products/nam-quyen/nuoc-mam-nam-quyen.yml"
# A product without a short code (the two example products have theirs).
NO_CODE = "products/huan-hong/gio-thu-nghiem.yml"
SHORT_HOST = SITE_URL.upper().rstrip("/")

FISH_SAUCE_BATCHES = """\
batches:
  - code: L2406A
    produced: 15/03/2024
    expires: 15/03/2026
    raw_material: Cá cơm thử nghiệm, vùng biển thử nghiệm
    notes: Lô dùng cho kiểm thử.
  - code: L2503
    produced: 2025-03-01
"""
NO_CODE_PRODUCT = """\
name: Giò thử nghiệm
slug: gio-thu-nghiem
producer: huan-hong
group: thuc-pham
batches:
  - code: N1
    produced: 01/03/2026
    expires: 31/03/2026
"""


def with_batches(project):
    text = (project.root / FISH_SAUCE).read_text(encoding="utf-8")
    project.write(FISH_SAUCE, text + FISH_SAUCE_BATCHES)
    project.write(NO_CODE, NO_CODE_PRODUCT)
    return project


@full_tier_fixture(scope="module")
def batch_sites(tmp_path_factory):
    sites = {}
    for day in (TODAY, NEXT_DAY):
        project = with_batches(copy_project(tmp_path_factory.mktemp(f"batches-{day}") / "project"))
        result = project.build(env={"SOURCE_DATE_EPOCH": epoch(day)})
        assert result.code == 0, result.text
        sites[day] = project
    return sites


def test_batch_page_shows_the_traceability_facts(batch_sites):
    text = text_of(batch_sites[TODAY].page("san-pham/nuoc-mam-nam-quyen/lo/L2406A/"))
    assert "Nước mắm Năm Quyền: lô L2406A" in text
    for fact in (
        "Mã lô L2406A",
        "Ngày sản xuất 15/03/2024",
        "Hạn sử dụng Đến hết ngày 15/03/2026",
        "Nguồn gốc nguyên liệu Cá cơm thử nghiệm, vùng biển thử nghiệm",
        "Cơ sở sản xuất Năm Quyền",
        "Lô dùng cho kiểm thử.",
    ):
        assert fact in text, fact
    assert "Thông tin tính đến ngày 15/03/2026." not in text  # the build day is not when the data was confirmed
    assert "hết hạn" not in text


def test_expired_batch_says_so(batch_sites):
    text = text_of(batch_sites[NEXT_DAY].page("san-pham/nuoc-mam-nam-quyen/lo/L2406A/"))
    assert "Lô này đã hết hạn sử dụng" in text
    assert "Hạn sử dụng Đến hết ngày 15/03/2026: đã hết hạn" in text
    product = text_of(batch_sites[NEXT_DAY].page("san-pham/nuoc-mam-nam-quyen/"))
    assert "L2406A 15/03/2024 15/03/2026 (đã hết hạn)" in product
    assert "L2503 01/03/2025" in product


def test_product_page_links_its_batches(batch_sites):
    html = batch_sites[TODAY].page("san-pham/nuoc-mam-nam-quyen/")
    assert 'href="lo/L2406A/"' in html and 'href="lo/L2503/"' in html
    batch = batch_sites[TODAY].page("san-pham/nuoc-mam-nam-quyen/lo/L2406A/")
    assert 'href="../../"' in batch  # back to the product
    assert 'href="../../../../co-so/nam-quyen/"' in batch


def test_batch_qr_encodes_the_short_address_that_forwards_to_the_batch(batch_sites):
    site = batch_sites[TODAY].site
    png = site / "san-pham/nuoc-mam-nam-quyen/lo/L2406A/qr-nuoc-mam-nam-quyen-lo-L2406A.png"
    assert decode_qr(png) == [f"{SHORT_HOST}/Q/NM/L2406A/"]
    forward = (site / "Q/NM/L2406A/index.html").read_text(encoding="utf-8")
    target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', forward).group(1)
    # "?qr": the batch page puts checking the pack first, as a product's code does.
    assert urljoin(f"{SITE_URL}Q/NM/L2406A/", target) == f"{SITE_URL}san-pham/nuoc-mam-nam-quyen/lo/L2406A/?qr"
    assert (site / "san-pham/nuoc-mam-nam-quyen/lo/L2406A/index.html").is_file()


def test_batch_of_a_product_without_code_encodes_its_page(batch_sites):
    site = batch_sites[TODAY].site
    assert decode_qr(site / "san-pham/gio-thu-nghiem/lo/N1/qr-gio-thu-nghiem-lo-N1.png") == [
        f"{SITE_URL}san-pham/gio-thu-nghiem/lo/N1/"
    ]
    assert not (site / "Q").exists() or not any((site / "Q").glob("*/N1"))


def test_scanning_the_batch_code_opens_the_batch_page(phone, batch_sites):
    with serve(batch_sites[TODAY].site) as address:
        phone.goto(address + "Q/NM/L2406A/")
        phone.wait_for_url("**/san-pham/nuoc-mam-nam-quyen/lo/L2406A/")
        assert phone.locator("h1").inner_text() == "Nước mắm Năm Quyền: lô L2406A"


def test_batch_pages_stay_out_of_the_navigation(batch_sites):
    result = batch_sites[TODAY].build(env={"SOURCE_DATE_EPOCH": epoch(TODAY)})
    assert "not included in the \"nav\"" not in result.text


BAD_BATCHES = {
    # id: (batches YAML, expected line, field, words)
    "lower-case": ("batches:\n  - code: l2406a\n    produced: 01/01/2025\n", 7, "batches[0].code", "chữ IN HOA không dấu và chữ số"),
    "slash": ("batches:\n  - code: L24/06\n    produced: 01/01/2025\n", 7, "batches[0].code", "mã lô chỉ gồm"),
    "no-date": ("batches:\n  - code: L1\n", 7, "batches[0].produced", "thiếu trường bắt buộc"),
    "expires-first": (
        "batches:\n  - code: L1\n    produced: 01/01/2025\n    expires: 01/01/2024\n", 9, "batches[0].expires",
        "hạn sử dụng phải sau ngày sản xuất",
    ),
    "duplicate": (
        "batches:\n  - code: L1\n    produced: 01/01/2025\n  - code: L1\n    produced: 02/01/2025\n", 6, "batches", "mã lô L1 được ghi hai lần"
    ),
}


@pytest.mark.parametrize("case", BAD_BATCHES)
def test_bad_batches_are_explained(example, case):
    batches, line, field, words = BAD_BATCHES[case]
    example.write("products/nam-quyen/mam-tom.yml", "name: Mắm tôm thử nghiệm\nproducer: nam-quyen\ngroup: thuc-pham\ncertification:\n  stars: 3\n" + batches)
    result = example.check()
    assert result.code == 1 and "Traceback" not in result.text
    message = next((row for row in result.err.splitlines() if "mam-tom.yml" in row), "")
    assert f"mam-tom.yml:{line}:" in message and f"trường '{field}'" in message and words in message, result.err


BATCH = "batches:\n  - code: L2406A\n    produced: 2025-06-01\n    expires: 2027-06-01\n"


@full_tier_fixture(scope="module")
def batch_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("batch") / "project")
    product = project.products / "nam-quyen" / "nuoc-mam-nam-quyen.yml"
    product.write_text(product.read_text(encoding="utf-8") + BATCH, encoding="utf-8")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    # zalo:\n", '    zalo: "0900000000"\n'), encoding="utf-8")
    with project.built_and_served() as address:
        yield project, address


def test_the_batch_code_forwards_with_the_marker(batch_site):
    project, _ = batch_site
    forwarding = project.page("Q/NM/L2406A/")
    assert 'url=../../../san-pham/nuoc-mam-nam-quyen/lo/L2406A/?qr"' in forwarding


def test_from_the_batch_code_the_page_puts_checking_the_pack_first(batch_site, browser):
    """Shows: at 360 px, the check block opens the page under the name; the marker leaves the address."""
    _, address = batch_site
    with phone_page(browser, "vi-VN") as page:
        page.goto(address + "Q/NM/L2406A/")
        page.wait_for_url("**/san-pham/nuoc-mam-nam-quyen/lo/L2406A/")
        check = page.locator("#kiem-tra-bao-bi")
        assert check.is_visible()
        text = check.inner_text()
        assert "Bạn vừa quét mã QR trên bao bì" in text and "mã lô L2406A" in text and "OCOP 3 sao" in text
        assert check.locator("a[href='https://zalo.me/0900000000']").count() == 1
        assert check.bounding_box()["y"] < page.get_by_role("heading", name="Thông tin lô sản xuất").bounding_box()["y"]
        page.goto(address + "san-pham/nuoc-mam-nam-quyen/lo/L2406A/")
        assert page.locator("#kiem-tra-bao-bi").is_hidden()
