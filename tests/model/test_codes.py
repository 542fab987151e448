"""Short codes: the printed QR opens the right page in a browser, stays small, and never breaks.

Every case runs the real `mkdocs build` or `ocop` on a copy of the project; the codes are read back
from the built PNG files with zxing-cpp, which also reports the QR version and level it found.
"""
from __future__ import annotations

import datetime as dt
import shutil

import pytest
from conftest import copy_project, read_qr_codes, serve
from ocop.model.catalogue import load_catalogue
from ocop.model.codes import issued_and_retired, read_registry

FISH_SAUCE = "products/nam-quyen/nuoc-mam-nam-quyen.yml"
NEM = "products/huan-hong/nem-huan-hong.yml"
REGISTRY = "products/_registry/codes.yml"
HOST = "HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/"
EXAMPLES = {"nuoc-mam-nam-quyen": ("NM", "Nước mắm Năm Quyền"), "nem-huan-hong": ("NEM", "Nem Huân Hồng")}


def read(project, relative: str) -> str:
    return (project.root / relative).read_text(encoding="utf-8")


def qr_png(project, slug: str):
    return project.site / "san-pham" / slug / f"qr-{slug}.png"


def test_every_example_code_is_registered(built):
    registry = read(built, REGISTRY)
    for slug, (code, _) in EXAMPLES.items():
        assert f"\n{code}: {slug}\n" in registry


@pytest.mark.parametrize("slug", EXAMPLES)
def test_following_the_printed_code_in_chromium_opens_the_product(built, site_server, phone, slug):
    code, name = EXAMPLES[slug]
    [result] = read_qr_codes(qr_png(built, slug))
    assert result.text == f"{HOST}Q/{code}/"
    path = result.text[len(HOST):]  # the same path, on the local server instead of the commune's host
    phone.goto(site_server + path)
    phone.wait_for_url(f"{site_server}san-pham/{slug}/", timeout=15000)
    assert phone.locator("h1").inner_text() == name


def test_codes_stay_version_3_at_level_m_with_a_45_character_host(project):
    host = "ocop-quangtrung.quangchinh.thanhhoa.gov.vn.xx"
    assert len(host) == 45
    config = read(project, "mkdocs.yml").replace("https://quangtrung.quangxuong.thanhhoa.gov.vn/", f"https://{host}/")
    project.write("mkdocs.yml", config)
    # The longest code `ocop` proposes, too.
    project.write("products/nam-quyen/mam-tom.yml", "name: Mắm tôm thử nghiệm\nproducer: nam-quyen\ngroup: thuc-pham\ncode: ABCD\n")
    result = project.build()
    assert result.code == 0, result.text
    for slug, code in [(slug, code) for slug, (code, _) in EXAMPLES.items()] + [("mam-tom-thu-nghiem", "ABCD")]:
        [found] = read_qr_codes(qr_png(project, slug))
        assert found.text == f"HTTPS://{host.upper()}/Q/{code}/"
        assert found.ec_level == "M"
        assert int(found.extra["Version"]) <= 3, (slug, found.extra)


def test_a_rebuild_with_no_change_encodes_no_code(project):
    shutil.rmtree(project.root / ".cache")  # a cold start: the copy's warm cache holds every code already
    first = project.build()
    assert first.code == 0 and "; 0 mã QR" not in first.text
    second = project.build()
    assert second.code == 0
    assert "; 0 mã QR, 0 tệp ảnh mới được tạo" in second.text


