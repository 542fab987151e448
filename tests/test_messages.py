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


# --- Messages quote what the officer wrote, in Vietnamese only ---------------------------------------------

WRITTEN = {
    # id: (lines added to a good product, the expected problem, its line 4)
    "price-with-thousands-dot": (
        "price: {min: 50.000}\n",
        "trường 'price.min': phải là số nguyên; viết 50000, không dùng dấu chấm hay dấu phẩy ngăn cách hàng nghìn "
        "(đang ghi: 50.000)",
    ),
    "price-in-millions": (
        "price:\n  min: 1.500.000\n",
        "trường 'price.min': phải là số nguyên; viết 1500000, không dùng dấu chấm hay dấu phẩy ngăn cách hàng nghìn "
        "(đang ghi: '1.500.000')",
    ),
    "seller-phone-read-as-octal": (
        "where_to_buy:\n  - name: Chợ thử\n    phone: 0237312345\n",
        "trường 'where_to_buy[0].phone': số điện thoại phải đặt trong dấu nháy, ví dụ \"0912 345 678\", "
        "để giữ số 0 ở đầu (đang ghi: 0237312345)",
    ),
    "code-read-as-octal": (
        "code: 0012\n",
        "trường 'code': mã chỉ gồm chữ số phải đặt trong dấu nháy, ví dụ \"0012\" (đang ghi: 0012)",
    ),
    "date-as-a-number": (
        "certification:\n  stars: 3\n  date: 20240601\n",
        "trường 'certification.date': không phải ngày (viết 31/05/2024 hoặc 2024-05-31) (đang ghi: 20240601)",
    ),
    "stars-as-yes": (
        "certification:\n  stars: yes\n",
        "trường 'certification.stars': phải là số nguyên: số sao là 3, 4 hoặc 5 (chỉ sản phẩm từ 3 sao được công nhận "
        "OCOP) (đang ghi: yes)",
    ),
}


@pytest.mark.parametrize("case", WRITTEN)
def test_a_message_quotes_the_value_as_written(project, case):
    added, expected = WRITTEN[case]
    project.write(PRODUCT, GOOD_PRODUCT + added)
    result = project.ocop("check")
    assert result.code == 1 and "Traceback" not in result.text
    line = 4 + added.count("\n") - 1
    assert problems(result) == [f"{PRODUCT}:{line}: {expected}"], result.err


ENGLISH = re.compile(r"\b(or|and|Input|should|be|valid|must|field|required|expected|Value|error)\b")


def test_no_english_word_in_a_vietnamese_message(project):
    """pydantic's own words ("Input should be …", "'a' or 'b'") never reach the officer."""
    project.write(PRODUCER, "name: Năm Quyền\nkind: HTX\nlocation: {lat: nhiều, lon: 200}\nphotos: 3\n")
    project.write("products/huan-hong/mam-tom.yml", GOOD_PRODUCT.replace("nam-quyen", "huan-hong") + (
        "certification: {stars: 2, score: 65.5, date: 2024-06-01T10:00:00+07:00, issuer: [UBND]}\n"
        "price: {min: 0, max: mười}\nbatches: [{code: L1, produced: hôm qua}]\nretired: yes\nen: {name: [a]}\n"
    ))
    project.write("products/_diem-ban/cho.yml", "name: Chợ thử\nkind: tạp hóa\nurl: ftp://x\nproducts: nem\n")
    project.write("products/_hoi-cho/hoi-cho.yml", "name: Hội chợ\nstart: mai\nproducts: [{a: 1}]\n")
    result = project.ocop("check")
    assert result.code == 1 and "Traceback" not in result.text
    rows = problems(result)
    assert len(rows) >= 12, result.err
    for row in rows:
        said = re.sub(r"'[^']*'|\(đang ghi: .*\)|\"[^\"]*\"", "", row)  # the officer's own words may be anything
        assert not ENGLISH.search(said), row


def test_a_photo_name_differing_only_in_letter_case_is_refused_on_every_system(project):
    from PIL import Image

    Image.new("RGB", (40, 30), (200, 120, 40)).save(project.products / "nam-quyen" / "chai-500ml.jpg")
    project.write(PRODUCT, GOOD_PRODUCT + "photos:\n  - file: Chai-500ml.JPG\n    alt: Chai thử\n")
    result = project.ocop("check")
    assert result.code == 1 and "Traceback" not in result.text
    assert problems(result) == [
        f"{PRODUCT}:5: trường 'photos[0].file': tên tệp ảnh 'Chai-500ml.JPG' chỉ khác chữ hoa/chữ thường với tệp có "
        "thật 'chai-500ml.jpg': hãy viết đúng 'chai-500ml.jpg' (máy chủ web phân biệt chữ hoa, chữ thường nên ảnh sẽ "
        "không hiện)"
    ], result.err
    project.write(PRODUCT, GOOD_PRODUCT + "photos:\n  - file: chai-500ml.jpg\n    alt: Chai thử\n")
    assert project.ocop("check").code == 0
