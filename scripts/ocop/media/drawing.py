"""Drawing shared by every print file (label sheet, brochure, poster, shelf card): the font, QR codes
as vector rectangles, stars as shapes, text fitted to a width, and the "MẪU – chưa in" sample mark.

Be Vietnam Pro, a font drawn for Vietnamese (from the fontpkg-be-vietnam-pro package, so that it works
the same on Windows), is embedded as a subset; stars are shapes, so no glyph can go missing; every
QR module is a filled rectangle at its exact size, sharp at any printer resolution.
"""
from __future__ import annotations

import math
from functools import lru_cache

from .qr import QrStyle, encode

MM = 72 / 25.4  # PDF points in a millimetre
FONT = "BeVietnamPro"
FONT_BOLD = "BeVietnamPro-Bold"
SAMPLE_MARK = "MẪU – chưa in"
SAMPLE_REASON = "tên miền chưa được xác nhận (domain_confirmed trong mkdocs.yml)"
# Only what is meant for packaging (the label sheet) warns against printing it there.
PACKAGING_WARNING = "đừng in lên bao bì"
SAMPLE_OPACITY = 0.45  # the mark over a code: light enough for the code to scan, plain over a coloured band


@lru_cache(maxsize=None)
def register_fonts() -> None:
    import fontpkg
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FONT, str(fontpkg.path("Be Vietnam Pro", weight=400))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(fontpkg.path("Be Vietnam Pro", weight=700))))


def text_width(text: str, font: str, size_pt: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size_pt) / MM


def wrap(tokens: list[str], font: str, size_pt: float, width_mm: float, joiner: str) -> list[str] | None:
    """Greedy line filling; None when a single token is wider than the line."""
    lines: list[str] = []
    for token in tokens:
        if text_width(token, font, size_pt) > width_mm:
            return None
        candidate = f"{lines[-1]}{joiner}{token}" if lines else token
        if lines and text_width(candidate, font, size_pt) <= width_mm:
            lines[-1] = candidate
        else:
            lines.append(token)
    return lines


def cut(text: str, font: str, size_pt: float, width_mm: float) -> str:
    """The text, or as much of it as fits followed by "…"."""
    if text_width(text, font, size_pt) <= width_mm:
        return text
    while text and text_width(text + "…", font, size_pt) > width_mm:
        text = text[:-1].rstrip()
    return text + "…"


@lru_cache(maxsize=256)
def qr_matrix(text: str, style: QrStyle) -> tuple[tuple[bool, ...], ...]:
    """The modules, quiet zone included (as light modules); laying out and drawing a label both need them."""
    return tuple(tuple(row) for row in encode(text, style).get_matrix())


def qr_side_mm(text: str, style: QrStyle) -> float:
    return len(qr_matrix(text, style)) * style.module_mm


def dark_runs(row: list[bool]) -> list[tuple[int, int]]:
    """The runs of dark modules in a row of a QR code's matrix: (first column, the column after the last)."""
    runs, column = [], 0
    while column < len(row):
        if not row[column]:
            column += 1
            continue
        start = column
        while column < len(row) and row[column]:
            column += 1
        runs.append((start, column))
    return runs


def draw_qr(canvas, text: str, style: QrStyle, x_mm: float, y_mm: float) -> None:
    """One rectangle per run of dark modules in a row, all in one filled path: vector, exact, small."""
    matrix = qr_matrix(text, style)
    m = style.module_mm
    top = y_mm + len(matrix) * m
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        for start, end in dark_runs(row):
            path.rect((x_mm + start * m) * MM, (top - (row_index + 1) * m) * MM, (end - start) * m * MM, m * MM)
    canvas.setFillGray(0)
    canvas.drawPath(path, stroke=0, fill=1)


def draw_stars(canvas, count: int, x_mm: float, baseline_mm: float, size_pt: float) -> float:
    """Five-pointed stars as shapes; returns the width used, in mm."""
    radius = size_pt * 0.42 / MM
    centre_y = baseline_mm + size_pt * 0.34 / MM
    step = radius * 2.1
    path = canvas.beginPath()
    for index in range(count):
        centre_x = x_mm + radius + index * step
        points = []
        for corner in range(10):
            r = radius if corner % 2 == 0 else radius * 0.42
            angle = math.pi / 2 + corner * math.pi / 5
            points.append(((centre_x + r * math.cos(angle)) * MM, (centre_y + r * math.sin(angle)) * MM))
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        path.close()
    canvas.setFillGray(0)
    canvas.drawPath(path, stroke=0, fill=1)
    return count * step + radius * 0.4




def draw_sample_mark(
    canvas, x_mm: float, y_mm: float, width_mm: float, height_mm: float, size_pt: float | None = None, on_top: bool = True
) -> None:
    """"MẪU – chưa in" across the area, diagonal. `on_top`: half transparent, drawn last on a page (a
    band or a photo would hide a mark drawn under it), the codes under it still scan. Else a light
    opaque grey, drawn first, under what follows. Printed on a pack or handed out, the sample is plain."""
    register_fonts()
    diagonal = math.hypot(width_mm, height_mm)
    size = size_pt or min(72.0, diagonal * 0.92 * MM / max(text_width(SAMPLE_MARK, FONT_BOLD, 1) * MM, 1))
    canvas.saveState()
    if on_top:
        canvas.setFillGray(0.6)
        canvas.setFillAlpha(SAMPLE_OPACITY)
    else:
        canvas.setFillGray(0.7)
    canvas.translate((x_mm + width_mm / 2) * MM, (y_mm + height_mm / 2) * MM)
    canvas.rotate(math.degrees(math.atan2(height_mm, width_mm)))
    canvas.setFont(FONT_BOLD, size)
    canvas.drawCentredString(0, -size * 0.35, SAMPLE_MARK)
    canvas.restoreState()
