"""`ocop poster CODE`: a booth poster of one product, A4 and A5, to stand beside it at a fair.

Top to bottom: the name, a large photo (without one, the group's drawing; without a drawing either, the
group's name, and more room for the story and the code), the stars and the certificate's end date,
two lines of its story, the producer, then a large QR code of the short address its packs carry, with
that address written out for those who type it.
"""
from __future__ import annotations

import io

from .cards import (
    ProductCard,
    draw_footer,
    draw_picture,
    draw_star_line,
    draw_text,
    finish_page,
    lines_of,
    new_canvas,
    words,
)
from .drawing import FONT, FONT_BOLD, draw_qr, qr_matrix
from .qr import QrStyle


def poster_pdf(card: ProductCard, page_mm: tuple[float, float], lang: str = "vi") -> bytes:
    said = words(lang)
    scale = page_mm[0] / 210
    width, height = page_mm
    margin = 12 * scale
    centre = width / 2
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, page_mm, card.name)
    # A photo, else the group's drawing; with neither, no picture box: the name, the text and the code
    # share the page (an empty box would look unfinished).
    pictured = card.photo is not None or card.drawing is not None
    top = height - margin
    name_pt = (30 if pictured else 36) * scale
    for line in lines_of(card.name, FONT_BOLD, name_pt, width - 2 * margin, 2 if pictured else 3):
        top -= name_pt * 1.15 * 25.4 / 72
        draw_text(canvas, line, FONT_BOLD, name_pt, 0, top, centre)
    if pictured:
        photo_h = 78 * scale
        top -= 4 * scale + photo_h
        draw_picture(canvas, card, margin, top, width - 2 * margin, photo_h)
    else:
        top -= 4 * scale
        draw_text(canvas, card.group, FONT, 14 * scale, 0, top - 14 * scale * 0.5 * 25.4 / 72, centre, gray=0.3)
        top -= 8 * scale
    if card.stars:
        top -= 11 * scale
        draw_star_line(canvas, card.stars, said["stars"].format(stars=card.stars), 22 * scale, 0, top, centre)
    for text, font, size, lines in (
        (card.certificate, FONT, 11, 1),
        (card.story, FONT, 13, 2 if pictured else 4),
        (card.producer, FONT_BOLD, 11, 1),
    ):
        for line in lines_of(text, font, size * scale, width - 2 * margin, lines) if text else []:
            top -= size * scale * 1.35 * 25.4 / 72
            draw_text(canvas, line, font, size * scale, 0, top, centre, gray=0.1)
    bottom = 18 * scale
    room = top - 4 * scale - bottom - 12 * scale
    modules = len(qr_matrix(card.qr_text, QrStyle()))
    style = QrStyle(module_mm=round(min(room, (85 if pictured else 120) * scale) / modules, 2))
    side = modules * style.module_mm
    # The code in the middle of the room left, its address right under it.
    lift = max(0.0, (room - side) / 2)
    draw_qr(canvas, card.qr_text, style, centre - side / 2, bottom + 12 * scale + lift)
    draw_text(canvas, card.address, FONT_BOLD, 14 * scale, 0, bottom + 6 * scale + lift, centre)
    draw_text(canvas, said["scan"], FONT, 11 * scale, 0, bottom + 1 * scale + lift, centre, gray=0.3)
    draw_footer(canvas, page_mm, "", card.sample, 7 * max(scale, 0.8))
    finish_page(canvas, page_mm, card.sample)
    canvas.save()
    return buffer.getvalue()
