"""Print outputs: an A4 sheet of labels, each with a product's QR code, name, stars and short address.

The sheet is a vector PDF (ReportLab): every QR module is a filled rectangle at its exact size in mm,
so the code stays sharp at any printer resolution. The text uses Be Vietnam Pro, a font drawn for
Vietnamese (from the fontpkg-be-vietnam-pro package, so that it works the same on Windows), embedded
as a subset; the stars are drawn as shapes, so no glyph can go missing. Output is reproducible: the
same labels give the same bytes (ReportLab's invariant mode), which lets QrCache keep the sheets.
"""
from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from . import drawing
from .drawing import (
    FONT,
    FONT_BOLD,
    MM,
    SAMPLE_MARK,
    PACKAGING_WARNING,
    SAMPLE_REASON,
    cut,
    draw_qr,
    draw_sample_mark,
    draw_stars,
    qr_side_mm,
    register_fonts,
    text_width,
    wrap,
)
from .qr import QrCache, QrStyle

PAGE_MM = (210.0, 297.0)  # A4
PAGE_MARGIN_MM = 6.0  # most office printers cannot print the outer 4–5 mm
FOOTER_MM = 8.0
PAD_MM = 1.0  # inside each label, beyond the QR code's own quiet zone
TEXT_PAD_MM = 1.5  # text keeps clear of the cut line
MIN_MODULE_MM = 0.3  # below this, phone cameras struggle; 0.4 mm and up is comfortable
MIN_LABEL_MM = 10.0

# The sheet's bytes depend on this module and on the drawing it shares with the other print files.
_LAYOUT_VERSION = hashlib.sha256(Path(__file__).read_bytes() + Path(drawing.__file__).read_bytes()).hexdigest()[:12]


class LabelError(ValueError):
    """A label that cannot be laid out as asked; the message says what to change, in Vietnamese."""


def format_mm(value: float) -> str:
    """18.5 → "18,5" (Vietnamese decimal comma), without useless zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


@dataclass(frozen=True)
class LabelSize:
    width_mm: float = 30.0
    height_mm: float = 40.0

    @classmethod
    def parse(cls, text: str) -> LabelSize:
        match = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*[x×*]\s*(\d+(?:[.,]\d+)?)\s*(mm)?\s*", text, re.IGNORECASE)
        if not match:
            raise LabelError(f"cỡ nhãn viết dạng RỘNGxCAO theo mm, ví dụ 30x40 (đang ghi: {text})")
        size = cls(float(match.group(1).replace(",", ".")), float(match.group(2).replace(",", ".")))
        usable = (PAGE_MM[0] - 2 * PAGE_MARGIN_MM, PAGE_MM[1] - PAGE_MARGIN_MM - FOOTER_MM)
        if min(size.width_mm, size.height_mm) < MIN_LABEL_MM:
            raise LabelError(f"nhãn {size} quá nhỏ: mỗi cạnh ít nhất {format_mm(MIN_LABEL_MM)} mm")
        if size.width_mm > usable[0] or size.height_mm > usable[1]:
            raise LabelError(f"nhãn {size} không vừa tờ A4 (tối đa {format_mm(usable[0])} × {format_mm(usable[1])} mm)")
        return size

    def __str__(self) -> str:
        return f"{format_mm(self.width_mm)} × {format_mm(self.height_mm)} mm"


@dataclass(frozen=True)
class Label:
    """What one label shows. `qr_text` is what the code encodes; `address` is the same, for people."""

    qr_text: str
    name: str
    code: str | None = None
    stars: int | None = None
    address: str = ""
    sample: bool = False  # the site's domain is not confirmed yet: "MẪU – chưa in" across the label


def readable_address(url: str) -> str:
    """`HTTPS://HOST/Q/NM/` → `host/Q/NM/`: the host in lower case reads and types more easily, and the
    path keeps its case (it is case-sensitive on the server)."""
    _, _, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    return host.lower() + slash + path


def check_module(style: QrStyle) -> None:
    if style.module_mm < MIN_MODULE_MM:
        raise LabelError(
            f"mô-đun {format_mm(style.module_mm)} mm quá nhỏ để điện thoại quét được: "
            f"ít nhất {format_mm(MIN_MODULE_MM)} mm, nên từ 0,4 mm"
        )
    if style.border < 2:
        raise LabelError("viền trắng (vùng yên tĩnh) quanh mã QR cần ít nhất 2 mô-đun, nên để 4")


@dataclass(frozen=True)
class _Line:
    text: str
    font: str
    size_pt: float
    stars: int = 0  # drawn before the text


def _text_lines(label: Label, width_mm: float, scale: float) -> list[_Line] | None:
    """The label's lines at `scale` of the preferred type sizes, or None if the address does not fit."""
    lines: list[_Line] = []
    name_pt = 7.0 * scale
    # A name too long for two lines is cut with "…": the code and the address are what must be whole.
    name = wrap(label.name.split(), FONT_BOLD, name_pt, width_mm, " ") or [label.name]
    if len(name) > 2:
        name = [name[0], " ".join(name[1:])]
    lines += [_Line(cut(text, FONT_BOLD, name_pt, width_mm), FONT_BOLD, name_pt) for text in name]
    small_pt = 6.0 * scale
    if label.stars:
        lines.append(_Line(f"OCOP {label.stars} sao", FONT, small_pt, stars=label.stars))
    if label.code:
        lines.append(_Line(f"Mã {label.code}", FONT_BOLD, small_pt))
    address_pt = 5.5 * scale
    tokens = re.findall(r"[^./]*[./]|[^./]+", label.address)
    address = wrap(tokens, FONT, address_pt, width_mm, "")
    if address is None or len(address) > 3:
        return None
    lines += [_Line(text, FONT, address_pt) for text in address]
    return lines


