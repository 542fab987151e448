"""`ocop check` and every build refuse bad data with a Vietnamese message naming file, line and field.

Each case below writes one mistake an officer could make into a copy of the example data, then checks
what `ocop check` prints and returns, and that `mkdocs build` stops the same way without writing a site.
With Hypothesis: any valid product written to a file validates back to the same model.
"""
from __future__ import annotations

import pytest
from conftest import QUICK, dump, nfc, read
from hypothesis import given
from hypothesis import strategies as st
from ocop.model.models import Product
from ocop.model.validate import validate

FISH_SAUCE = "products/nam-quyen/nuoc-mam-nam-quyen.yml"

GOOD = """\
name: Mắm tôm thử nghiệm
producer: nam-quyen
group: thuc-pham
certification:
  stars: 3
"""

CASES = {
    # id: (file content, expected line, expected field or None, expected words)
    "yaml-unclosed-quote": ('name: "Mắm tôm\nproducer: nam-quyen\ngroup: thuc-pham\n', 1, None, "dấu nháy mở mà chưa đóng"),
    "yaml-tab-indent": ("name: Mắm\ncertification:\n\tstars: 3\n", 3, None, "Tab"),
    "stars-as-text": (GOOD.replace("stars: 3", "stars: ba"), 5, "certification.stars", "phải là số nguyên"),
    "stars-out-of-range": (GOOD.replace("stars: 3", "stars: 6"), 5, "certification.stars", "nhỏ hơn hoặc bằng 5"),
    "stars-missing": (GOOD.replace("  stars: 3\n", "  decision: 12/QĐ-UBND\n"), 4, "certification", "thiếu số sao"),
    "missing-group": (GOOD.replace("group: thuc-pham\n", ""), 1, "group", "thiếu trường bắt buộc"),
    "typo-with-hint": (GOOD.replace("stars: 3", "stras: 3"), 5, "certification.stras", "có phải ý bạn là 'stars'"),
    "unknown-top-field": (GOOD + "gia: 50000\n", 6, "gia", "không có trường 'gia'"),
    "unknown-producer": (GOOD.replace("producer: nam-quyen", "producer: ba-tu"), 2, "producer", "không có cơ sở 'ba-tu'"),
    "unknown-group": (GOOD.replace("group: thuc-pham", "group: hai-san"), 3, "group", "không có ngành 'hai-san'"),
    "list-where-map-belongs": (GOOD + "price:\n  - 50000\n", 6, "price", "phải là một nhóm trường"),
    "price-as-text": (GOOD + "price:\n  min: năm mươi nghìn\n", 7, "price.min", "phải là số nguyên"),
    "impossible-date": (GOOD + "  date: 31/02/2024\n", 6, "certification.date", "ngày không có thật"),
    "missing-photo": (GOOD + "photos:\n  - chai.jpg\n", 7, "photos[0].file", "không thấy tệp ảnh"),
    "photo-escapes-products": (GOOD + "photos:\n  - ../../mkdocs.png\n", 7, "photos[0].file", "phải nằm trong thư mục products/"),
    "empty-file": ("", 1, None, "tệp rỗng"),
    "phone-as-number": (None, 3, "phone", "dấu nháy"),
    "bad-producer-kind": (None, 2, "kind", "phải là một trong"),
}


def _write_case(project, case: str) -> str:
    content, *_ = CASES[case]
    if case == "phone-as-number":
        project.write("products/nam-quyen/producer.yml", "name: Năm Quyền\nkind: chưa rõ\nphone: 912345678\n")
        return "products/nam-quyen/producer.yml"
    if case == "bad-producer-kind":
        project.write("products/nam-quyen/producer.yml", "name: Năm Quyền\nkind: công ty\n")
        return "products/nam-quyen/producer.yml"
    project.write("products/nam-quyen/mam-tom.yml", content)
    return "products/nam-quyen/mam-tom.yml"


@pytest.mark.parametrize("case", CASES)
def test_check_names_file_line_and_field(example, case):
    file = _write_case(example, case)
    _, line, field, words = CASES[case]
    result = example.check()
    assert result.code == 1, result.text
    assert "Traceback" not in result.text
    message = next((row for row in result.err.splitlines() if file in row), "")
    assert f"{file}:{line}:" in message, result.err
    if field:
        assert f"trường '{field}'" in message, result.err
    assert words in message, result.err


@pytest.mark.parametrize("case", ["stars-as-text", "yaml-unclosed-quote", "unknown-producer"])
def test_build_stops_before_writing_anything(project, case):
    file = _write_case(project, case)
    result = project.build()
    assert result.code != 0
    assert file in result.text and "Traceback" not in result.text
    assert not project.site.exists()


def test_every_problem_is_reported_at_once(example):
    example.write("products/nam-quyen/mam-tom.yml", GOOD.replace("stars: 3", "stars: 7"))
    example.write("products/huan-hong/cha-que.yml", GOOD.replace("group: thuc-pham", "group: x").replace("nam-quyen", "huan-hong"))
    result = example.check()
    assert result.code == 1
    assert "mam-tom.yml:5" in result.err and "cha-que.yml:3" in result.err
    assert "Dữ liệu có 2 lỗi" in result.err


def test_duplicate_slug_names_both_files(example):
    example.write("products/huan-hong/nuoc-mam-2.yml", GOOD.replace("Mắm tôm thử nghiệm", "Nước mắm Năm Quyền"))
    result = example.check()
    assert result.code == 1
    message = next(row for row in result.err.splitlines() if "trùng" in row)
    assert "địa chỉ trang 'nuoc-mam-nam-quyen' trùng" in message
    assert "products/nam-quyen/nuoc-mam-nam-quyen.yml" in message and "products/huan-hong/nuoc-mam-2.yml" in message


def test_slugs_differing_only_by_diacritics_clash(example):
    example.write("products/huan-hong/nuoc-mam-2.yml", GOOD.replace("Mắm tôm thử nghiệm", "NUOC MAM nam quyen"))
    result = example.check()
    assert result.code == 1 and "trùng" in result.err


def test_valid_data_passes(project):
    project.write("products/nam-quyen/mam-tom.yml", GOOD)
    result = project.ocop("check")
    assert result.code == 0, result.text
    assert "3 sản phẩm" in result.out


GROUPS = ["thuc-pham", "do-uong", "duoc-lieu"]


product_names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).map(nfc).filter(lambda name: name.strip() == name and name)


valid_products = st.fixed_dictionaries(
    {"name": product_names, "producer": st.just("nam-quyen"), "group": st.sampled_from(GROUPS)},
    optional={
        "certification": st.fixed_dictionaries({"stars": st.integers(3, 5)}),
        "summary": product_names,
        "ingredients": st.lists(product_names, min_size=1, max_size=4),
        "price": st.fixed_dictionaries({"min": st.integers(1, 10**9)}),
        "code": st.from_regex(r"[A-Z0-9]{1,8}", fullmatch=True),
    },
)


@QUICK
@given(valid_products)
def test_any_valid_product_validates_back_to_the_same_model(data):
    product, problems = validate(Product, read(dump(data).encode("utf-8")))
    assert problems == []
    assert product == Product.model_validate(data)
    assert product.name == data["name"]
