"""The monthly review as a Word document the commune files: `ocop report --review 2026-11 --docx FILE`.

The layout is that of an administrative document under Nghị định 30/2020/NĐ-CP (Phụ lục I): A4,
margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman; the issuing body (the commune
the old one merged into, `extra.commune.merged_into`) beside the national heading and motto; number and
date left as dots for the office to fill in; title; body; "Nơi nhận" beside the signature block. The
figures are those of `ocop report` (one piece of code counts them), plus every product, the news and
the fairs of the month and, given the web server's logs, the scans of that month. Nothing the data
does not hold is written: names, numbers and dates not known stay as dots.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from ..model.certificate import State, certificate_status
from ..model.commune import Commune
from ..model.dates import VIETNAM
from ..model.entries import Catalogue, FairEntry
from ..model.places import display, province_display
from ..model.news import News, PostEntry
from .report import Report, Table, date_text

FONT = "Times New Roman"
DOTS = "……"

STATE_TEXT = {
    State.VALID: "còn hiệu lực",
    State.EXPIRING: "sắp hết hiệu lực",
    State.EXPIRED: "hết hiệu lực",
    State.UNDATED: "chưa có ngày quyết định",
    State.CANDIDATE: "đang chuẩn bị đánh giá",
    State.NONE: "chưa có thông tin OCOP",
}


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """2026-11 or 11/2026."""
        text = text.strip()
        try:
            if "/" in text:
                month, year = text.split("/")
            else:
                year, month = text.split("-")
            value = cls(int(year), int(month))
        except ValueError:
            raise ValueError(f"tháng '{text}' phải ghi dạng NĂM-THÁNG, ví dụ 2026-11 (hoặc 11/2026)") from None
        if not (1 <= value.month <= 12 and 2000 <= value.year <= 2100):
            raise ValueError(f"tháng '{text}' không có: ghi dạng NĂM-THÁNG, ví dụ 2026-11")
        return value

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)

    def __str__(self) -> str:
        return f"tháng {self.month} năm {self.year}"


def posts_of(news: News | None, month: Month) -> list[PostEntry]:
    """The posts published (not drafts) whose date, in Vietnam, falls in the month; oldest first."""
    if news is None:
        return []
    found = [post for post in news.published() if month.first_day <= post.created.astimezone(VIETNAM).date() <= month.last_day]
    return sorted(found, key=lambda post: post.created)


def fairs_of(catalogue: Catalogue, month: Month) -> list[FairEntry]:
    """The fairs held, even partly, in the month."""
    return [fair for fair in catalogue.fairs if fair.model.start <= month.last_day and fair.model.last_day >= month.first_day]


def _run(paragraph, text: str, size: float = 14, bold: bool = False, italic: bool = False):
    run = paragraph.add_run(text)
    run.font.name, run.font.size, run.bold, run.italic = FONT, Pt(size), bold, italic
    return run


def _paragraph(container, text: str = "", size: float = 14, bold=False, italic=False, align=None, indent=False, after=6):
    paragraph = container.add_paragraph()
    if text:
        _run(paragraph, text, size, bold, italic)
    paragraph.alignment = align if align is not None else WD_ALIGN_PARAGRAPH.JUSTIFY
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.space_before = Pt(0)
    if indent:
        paragraph.paragraph_format.first_line_indent = Cm(1.27)
    return paragraph


def _cell_lines(cell, lines: list[tuple[str, float, bool, bool]]) -> None:
    """A cell of the heading or signature: centred lines (text, size, bold, italic)."""
    for index, (text, size, bold, italic) in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        _run(paragraph, text, size, bold, italic)


def _table(document, table: Table, numbered: bool = True) -> None:
    """A report table with a grid, its header in bold, numbers centred; "Không có." when empty."""
    if not table.rows:
        _paragraph(document, "Không có.", indent=True)
        return
    headers = (["STT"] if numbered else []) + table.headers
    grid = document.add_table(rows=1, cols=len(headers))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, header in zip(grid.rows[0].cells, headers):
        _cell_lines(cell, [(header, 12, True, False)])
    for number, row in enumerate(table.rows, start=1):
        cells = grid.add_row().cells
        values = ([number] if numbered else []) + list(row)
        for cell, value in zip(cells, values):
            paragraph = cell.paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER if isinstance(value, int) else WD_ALIGN_PARAGRAPH.LEFT
            paragraph.paragraph_format.space_after = Pt(0)
            _run(paragraph, str(value), 12)
    if table.note:
        _paragraph(document, table.note, size=12, italic=True)
    else:
        _paragraph(document, after=0)


def _page_numbers(section) -> None:
    """Nghị định 30/2020: the page number at the top, centred, in Arabic numerals, from the second page.
    Word fills the PAGE field in; python-docx has no call for a field, so it is the one element added."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = _run(paragraph, "", size=14)
    run._r.append(field)


