"""The A4 sheets of per-pack stamps (`ocop stamps`): each stamp its own QR code, its serial under it,
the product's name and the commune, a light cut frame; "MẪU – chưa in" while the domain is unconfirmed.

Tens of thousands of codes are drawn per run, so this is built for speed (measured in the issue-24
design study): the QR mask is fixed (ISO/IEC 18004 lets a reader decode any mask; scoring the eight
masks in pure Python is 9 ms a code, a fixed one 1–2 ms), each code is one literal PDF path of `re`
operators made in the worker processes (`qr_operators`), and what every stamp of a run shares is one
Form XObject. The serials are written only into the page content: never into the PDF's metadata.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import qrcode

from .drawing import FONT, FONT_BOLD, MM, SAMPLE_MARK, SAMPLE_REASON, PACKAGING_WARNING, cut, dark_runs, draw_sample_mark, register_fonts, text_width
from .labels import FOOTER_MM, PAGE_MARGIN_MM, PAGE_MM, LabelError, LabelSize, format_mm
from .qr import LEVELS, QUIET_ZONE, describe, QrStyle

DEFAULT_SIZE = "24x30"
MAX_VERSION = 4  # 4-M holds 90 alphanumeric characters: host + code of up to 63 characters
LEVEL = "M"
MASK = 2
MIN_MODULE_MM = 0.4  # a phone in a shop, a small code: keep the modules at least this big
MAX_MODULE_MM = 0.5
SERIAL_PT = 6.5
TEXT_PT = 5.0
MIN_TEXT_PT = 4.0
TEXT_BLOCK_MM = 8.5  # under the code: serial, name, commune


@dataclass(frozen=True)
class StampSheet:
    """What every stamp of one run shares."""

    name: str  # the product's name
    commune: str  # "xã Quảng Trung, Thanh Hóa"
    title: str  # the PDF's title and each page's footer: product, batch (never a serial)
    size: LabelSize
    version: int  # of the QR codes
    module_mm: float
    sample: bool


def qr_version(text: str) -> int:
    """The smallest QR version (level M) that holds `text`: the same for every stamp of a product."""
    return describe(text, QrStyle(level=LEVEL)).version


def check_version(version: int, text: str, config: str = "mkdocs.yml") -> None:
    if version > MAX_VERSION:
        raise LabelError(
            f"mã QR của tem ({text}, {len(text)} ký tự) cần phiên bản {version}-{LEVEL}, quá {MAX_VERSION}-{LEVEL}: "
            f"tên miền trong site_url của {config} cộng mã sản phẩm quá dài, tem nhỏ không quét được"
        )


def module_for(size: LabelSize, version: int) -> float:
    """The module that fills the stamp's width (up to 0.5 mm); refused below 0.4 mm."""
    side = 17 + 4 * version + 2 * QUIET_ZONE
    fits = min((size.width_mm - 1.0) / side, (size.height_mm - TEXT_BLOCK_MM) / side)
    module = min(MAX_MODULE_MM, math.floor(fits * 100) / 100)
    if module < MIN_MODULE_MM:
        raise LabelError(
            f"tem {size} quá nhỏ: mã QR phiên bản {version} cần mô-đun ít nhất {format_mm(MIN_MODULE_MM)} mm, "
            f"tức tem rộng ít nhất {format_mm(side * MIN_MODULE_MM + 1)} mm và cao ít nhất "
            f"{format_mm(side * MIN_MODULE_MM + TEXT_BLOCK_MM)} mm"
        )
    return module


def qr_operators(text: str, version: int, module_mm: float) -> str:
    """The code's dark modules as PDF path operators, its lower left corner (quiet zone included) at 0 0:
    one `re` a run of dark modules in a row, then `f`. Made in the worker processes."""
    code = qrcode.QRCode(version=version, error_correction=LEVELS[LEVEL], border=QUIET_ZONE, mask_pattern=MASK)
    code.add_data(text, optimize=0)
    code.make(fit=False)
    matrix = code.get_matrix()
    unit = module_mm * MM
    top = len(matrix) * unit
    ops = []
    for index, row in enumerate(matrix):
        y = top - (index + 1) * unit
        ops.extend(f"{start * unit:.2f} {y:.2f} {(end - start) * unit:.2f} {unit:.2f} re" for start, end in dark_runs(row))
    return "\n".join(ops) + "\nf"


