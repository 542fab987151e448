"""Vietnamese place names as addresses and folder names, and the site's domain (model/places.py). Fast tier."""
from __future__ import annotations

import unicodedata

import pytest
from ocop.model.places import check_domain, display, place_slug, province_split, split_unit, suggest_host

SLUGS = {
    "Quảng Chính": "quang-chinh",
    "Đông Sơn": "dong-son",
    "Ưng Hòe": "ung-hoe",
    "Ơn Giời": "on-gioi",
    "Thủy": "thuy",
    "Thuỷ": "thuy",  # the other tone placement
    "ĐĂK LĂK": "dak-lak",
    "Ea H'leo": "ea-h-leo",
    "Thị trấn Nông Cống": "nong-cong",
    "TT. Nông Cống": "nong-cong",
    "Phường Điện Biên": "dien-bien",
    "Phường 12": "phuong-12",
    "xã 7": "xa-7",
    "Xã  Sơn   Tây": "son-tay",
    "Đặc khu Phú Quốc": "phu-quoc",
    "Phước Hòa (cũ)": "phuoc-hoa-cu",
}


@pytest.mark.parametrize("name", SLUGS)
def test_any_vietnamese_place_name_gives_an_ascii_address_the_same_from_composed_or_decomposed_text(name):
    assert place_slug(name) == SLUGS[name]
    assert place_slug(unicodedata.normalize("NFD", name)) == SLUGS[name]


@pytest.mark.parametrize(("text", "unit", "name"), [
    ("Quảng Chính", "xã", "Quảng Chính"),
    ("Xã Quảng Chính", "xã", "Quảng Chính"),
    ("thị trấn Nông Cống", "thị trấn", "Nông Cống"),
    ("Phường 12", "phường", "12"),
    ("Đặc khu Côn Đảo", "đặc khu", "Côn Đảo"),
    ("Xã Xuân", "xã", "Xuân"),  # "xã" is the unit, the rest the name
])
def test_the_unit_word_is_read_and_a_sentence_names_the_place_with_it(text, unit, name):
    assert split_unit(text) == (unit, name)
    assert display(text) == f"{unit} {name}"


def test_province_and_city_words_and_the_suggested_host():
    assert province_split("TP. Hồ Chí Minh") == ("thành phố", "Hồ Chí Minh")
    assert province_split("Tỉnh Hà Tĩnh") == province_split("Hà Tĩnh") == ("tỉnh", "Hà Tĩnh")
    assert suggest_host("Hương Sơn", "Hà Tĩnh") == "huongson.hatinh.gov.vn"
    assert suggest_host("xã 7", "Cà Mau") == "xa7.camau.gov.vn"
    assert suggest_host("Phường Đông Hải", "Thành phố Hải Phòng") == "donghai.haiphong.gov.vn"


@pytest.mark.parametrize("text", ["huongson.hatinh.gov.vn", "https://huongson.hatinh.gov.vn/", "HuongSon.HaTinh.gov.vn."])
def test_a_commune_host_under_gov_vn_is_taken_as_it_is(text):
    check = check_domain(text)
    assert (check.host, check.problems, check.warnings) == ("huongson.hatinh.gov.vn", [], [])


@pytest.mark.parametrize(("text", "said"), [
    ("hươngsơn.hatinh.gov.vn", "ví dụ huongson.hatinh.gov.vn"),
    ("1.2.3.4", "không phải địa chỉ IP"),
    ("localhost", "cần có phần đuôi"),
    ("a..gov.vn", "không hợp lệ"),
    ("-xa.gov.vn", "không hợp lệ"),
    ("xa.hatinh.gov.vn:8080", "không ghi cổng"),
    ("", "chưa có tên miền"),
    (("a" * 64) + ".gov.vn", "tối đa 63 ký tự"),
])
def test_a_host_that_cannot_be_the_site_is_refused_in_vietnamese(text, said):
    check = check_domain(text)
    assert check.problems and said in " ".join(check.problems)


@pytest.mark.parametrize(("text", "said"), [
    ("ocop-huongson.vn", "không phải tên miền .gov.vn"),
    ("hatinh.gov.vn", "tên miền của tỉnh"),
    ("quangtrung.quangxuong.thanhhoa.gov.vn", "không còn cấp huyện"),
])
def test_an_unusual_host_is_only_a_warning(text, said):
    check = check_domain(text)
    assert check.problems == [] and said in " ".join(check.warnings)