def test_renamed_product_keeps_its_code_and_its_page(project, browser):
    assert project.build_in_process().code == 0
    before = qr_png(project, "nuoc-mam-nam-quyen").read_bytes()
    project.write(FISH_SAUCE, read(project, FISH_SAUCE).replace("name: Nước mắm Năm Quyền", "name: Nước mắm cốt Năm Quyền"))
    result = project.build()
    assert result.code == 0, result.text
    assert qr_png(project, "nuoc-mam-nam-quyen").read_bytes() == before  # the printed code is unchanged
    with serve(project.site) as address:
        page = browser.new_page()
        page.goto(address + "Q/NM/")
        page.wait_for_url(f"{address}san-pham/nuoc-mam-nam-quyen/", timeout=15000)
        assert page.locator("h1").inner_text() == "Nước mắm cốt Năm Quyền"
        page.close()


def _fails(project, file: str, line: int | None, field: str | None, words: str) -> None:
    """`ocop check` (in this process: the command's exit code is tested in test_validate and test_errors)
    and `mkdocs build` both refuse, naming the place, and nothing is built."""
    check = project.check()
    assert check.code == 1, check.text
    assert "Traceback" not in check.text
    message = next((row for row in check.err.splitlines() if file in row and words in row), "")
    assert message, check.err
    if line is not None:
        assert f"{file}:{line}:" in message, message
    if field is not None:
        assert f"trường '{field}'" in message, message
    build = project.build()
    assert build.code != 0 and words in build.text and "Traceback" not in build.text
    assert not project.site.exists()


def test_renamed_product_whose_address_came_from_its_name_is_stopped(project):
    text = read(project, FISH_SAUCE).replace("slug: nuoc-mam-nam-quyen\n", "").replace(
        "name: Nước mắm Năm Quyền", "name: Nước mắm cốt Năm Quyền"
    )
    project.write(FISH_SAUCE, text)
    _fails(project, FISH_SAUCE, 7, "code", "hãy giữ 'slug: nuoc-mam-nam-quyen'")


def test_dropping_an_issued_code_is_stopped(project):
    project.write(FISH_SAUCE, read(project, FISH_SAUCE).replace("code: NM\n", ""))
    _fails(project, FISH_SAUCE, None, "code", "đã được cấp mã 'NM'")


def test_changing_an_issued_code_is_stopped(project):
    project.write(FISH_SAUCE, read(project, FISH_SAUCE).replace("code: NM\n", "code: NMNQ\n"))
    _fails(project, FISH_SAUCE, 8, "code", "hãy giữ 'code: NM' thay cho 'NMNQ'")


def test_deleting_a_product_whose_code_was_issued_is_stopped(project):
    (project.root / NEM).unlink()
    line = read(project, REGISTRY).splitlines().index("NEM: nem-huan-hong") + 1
    _fails(project, REGISTRY, line, "NEM", "không còn sản phẩm nào mang mã này")


def test_pointing_an_issued_code_at_another_product_is_stopped(project):
    project.write(FISH_SAUCE, read(project, FISH_SAUCE).replace("code: NM\n", ""))
    project.write(NEM, read(project, NEM).replace("code: NEM\n", "code: NM\n"))
    _fails(project, NEM, 8, "code", "mã 'NM' đã cấp cho trang /san-pham/nuoc-mam-nam-quyen/")


RETIRED = "retired:\n  date: 01/03/2026\n  note: Cơ sở chuyển sang làm sản phẩm khác.\n"


def test_retired_product_keeps_a_page_that_says_so(project, browser):
    project.write(NEM, read(project, NEM) + RETIRED)
    result = project.build()
    assert result.code == 0, result.text
    with serve(project.site) as address:
        page = browser.new_page()
        page.goto(address + "Q/NEM/")
        page.wait_for_url(f"{address}san-pham/nem-huan-hong/", timeout=15000)
        notice = page.locator(".admonition").inner_text()
        assert "đã ngừng sản xuất từ ngày 01/03/2026" in notice
        assert "Cơ sở chuyển sang làm sản phẩm khác." in notice
        assert page.locator(".admonition a", has_text="Huân Hồng").get_attribute("href") == "../../co-so/huan-hong/"
        assert page.locator("text=Tải mã QR để in bao bì").count() == 0  # no new labels for it
        page.goto(address + "san-pham/")
        assert page.locator(".ocop-card", has_text="Nem Huân Hồng").count() == 0
        assert page.locator(".ocop-card", has_text="Nước mắm Năm Quyền").count() == 1
        page.goto(address + "co-so/huan-hong/")
        assert "Nem Huân Hồng (đã ngừng sản xuất)" in page.locator("article").inner_text()
        page.close()
    labels = project.ocop("labels", "NEM")
    assert labels.code == 1 and "đã ngừng sản xuất: không in nhãn mới" in labels.err


