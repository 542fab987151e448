"""Where to buy, in Vietnamese (/diem-ban/) and English (/en/where-to-buy/), from one template (issue 16,
item 5). The outlets below are test data, plainly fictional; outlets have no English texts in the data,
so their hours and notes show in Vietnamese, marked, and names and addresses stay as written."""
from __future__ import annotations

import pytest
from conftest import full_tier_fixture, OUTLET_ONLINE, OUTLET_SHOP, copy_project, phone_page, text_of

SHOP = OUTLET_SHOP + "note: Ghi chú thử nghiệm\n"


@full_tier_fixture(scope="module")
def outlets_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("outlets") / "project")
    project.write("products/_diem-ban/cua-hang-thu-nghiem.yml", SHOP)
    project.write("products/_diem-ban/gian-hang-thu-nghiem.yml", OUTLET_ONLINE)
    with project.built_and_served() as address:
        yield project, address


def test_the_english_page_lists_the_same_outlets_in_english_words(outlets_site):
    project, _ = outlets_site
    html = project.page("en/where-to-buy/")
    text = text_of(html)
    assert '<html lang="en"' in html
    for words in ("Where to buy", "Shops and points of sale", "Buy online", "Supermarket", "Opening hours",
                  "Cửa hàng Thử Nghiệm", "Số 0 đường Thử Nghiệm", "Gian hàng Thử Nghiệm", "Online shop"):
        assert words in text, words
    assert "Mua ở đâu" not in text and "Giờ mở cửa" not in text
    # The data's texts without translation: in Vietnamese, marked, and the page says so.
    assert "7:00 – 21:00 hằng ngày (Vietnamese)" in text and "Partly in Vietnamese" in text
    assert 'id="cua-hang-thu-nghiem" lang="vi"' in html
    # The products link to their English pages.
    assert 'href="../products/nuoc-mam-nam-quyen/"' in html and "Năm Quyền fish sauce" in text
    assert 'href="../fairs/"' in html


def test_the_vietnamese_page_reads_as_before(outlets_site):
    project, _ = outlets_site
    text = text_of(project.page("diem-ban/"))
    assert "Cửa hàng, điểm bán" in text and "Giờ mở cửa: 7:00 – 21:00 hằng ngày" in text and "(Vietnamese)" not in text
    assert "Sản phẩm của xã bày bán: Nước mắm Năm Quyền" in text


def test_the_english_product_page_leads_to_the_english_outlet(outlets_site):
    project, _ = outlets_site
    html = project.page("en/products/nuoc-mam-nam-quyen/")
    assert 'href="../../where-to-buy/#cua-hang-thu-nghiem"' in html
    assert "Cửa hàng Thử Nghiệm · supermarket" in text_of(html)


def test_english_on_the_vietnamese_page_opens_its_counterpart_on_a_phone(outlets_site, browser):
    """Shows: on a 360 px phone, 'English' on /diem-ban/ opens /en/where-to-buy/, and 'Tiếng Việt' comes back."""
    _, address = outlets_site
    with phone_page(browser, "vi-VN") as page:
        page.goto(address + "diem-ban/")
        page.get_by_role("link", name="English").click()
        page.wait_for_url("**/en/where-to-buy/")
        assert page.locator("article h1").inner_text() == "Where to buy"
        assert page.locator("article h3", has_text="Cửa hàng Thử Nghiệm").is_visible()
        page.get_by_role("link", name="Tiếng Việt").click()
        page.wait_for_url("**/diem-ban/")


def test_without_outlets_the_english_page_reads_well(built):
    text = text_of(built.page("en/where-to-buy/"))
    assert "No point of sale is listed on the site yet" in text
    assert "OCOP centres (district and province level)" in text  # what the plan says the system is


def test_without_outlets_the_page_asks_to_contact_only_producers_with_a_contact(built, project):
    """The example producers have no contact: "hãy liên hệ cơ sở" would ask for what the page cannot give."""
    for page in ("diem-ban/", "en/where-to-buy/"):
        text = text_of(built.page(page))
        assert "liên hệ" not in text.lower() and "contact" not in text.lower(), page
    producer = project.root / "products/huan-hong/producer.yml"
    producer.write_text(producer.read_text(encoding="utf-8") + 'phone: "0900 000 000"\n', encoding="utf-8")
    assert project.build_in_process().code == 0
    html = project.page("diem-ban/")
    assert "Muốn mua sản phẩm, hãy liên hệ cơ sở sản xuất: Huân Hồng." in text_of(html)
    assert 'href="../co-so/huan-hong/"' in html and 'href="../co-so/nam-quyen/"' not in html
    english = project.page("en/where-to-buy/")
    assert "To buy a product, contact its producer: Huân Hồng." in text_of(english)
    assert 'href="../producers/huan-hong/"' in english