def _height(lines: list[_Line]) -> float:
    return sum(line.size_pt * 1.2 / MM for line in lines)


@dataclass(frozen=True)
class _Layout:
    qr_x: float  # the code's lower-left corner, quiet zone included, from the label's lower-left
    qr_y: float
    text_x: float
    text_top: float
    text_width: float
    lines: list[_Line]
    centred: bool


def layout(label: Label, size: LabelSize, style: QrStyle) -> _Layout:
    """The QR code above the text (or beside it on a wide label), type shrunk to fit, never the code."""
    check_module(style)
    register_fonts()
    side = qr_side_mm(label.qr_text, style)
    w, h = size.width_mm, size.height_mm
    arrangements = [("stacked", w - 2 * TEXT_PAD_MM, h - side - 2 * PAD_MM), ("beside", w - side - TEXT_PAD_MM, h - 2 * PAD_MM)]
    if w > h:
        arrangements.reverse()
    for arrangement, text_room, text_height in arrangements:
        if side + PAD_MM > min(w, h) or text_room <= 0 or text_height <= 0:
            continue
        for step in range(6):  # down to 3/4 of the preferred sizes: smaller type is hard to read
            scale = 1.0 - step * 0.05
            lines = _text_lines(label, text_room, scale)
            if lines is not None and _height(lines) <= text_height:
                if arrangement == "stacked":  # the code and the text together, centred on the label
                    qr_y = h - (h - side - _height(lines)) / 2 - side
                    return _Layout((w - side) / 2, qr_y, TEXT_PAD_MM, qr_y, text_room, lines, True)
                top = h - (h - _height(lines)) / 2
                return _Layout(PAD_MM / 2, (h - side) / 2, side + PAD_MM / 2, top, text_room, lines, False)
    raise LabelError(
        f"nhãn {size} không đủ chỗ cho mã QR rộng {format_mm(side)} mm (mô-đun {format_mm(style.module_mm)} mm, "
        f"cả viền trắng) và các dòng chữ: hãy chọn nhãn lớn hơn (mặc định 30 × 40 mm) hoặc mô-đun nhỏ hơn "
        f"(không dưới 0,4 mm)"
    )


def labels_per_page(size: LabelSize) -> int:
    columns, rows = _grid(size)
    return columns * rows


