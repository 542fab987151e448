"""What the brochure, the booth poster and the shelf card print of a product, and the pieces they share.

A `ProductCard` is taken from the same models as the product page: the stars a product may show today
(none once its certificate has expired, as on the site), its certificate's last valid day, its producer
and the contact the data holds (nothing invented: a field not known is left out), and the short address
its packs' QR code encodes. Text comes in Vietnamese or English (`lang`).
"""
from __future__ import annotations

import datetime as dt
import functools
import io
from dataclasses import dataclass
from pathlib import Path

from ..model.certificate import State
from ..model.entries import ProductEntry
from ..web.addresses import SiteSettings, group_illustration
from ..web.i18n import N_, language_of
from .drawing import (
    FONT,
    FONT_BOLD,
    MM,
    SAMPLE_MARK,
    SAMPLE_REASON,
    draw_sample_mark,
    register_fonts,
)
from .labels import readable_address

A4 = (210.0, 297.0)
A5 = (148.0, 210.0)
A6 = (105.0, 148.0)

# The words of the print files: English message ids, each language's text in the pages' catalogues.
MESSAGES = {
    "stars": N_("OCOP {stars} stars"),
    "until": N_("Certified until {date}"),
    "undated": N_("Certificate end date not given"),
    "expired": N_("OCOP certificate expired ({date})"),
    "producer": N_("Made by {name}"),
    "page": N_("Page {page}/{pages}"),
    "scan": N_("Scan the code for the product page"),
    "catalogue": N_("OCOP products"),
    "commune": N_("{name}, {province}, Vietnam"),
    "merged": N_("{name} (now part of {merged}), {province}, Vietnam"),
    "count": N_("{count} products · information as of {date}"),
    "site": N_("All products:"),
    "sold_here": N_("OCOP products sold here"),
}


@functools.lru_cache(maxsize=None)
def words(lang: str) -> dict[str, str]:
    """The print files' words in `lang` (vi, en, or any language with a catalogue)."""
    language = language_of(lang)
    return {key: language.gettext(message) for key, message in MESSAGES.items()}


def _date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


@dataclass(frozen=True)
class ProductCard:
    code: str | None
    name: str
    group: str
    stars: int | None  # shown only while the certificate may be used
    certificate: str  # the line under the stars: end date, or that it expired
    producer: str
    contact: str  # phone, Zalo or address when the data has them; else ""
    story: str
    qr_text: str
    address: str  # the same, for people to type
    photo: Path | None
    sample: bool
    drawing: Path | None = None  # the group's drawing (web/illustrations/), shown when there is no photo


def product_card(entry: ProductEntry, settings: SiteSettings, sample: bool, lang: str = "vi") -> ProductCard:
    said, language = words(lang), language_of(lang)
    status = settings.certificate(entry)
    if status.state == State.EXPIRED:
        line = said["expired"].format(date=_date(status.expired_from))
    elif status.valid_until is not None:
        line = said["until"].format(date=_date(status.valid_until))
    elif status.state == State.UNDATED:
        line = said["undated"]
    else:
        line = ""
    producer = entry.producer.model
    # Only what the producer's file holds; a Zalo number that is the phone number is not repeated.
    zalo = f"Zalo {producer.zalo}" if producer.zalo and producer.zalo != producer.phone else None
    contact = [str(value) for value in (producer.phone, zalo, producer.address) if value]
    # In a translation, the product's own texts in that language, else the Vietnamese (as the pages do).
    story = next((shown.value for field in ("summary", "story") if (shown := language.text(entry.model, field))), "")
    qr_text = settings.qr_text(entry)
    return ProductCard(
        entry.model.code,
        language.text(entry.model, "name").value,
        language.group_name(entry.group.name).value,
        status.current_stars,
        line,
        said["producer"].format(name=producer.name),
        " · ".join(contact),
        " ".join(story.split()),
        qr_text,
        readable_address(qr_text),
        entry.photos[0].path if entry.photos else None,
        sample,
        group_illustration(entry.group.code),
    )


def draw_picture(canvas, card: ProductCard, x_mm: float, y_mm: float, width_mm: float, height_mm: float) -> None:
    """The product's first photo, cropped to fill; without one, the drawing of its group (as the product
    page shows), else a plain tile naming the group."""
    from reportlab.lib.utils import ImageReader

    if card.photo is None and card.drawing is not None:
        draw_drawing(canvas, card.drawing, x_mm, y_mm, width_mm, height_mm)
        return
    if card.photo is not None:
        from PIL import Image, ImageOps

        with Image.open(card.photo) as original:
            image = ImageOps.exif_transpose(original).convert("RGB")
        ratio = width_mm / height_mm
        target = (round(min(1200, 1200 * ratio)), round(min(1200, 1200 * ratio) / ratio))
        image = ImageOps.fit(image, target)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=82)
        buffer.seek(0)
        canvas.drawImage(ImageReader(buffer), x_mm * MM, y_mm * MM, width_mm * MM, height_mm * MM)
        return
    canvas.saveState()
    canvas.setFillColorRGB(0.88, 0.94, 0.93)
    canvas.setStrokeColorRGB(0.62, 0.78, 0.76)
    canvas.setLineWidth(0.5)
    canvas.roundRect(x_mm * MM, y_mm * MM, width_mm * MM, height_mm * MM, 2 * MM, stroke=1, fill=1)
    canvas.setFillColorRGB(0.18, 0.38, 0.36)
    size = max(6.0, min(11.0, height_mm * 0.22 * MM / 2.2))
    register_fonts()
    from .drawing import wrap

    lines = wrap(card.group.split(), FONT, size, width_mm - 4, " ") or [card.group]
    top = y_mm + height_mm / 2 + (len(lines) - 1) * size * 0.6 / MM
    canvas.setFont(FONT, size)
    for index, text in enumerate(lines[:3]):
        canvas.drawCentredString((x_mm + width_mm / 2) * MM, (top - index * size * 1.2 / MM) * MM - size * 0.35, text)
    canvas.restoreState()