def product_table(catalogue: Catalogue, today: dt.date, expiring_days: int) -> Table:
    """Every product still made: stars, the state of its certificate and its last valid day."""
    table = Table("Sản phẩm", ["Sản phẩm", "Cơ sở", "Ngành hàng", "Số sao", "Tình trạng chứng nhận", "Hiệu lực đến hết ngày"])
    products = sorted(
        (entry for entry in catalogue.products.values() if not entry.model.retired),
        key=lambda entry: (entry.group.name, entry.model.name),
    )
    for entry in products:
        status = certificate_status(entry.model.certification, today, expiring_days)
        state = STATE_TEXT[status.state]
        if status.state == State.EXPIRING:
            state += f" (còn {status.days_left} ngày)"
        table.rows.append(
            [entry.model.name, entry.producer.model.name, entry.group.name, status.stars or "", state, date_text(status.valid_until)]
        )
    return table


def write_month_review(
    path: Path,
    report: Report,
    catalogue: Catalogue,
    commune: Commune,
    news: News | None,
    month: Month,
    months_ahead: int,
    expiring_days: int,
    scans: list[Table] | None,
) -> None:
    """The month's review of `report` (build_report's figures), with every product, the month's posts
    and fairs and, when given, its scans."""
    products = product_table(catalogue, report.today, expiring_days)
    write_review(path, report, products, commune, month, months_ahead, posts_of(news, month), fairs_of(catalogue, month), scans)


def write_review(
    path: Path,
    report: Report,
    products: Table,
    commune: Commune,
    month: Month,
    months_ahead: int,
    posts: list[PostEntry],
    fairs: list[FairEntry],
    scans: list[Table] | None,
) -> None:
    body = commune.merged_into or commune.name
    document = _a4_document(month, body)
    _heading(document, body, report.today.year)
    _title(document, commune, body, month, report.today)
    _paragraph(document, "I. KẾT QUẢ THỰC HIỆN", bold=True)
    sections = _results(report, products, month, months_ahead, posts, fairs, scans)
    for number, (title, tables, numbered) in enumerate(sections, start=1):
        _paragraph(document, f"{number}. {title}", bold=True)
        for table in tables:
            if len(tables) > 1:
                _paragraph(document, table.title, italic=True)
            _table(document, table, numbered)
    _paragraph(document, "II. NHIỆM VỤ TRỌNG TÂM THÁNG TỚI", bold=True)
    for task in _tasks(report) or [DOTS]:
        _paragraph(document, f"- {task}", indent=True)
    _paragraph(document, after=0)
    _signature(document)
    document.save(str(path))