def grid(size: LabelSize) -> tuple[int, int]:
    usable_w = PAGE_MM[0] - 2 * PAGE_MARGIN_MM
    usable_h = PAGE_MM[1] - PAGE_MARGIN_MM - FOOTER_MM
    return int(usable_w // size.width_mm), int(usable_h // size.height_mm)


def stamps_per_page(size: LabelSize) -> int:
    columns, rows = grid(size)
    return columns * rows


def _fitted(canvas, text: str, font: str, width_mm: float, x_mm: float, y_mm: float) -> None:
    size = TEXT_PT
    while size > MIN_TEXT_PT and text_width(text, font, size) > width_mm:
        size -= 0.25
    canvas.setFont(font, size)
    canvas.drawCentredString(x_mm * MM, y_mm * MM, cut(text, font, size, width_mm))


def _static_form(canvas, sheet: StampSheet, qr_mm: float) -> None:
    """The frame, the sample mark, the name and the commune: drawn once, placed on every stamp."""
    w, h = sheet.size.width_mm, sheet.size.height_mm
    canvas.beginForm("stamp", 0, 0, w * MM, h * MM)
    canvas.setStrokeGray(0.75)
    canvas.setLineWidth(0.2)
    canvas.rect(0, 0, w * MM, h * MM, stroke=1, fill=0)
    if sheet.sample:
        draw_sample_mark(canvas, 0, 0, w, h, on_top=False)
    canvas.setFillGray(0)
    text_top = h - 0.5 - qr_mm
    _fitted(canvas, sheet.name, FONT_BOLD, w - 2, w / 2, text_top - 4.4)
    _fitted(canvas, sheet.commune, FONT, w - 2, w / 2, text_top - 6.4)
    canvas.endForm()


def _footer(canvas, sheet: StampSheet, page: int, pages: int) -> None:
    canvas.setFillGray(0.35)
    if sheet.sample:
        canvas.setFont(FONT_BOLD, 6.5)
        canvas.drawCentredString(PAGE_MM[0] / 2 * MM, (FOOTER_MM / 2 + 1.6) * MM, f"{SAMPLE_MARK}: {SAMPLE_REASON}: {PACKAGING_WARNING}")
    canvas.setFont(FONT, 6.5)
    canvas.drawCentredString(
        PAGE_MM[0] / 2 * MM,
        (FOOTER_MM / 2 - (1.4 if sheet.sample else 0)) * MM,
        f"{sheet.title} · tờ {page}/{pages} · tem {sheet.size} · mô-đun QR {format_mm(sheet.module_mm)} mm · "
        "in đúng kích thước (100 %, “Actual size”) · mỗi gói một tem · giữ kín tệp này",
    )


@contextmanager
def _binary_streams():
    """ReportLab wraps every compressed stream in ASCII85 by default, in pure Python: for 10,000 stamps
    seconds of the run and a fifth more bytes. Binary streams are as valid PDF; the setting is put back."""
    from reportlab import rl_config

    before = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = before


def write_sheets(path: Path, sheet: StampSheet, stamps: Iterable[tuple[str, str]], count: int) -> None:
    """Write the PDF: `stamps` gives (printed serial, `qr_operators`) pairs, `count` of them."""
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    with _binary_streams():
        canvas = Canvas(str(path), pagesize=(PAGE_MM[0] * MM, PAGE_MM[1] * MM), pageCompression=1)
        canvas.setTitle(sheet.title)
        canvas.setAuthor("")
        canvas.setSubject("")
        _draw_stamps(canvas, sheet, stamps, count)
        canvas.save()


def _draw_stamps(canvas, sheet: StampSheet, stamps: Iterable[tuple[str, str]], count: int) -> None:
    columns, rows = grid(sheet.size)
    per_page, pages = columns * rows, -(-count // (columns * rows))
    w, h = sheet.size.width_mm, sheet.size.height_mm
    left = (PAGE_MM[0] - columns * w) / 2
    top = PAGE_MM[1] - PAGE_MARGIN_MM - (PAGE_MM[1] - PAGE_MARGIN_MM - FOOTER_MM - rows * h) / 2
    qr_mm = (17 + 4 * sheet.version + 2 * QUIET_ZONE) * sheet.module_mm
    _static_form(canvas, sheet, qr_mm)
    for index, (serial, operators) in enumerate(stamps):
        if index and index % per_page == 0:
            _footer(canvas, sheet, index // per_page, pages)
            canvas.showPage()
        row, column = divmod(index % per_page, columns)
        x, y = left + column * w, top - (row + 1) * h
        canvas.saveState()
        canvas.translate(x * MM, y * MM)
        canvas.doForm("stamp")
        canvas.setFillGray(0)
        canvas.translate((w - qr_mm) / 2 * MM, (h - 0.5 - qr_mm) * MM)
        canvas.addLiteral(operators)
        canvas.restoreState()
        size = min(SERIAL_PT, SERIAL_PT * (w - 1.5) / text_width(serial, FONT_BOLD, SERIAL_PT))
        canvas.setFont(FONT_BOLD, size)
        canvas.drawCentredString((x + w / 2) * MM, (y + h - 0.5 - qr_mm - 2.3) * MM, serial)
    _footer(canvas, sheet, pages, pages)
    canvas.showPage()
