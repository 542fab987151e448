"""`ocop report`: the officer's numbers on the terminal (Markdown) and in a CSV that Excel opens.

The numbers are checked for the example data and for a fictional set (today = 15/03/2026) with an
expiring, an expired, a candidate, a newly certified product and one without OCOP information.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt

import pytest
from conftest import TODAY, TODAY_ENV, VARIED_PRODUCTS


def sections(path) -> dict[str, list[list[str]]]:
    """The CSV's tables: title → [header, rows…]."""
    with open(path, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    tables, current = {}, None
    for row in rows[2:]:
        if not row:
            current = None
        elif current is None:
            current = tables.setdefault(row[0], [])
        else:
            current.append(row)
    return tables


def table(tables: dict, start: str) -> list[dict[str, str]]:
    title = next(title for title in tables if title.startswith(start))
    header, *rows = tables[title]
    return [dict(zip(header, row)) for row in rows if len(row) == len(header)]


def by(rows: list[dict], key: str) -> dict[str, dict]:
    return {row[key]: row for row in rows}


def test_example_data_report(project, tmp_path):
    output = tmp_path / "bao-cao.csv"
    result = project.ocop("report", "--csv", str(output), env=TODAY_ENV)
    assert result.code == 0, result.text
    terminal = result.out
    assert "# Báo cáo Chương trình OCOP xã Quảng Trung, tỉnh Thanh Hóa" in terminal
    assert "Thông tin tính đến ngày 15/03/2026." in terminal
    assert "| Thực phẩm " in terminal and "| Ngành hàng " in terminal
    assert output.read_bytes().startswith(codecs.BOM_UTF8)

    tables = sections(output)
    counts = by(table(tables, "Sản phẩm theo ngành hàng"), "Ngành hàng")
    assert counts["Thực phẩm"]["3 sao"] == "2" and counts["Thực phẩm"]["Tổng"] == "2"
    assert counts["Tổng"] == {
        "Ngành hàng": "Tổng", "3 sao": "2", "4 sao": "0", "5 sao": "0", "Hết hiệu lực": "0", "Đang chuẩn bị": "0",
        "Chưa có thông tin OCOP": "0", "Tổng": "2",
    }
    assert len(counts) == 7  # the six OCOP groups and the total
    assert table(tables, "Chứng nhận hết hiệu lực trong 6 tháng tới") == []
    assert table(tables, "Chứng nhận đã hết hiệu lực") == []
    undated = table(tables, "Chứng nhận chưa có ngày quyết định")
    assert sorted(row["Sản phẩm"] for row in undated) == ["Nem Huân Hồng", "Nước mắm Năm Quyền"]
    assert table(tables, "Sản phẩm đang chuẩn bị") == []
    progress = table(tables, "Tiến độ so với Kế hoạch thực hiện Chương trình OCOP năm 2025")
    assert [(row["Chỉ tiêu"], row["Đạt"], row["Còn thiếu"]) for row in progress] == [("2", "2", "0"), ("1", "0", "1")]
    assert "nước mắm Năm Quyền, nem Huân Hồng" in progress[0]["Mục tiêu"]
    assert "chưa có ngày quyết định" in progress[0]["Ghi chú"]


@pytest.fixture
def test_set(project):
    for path, text in VARIED_PRODUCTS.items():
        project.write(path, text)
    return project


def test_report_of_a_varied_data_set(test_set, tmp_path):
    output = tmp_path / "bao-cao.csv"
    result = test_set.ocop("report", "--csv", str(output), env=TODAY_ENV)
    assert result.code == 0, result.text
    tables = sections(output)

    counts = by(table(tables, "Sản phẩm theo ngành hàng"), "Ngành hàng")
    numbers = lambda row: [int(row[column]) for column in ("3 sao", "4 sao", "5 sao", "Hết hiệu lực", "Đang chuẩn bị", "Chưa có thông tin OCOP", "Tổng")]
    assert numbers(counts["Thực phẩm"]) == [3, 1, 0, 0, 0, 0, 4]
    assert numbers(counts["Đồ uống"]) == [1, 0, 0, 1, 0, 0, 2]
    assert numbers(counts["Dược liệu và sản phẩm từ dược liệu"]) == [0, 0, 0, 0, 1, 0, 1]
    assert numbers(counts["Hàng thủ công mỹ nghệ"]) == [0, 0, 0, 0, 0, 1, 1]
    assert numbers(counts["Tổng"]) == [4, 1, 0, 1, 1, 1, 8]

    expiring = table(tables, "Chứng nhận hết hiệu lực trong 6 tháng tới (đến hết ngày 15/09/2026)")
    assert expiring == [
        {"Sản phẩm": "Chả sắp hết hạn", "Cơ sở": "Huân Hồng", "Số sao": "4", "Quyết định": "số 12/QĐ-UBND, ngày 01/01/2024",
         "Hiệu lực đến hết ngày": "15/09/2026", "Còn (ngày)": str((dt.date(2026, 9, 15) - TODAY).days)}
    ]
    expired = table(tables, "Chứng nhận đã hết hiệu lực")
    assert expired == [
        {"Sản phẩm": "Nước mía đã hết hạn", "Cơ sở": "Năm Quyền", "Số sao": "3", "Quyết định": "số 7/QĐ-UBND, ngày 01/01/2023",
         "Hết hiệu lực từ ngày": "02/01/2026"}
    ]
    assert [row["Sản phẩm"] for row in table(tables, "Sản phẩm đang chuẩn bị")] == ["Tinh dầu chuẩn bị"]
    progress = table(tables, "Tiến độ so với")
    assert (progress[1]["Chỉ tiêu"], progress[1]["Đạt"], progress[1]["Còn thiếu"]) == ("1", "1", "0")
    assert "đã đạt: Mắm tép mới đạt" in progress[1]["Ghi chú"] and "đang chuẩn bị: Tinh dầu chuẩn bị" in progress[1]["Ghi chú"]

    assert "| Chả sắp hết hạn | Huân Hồng |      4 |" in result.out


def test_months_widen_the_expiring_list(test_set):
    result = test_set.ocop("report", "--months", "7", env=TODAY_ENV)
    assert result.code == 0, result.text
    section = result.out.split("## Chứng nhận hết hiệu lực trong 7 tháng tới (đến hết ngày 15/10/2026)")[1].split("##")[0]
    assert "Chả sắp hết hạn" in section and "Rượu còn xa hạn" in section
    narrow = test_set.ocop("report", "--months", "6", env=TODAY_ENV).out
    assert "Rượu còn xa hạn" not in narrow.split("## Chứng nhận hết hiệu lực trong 6 tháng")[1].split("##")[0]


def test_a_kept_product_that_expired_is_counted_out(project):
    nem = project.root / "products/huan-hong/nem-huan-hong.yml"
    nem.write_text(nem.read_text(encoding="utf-8").replace("  stars: 3\n", "  stars: 3\n  date: 01/03/2022\n"), encoding="utf-8")
    result = project.ocop("report", env=TODAY_ENV)
    assert result.code == 0, result.text
    row = next(line for line in result.out.splitlines() if line.startswith("| Duy trì 02 sản phẩm"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[1:4] == ["2", "1", "1"]
    assert "không còn đạt 3 sao: Nem Huân Hồng" in cells[4]


def test_semicolon_csv_for_excel_with_vietnamese_regional_settings(project, tmp_path):
    output = tmp_path / "bao-cao.csv"
    assert project.ocop("report", "--csv", str(output), "--separator", ";", env=TODAY_ENV).code == 0
    with open(output, encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream, delimiter=";"))
    assert rows[1] == ["Thông tin tính đến ngày", "15/03/2026"]
    assert ["Thực phẩm", "2", "0", "0", "0", "0", "0", "2"] in rows
