"""Messages that tell the officer the truth about what they wrote (issue 13).

Each test writes the officer's YAML into a copy of the project, runs `ocop check` (and `mkdocs build`
where a warning must not stop it) and reads the exact Vietnamese message, its file:line and the exit code.
"""
from __future__ import annotations

import re

import pytest

from conftest import copy_project

PRODUCER = "products/nam-quyen/producer.yml"
PRODUCT = "products/nam-quyen/mam-tom.yml"

GOOD_PRODUCT = """\
name: Mắm tôm thử nghiệm
producer: nam-quyen
group: thuc-pham
"""


def problems(result) -> list[str]:
    """The lines of `ocop check`'s list of problems, without the leading '  - '."""
    return [row[4:] for row in result.err.splitlines() if row.startswith("  - ")]


def problem_in(result, file: str) -> str:
    return next((row for row in problems(result) if row.startswith(file + ":")), "")


# --- A mistake in producer.yml is reported once, on producer.yml -----------------------------------------

PRODUCER_MISTAKES = {
    # id: (producer.yml, the problems expected, all on producer.yml)
    "kind-abbreviated": (
        "name: Năm Quyền\nkind: HTX\n",
        [f"{PRODUCER}:2: trường 'kind': phải là một trong: 'doanh nghiệp', 'hợp tác xã', 'tổ hợp tác', "
         "'hộ sản xuất kinh doanh' hoặc 'chưa rõ' (đang ghi: 'HTX')"],
    ),
    "name-in-vietnamese": (
        "ten: Năm Quyền\nkind: chưa rõ\n",
        [f"{PRODUCER}:1: trường 'name': thiếu trường bắt buộc",
         f"{PRODUCER}:1: trường 'ten': không có trường 'ten'; tên trường viết bằng tiếng Anh: có phải ý bạn là 'name'?"],
    ),
    "phone-unquoted": (
        "name: Năm Quyền\nkind: chưa rõ\nphone: 0237312345\n",
        [f"{PRODUCER}:3: trường 'phone': số điện thoại phải đặt trong dấu nháy, ví dụ \"0912 345 678\", "
         "để giữ số 0 ở đầu (đang ghi: 0237312345)"],
    ),
}


@pytest.mark.parametrize("case", PRODUCER_MISTAKES)
def test_a_mistake_in_producer_yml_is_reported_once_on_that_file(project, case):
    text, expected = PRODUCER_MISTAKES[case]
    project.write(PRODUCER, text)
    project.write(PRODUCT, GOOD_PRODUCT)  # a second product of the same producer
    result = project.ocop("check")
    assert result.code == 1 and "Traceback" not in result.text
    assert problems(result) == expected, result.err
    assert f"Dữ liệu có {len(expected)} lỗi" in result.err
    assert "không có cơ sở" not in result.err


def test_a_producer_that_does_not_exist_is_still_reported_with_the_nearest_folder(project):
    project.write(PRODUCT, GOOD_PRODUCT.replace("producer: nam-quyen", "producer: nam-quyn"))
    result = project.ocop("check")
    assert result.code == 1
    assert problems(result) == [
        f"{PRODUCT}:2: trường 'producer': không có cơ sở 'nam-quyn' (cần thư mục products/nam-quyn/ có producer.yml); "
        "có phải ý bạn là 'nam-quyen'?"
    ]


# --- "Did you mean": the few closest names, never the whole catalogue --------------------------------------

MANY = 650


@pytest.fixture(scope="module")
def big_catalogue(tmp_path_factory):
    """The example project with 650 more products, all of the producer nam-quyen."""
    project = copy_project(tmp_path_factory.mktemp("many") / "project")
    folder = project.products / "nam-quyen"
    for number in range(MANY):
        (folder / f"sp-{number:03d}.yml").write_text(
            f"name: Sản phẩm thử {number:03d}\nslug: san-pham-thu-{number:03d}\nproducer: nam-quyen\ngroup: thuc-pham\n",
            encoding="utf-8",
        )
    return project


def quoted_names(message: str) -> list[str]:
    return re.findall(r"'([a-z0-9-]+)'", message.split(";", 1)[1]) if ";" in message else []


def test_a_reference_suggests_at_most_three_names_among_650_products(big_catalogue):
    outlet = "products/_diem-ban/cua-hang-thu.yml"
    fair = "products/_hoi-cho/hoi-cho-thu.yml"
    big_catalogue.write(outlet, "name: Cửa hàng thử\nkind: chợ\nproducts:\n  - san-pham-thu-1234\n  - banh-gai-tu-tru\n")
    big_catalogue.write(fair, "name: Hội chợ thử\nstart: 01/03/2025\nproducts:\n  - nuoc-mam-nam-quyen\n  - nem\n")
    try:
        result = big_catalogue.ocop("check")
    finally:
        for file in (outlet, fair):
            (big_catalogue.root / file).unlink()
    assert result.code == 1 and "Traceback" not in result.text
    rows = problems(result)
    assert len(rows) == 3, result.err
    near = next(row for row in rows if row.startswith(f"{outlet}:4:"))
    assert near.startswith(f"{outlet}:4: trường 'products[0]': không có sản phẩm 'san-pham-thu-1234'; có phải ý bạn là 'san-pham-thu-")
    assert 1 <= len(quoted_names(near)) <= 3 and len(near) < 200, near
    # Nothing near: the message ends with the name written, not with 650 others.
    assert f"{outlet}:5: trường 'products[1]': không có sản phẩm 'banh-gai-tu-tru'" in rows
    # A short name is offered the longer names that contain it.
    assert f"{fair}:5: trường 'products[1]': không có sản phẩm 'nem'; có phải ý bạn là 'nem-huan-hong'?" in rows


def test_a_page_marker_suggests_at_most_three_names_among_650_products(big_catalogue):
    page = "docs/thu-nghiem.md"
    big_catalogue.write(page, "# Trang thử\n\n[[san-pham: san-pham-thu-99]]\n\n[[san-pham: ruou-lua-moi]]\n")
    try:
        result = big_catalogue.ocop("check")
    finally:
        (big_catalogue.root / page).unlink()
    assert result.code == 1
    rows = problems(result)
    assert len(rows) == 2, result.err
    assert rows[0].startswith(f"{page}:3: không có sản phẩm 'san-pham-thu-99'; có phải ý bạn là ")
    assert 1 <= len(quoted_names(rows[0])) <= 3, rows[0]
    assert rows[1] == f"{page}:5: không có sản phẩm 'ruou-lua-moi'"