def draw_drawing(canvas, svg: Path, x_mm: float, y_mm: float, width_mm: float, height_mm: float) -> None:
    """An SVG drawing as vector shapes (svglib), as large as fits the box, centred in it."""
    from reportlab.graphics import renderPDF
    from svglib.svglib import svg2rlg

    drawing = svg2rlg(str(svg))
    scale = min(width_mm * MM / drawing.width, height_mm * MM / drawing.height)
    drawing.scale(scale, scale)
    left = x_mm * MM + (width_mm * MM - drawing.width * scale) / 2
    bottom = y_mm * MM + (height_mm * MM - drawing.height * scale) / 2
    renderPDF.draw(drawing, canvas, left, bottom)


def draw_footer(canvas, page_mm: tuple[float, float], text: str, sample: bool, size_pt: float = 7.0) -> None:
    """The foot of a print page: the page's own words (page number; never a command: the public reads
    it), and above them the sample's reason."""
    canvas.saveState()
    canvas.setFillGray(0.35)
    canvas.setFont(FONT, size_pt)
    if text:
        canvas.drawCentredString(page_mm[0] / 2 * MM, 5 * MM, text)
    if sample:
        lines = lines_of(f"{SAMPLE_MARK}: {SAMPLE_REASON}", FONT_BOLD, size_pt, page_mm[0] - 12, 2)
        canvas.setFont(FONT_BOLD, size_pt)
        for index, line in enumerate(reversed(lines), start=1 if text else 0):
            canvas.drawCentredString(page_mm[0] / 2 * MM, 5 * MM + index * size_pt * 1.25, line)
    canvas.restoreState()


def finish_page(canvas, page_mm: tuple[float, float], sample: bool) -> None:
    """The end of a page: the sample mark over everything drawn on it, then the next page."""
    if sample:
        draw_sample_mark(canvas, 0, 0, *page_mm, size_pt=min(110.0, page_mm[0] * 0.45))
    canvas.showPage()


def new_canvas(buffer, page_mm: tuple[float, float], title: str):
    from reportlab.pdfgen.canvas import Canvas

    register_fonts()
    canvas = Canvas(buffer, pagesize=(page_mm[0] * MM, page_mm[1] * MM), invariant=1, pageCompression=1)
    canvas.setTitle(title)
    return canvas


def lines_of(text: str, font: str, size_pt: float, width_mm: float, limit: int) -> list[str]:
    """`text` wrapped to `limit` lines at most, the last cut with "…" when it goes on."""
    from .drawing import cut, text_width

    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(candidate, font, size_pt) <= width_mm:
            lines[-1] = candidate
        else:
            lines.append(word)
    if len(lines) > limit:
        lines = lines[: limit - 1] + [" ".join(lines[limit - 1 :])]
    return [cut(line, font, size_pt, width_mm) for line in lines]


def draw_text(canvas, text: str, font: str, size_pt: float, x_mm: float, baseline_mm: float, centre_mm: float | None = None, gray: float = 0) -> None:
    """One line at (x, baseline), or centred on `centre_mm` when given."""
    canvas.setFillGray(gray)
    canvas.setFont(font, size_pt)
    if centre_mm is not None:
        canvas.drawCentredString(centre_mm * MM, baseline_mm * MM, text)
    else:
        canvas.drawString(x_mm * MM, baseline_mm * MM, text)


def draw_star_line(canvas, stars: int, text: str, size_pt: float, x_mm: float, baseline_mm: float, centre_mm: float | None = None) -> None:
    """Stars drawn as shapes, then "OCOP 3 sao"; centred on `centre_mm` when given."""
    from .drawing import draw_stars, text_width

    radius = size_pt * 0.42 / MM
    stars_width = stars * radius * 2.1 + radius * 0.4
    if centre_mm is not None:
        x_mm = centre_mm - (stars_width + text_width(text, FONT_BOLD, size_pt)) / 2
    draw_stars(canvas, stars, x_mm, baseline_mm, size_pt)
    draw_text(canvas, text, FONT_BOLD, size_pt, x_mm + stars_width, baseline_mm)
