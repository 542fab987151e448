"""The English product page (/en/products/<slug>/) shows the buyer the same blocks as the Vietnamese one,
from the same template (issue 16, item 5): the certificate's state in words, switched on the visitor's own
date; the producer's tappable contacts; where to buy (outlets, the producer's own sellers, online shops,
coming fairs); price and pack sizes; and, arriving from a printed code, checking the pack first. On a
360 px phone the page starts right under the header. Outlets, phone numbers and dates are test data."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import copy_project, epoch, phone_page, serve, text_of

VIEWPORT_HEIGHT = 740
SHOP = """\
name: Cửa hàng Thử Nghiệm
kind: siêu thị
address: Số 0 đường Thử Nghiệm
products: [nuoc-mam-nam-quyen]
"""
ONLINE = "name: Gian hàng Thử Nghiệm\nkind: Shopee\nurl: https://shopee.vn/thu-nghiem\nproducts: [nuoc-mam-nam-quyen]\n"
FAIR = "name: Hội chợ thử mùa thu\nstart: 2026-09-01\nproducts: [nuoc-mam-nam-quyen]\n"
PRODUCT_EXTRA = """\
package_sizes: [chai 500 ml]
price: {min: 50000, max: 120000}
where_to_buy:
  - name: Quầy Ví Dụ
    phone: "0900000002"
batches:
  - code: L2406A
    produced: 2025-06-01
"""
PRODUCER_EXTRA = 'phone: "0900000003"\nzalo: "0900000004"\nemail: vidu@example.com\nlocation: {lat: 19.6, lon: 105.8}\n'
COMMUNE_ZALO = "0900000000"


@pytest.fixture(scope="module")
def product_site(tmp_path_factory):
    """The fish sauce certified on 01/06/2024 (valid through 01/06/2027), sold at a shop, online and by
    the producer's own seller, at a coming fair; built as of 15/03/2026."""
    project = copy_project(tmp_path_factory.mktemp("product") / "project")
    project.write("products/_diem-ban/cua-hang-thu-nghiem.yml", SHOP)
    project.write("products/_diem-ban/gian-hang-thu-nghiem.yml", ONLINE)
    project.write("products/_hoi-cho/hoi-cho-thu-mua-thu.yml", FAIR)
    product = project.products / "nam-quyen" / "nuoc-mam-nam-quyen.yml"
    text = product.read_text(encoding="utf-8").replace("  stars: 3\n", "  stars: 3\n  date: 2024-06-01\n")
    product.write_text(text + PRODUCT_EXTRA, encoding="utf-8")
    producer = project.products / "nam-quyen" / "producer.yml"
    producer.write_text(producer.read_text(encoding="utf-8") + PRODUCER_EXTRA, encoding="utf-8")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    # zalo:\n", f'    zalo: "{COMMUNE_ZALO}"\n'), encoding="utf-8")
    result = project.build(env={"SOURCE_DATE_EPOCH": epoch(dt.date(2026, 3, 15))})
    assert result.code == 0, result.text
    with serve(project.site) as address:
        yield project, address


def test_the_english_page_has_every_buyer_block_of_the_vietnamese(product_site):
    project, _ = product_site
    html = project.page("en/products/nuoc-mam-nam-quyen/")
    text = text_of(html)
    assert "OCOP 3 stars valid until 1 June 2027" in text
    for href in ("tel:0900000003", "https://zalo.me/0900000004", "mailto:vidu@example.com", "https://www.openstreetmap.org/?mlat=19.6"):
        assert f'href="{href}' in html, href
    # Where to buy: the outlet and the online shop on the English outlets page, the producer's seller, the fair.
    assert 'href="../../where-to-buy/#cua-hang-thu-nghiem"' in html and "Cửa hàng Thử Nghiệm · supermarket" in text
    assert "Gian hàng Thử Nghiệm · Shopee · buy online" in text and "Quầy Ví Dụ" in text
    assert 'href="../../fairs/#hoi-cho-thu-mua-thu"' in html
    assert "Indicative price: 50,000 – 120,000 VND" in text and "Packaging: chai 500 ml" in text
    assert "Certificate period Certificate valid until 1 June 2027" in text
    # What the Vietnamese page alone had: batches (their pages are Vietnamese), reporting a fake, the code's address.
    assert 'href="../../../san-pham/nuoc-mam-nam-quyen/lo/L2406A/" hreflang="vi"' in html
    assert "Official information, reporting fakes" in text
    assert "report it to the People's Committee of Quảng Chính commune (formerly Quảng Trung commune)" in text
    assert f'href="https://zalo.me/{COMMUNE_ZALO}"' in html
    assert "HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/NM/" in text
    # The check block is there for a printed code, hidden until then.
    assert 'id="kiem-tra-bao-bi"' in html and "You have just scanned the QR code on the pack" in text