BAD_CODES = {
    # id: (code line, expected line, expected words)
    "lower-case": ("code: nm2", 8, "mã phải viết IN HOA: NM2"),
    "too-long": ("code: NUOCMAMNQ", 8, "mã dài 9 ký tự, tối đa 8"),
    "with-diacritics": ("code: MẮM", 8, "chỉ gồm chữ cái A–Z không dấu"),
    "with-a-dash": ("code: NM-2", 8, "chỉ gồm chữ cái A–Z không dấu"),
    "read-as-yes-no": ("code: NO", 8, "đặt mã trong dấu nháy"),
    "digits-as-number": ("code: 12", 8, 'đặt trong dấu nháy, ví dụ "12"'),
}


@pytest.mark.parametrize("case", BAD_CODES)
def test_bad_code_is_explained(example, case):
    line_text, line, words = BAD_CODES[case]
    example.write(FISH_SAUCE, read(example, FISH_SAUCE).replace("code: NM\n", line_text + "\n"))
    check = example.check()
    assert check.code == 1 and "Traceback" not in check.text
    assert f"{FISH_SAUCE}:{line}: trường 'code':" in check.err and words in check.err, check.err


def test_duplicate_code_is_explained(project):
    project.write("products/nam-quyen/mam-tom.yml", "name: Mắm tôm thử nghiệm\nproducer: nam-quyen\ngroup: thuc-pham\ncode: NEM2\n")
    project.write("products/huan-hong/nem-chua.yml", "name: Nem chua thử nghiệm\nproducer: huan-hong\ngroup: thuc-pham\ncode: NEM2\n")
    _fails(project, "products/nam-quyen/mam-tom.yml", 4, "code", "trùng với sản phẩm trong products/huan-hong/nem-chua.yml")


def test_code_clashing_with_another_products_issued_code_is_explained(project):
    project.write("products/huan-hong/nem-chua.yml", "name: Nem chua thử nghiệm\nproducer: huan-hong\ngroup: thuc-pham\ncode: NEM\n")
    # Reported in both files, each naming the other; the register then keeps NEM for nem Huân Hồng.
    _fails(project, "products/huan-hong/nem-chua.yml", 4, "code", "mã ngắn 'NEM' trùng với sản phẩm trong products/huan-hong/nem-huan-hong.yml")
    _fails(project, "products/huan-hong/nem-huan-hong.yml", 8, "code", "trùng với sản phẩm trong products/huan-hong/nem-chua.yml")


def test_ocop_assigns_a_missing_code_keeps_the_comments_and_registers_it(project):
    original = (
        "# Sản phẩm thử nghiệm (dữ liệu trong kiểm thử).\r\n"
        "name: Mắm tôm Năm Quyền   # tên in trên bao bì\r\n"
        "producer: nam-quyen\r\n"
        "# ngành hàng\r\n"
        "group: thuc-pham\r\n"
    )
    (project.root / "products/nam-quyen/mam-tom.yml").write_bytes(original.encode("utf-8"))
    result = project.ocop("codes")
    assert result.code == 0, result.text
    assert "Đã ghi mã MTNQ vào products/nam-quyen/mam-tom.yml" in result.out
    written = (project.root / "products/nam-quyen/mam-tom.yml").read_bytes().decode("utf-8")
    assert written == original.replace(
        "   # tên in trên bao bì\r\n",
        "   # tên in trên bao bì\r\nslug: mam-tom-nam-quyen\r\n"
        "# Mã ngắn in trên mã QR của bao bì (…/Q/MTNQ/): đã in thì không bao giờ đổi, kể cả khi đổi tên.\r\n"
        "code: MTNQ\r\n",
    )
    assert read(project, REGISTRY).endswith("NM: nuoc-mam-nam-quyen\nMTNQ: mam-tom-nam-quyen\n")
    # The report lists every product with its version; a second run changes nothing.
    assert "HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/MTNQ/" in result.out
    again = project.ocop("codes")
    assert again.code == 0 and "Đã ghi" not in again.out
    assert project.build_in_process().code == 0
    assert "san-pham/mam-tom-nam-quyen/" in project.page("Q/MTNQ/")


