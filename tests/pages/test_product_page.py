"""The product page as a buyer holding the pack sees it on a phone (issue 16), in Chromium at 360 × 740.

From the code printed on the pack (/Q/<CODE>/) the first screen answers "what is it, is it certified
today, where do I get it" and puts checking the pack first; a product without photo shows the drawing
of its OCOP group; the certificate's state follows the visitor's own date; printing is on a page of its
own, out of the search. The outlet, the certificate date and the Zalo number below are test data.
On the example site: the facts the commune's plan gives, and none it does not.

The English page (/en/products/<slug>/) shows the buyer the same blocks, from the same template: the
certificate's state in words, the producer's tappable contacts, where to buy, price and pack sizes, and,
arriving from a printed code, checking the pack first; on a 360 px phone the page starts right under the header.
"""
from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import full_tier_fixture, SITE_URL, copy_project, epoch, only_from, phone_page, text_of

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


@full_tier_fixture(scope="module")
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
    with project.built_and_served(env={"SOURCE_DATE_EPOCH": epoch(dt.date(2026, 3, 15))}) as address:
        yield project, address


def _on_first_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and locator.is_visible() and box["y"] >= 0 and box["y"] + box["height"] <= VIEWPORT_HEIGHT


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


def test_from_the_printed_code_the_first_screen_answers_and_checking_comes_first(site_server, phone):
    phone.goto(site_server + "Q/NM/")
    phone.wait_for_url("**/san-pham/nuoc-mam-nam-quyen/")  # the marker is read, then taken out of the address
    title = phone.locator("article h1")
    assert title.inner_text() == "Nước mắm Năm Quyền" and _on_first_screen(title)
    state = phone.locator(".ocop-cert")
    assert "OCOP 3 sao" in state.inner_text() and "chưa có ngày công nhận" in state.inner_text()
    assert _on_first_screen(state)
    check = phone.locator("#kiem-tra-bao-bi")
    assert check.is_visible() and "Bạn vừa quét mã QR trên bao bì" in check.inner_text()
    assert "Ủy ban nhân dân xã Quảng Chính" in check.inner_text()  # whom to ask: no contact is set
    assert check.bounding_box()["y"] < phone.locator(".ocop-producer").bounding_box()["y"]  # checking first
    action = phone.locator("a.ocop-action").first
    assert _on_first_screen(action) and action.get_attribute("href")
    assert "đã xác thực" not in phone.locator("article").inner_text()


def test_without_the_code_the_page_opens_on_the_product(site_server, phone):
    phone.goto(site_server + "san-pham/nuoc-mam-nam-quyen/")
    assert phone.locator("#kiem-tra-bao-bi").is_hidden()
    drawing = phone.locator(".ocop-hero--drawing img")
    assert drawing.is_visible() and drawing.evaluate("img => img.complete && img.naturalWidth > 0")
    assert drawing.get_attribute("src").endswith("assets/images/nhom/thuc-pham.svg")
    assert "Hình vẽ ngành Thực phẩm" in drawing.get_attribute("alt")
    assert phone.locator("article h1").bounding_box()["y"] < drawing.bounding_box()["y"] < phone.locator(".ocop-cert").bounding_box()["y"]
    assert phone.locator(".ocop-card__photo--none, .ocop-hero:empty").count() == 0


