"""The catalogue's filters, used in a real browser (Chromium, phone-sized window)."""
from __future__ import annotations

import pytest

from conftest import serve

EXTRA = {
    "products/huan-hong/cha-que.yml": "name: Chả quế thử nghiệm\nproducer: huan-hong\ngroup: thuc-pham\ncertification:\n  stars: 4\n",
    "products/huan-hong/ruou.yml": "name: Rượu thử nghiệm\nproducer: huan-hong\ngroup: do-uong\ncertification: candidate\n",
    "products/nam-quyen/tinh-dau.yml": "name: Tinh dầu thử nghiệm\nproducer: nam-quyen\ngroup: duoc-lieu\ncertification:\n  stars: 3\n",
}


@pytest.fixture(scope="module")
def catalogue_site(tmp_path_factory):
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("filters") / "project")
    for path, text in EXTRA.items():
        project.write(path, text)
    assert project.build().code == 0
    with serve(project.site) as address:
        yield address


def visible_names(page) -> list[str]:
    return sorted(page.locator(".ocop-card:visible strong a").all_inner_texts())


def test_filters_by_group_and_stars_without_leaving_the_page(phone, catalogue_site):
    phone.goto(catalogue_site + "san-pham/")
    assert len(visible_names(phone)) == 5
    phone.select_option("select[name=group]", "thuc-pham")
    assert visible_names(phone) == ["Chả quế thử nghiệm", "Nem Huân Hồng", "Nước mắm Năm Quyền"]
    phone.select_option("select[name=stars]", "4")
    assert visible_names(phone) == ["Chả quế thử nghiệm"]
    assert phone.url.endswith("/san-pham/?group=thuc-pham&stars=4")
    phone.select_option("select[name=group]", "do-uong")
    assert visible_names(phone) == []
    assert phone.locator(".ocop-empty").is_visible()
    phone.select_option("select[name=stars]", "candidate")
    assert visible_names(phone) == ["Rượu thử nghiệm"]
    assert "1 / 5 sản phẩm" in phone.locator(".ocop-filters__count").inner_text()


def test_a_filtered_address_can_be_shared(phone, catalogue_site):
    phone.goto(catalogue_site + "san-pham/?group=duoc-lieu")
    assert visible_names(phone) == ["Tinh dầu thử nghiệm"]


def test_a_card_leads_to_its_product(phone, catalogue_site):
    phone.goto(catalogue_site + "san-pham/")
    phone.click("text=Nem Huân Hồng")
    phone.wait_for_url("**/san-pham/nem-huan-hong/")
    assert phone.locator("h1").inner_text() == "Nem Huân Hồng"