def test_ocop_build_gives_new_products_their_codes_first(project):
    project.write("products/huan-hong/nem-chua.yml", "name: Nem chua thử nghiệm\nproducer: huan-hong\ngroup: thuc-pham\n")
    result = project.ocop("build")
    assert result.code == 0, result.text
    assert "code: NCTN" in read(project, "products/huan-hong/nem-chua.yml")
    assert read(project, REGISTRY).endswith("NCTN: nem-chua-thu-nghiem\n")
    [found] = read_qr_codes(qr_png(project, "nem-chua-thu-nghiem"))
    assert found.text == f"{HOST}Q/NCTN/"
    assert "san-pham/nem-chua-thu-nghiem/" in project.page("Q/NCTN/")


def test_ocop_build_registers_no_code_for_a_product_file_never_filled_in(project):
    """`ocop new product` then `ocop build` before filling anything in: a registered code would hold the
    address forever, for a product that may never exist. Once the file is filled in, the code comes."""
    created = project.ocop("new", "product", "Mắm tép thử nghiệm", "--producer", "nam-quyen")
    assert created.code == 0, created.text
    path = project.root / "products/nam-quyen/mam-tep-thu-nghiem.yml"
    scaffold = path.read_text(encoding="utf-8")
    registry = read(project, REGISTRY)

    result = project.ocop("build")
    assert result.code == 0, result.text
    assert read(project, REGISTRY) == registry
    assert path.read_text(encoding="utf-8") == scaffold
    assert "Chưa cấp mã ngắn cho products/nam-quyen/mam-tep-thu-nghiem.yml" in result.out
    assert not (project.site / "Q" / "MTTN").exists()
    assert "Mắm tép thử nghiệm" in project.page("san-pham/mam-tep-thu-nghiem/")  # the preview still shows it

    path.write_text(scaffold.replace("# summary: Một câu giới thiệu sản phẩm.", "summary: Mắm tép thử."), encoding="utf-8")
    result = project.ocop("build")
    assert result.code == 0, result.text
    assert read(project, REGISTRY).endswith("NEM: nem-huan-hong\nNM: nuoc-mam-nam-quyen\nMTTN: mam-tep-thu-nghiem\n")
    assert "san-pham/mam-tep-thu-nghiem/" in project.page("Q/MTTN/")


def site_files(project) -> dict[str, bytes]:
    return {path.relative_to(project.site).as_posix(): path.read_bytes() for path in project.site.rglob("*") if path.is_file()}


def test_a_failed_build_issues_no_code(project):
    """The build fails after the new product's code was chosen: the product file and the register are
    put back byte for byte, and the site built before is left as it was."""
    assert project.ocop("build").code == 0
    before, registry = site_files(project), read(project, REGISTRY)
    new = project.write("products/huan-hong/nem-chua.yml", "name: Nem chua thử nghiệm\nproducer: huan-hong\ngroup: thuc-pham\n")
    page = project.root / "docs/index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<img src="thieu.png" alt="Ảnh">\n', encoding="utf-8")
    result = project.ocop("build")
    assert result.code != 0 and "thieu.png" in result.text
    assert "chưa cấp mã ngắn mới" in result.err
    assert new.read_text(encoding="utf-8") == "name: Nem chua thử nghiệm\nproducer: huan-hong\ngroup: thuc-pham\n"
    assert read(project, REGISTRY) == registry
    assert site_files(project) == before
    assert not [path for path in project.root.iterdir() if path.name.startswith(".site.ocop-")]


