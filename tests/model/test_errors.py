"""Messages that tell the officer the truth about what they wrote (issue 13).

Each test writes the officer's YAML into a copy of the project, runs `ocop check` (and `mkdocs build`
where a warning must not stop it) and reads the exact Vietnamese message, its file:line and the exit code.
"""
from __future__ import annotations

import re

import pytest
from conftest import copy_project, text_of

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
def test_a_mistake_in_producer_yml_is_reported_once_on_that_file(example, case):
    text, expected = PRODUCER_MISTAKES[case]
    example.write(PRODUCER, text)
    example.write(PRODUCT, GOOD_PRODUCT)  # a second product of the same producer
    result = example.check()
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
        result = big_catalogue.check()
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
        result = big_catalogue.check()
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
    "date-with-dashes": (
        "certification:\n  stars: 3\n  date: 15-3-2025\n",
        "trường 'certification.date': không phải ngày (viết 31/05/2024 hoặc 2024-05-31) (đang ghi: '15-3-2025')",
    ),
    "date-that-does-not-exist": (
        "certification:\n  stars: 3\n  date: 31/02/2025\n",
        "trường 'certification.date': ngày không có thật (đang ghi: '31/02/2025')",
    ),
    "stars-as-yes": (
        "certification:\n  stars: yes\n",
        "trường 'certification.stars': phải là số nguyên: số sao là 3, 4 hoặc 5 (chỉ sản phẩm từ 3 sao được công nhận "
        "OCOP) (đang ghi: yes)",
    ),
}


@pytest.mark.parametrize("case", WRITTEN)
def test_a_message_quotes_the_value_as_written(example, case):
    added, expected = WRITTEN[case]
    example.write(PRODUCT, GOOD_PRODUCT + added)
    result = example.check()
    assert result.code == 1 and "Traceback" not in result.text
    line = 4 + added.count("\n") - 1
    assert problems(result) == [f"{PRODUCT}:{line}: {expected}"], result.err


def test_a_bad_date_is_quoted_once_and_told_alike_in_a_product_and_a_post(example):
    """One set of date forms everywhere: the same mistake gets the same words in a product and a post."""
    example.write(PRODUCT, GOOD_PRODUCT + "certification:\n  stars: 3\n  date: 15-3-2025\n")
    example.write("docs/tin-tuc/posts/ngay-sai.md", '---\ntitle: "Bài thử ngày sai"\ndate: 15-3-2025\n---\n\nMở đầu.\n')
    result = example.check()
    assert result.code == 1
    product, post = problem_in(result, PRODUCT), problem_in(result, "docs/tin-tuc/posts/ngay-sai.md")
    said = "không phải ngày (viết 31/05/2024 hoặc 2024-05-31) (đang ghi: '15-3-2025')"
    assert product.endswith(said) and post.endswith(said), result.err
    assert product.count("15-3-2025") == post.count("15-3-2025") == 1


ENGLISH = re.compile(r"\b(or|and|Input|should|be|valid|must|field|required|expected|Value|error)\b")


def test_no_english_word_in_a_vietnamese_message(example):
    """pydantic's own words ("Input should be …", "'a' or 'b'") never reach the officer."""
    example.write(PRODUCER, "name: Năm Quyền\nkind: HTX\nlocation: {lat: nhiều, lon: 200}\nphotos: 3\n")
    example.write("products/huan-hong/mam-tom.yml", GOOD_PRODUCT.replace("nam-quyen", "huan-hong") + (
        "certification: {stars: 2, score: 65.5, date: 2024-06-01T10:00:00+07:00, issuer: [UBND]}\n"
        "price: {min: 0, max: mười}\nbatches: [{code: L1, produced: hôm qua}]\nretired: yes\nen: {name: [a]}\n"
    ))
    example.write("products/_diem-ban/cho.yml", "name: Chợ thử\nkind: tạp hóa\nurl: ftp://x\nproducts: nem\n")
    example.write("products/_hoi-cho/hoi-cho.yml", "name: Hội chợ\nstart: mai\nproducts: [{a: 1}]\n")
    result = example.check()
    assert result.code == 1 and "Traceback" not in result.text
    rows = problems(result)
    assert len(rows) >= 12, result.err
    for row in rows:
        said = re.sub(r"'[^']*'|\(đang ghi: .*\)|\"[^\"]*\"", "", row)  # the officer's own words may be anything
        assert not ENGLISH.search(said), row