def test_a_product_with_an_outlet_lists_it_and_the_communes_zalo(product_site, browser):
    project, address = product_site
    context = browser.new_context(viewport={"width": 360, "height": VIEWPORT_HEIGHT}, locale="vi-VN")
    page = context.new_page()
    page.goto(address + "Q/NM/")
    page.wait_for_url("**/san-pham/nuoc-mam-nam-quyen/")
    outlet = page.locator("article a", has_text="Cửa hàng Thử Nghiệm")
    assert outlet.is_visible()
    page.locator("#kiem-tra-bao-bi").get_by_role("link", name=COMMUNE_ZALO).first.wait_for()
    assert page.locator("#kiem-tra-bao-bi a[href='https://zalo.me/0900000000']").count() == 1
    outlet.click()
    page.wait_for_url("**/diem-ban/#cua-hang-thu-nghiem")
    context.close()


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
        (dt.datetime(2027, 6, 1, 20), "còn hiệu lực đến hết ngày 01/06/2027", "hết hiệu lực"),
        (dt.datetime(2027, 6, 2, 8), "hết hiệu lực từ ngày 02/06/2027", "còn hiệu lực"),
    ],
)
def test_the_certificate_state_follows_the_visitors_own_date(product_site, browser, visitor_day, shown, hidden):
    """Built on 15/03/2026; opened on the last valid day, then the day after, without a rebuild."""
    project, address = product_site
    html = project.page("san-pham/nuoc-mam-nam-quyen/")
    assert "còn hiệu lực đến hết ngày 01/06/2027" in text_of(html)  # without script, the date is in the text
    context = browser.new_context(viewport={"width": 360, "height": VIEWPORT_HEIGHT}, locale="vi-VN")
    context.clock.set_fixed_time(visitor_day)
    page = context.new_page()
    page.goto(address + "san-pham/nuoc-mam-nam-quyen/")
    text = page.locator(".ocop-cert").inner_text()
    assert shown in text and hidden not in text
    page.goto(address + "san-pham/")  # the catalogue's card too
    card = page.locator("article.ocop-card", has_text="Nước mắm Năm Quyền").inner_text()
    expired = visitor_day.date() > dt.date(2027, 6, 1)
    assert ("★★★" in card) is not expired and ("hết hiệu lực" in card) is expired
    context.close()


def test_the_english_product_page_shows_the_certificate_state(product_site, browser):
    project, address = product_site
    context = browser.new_context(viewport={"width": 360, "height": VIEWPORT_HEIGHT}, locale="en-GB")
    context.clock.set_fixed_time(dt.datetime(2026, 3, 15, 12))
    page = context.new_page()
    page.goto(address + "en/products/nuoc-mam-nam-quyen/")
    state = page.locator(".ocop-cert")
    assert "OCOP 3 stars" in state.inner_text() and "valid until 1 June 2027" in state.inner_text()
    assert _on_first_screen(state)
    context.close()


def test_ocop_check_warns_when_the_commune_has_no_contact(project):
    """The strict build does not stop for it: the pages still say whom to ask."""
    run = project.ocop("check")
    assert run.code == 0 and "chưa có phone, zalo, email hay office_address" in run.err
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    # zalo:\n", f'    zalo: "{COMMUNE_ZALO}"\n'), encoding="utf-8")
    run = project.ocop("check")
    assert run.code == 0 and "office_address" not in run.err