@pytest.mark.parametrize("where, text, shown", [
    ("products/nam-quyen/mam.yml", "name: Mắm thử nghiệm\nslug: index\nproducer: nam-quyen\ngroup: thuc-pham\n",
     "products/nam-quyen/mam.yml:2: trường 'slug': địa chỉ trang 'index' trùng với một trang"),
    ("products/nam-quyen/mam.yml", "name: Mắm thử nghiệm\nslug: trang\nproducer: nam-quyen\ngroup: thuc-pham\n",
     "products/nam-quyen/mam.yml:2: trường 'slug': địa chỉ trang 'trang' trùng"),
    ("products/nam-quyen/mam.yml", "name: Tin tức\nproducer: nam-quyen\ngroup: thuc-pham\n",
     "products/nam-quyen/mam.yml:1: trường 'name': địa chỉ trang 'tin-tuc' trùng"),
    ("products/index/producer.yml", "name: Cơ sở thử nghiệm\nkind: hợp tác xã\n", "products/index: tên thư mục cơ sở 'index' trùng"),
    ("products/q/producer.yml", "name: Cơ sở thử nghiệm\nkind: hợp tác xã\n", "products/q: tên thư mục cơ sở 'q' trùng"),
])
def test_an_address_the_site_makes_itself_is_refused_before_any_code(project, where, text, shown):
    registry = read(project, REGISTRY)
    project.write(where, text)
    for command in ("check", "build"):
        result = project.ocop(command)
        assert result.code == 1 and shown in result.err and "Traceback" not in result.text
    assert read(project, REGISTRY) == registry and (project.root / where).read_text(encoding="utf-8") == text
    assert not project.site.exists()


def test_a_slug_clash_is_blamed_on_the_new_file_not_on_the_printed_product(example):
    # a-moi.yml is read first (its name sorts first), yet the printed nước mắm keeps its address.
    example.write("products/nam-quyen/a-moi.yml", "name: Mắm thử nghiệm\nslug: nuoc-mam-nam-quyen\nproducer: nam-quyen\ngroup: thuc-pham\n")
    result = example.check()
    assert result.code == 1
    assert "products/nam-quyen/a-moi.yml:2: trường 'slug': địa chỉ trang 'nuoc-mam-nam-quyen' trùng với sản phẩm trong products/nam-quyen/nuoc-mam-nam-quyen.yml" in result.err
    assert "nuoc-mam-nam-quyen.yml:" not in result.err


def test_the_codes_ever_issued_are_the_registers_and_the_files_with_the_retired_apart(tmp_path):
    """What `ocop report --access-log` tells a scan of a printed code from one of a code nobody issued
    (in-process: the catalogue and the register read as the engine reads them)."""
    copy = copy_project(tmp_path / "site")
    fish = copy.root / FISH_SAUCE
    fish.write_text(read(copy, FISH_SAUCE) + RETIRED, encoding="utf-8")
    (copy.root / REGISTRY).write_text(read(copy, REGISTRY) + "OLD: san-pham-da-xoa\n", encoding="utf-8")
    catalogue = load_catalogue(copy.products, today=dt.date(2026, 6, 1))
    registry, problems = read_registry(copy.products, str)
    assert problems == []
    assert issued_and_retired(catalogue, registry) == ({"NM", "NEM", "OLD"}, {"NM"})
    assert issued_and_retired(catalogue, None) == ({"NM", "NEM"}, {"NM"})
