"""`ocop report --review 2026-03 --docx FILE`: the monthly review in the format of Nghị định 30/2020/NĐ-CP.

The document is opened with python-docx, as Word would open it: page, font, the heading with the
issuing body and the national motto, the title, and every table's figures for a varied data set on
15/03/2026 (the set of test_report.py, with a retired product, news, fairs and a server log).
"""
from __future__ import annotations

import docx
import pytest
from conftest import TODAY_ENV, VARIED_PRODUCTS
from docx.enum.text import WD_ALIGN_PARAGRAPH

FAIRS = {
    "products/_hoi-cho/hoi-cho-thang-3.yml": "name: Hội chợ OCOP tháng Ba\nstart: 20/03/2026\nend: 22/03/2026\n"
    "place: Quảng trường thử nghiệm\nproducts: [nem-huan-hong, nuoc-mam-nam-quyen]\n",
    "products/_hoi-cho/hoi-cho-thang-4.yml": "name: Hội chợ tháng Tư\nstart: 10/04/2026\nproducts: [nem-huan-hong]\n",
}
POSTS = {
    "docs/tin-tuc/posts/2026-03-02-tap-huan.md": "---\ntitle: Tập huấn OCOP tháng Ba\ndate: 2026-03-02\ncategories:\n  - Tin tức\n---\n\nNội dung.\n",
    "docs/tin-tuc/posts/2026-03-10-nhap.md": "---\ntitle: Bài nháp tháng Ba\ndate: 2026-03-10\ndraft: true\ncategories:\n  - Tin tức\n---\n\nNháp.\n",
    "docs/tin-tuc/posts/2026-02-20-thang-hai.md": "---\ntitle: Tin tháng Hai\ndate: 2026-02-20\ncategories:\n  - Tin tức\n---\n\nCũ.\n",
}
RETIRED = "name: Mắm tôm cũ\nproducer: nam-quyen\ngroup: thuc-pham\nretired:\n  date: 01/01/2026\n"
LOG = "\n".join([
    '203.0.113.5 - - [28/Feb/2026:09:00:00 +0700] "GET /Q/NM/ HTTP/1.1" 200 512 "-" "Phone A"',
    '203.0.113.5 - - [02/Mar/2026:09:00:00 +0700] "GET /Q/NM/ HTTP/1.1" 200 512 "-" "Phone A"',
    '198.51.100.7 - - [03/Mar/2026:09:00:00 +0700] "GET /Q/NM/ HTTP/1.1" 200 512 "-" "Phone B"',
    '198.51.100.7 - - [03/Mar/2026:09:05:00 +0700] "GET /Q/FAKE/ HTTP/1.1" 404 512 "-" "Phone B"',
    '192.0.2.80 - - [27/Feb/2026:09:00:00 +0700] "GET /Q/NM/ HTTP/1.1" 200 512 "-" "curl/8.5.0"',  # February's robot
    '192.0.2.81 - - [04/Mar/2026:09:00:00 +0700] "GET /Q/NM/ HTTP/1.1" 200 512 "-" "WhatsApp/2.23.20.0 A"',
]) + "\n"


def rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def table_after(document, heading: str) -> list[dict[str, str]]:
    """The first table after the paragraph starting with `heading`, as dicts by header ([] for "Không có.")."""
    body = document.element.body
    found = False
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[1]
        if tag == "p":
            text = "".join(child.itertext())
            if text.startswith(heading):
                found = True
            elif found and text == "Không có.":
                return []
        elif tag == "tbl" and found:
            table = next(t for t in document.tables if t._element is child)
            header, *body_rows = rows(table)
            return [dict(zip(header, row)) for row in body_rows]
    raise AssertionError(f"no section {heading!r}")


@pytest.fixture
def varied(project):
    for path, text in {**VARIED_PRODUCTS, **FAIRS, **POSTS, "products/nam-quyen/mam-tom-cu.yml": RETIRED, "logs/access.log": LOG}.items():
        project.write(path, text)
    return project