def _a4_document(month: Month, body: str):
    """An empty A4 document with the margins, font and page numbers of Nghị định 30/2020."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    _page_numbers(section)
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(14)
    document.core_properties.title = f"Báo cáo kết quả thực hiện Chương trình OCOP {month}"
    document.core_properties.author = f"UBND {display(body)}"
    return document


def _heading(document, body: str, year: int) -> None:
    """The issuing body and the number beside the national heading, the motto and the place and date."""
    heading = document.add_table(rows=1, cols=2)
    heading.autofit = False
    left, right = heading.rows[0].cells
    left.width, right.width = Mm(62), Mm(103)
    _cell_lines(left, [
        ("ỦY BAN NHÂN DÂN", 13, True, False),
        (display(body).upper(), 13, True, False),
        ("────────", 13, False, False),
        (f"Số: {DOTS}/BC-UBND", 13, False, False),
    ])
    _cell_lines(right, [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, True, False),
        ("Độc lập - Tự do - Hạnh phúc", 14, True, False),
        ("────────────────", 13, False, False),
        (f"{body}, ngày {DOTS} tháng {DOTS} năm {year}", 14, False, True),
    ])


def _title(document, commune: Commune, body: str, month: Month, today: dt.date) -> None:
    _paragraph(document, after=0)
    _paragraph(document, "BÁO CÁO", 14, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, after=0)
    _paragraph(
        document, f"Kết quả thực hiện Chương trình mỗi xã một sản phẩm (OCOP) {month}", 14, bold=True,
        align=WD_ALIGN_PARAGRAPH.CENTER, after=0,
    )
    _paragraph(document, "──────────", 14, align=WD_ALIGN_PARAGRAPH.CENTER)
    where = display(commune.name) + (f" (nay thuộc {display(commune.merged_into)})" if commune.merged_into else "")
    if commune.filtered:
        where += " (gồm " + ", ".join(display(former) for former in commune.formers) + ")"
    _paragraph(
        document,
        f"Ủy ban nhân dân {display(body)} báo cáo kết quả thực hiện Chương trình OCOP {month} đối với các sản phẩm của "
        f"{where}, {province_display(commune.province)}. Số liệu tính đến ngày {date_text(today)}, lấy từ dữ liệu của trang "
        "thông tin sản phẩm OCOP của xã.",
        indent=True,
    )


def _results(
    report: Report, products: Table, month: Month, months_ahead: int,
    posts: list[PostEntry], fairs: list[FairEntry], scans: list[Table] | None,
) -> list[tuple[str, list[Table], bool]]:
    """Part I's sections: (title, tables, whether rows are numbered)."""
    sections: list[tuple[str, list[Table], bool]] = [("Sản phẩm của xã và tình trạng chứng nhận OCOP", [products], True)]
    by_former = report.table("by_former")
    if by_former is not None:
        sections.append((by_former.title, [by_former], False))
    progress = report.table("progress")
    if progress is not None:
        sections.append((progress.title, [progress], True))
    expiring, expired = report.table("expiring"), report.table("expired")
    sections.append((f"Chứng nhận hết hiệu lực trong {months_ahead} tháng tới và đã hết hiệu lực", [expiring, expired], False))
    sections.append(("Sản phẩm đang chuẩn bị đánh giá, phân hạng", [report.table("candidates")], True))
    if scans is not None:
        sections.append((f"Lượt quét mã QR trên bao bì {month} (theo nhật ký của máy chủ trang web)", scans, False))
    news = Table("Tin bài", ["Ngày đăng", "Tiêu đề", "Chuyên mục"])
    for post in posts:
        news.rows.append([date_text(post.created.astimezone(VIETNAM).date()), post.title, ", ".join(post.meta.categories)])
    sections.append((f"Tin bài đã đăng trên trang thông tin {month}", [news], True))
    held = Table("Hội chợ", ["Hội chợ, triển lãm", "Thời gian", "Địa điểm", "Sản phẩm tham gia"])
    for fair in fairs:
        when = date_text(fair.model.start) + (f" – {date_text(fair.model.end)}" if fair.model.end else "")
        held.rows.append([fair.model.name, when, fair.model.place or "", ", ".join(entry.model.name for entry in fair.products)])
    sections.append((f"Hội chợ, triển lãm, xúc tiến thương mại {month}", [held], True))
    return sections


def _tasks(report: Report) -> list[str]:
    """Part II: the certificates to renew or to date, from the report's tables."""
    expiring, expired = report.table("expiring"), report.table("expired")
    tasks = [
        f"Hướng dẫn cơ sở chuẩn bị hồ sơ đánh giá lại sản phẩm {row[0]} trước ngày {row[4]}." for row in expiring.rows
    ] + [f"Hướng dẫn cơ sở đánh giá lại sản phẩm {row[0]} (chứng nhận hết hiệu lực từ ngày {row[4]})." for row in expired.rows]
    undated = report.table("undated")
    if undated is not None and undated.rows:
        tasks.append("Bổ sung số, ngày quyết định công nhận OCOP của: " + ", ".join(str(row[0]) for row in undated.rows) + ".")
    return tasks


def _signature(document) -> None:
    """The recipients ("Nơi nhận") beside the signature block, the signer's name left as dots."""
    signature = document.add_table(rows=1, cols=2)
    signature.autofit = False
    recipients, signer = signature.rows[0].cells
    recipients.width, signer.width = Mm(80), Mm(85)
    for index, (text, size, bold, italic) in enumerate(
        [("Nơi nhận:", 12, True, True), (f"- {DOTS};", 11, False, False), ("- Lưu: VT.", 11, False, False)]
    ):
        paragraph = recipients.paragraphs[0] if index == 0 else recipients.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(0)
        _run(paragraph, text, size, bold, italic)
    _cell_lines(signer, [
        ("TM. ỦY BAN NHÂN DÂN", 14, True, False),
        ("CHỦ TỊCH", 14, True, False),
        ("", 14, False, False), ("", 14, False, False), ("", 14, False, False),
        (DOTS * 4, 14, True, False),
    ])