def _on_first_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and locator.is_visible() and box["y"] >= 0 and box["y"] + box["height"] <= VIEWPORT_HEIGHT


def test_a_tourist_scanning_the_pack_reads_the_check_first_in_english(product_site, browser):
    """Shows: /Q/NM/ opens the Vietnamese page with the check; 'English' keeps the marker, so the English
    page puts the same check first, then takes the marker out of its address."""
    _, address = product_site
    with phone_page(browser, "en-GB") as page:
        page.goto(address + "Q/NM/")
        page.wait_for_url("**/san-pham/nuoc-mam-nam-quyen/")
        page.locator(".ocop-language__switch").click()
        page.wait_for_url("**/en/products/nuoc-mam-nam-quyen/")
        check = page.locator("#kiem-tra-bao-bi")
        assert check.is_visible() and "You have just scanned the QR code on the pack" in check.inner_text()
        assert "Nước mắm Năm Quyền" in check.inner_text()  # the name printed on the pack
        assert check.locator(f"a[href='https://zalo.me/{COMMUNE_ZALO}']").count() == 1
        assert check.bounding_box()["y"] < page.locator(".ocop-producer").bounding_box()["y"]
        state = page.locator(".ocop-cert")
        assert "valid until 1 June 2027" in state.inner_text() and _on_first_screen(state)


def test_the_offer_of_english_keeps_the_printed_codes_marker(product_site, browser):
    _, address = product_site
    with phone_page(browser, "en-GB") as page:
        page.goto(address + "Q/NM/")
        page.wait_for_url("**/san-pham/nuoc-mam-nam-quyen/")
        page.get_by_role("link", name="Read in English").click()
        page.wait_for_url("**/en/products/nuoc-mam-nam-quyen/")
        assert page.locator("#kiem-tra-bao-bi").is_visible()


def test_without_the_code_the_english_page_opens_on_the_product(product_site, browser):
    _, address = product_site
    with phone_page(browser, "en-GB") as page:
        page.goto(address + "en/products/nuoc-mam-nam-quyen/")
        assert page.locator("#kiem-tra-bao-bi").is_hidden()


@pytest.mark.parametrize(
    "visitor_day, shown, hidden",
    [
        (dt.datetime(2027, 6, 1, 20), "valid until 1 June 2027", "expired"),
        (dt.datetime(2027, 6, 2, 8), "since 2 June 2027", "valid until"),
    ],
)
def test_the_english_certificate_state_follows_the_visitors_own_date(product_site, browser, visitor_day, shown, hidden):
    _, address = product_site
    context = browser.new_context(viewport={"width": 360, "height": VIEWPORT_HEIGHT}, locale="en-GB")
    context.clock.set_fixed_time(visitor_day)
    page = context.new_page()
    page.goto(address + "en/products/nuoc-mam-nam-quyen/")
    text = page.locator(".ocop-cert").inner_text()
    assert shown in text and hidden not in text
    context.close()


@pytest.mark.parametrize("path", ["san-pham/nuoc-mam-nam-quyen/", "en/products/nuoc-mam-nam-quyen/"])
def test_on_a_phone_the_page_starts_right_under_the_header(product_site, browser, path):
    """Shows: at 360 px, no more than the article's own padding between the header and the language switch
    (Material's space above the content left about 70 px empty)."""
    _, address = product_site
    with phone_page(browser, "vi-VN") as page:
        page.goto(address + path)
        header = page.locator(".md-header").bounding_box()
        switch = page.locator(".ocop-language__switch").bounding_box()
        assert switch["y"] - (header["y"] + header["height"]) <= 16
