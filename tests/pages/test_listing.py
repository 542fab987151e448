"""The catalogue and the producer directory: every product and producer listed, and the catalogue's
filters, used in a real browser (Chromium, phone-sized window).

The filters are links to a page for each group, each rating and each pair: they work without
JavaScript, by keyboard, over the whole catalogue, and a filtered list has its own address.
"""
from __future__ import annotations

import pytest
from conftest import copy_project, text_of

EXTRA = {
    "products/huan-hong/cha-que.yml": "name: Chả quế thử nghiệm\nproducer: huan-hong\ngroup: thuc-pham\ncertification:\n  stars: 4\n",
    "products/huan-hong/ruou.yml": "name: Rượu thử nghiệm\nproducer: huan-hong\ngroup: do-uong\ncertification: candidate\n",
    "products/nam-quyen/tinh-dau.yml": "name: Tinh dầu thử nghiệm\nproducer: nam-quyen\ngroup: duoc-lieu\ncertification:\n  stars: 3\n",
}


@pytest.fixture(scope="module")
def catalogue_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("filters") / "project")
    for path, text in EXTRA.items():
        project.write(path, text)
    with project.built_and_served() as address:
        yield address


def visible_names(page) -> list[str]:
    return sorted(page.locator(".ocop-card:visible strong a").all_inner_texts())


def test_filters_by_group_and_stars(phone, catalogue_site):
    phone.goto(catalogue_site + "san-pham/")
    assert len(visible_names(phone)) == 5
    assert "5 sản phẩm" in phone.locator(".ocop-filters__count").inner_text()
    phone.click(".ocop-filters a:text-is('Thực phẩm (3)')")
    phone.wait_for_url("**/san-pham/nganh/thuc-pham/")
    assert visible_names(phone) == ["Chả quế thử nghiệm", "Nem Huân Hồng", "Nước mắm Năm Quyền"]
    phone.click(".ocop-filters a:text-is('4 sao (1)')")
    phone.wait_for_url("**/san-pham/nganh/thuc-pham/4-sao/")
    assert visible_names(phone) == ["Chả quế thử nghiệm"]
    # No 4-star drink: the option is shown, but leads nowhere.
    assert phone.locator(".ocop-filter__none:text-is('Đồ uống (0)')").count() == 1
    assert phone.locator(".ocop-filters a:has-text('Đồ uống')").count() == 0
    phone.locator(".ocop-filter").first.locator("a:text-is('Tất cả (1)')").click()  # any group, still 4 stars
    phone.wait_for_url("**/san-pham/hang/4-sao/")
    assert visible_names(phone) == ["Chả quế thử nghiệm"]
    assert phone.locator("[aria-current=page]").all_inner_texts() == ["Tất cả (1)", "4 sao (1)"]
    phone.locator(".ocop-filter").nth(1).locator("a:text-is('Tất cả (5)')").click()  # any rating: everything
    phone.wait_for_url("**/san-pham/")
    assert len(visible_names(phone)) == 5


def test_a_filtered_address_can_be_shared(phone, catalogue_site):
    phone.goto(catalogue_site + "san-pham/hang/dang-chuan-bi/")
    assert visible_names(phone) == ["Rượu thử nghiệm"]
    assert phone.locator("h1").inner_text() == "Sản phẩm OCOP: Đang chuẩn bị đánh giá"


def test_filters_work_by_keyboard_and_without_javascript(browser, catalogue_site):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(catalogue_site + "san-pham/")
        page.locator(".ocop-filters a:text-is('Dược liệu và sản phẩm từ dược liệu (1)')").focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/san-pham/nganh/duoc-lieu/")
        assert visible_names(page) == ["Tinh dầu thử nghiệm"]
    finally:
        context.close()


def test_a_card_leads_to_its_product(phone, catalogue_site):
    phone.goto(catalogue_site + "san-pham/nganh/thuc-pham/3-sao/")
    phone.click("text=Nem Huân Hồng")
    phone.wait_for_url("**/san-pham/nem-huan-hong/")
    assert phone.locator("h1").inner_text() == "Nem Huân Hồng"


def test_catalogue_and_directory_list_everything(built):
    catalogue = built.page("san-pham/")
    for slug, name in (("nuoc-mam-nam-quyen", "Nước mắm Năm Quyền"), ("nem-huan-hong", "Nem Huân Hồng")):
        assert f'href="{slug}/"' in catalogue and name in catalogue
    assert catalogue.count('class="ocop-card"') == 2
    directory = text_of(built.page("co-so/"))
    assert "Năm Quyền" in directory and "Huân Hồng" in directory