def test_a_photo_name_differing_only_in_letter_case_is_refused_on_every_system(example):
    from PIL import Image

    Image.new("RGB", (40, 30), (200, 120, 40)).save(example.products / "nam-quyen" / "chai-500ml.jpg")
    example.write(PRODUCT, GOOD_PRODUCT + "photos:\n  - file: Chai-500ml.JPG\n    alt: Chai thử\n")
    result = example.check()
    assert result.code == 1 and "Traceback" not in result.text
    assert problems(result) == [
        f"{PRODUCT}:5: trường 'photos[0].file': tên tệp ảnh 'Chai-500ml.JPG' chỉ khác chữ hoa/chữ thường với tệp có "
        "thật 'chai-500ml.jpg': hãy viết đúng 'chai-500ml.jpg' (máy chủ web phân biệt chữ hoa, chữ thường nên ảnh sẽ "
        "không hiện)"
    ], result.err
    example.write(PRODUCT, GOOD_PRODUCT + "photos:\n  - file: chai-500ml.jpg\n    alt: Chai thử\n")
    assert example.check().code == 0


# --- Dates that cannot be: after the build day, or in the wrong order ------------------------------------

BUILD_DAY = {"SOURCE_DATE_EPOCH": "1773547200"}  # 15/03/2026 in Vietnam

DATE_MISTAKES = {
    # id: (file, content, the expected problem)
    "decision-after-the-build-day": (
        PRODUCT, GOOD_PRODUCT + "certification:\n  stars: 3\n  date: 15/03/2027\n",
        f"{PRODUCT}:6: trường 'certification.date': ngày quyết định 15/03/2027 là ngày chưa tới (hôm nay là "
        "15/03/2026): hãy kiểm tra lại ngày, tháng, năm (đang ghi: '15/03/2027')",
    ),
    "batch-produced-after-the-build-day": (
        PRODUCT, GOOD_PRODUCT + "batches:\n  - code: L1\n    produced: 2026-03-16\n",
        f"{PRODUCT}:6: trường 'batches[0].produced': ngày sản xuất 16/03/2026 là ngày chưa tới (hôm nay là "
        "15/03/2026): hãy kiểm tra lại ngày, tháng, năm (đang ghi: 2026-03-16)",
    ),
    "batch-expires-before-it-is-produced": (
        PRODUCT, GOOD_PRODUCT + "batches:\n  - code: L1\n    produced: 01/01/2025\n    expires: 01/01/2024\n",
        f"{PRODUCT}:7: trường 'batches[0].expires': hạn sử dụng phải sau ngày sản xuất (đang ghi: '01/01/2024')",
    ),
    "fair-ends-before-it-starts": (
        "products/_hoi-cho/thu.yml", "name: Hội chợ thử\nstart: 05/03/2025\nend: 01/03/2025\n",
        "products/_hoi-cho/thu.yml:3: trường 'end': ngày kết thúc phải từ ngày bắt đầu trở đi (đang ghi: '01/03/2025')",
    ),
}


@pytest.mark.parametrize("case", DATE_MISTAKES)
def test_a_date_that_cannot_be_is_refused_with_its_line(example, case):
    file, content, expected = DATE_MISTAKES[case]
    example.write(file, content)
    result = example.check(env=BUILD_DAY)
    assert result.code == 1 and "Traceback" not in result.text
    assert problems(result) == [expected], result.err


def test_a_decision_in_the_future_stops_the_build_and_one_of_today_does_not(project):
    project.write(PRODUCT, GOOD_PRODUCT + "certification:\n  stars: 3\n  date: 15/03/2027\n")
    result = project.build(env=BUILD_DAY)
    assert result.code != 0 and f"{PRODUCT}:6: trường 'certification.date'" in result.text
    assert not project.site.exists()
    project.write(PRODUCT, GOOD_PRODUCT + "certification:\n  stars: 3\n  date: 15/03/2026\n"
                  "batches:\n  - code: L1\n    produced: 15/03/2026\n")
    assert project.ocop("check", env=BUILD_DAY).code == 0


ISSUERS = {
    # id: (stars, date, issuer, the warning expected or None)
    "district-after-districts-ended": (
        3, "01/08/2025", "UBND huyện Quảng Xương",
        "quyết định 3 sao ngày 01/08/2025 do 'UBND huyện Quảng Xương' (cấp huyện) cấp, nhưng từ 1/7/2025 không còn "
        "cấp huyện: sản phẩm 3–4 sao do UBND tỉnh công nhận (Quyết định 1489/QĐ-TTg); hãy đối chiếu với quyết định "
        "(chỉ là cảnh báo, trang web vẫn được tạo)",
    ),
    "five-stars-by-a-province": (
        5, "01/08/2025", "UBND tỉnh Thanh Hóa",
        "quyết định 5 sao ngày 01/08/2025 do 'UBND tỉnh Thanh Hóa' (cấp tỉnh) cấp, nhưng sản phẩm 5 sao do cấp trung "
        "ương công nhận; hãy đối chiếu với quyết định (chỉ là cảnh báo, trang web vẫn được tạo)",
    ),
    "three-stars-by-a-province-in-2024": (
        3, "01/06/2024", "UBND tỉnh Thanh Hóa",
        "quyết định 3 sao ngày 01/06/2024 do 'UBND tỉnh Thanh Hóa' (cấp tỉnh) cấp, nhưng từ 24/02/2023 đến 30/6/2025 "
        "sản phẩm 3 sao do UBND cấp huyện công nhận (Quyết định 148/QĐ-TTg); hãy đối chiếu với quyết định (chỉ là "
        "cảnh báo, trang web vẫn được tạo)",
    ),
    "three-stars-by-the-district-in-2024": (3, "01/06/2024", "UBND huyện Quảng Xương, tỉnh Thanh Hóa", None),
    "four-stars-by-the-province-in-2025": (4, "01/08/2025", "UBND tỉnh Thanh Hóa", None),
}


