"""`ocop shelf-card OUTLET`: an A6 card for a shop, hotel or showroom, listing the OCOP products it sells
(from its file in products/_diem-ban/), each with a small QR code of the short address on its packs.
"""
from __future__ import annotations

import io

from .cards import (
    A6,
    ProductCard,
    draw_footer,
    draw_star_line,
    draw_text,
    finish_page,
    lines_of,
    new_canvas,
    words,
)
from .drawing import FONT, FONT_BOLD, MM, draw_qr, qr_side_mm
from .qr import QrStyle

MARGIN = 7.0
ROW = 19.0
HEADER = 24.0
BOTTOM = 14.0
SHELF_QR = QrStyle(module_mm=0.4)  # the smallest a phone reads comfortably (GUIDE §3)
PER_PAGE = int((A6[1] - MARGIN - HEADER - BOTTOM) // ROW)


def shelf_card_pdf(outlet: str, cards: list[ProductCard], lang: str = "vi", sample: bool = True) -> bytes:
    said = words(lang)
    width, height = A6
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, A6, f"{said['sold_here']} – {outlet}")
    pages = [cards[start : start + PER_PAGE] for start in range(0, len(cards), PER_PAGE)] or [[]]
    for number, chunk in enumerate(pages, start=1):
        canvas.setFillColorRGB(0.0, 0.4, 0.38)
        canvas.rect(0, (height - HEADER) * MM, width * MM, HEADER * MM, stroke=0, fill=1)
        draw_text(canvas, said["sold_here"], FONT_BOLD, 12, 0, height - 10, width / 2, gray=1)
        for index, line in enumerate(lines_of(outlet, FONT, 9.5, width - 2 * MARGIN, 2)):
            draw_text(canvas, line, FONT, 9.5, 0, height - 16 - index * 4, width / 2, gray=1)
        top = height - HEADER - 2
        for card in chunk:
            side = qr_side_mm(card.qr_text, SHELF_QR)
            draw_qr(canvas, card.qr_text, SHELF_QR, MARGIN - 1.6, top - side)
            x = MARGIN + side - 1
            inner = width - x - MARGIN
            baseline = top - 4.2
            for line in lines_of(card.name, FONT_BOLD, 9, inner, 2):
                draw_text(canvas, line, FONT_BOLD, 9, x, baseline)
                baseline -= 3.7
            if card.stars:
                draw_star_line(canvas, card.stars, said["stars"].format(stars=card.stars), 7, x, baseline)
                baseline -= 3.2
            for text in (card.producer, card.address):
                draw_text(canvas, lines_of(text, FONT, 6.5, inner, 1)[0], FONT, 6.5, x, baseline, gray=0.2)
                baseline -= 2.9
            top -= ROW
            canvas.setStrokeGray(0.8)
            canvas.setLineWidth(0.3)
            canvas.line(MARGIN * MM, (top + 0.8) * MM, (width - MARGIN) * MM, (top + 0.8) * MM)
        footer = said["scan"] + (f" · {said['page'].format(page=number, pages=len(pages))}" if len(pages) > 1 else "")
        draw_footer(canvas, A6, footer, sample, 6.0)
        finish_page(canvas, A6, sample)
    canvas.save()
    return buffer.getvalue()