def test_more_from_the_producer_and_group_and_share_buttons_that_load_nothing_until_pressed(site_server, browser):
    context = browser.new_context(viewport={"width": 360, "height": VIEWPORT_HEIGHT}, locale="vi-VN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.rstrip("/"))
    elsewhere = only_from(context, site_server)
    page = context.new_page()
    page.goto(site_server + "san-pham/nuoc-mam-nam-quyen/")
    page.wait_for_load_state("networkidle")
    card = page.locator(".ocop-related__card", has_text="Nem Huân Hồng")
    assert card.get_by_role("link", name="Nem Huân Hồng").get_attribute("href") == "../nem-huan-hong/"
    assert "OCOP 3 sao" in card.inner_text()
    assert card.locator("img").evaluate("img => img.complete && img.naturalWidth > 0")  # its group's drawing
    facebook = page.locator(".ocop-share a", has_text="Facebook")
    assert facebook.get_attribute("href") == (
        "https://www.facebook.com/sharer/sharer.php?u=https%3A//quangtrung.quangxuong.thanhhoa.gov.vn/san-pham/nuoc-mam-nam-quyen/"
    )
    assert facebook.get_attribute("target") is None  # in-app browsers block new windows
    copy = page.get_by_role("button", name="Chép liên kết")
    copy.click()
    page.get_by_role("button", name="Đã chép liên kết").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == "https://quangtrung.quangxuong.thanhhoa.gov.vn/san-pham/nuoc-mam-nam-quyen/"
    assert elsewhere == []  # nothing from another host, share buttons included, until one is pressed
    context.close()


@pytest.mark.parametrize("path", ["Q/NM/", "en/products/nuoc-mam-nam-quyen/", "san-pham/nuoc-mam-nam-quyen/in-tem/"])
def test_axe_finds_no_violation_in_the_new_blocks(product_site, browser, path):
    """Opened from the code: the check block, the producer's contacts, where to buy, more products, sharing."""
    axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe()
    project, address = product_site
    context = browser.new_context(viewport={"width": 360, "height": VIEWPORT_HEIGHT}, locale="vi-VN")
    page = context.new_page()
    page.goto(address + path)
    page.wait_for_load_state("networkidle")
    if path.startswith("Q/"):
        assert page.locator("#kiem-tra-bao-bi").is_visible() and page.locator(".ocop-related").is_visible()
    result = axe.run(page)
    assert not result.violations_count, result.generate_report()
    context.close()


def test_product_pages_show_their_facts(built):
    fish_sauce = text_of(built.page("san-pham/nuoc-mam-nam-quyen/"))
    assert "Nước mắm Năm Quyền" in fish_sauce
    assert "OCOP 3 sao" in fish_sauce
    assert "Thực phẩm › Gia vị › Tương, nước mắm, gia vị dạng lỏng khác" in fish_sauce
    assert "Năm Quyền" in fish_sauce
    nem = text_of(built.page("san-pham/nem-huan-hong/"))
    assert "Nem Huân Hồng" in nem and "OCOP 3 sao" in nem and "Thực phẩm › Thực phẩm chế biến › Chế biến từ thịt" in nem


def test_product_page_links_its_producer_and_its_print_page_offers_the_qr(built):
    html = built.page("san-pham/nuoc-mam-nam-quyen/")
    assert 'href="../../co-so/nam-quyen/"' in html
    assert re.search(r'<span class="ocop-stars ocop-stars--3"[^>]*>.*★★★', html)
    assert "qr-nuoc-mam-nam-quyen.svg" not in html and "download=" not in html  # printing has its own page
    assert f"{SITE_URL}san-pham/nuoc-mam-nam-quyen/" in html
    printing = built.page("san-pham/nuoc-mam-nam-quyen/in-tem/")
    assert 'src="../qr-nuoc-mam-nam-quyen.svg"' in printing
    assert '<a download="qr-nuoc-mam-nam-quyen.svg" href="../qr-nuoc-mam-nam-quyen.svg">' in printing
    assert '<a download="qr-nuoc-mam-nam-quyen.png" href="../qr-nuoc-mam-nam-quyen.png">' in printing


def test_unknown_facts_are_left_out_not_invented(built):
    """The plan gives no decision number, address or phone: the pages must not show any."""
    for path in ("san-pham/nuoc-mam-nam-quyen/", "san-pham/nem-huan-hong/", "co-so/nam-quyen/", "co-so/huan-hong/"):
        text = text_of(built.page(path))
        assert "Quyết định công nhận" not in text
        assert "Điện thoại" not in text and "Địa chỉ" not in text
        assert "None" not in text and "chưa rõ" not in text


def test_the_communes_contact_when_it_is_configured(project):
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    project.write(
        "mkdocs.yml",
        config.replace("    merger_decision: Nghị quyết 1686/NQ-UBTVQH15\n",
                       "    merger_decision: Nghị quyết 1686/NQ-UBTVQH15\n    phone: \"0900 111 222\"\n    email: thu@example.vn\n"),
    )
    assert project.build_in_process().code == 0
    html = project.page("san-pham/nem-huan-hong/")
    assert "tỉnh Thanh Hóa: điện thoại 0900 111 222, thư điện tử thu@example.vn." in text_of(html)
    assert 'href="tel:0900111222"' in html and 'href="mailto:thu@example.vn"' in html


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
