"""`ocop brochure`: an A4 catalogue of the products to hand out at a fair, in Vietnamese or English.

A cover band (the commune, how many products) and a QR code of the online catalogue, then, from the
first page on (a cover with nothing else would waste a sheet), the products grouped by OCOP group,
two cards a row: photo (or the group's tile), name, stars and the certificate's end date, producer and
contact, and the QR code the packs carry (its short address). Every page is numbered.
"""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from ..model.commune import Commune
from ..web.i18n import language_of
from .cards import (
    A4,
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
from .drawing import FONT, FONT_BOLD, MM, draw_qr, qr_side_mm
from .labels import readable_address
from .qr import QrStyle

MARGIN = 14.0
GAP = 6.0
CARD = ((A4[0] - 2 * MARGIN - GAP) / 2, 64.0)
HEADING = 11.0
BOTTOM = 18.0  # the footer's room
CARD_QR = QrStyle(module_mm=0.6)
COVER_QR = QrStyle(module_mm=0.8)
BAND = 62.0  # the cover's green band


@dataclass(frozen=True)
class _Placed:
    kind: str  # "heading" or "card"
    x: float
    y: float  # lower-left
    content: object


def paginate(groups: list[tuple[str, list[ProductCard]]], first_top: float = A4[1] - MARGIN) -> list[list[_Placed]]:
    """Headings and cards placed on pages, from `first_top` on the first (under the cover's band): a
    heading never ends a page, cards go two a row."""
    pages: list[list[_Placed]] = [[]]
    top = first_top
    for group, cards in groups:
        if top - HEADING - CARD[1] < BOTTOM:
            pages.append([])
            top = A4[1] - MARGIN
        pages[-1].append(_Placed("heading", MARGIN, top - HEADING, group))
        top -= HEADING
        for start in range(0, len(cards), 2):
            if top - CARD[1] < BOTTOM:
                pages.append([])
                top = A4[1] - MARGIN
            for column, card in enumerate(cards[start : start + 2]):
                pages[-1].append(_Placed("card", MARGIN + column * (CARD[0] + GAP), top - CARD[1], card))
            top -= CARD[1] + 4
    return pages


def _card(canvas, card: ProductCard, x: float, y: float, lang: str) -> None:
    w, h = CARD
    canvas.setStrokeGray(0.75)
    canvas.setLineWidth(0.5)
    canvas.roundRect(x * MM, y * MM, w * MM, h * MM, 2 * MM, stroke=1, fill=0)
    side = qr_side_mm(card.qr_text, CARD_QR)
    picture_w = w - side - 8
    draw_picture(canvas, card, x + 3, y + h - 3 - 26, min(picture_w, 40), 26)
    draw_qr(canvas, card.qr_text, CARD_QR, x + w - 2 - side, y + h - 2 - side)
    inner = w - 6
    baseline = y + h - 3 - 26 - 5.5
    for line in lines_of(card.name, FONT_BOLD, 11, inner, 2):
        draw_text(canvas, line, FONT_BOLD, 11, x + 3, baseline)
        baseline -= 4.4
    if card.stars:
        draw_star_line(canvas, card.stars, words(lang)["stars"].format(stars=card.stars), 8.5, x + 3, baseline)
        baseline -= 3.7
    for text, size in ((card.certificate, 7.5), (card.producer, 7.5), (card.contact, 7)):
        if text:
            draw_text(canvas, lines_of(text, FONT, size, inner, 1)[0], FONT, size, x + 3, baseline, gray=0.15)
            baseline -= size * 1.25 / MM
    draw_text(canvas, card.address, FONT, 7, x + 3, y + 2.8, gray=0.15)


def _cover_bottom(catalogue_url: str) -> float:
    """Where the cover's band and the catalogue's code end: the first page's products start below."""
    return A4[1] - BAND - 2 - qr_side_mm(catalogue_url, COVER_QR)


def _cover(canvas, said: dict[str, str], place: str, count_line: str, catalogue_url: str) -> None:
    """The band with the title, the commune and the count, then the online catalogue's code beside its
    address."""
    canvas.setFillColorRGB(0.0, 0.4, 0.38)
    canvas.rect(0, (A4[1] - BAND) * MM, A4[0] * MM, BAND * MM, stroke=0, fill=1)
    centre = A4[0] / 2
    draw_text(canvas, said["catalogue"].upper(), FONT_BOLD, 30, 0, A4[1] - 24, centre, gray=1)
    baseline = A4[1] - 36
    for line in lines_of(place, FONT, 14, A4[0] - 40, 2):
        draw_text(canvas, line, FONT, 14, 0, baseline, centre, gray=1)
        baseline -= 6.5
    draw_text(canvas, count_line, FONT, 10.5, 0, A4[1] - BAND + 6, centre, gray=1)
    side = qr_side_mm(catalogue_url, COVER_QR)
    qr_y = _cover_bottom(catalogue_url)
    draw_qr(canvas, catalogue_url, COVER_QR, A4[0] - MARGIN - side + 2, qr_y)
    draw_text(canvas, said["site"], FONT, 11, MARGIN, qr_y + side / 2 + 2, gray=0.2)
    draw_text(canvas, readable_address(catalogue_url), FONT_BOLD, 12, MARGIN, qr_y + side / 2 - 4)


def brochure_pdf(
    groups: list[tuple[str, list[ProductCard]]], commune: Commune, site_url: str, today: dt.date, lang: str, sample: bool
) -> bytes:
    said, language = words(lang), language_of(lang)
    place = (said["merged"] if commune.merged_into else said["commune"]).format(
        name=language.place(commune.name), merged=language.place(commune.merged_into or ""), province=language.province(commune.province)
    )
    title = f"{said['catalogue']} – {place}"
    count = sum(len(cards) for _, cards in groups)
    catalogue_url = site_url + ("en/products/" if lang == "en" else "san-pham/")
    pages = paginate(groups, _cover_bottom(catalogue_url))
    buffer = io.BytesIO()
    canvas = new_canvas(buffer, A4, title)
    count_line = said["count"].format(count=count, date=today.strftime("%d/%m/%Y"))
    _cover(canvas, said, place, count_line, catalogue_url)
    for number, placed in enumerate(pages, start=1):
        for item in placed:
            if item.kind == "heading":
                draw_text(canvas, item.content, FONT_BOLD, 14, item.x, item.y + 3, gray=0.0)
                canvas.setStrokeColorRGB(0.0, 0.4, 0.38)
                canvas.setLineWidth(1)
                canvas.line(item.x * MM, (item.y + 1.5) * MM, (A4[0] - MARGIN) * MM, (item.y + 1.5) * MM)
            else:
                _card(canvas, item.content, item.x, item.y, lang)
        footer = said["page"].format(page=number, pages=len(pages))
        draw_footer(canvas, A4, footer if number == 1 else f"{title} · {footer}", sample)
        finish_page(canvas, A4, sample)
    canvas.save()
    return buffer.getvalue()