def test_review_document_in_the_administrative_format(varied):
    result = varied.ocop("report", "--review", "2026-03", "--docx", "bao-cao.docx", "--access-log", "logs/access.log", env=TODAY_ENV)
    assert result.code == 0, result.text
    assert "Đã ghi báo cáo tháng 3 năm 2026 vào bao-cao.docx" in result.out
    document = docx.Document(str(varied.root / "bao-cao.docx"))

    section = document.sections[0]
    mm = lambda *lengths: [round(length.mm, 1) for length in lengths]  # Word keeps twentieths of a point
    assert mm(section.page_width, section.page_height) == [210, 297]
    assert mm(section.left_margin, section.right_margin, section.top_margin, section.bottom_margin) == [30, 15, 20, 20]
    # Page numbers at the top, centred, from the second page (the first page's header is left empty).
    assert section.different_first_page_header_footer
    number = section.header.paragraphs[0]
    assert number.alignment == WD_ALIGN_PARAGRAPH.CENTER and 'w:instr="PAGE"' in number._p.xml
    assert "PAGE" not in section.first_page_header._element.xml
    runs = [run for paragraph in document.paragraphs for run in paragraph.runs] + [
        run for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs for run in p.runs
    ]
    assert runs and {run.font.name for run in runs} == {"Times New Roman"}

    body, nation = rows(document.tables[0])[0]
    assert body.startswith("ỦY BAN NHÂN DÂN\nXÃ QUẢNG CHÍNH\n") and "Số: ……/BC-UBND" in body
    assert nation.startswith("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n")
    assert nation.endswith("Quảng Chính, ngày …… tháng …… năm 2026")
    texts = [paragraph.text for paragraph in document.paragraphs]
    title = texts.index("BÁO CÁO")
    assert texts[title + 1] == "Kết quả thực hiện Chương trình mỗi xã một sản phẩm (OCOP) tháng 3 năm 2026"
    assert any("xã Quảng Trung (nay thuộc xã Quảng Chính), tỉnh Thanh Hóa" in text and "15/03/2026" in text for text in texts)
    recipients, signer = rows(document.tables[-1])[0]
    assert recipients.startswith("Nơi nhận:") and "Lưu: VT." in recipients
    assert signer.startswith("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")

    products = {row["Sản phẩm"]: row for row in table_after(document, "1. Sản phẩm của xã")}
    assert "Mắm tôm cũ" not in products and len(products) == 8
    assert (products["Chả sắp hết hạn"]["Số sao"], products["Chả sắp hết hạn"]["Tình trạng chứng nhận"],
            products["Chả sắp hết hạn"]["Hiệu lực đến hết ngày"]) == ("4", "còn hiệu lực", "15/09/2026")
    assert (products["Nước mía đã hết hạn"]["Tình trạng chứng nhận"], products["Nước mía đã hết hạn"]["Hiệu lực đến hết ngày"]) == (
        "hết hiệu lực", "01/01/2026")
    assert products["Tinh dầu chuẩn bị"]["Tình trạng chứng nhận"] == "đang chuẩn bị đánh giá"
    assert products["Nem Huân Hồng"]["Tình trạng chứng nhận"] == "chưa có ngày quyết định"

    targets = table_after(document, "2. Tiến độ so với Kế hoạch")
    assert [(row["Chỉ tiêu"], row["Đạt"], row["Còn thiếu"]) for row in targets] == [("2", "2", "0"), ("1", "1", "0")]
    assert "đã đạt: Mắm tép mới đạt" in targets[1]["Ghi chú"]
    assert [row["Sản phẩm"] for row in table_after(document, "Chứng nhận hết hiệu lực trong 6 tháng tới")] == ["Chả sắp hết hạn"]
    assert [row["Sản phẩm"] for row in table_after(document, "Chứng nhận đã hết hiệu lực")] == ["Nước mía đã hết hạn"]
    assert [row["Sản phẩm"] for row in table_after(document, "4. Sản phẩm đang chuẩn bị")] == ["Tinh dầu chuẩn bị"]

    scans = table_after(document, "5. Lượt quét mã QR")
    assert [(row["Mã"], row["Tháng"], row["Lượt quét"], row["Người quét"]) for row in scans] == [
        ("NEM", "03/2026", "0", "0"), ("NM", "03/2026", "2", "2")]  # the February scan is not March's
    assert [(row["Mã"], row["Lượt quét"]) for row in table_after(document, "Mã lạ được quét")] == [("FAKE", "1")]
    # March's robot (a WhatsApp link preview) is set aside and said so; February's is not March's.
    assert any("đã để riêng 1 lượt của máy, không phải người quét" in text for text in texts)
    assert [row["Tiêu đề"] for row in table_after(document, "6. Tin bài đã đăng")] == ["Tập huấn OCOP tháng Ba"]
    fairs = table_after(document, "7. Hội chợ, triển lãm")
    assert fairs == [{"STT": "1", "Hội chợ, triển lãm": "Hội chợ OCOP tháng Ba", "Thời gian": "20/03/2026 – 22/03/2026",
                      "Địa điểm": "Quảng trường thử nghiệm", "Sản phẩm tham gia": "Nem Huân Hồng, Nước mắm Năm Quyền"}]
    tasks = texts[texts.index("II. NHIỆM VỤ TRỌNG TÂM THÁNG TỚI") + 1:]
    assert "- Hướng dẫn cơ sở chuẩn bị hồ sơ đánh giá lại sản phẩm Chả sắp hết hạn trước ngày 15/09/2026." in tasks


def test_without_a_log_the_review_has_no_scan_section(project):
    result = project.ocop("report", "--review", "11/2026", "--docx", "bao-cao.docx", env=TODAY_ENV)
    assert result.code == 0, result.text
    document = docx.Document(str(project.root / "bao-cao.docx"))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert not any("Lượt quét" in text for text in texts)
    assert "5. Tin bài đã đăng trên trang thông tin tháng 11 năm 2026" in texts


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--review", "2026-13", "--docx", "x.docx"], "--review: tháng '2026-13' không có"),
        (["--review", "tháng 11", "--docx", "x.docx"], "phải ghi dạng NĂM-THÁNG, ví dụ 2026-11"),
        (["--review", "2026-11"], "thêm --docx TỆP"),
    ],
)
def test_a_wrong_month_is_explained(project, arguments, message):
    result = project.ocop("report", *arguments, env=TODAY_ENV)
    assert result.code == 2 and message in result.err and "Traceback" not in result.text
    assert not (project.root / "x.docx").exists()