def _grid(size: LabelSize) -> tuple[int, int]:
    usable_w = PAGE_MM[0] - 2 * PAGE_MARGIN_MM
    usable_h = PAGE_MM[1] - PAGE_MARGIN_MM - FOOTER_MM
    return int(usable_w // size.width_mm), int(usable_h // size.height_mm)


def _draw_label(canvas, label: Label, size: LabelSize, style: QrStyle, x_mm: float = 0, y_mm: float = 0) -> None:
    plan = layout(label, size, style)
    canvas.setStrokeGray(0.7)
    canvas.setLineWidth(0.25)
    canvas.rect(x_mm * MM, y_mm * MM, size.width_mm * MM, size.height_mm * MM, stroke=1, fill=0)
    # Under the code and the text, on every label: a cut-out label still shows it. A label has no band or
    # photo to hide it, and its small code (0.4 mm modules) would not always scan under the mark.
    if label.sample:
        draw_sample_mark(canvas, x_mm, y_mm, size.width_mm, size.height_mm, on_top=False)
    draw_qr(canvas, label.qr_text, style, x_mm + plan.qr_x, y_mm + plan.qr_y)
    top = y_mm + plan.text_top
    for line in plan.lines:
        top -= line.size_pt * 1.2 / MM
        baseline = top + line.size_pt * 0.28 / MM
        stars_width = _width_of_stars(line)
        width = stars_width + text_width(line.text, line.font, line.size_pt)
        left = x_mm + plan.text_x + ((plan.text_width - width) / 2 if plan.centred else 0)
        if line.stars:
            draw_stars(canvas, line.stars, left, baseline, line.size_pt)
        canvas.setFillGray(0)
        canvas.setFont(line.font, line.size_pt)
        canvas.drawString((left + stars_width) * MM, baseline * MM, line.text)


def _width_of_stars(line: _Line) -> float:
    radius = line.size_pt * 0.42 / MM
    return line.stars * radius * 2.1 + radius * 0.4 if line.stars else 0.0


def sheet_pdf(labels: list[Label], size: LabelSize = LabelSize(), style: QrStyle = QrStyle(), title: str = "Nhãn mã QR") -> bytes:
    """A4 pages of labels, left to right and top to bottom, centred, with cut lines and printing advice."""
    from reportlab.pdfgen.canvas import Canvas

    if not labels:
        raise LabelError("chưa chọn sản phẩm nào để in nhãn")
    for label in {label.qr_text: label for label in labels}.values():
        layout(label, size, style)  # refuse before drawing anything
    columns, rows = _grid(size)
    grid_w, grid_h = columns * size.width_mm, rows * size.height_mm
    left = (PAGE_MM[0] - grid_w) / 2
    top = PAGE_MM[1] - PAGE_MARGIN_MM - (PAGE_MM[1] - PAGE_MARGIN_MM - FOOTER_MM - grid_h) / 2
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(PAGE_MM[0] * MM, PAGE_MM[1] * MM), invariant=1, pageCompression=1)
    canvas.setTitle(title)
    # Each different label is drawn once, as a form, and placed as often as needed: a page of 42 labels
    # weighs little more than one.
    forms: dict[Label, str] = {}
    for label in labels:
        if label not in forms:
            forms[label] = f"label{len(forms)}"
            canvas.beginForm(forms[label], 0, 0, size.width_mm * MM, size.height_mm * MM)
            _draw_label(canvas, label, size, style)
            canvas.endForm()
    per_page = columns * rows
    for start in range(0, len(labels), per_page):
        for index, label in enumerate(labels[start : start + per_page]):
            row, column = divmod(index, columns)
            canvas.saveState()
            canvas.translate((left + column * size.width_mm) * MM, (top - (row + 1) * size.height_mm) * MM)
            canvas.doForm(forms[label])
            canvas.restoreState()
        canvas.setFillGray(0.35)
        canvas.setFont(FONT, 6.5)
        if any(label.sample for label in labels):
            canvas.setFont(FONT_BOLD, 6.5)
            canvas.drawCentredString(PAGE_MM[0] / 2 * MM, (FOOTER_MM / 2 + 1.6) * MM, f"{SAMPLE_MARK}: {SAMPLE_REASON}: {PACKAGING_WARNING}")
            canvas.setFont(FONT, 6.5)
        canvas.drawCentredString(
            PAGE_MM[0] / 2 * MM,
            (FOOTER_MM / 2 - (1.4 if any(label.sample for label in labels) else 0)) * MM,
            f"Nhãn {size} · mô-đun QR {format_mm(style.module_mm)} mm · mức sửa lỗi {style.level} · "
            "In đúng kích thước (100 %, “Actual size”), không chọn “Fit to page”.",
        )
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@lru_cache(maxsize=None)
def _tool_versions() -> tuple[str, str]:
    return metadata.version("reportlab"), metadata.version("fontpkg-be-vietnam-pro")


def cache_key(labels: list[Label], size: LabelSize, style: QrStyle) -> tuple:
    """Everything that changes a sheet's bytes, for QrCache.stored: this module's code included."""
    return (tuple(labels), size, style, _LAYOUT_VERSION, *_tool_versions())


def page_of(label: Label, size: LabelSize, style: QrStyle) -> bytes:
    """A full A4 page of one label (what each product page offers to download)."""
    return sheet_pdf([label] * labels_per_page(size), size, style, label.name)


def _page_key(label: Label, size: LabelSize, style: QrStyle) -> tuple:
    return cache_key([label] * labels_per_page(size), size, style)


def page_file(cache: QrCache, label: Label, size: LabelSize, style: QrStyle) -> Path | None:
    """`page_of` the label, from the cache (laid out when missing); None without a cache folder."""
    return cache.stored_file(_page_key(label, size, style), "pdf", lambda: page_of(label, size, style))


def page_is_cached(cache: QrCache, label: Label, size: LabelSize, style: QrStyle) -> bool:
    return cache.has(_page_key(label, size, style), "pdf")