@pytest.mark.parametrize("case", ISSUERS)
def test_an_issuer_that_does_not_fit_the_decision_is_only_a_warning(example, case):
    stars, day, issuer, expected = ISSUERS[case]
    # A commune with a report channel (test data), so that its absence is not the warning counted here.
    config = example.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    # zalo:\n", '    zalo: "0900000000"\n'), encoding="utf-8")
    example.write(PRODUCT, GOOD_PRODUCT + f"certification:\n  stars: {stars}\n  date: {day}\n  issuer: {issuer}\n")
    result = example.check(env=BUILD_DAY)
    assert result.code == 0, result.text
    if expected is None:
        assert "cảnh báo" not in result.text
    else:
        assert "Có 1 cảnh báo (trang web vẫn được tạo, nhưng hãy kiểm tra lại):" in result.err
        assert f"  - {PRODUCT}:7: trường 'certification.issuer': {expected}" in result.err.splitlines(), result.err


def test_an_issuer_warning_does_not_fail_the_strict_build(project):
    project.write(PRODUCT, GOOD_PRODUCT + "certification:\n  stars: 3\n  date: 01/08/2025\n  issuer: UBND huyện Quảng Xương\n")
    result = project.build(env=BUILD_DAY)
    assert result.code == 0, result.text
    assert (project.site / "san-pham" / "mam-tom-thu-nghiem" / "index.html").is_file()


# --- Sub-groups: the list holds what was checked against Decision 148/QĐ-TTg; another is a warning ---------

SUBGROUPS = {
    # id: (group, subgroup written, the warning expected)
    "not-in-the-list": (
        "thuc-pham", "thuy-san-kho",
        "phân nhóm 'thuy-san-kho' không có trong danh mục phân nhóm của ngành 'Thực phẩm' mà trang đã đối chiếu "
        "với Quyết định 148/QĐ-TTg: trang ghi phân nhóm đúng như đã viết; hãy kiểm tra lại tên phân nhóm",
    ),
    "a-group-without-a-list": (
        "do-uong", "Rượu trắng",
        "phân nhóm 'Rượu trắng' không có trong danh mục phân nhóm của ngành 'Đồ uống' mà trang đã đối chiếu "
        "với Quyết định 148/QĐ-TTg: trang ghi phân nhóm đúng như đã viết; hãy kiểm tra lại tên phân nhóm",
    ),
    "a-typo": (
        "thuc-pham", "tuong-nuoc-mamm",
        "phân nhóm 'tuong-nuoc-mamm' không có trong danh mục phân nhóm của ngành 'Thực phẩm' mà trang đã đối chiếu "
        "với Quyết định 148/QĐ-TTg: trang ghi phân nhóm đúng như đã viết; hãy kiểm tra lại tên phân nhóm; "
        "có phải ý bạn là 'tuong-nuoc-mam'?",
    ),
}


@pytest.mark.parametrize("case", SUBGROUPS)
def test_a_subgroup_not_in_the_list_is_only_a_warning_naming_no_internal_file(example, case):
    group, written, expected = SUBGROUPS[case]
    example.write(PRODUCT, GOOD_PRODUCT.replace("thuc-pham", group) + f"subgroup: {written}\n")
    result = example.check()
    assert result.code == 0, result.text
    assert f"  - {PRODUCT}:4: trường 'subgroup': {expected}" in result.err.splitlines(), result.err
    assert ".yml" not in expected and "nhom-san-pham" not in result.text


def test_a_subgroup_not_in_the_list_is_built_and_shown_as_written(project):
    project.write(PRODUCT, GOOD_PRODUCT + "subgroup: Thủy sản khô\n")
    result = project.build()
    assert result.code == 0, result.text
    assert "Thực phẩm › Thủy sản khô" in text_of(project.page("san-pham/mam-tom-thu-nghiem/"))


def test_a_subgroup_may_be_named_as_the_decision_writes_it(example):
    """`subgroup: Đồ ăn nhanh` is the listed sub-group `do-an-nhanh`, without a warning."""
    example.write(PRODUCT, GOOD_PRODUCT + "subgroup: đồ ăn nhanh\n")
    result = example.check()
    assert result.code == 0 and "subgroup" not in result.err, result.err
