"""What the officer prints: the label files of chosen products, the report of each QR code's size, and
the brochure, booth posters and shelf cards (`ocop brochure`, `ocop poster`, `ocop shelf-card`).

Both faces of `ocop labels` / `ocop codes` stay thin: choosing products, writing files and laying out
the report happen here, on top of MediaFiles (which knows what each code encodes and how it is laid out).
"""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..model.entries import Catalogue, OutletEntry, ProductEntry
from ..model.errors import did_you_mean
from ..model.places import check_domain
from ..model.trade import OUTLETS_DIR
from ..web.addresses import SiteSettings, short_address
from .assets import MediaFiles
from .brochure import brochure_pdf
from .cards import A4, A5, ProductCard, product_card
from .labels import (
    LabelError,
    LabelSize,
    check_module,
    format_mm,
    labels_per_page,
    sheet_pdf,
)
from .poster import poster_pdf
from .qr import QrInfo, QrStyle, describe, png_bytes, svg_bytes
from .shelf_card import shelf_card_pdf

SHEET_NAME = "nhan-qr.pdf"


def check_public_address(site_url: str, config: str = "mkdocs.yml") -> None:
    """Refuse to print codes of an address no phone outside this machine or office reaches: localhost,
    a loopback, private, link-local or otherwise reserved IP address. A printed code cannot be recalled."""
    host = (urlsplit(site_url).hostname or "").rstrip(".").lower()
    reason = None
    if not host:
        reason = "không có tên miền"
    elif host == "localhost" or host.endswith((".localhost", ".local", ".internal", ".lan", ".home.arpa")):
        reason = f"'{host}' là tên của máy này hay mạng nội bộ"
    else:
        try:
            address = ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            address = None
        if address is not None and not address.is_global:
            reason = f"{address} là địa chỉ của máy này hay mạng nội bộ"
    if reason:
        raise LabelError(
            f"site_url trong {config} ({site_url}) không phải địa chỉ công khai của trang: {reason}, điện thoại "
            "của người mua không mở được. Ghi địa chỉ chính thức của trang (ví dụ https://ten-mien-cua-xa.gov.vn/) "
            "rồi tạo lại tệp in"
        )


def choose_products(catalogue: Catalogue, wanted: list[str]) -> list[ProductEntry]:
    """Products named by code or page address; none named: every product still made."""
    if not wanted:
        chosen = [entry for entry in catalogue.products.values() if not entry.model.retired]
        if not chosen:
            raise LabelError("không có sản phẩm nào đang sản xuất để in nhãn")
        return chosen
    by_name = {entry.slug: entry for entry in catalogue.products.values()}
    by_name.update({entry.model.code: entry for entry in catalogue.products.values() if entry.model.code})
    chosen = []
    for name in wanted:
        entry = by_name.get(name) or by_name.get(name.upper())
        if entry is None:
            codes = sorted(entry.model.code for entry in catalogue.products.values() if entry.model.code)
            # The nearest codes or page addresses; else the codes, when they are few.
            hint = did_you_mean(name, sorted(by_name), None) or (
                did_you_mean(name, codes, "các mã hiện có") if codes else "; các mã hiện có: (chưa có mã: chạy ocop codes)"
            )
            raise LabelError(f"không có sản phẩm nào có mã hoặc địa chỉ trang '{name}'{hint}")
        if entry.model.retired:
            raise LabelError(f"{entry.model.name} ({entry.source}) đã ngừng sản xuất: không in nhãn mới")
        chosen.append(entry)
    return chosen


def write_labels(
    media: MediaFiles, entries: list[ProductEntry], folder: Path, size: LabelSize, style: QrStyle, copies: int | None
) -> list[Path]:
    """Per product an SVG (mm) and a 600-dpi PNG of its code; one A4 PDF with all their labels."""
    check_module(style)
    labels = []
    for entry in entries:
        labels += [media.label(entry)] * (copies or labels_per_page(size))
    sheet = sheet_pdf(labels, size, style, "Nhãn mã QR: " + ", ".join(entry.model.name for entry in entries))
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for entry in entries:
        text = media.settings.qr_text(entry)
        for suffix, data in (("svg", svg_bytes(text, style)), ("png", png_bytes(text, style))):
            path = folder / f"qr-{entry.slug}.{suffix}"
            path.write_bytes(data)
            written.append(path)
    path = folder / SHEET_NAME
    path.write_bytes(sheet)
    return written + [path]


@dataclass(frozen=True)
class ReportRow:
    code: str
    name: str
    text: str
    version: int
    level: str
    alphanumeric: bool
    size_mm: float  # the code alone
    with_quiet_zone_mm: float


def qr_report(catalogue: Catalogue, settings: SiteSettings, style: QrStyle, module_mm: float) -> list[ReportRow]:
    rows = []
    for entry in catalogue.products.values():
        info = describe(settings.qr_text(entry), style)
        rows.append(
            ReportRow(
                entry.model.code or "",
                entry.model.name,
                info.text,
                info.version,
                info.level,
                info.alphanumeric,
                info.size_mm(module_mm),
                info.size_mm(module_mm, style.border),
            )
        )
    return rows


LONGEST_PROPOSED_CODE = 4  # letters: model/codes.py proposes initials, numbered when taken
USUAL_VERSION = 3  # what a commune's host of usual length gives (tenxa.tentinh.gov.vn)


def domain_qr(site_url: str, style: QrStyle, code_length: int = LONGEST_PROPOSED_CODE) -> QrInfo:
    """The QR code a pack carries for this site: its short address with a code of `code_length` letters."""
    return describe(short_address(site_url.rstrip("/") + "/", "A" * code_length), style)


def domain_qr_note(site_url: str, style: QrStyle, codes: list[str]) -> str | None:
    """What to say when the domain is long enough to make the printed code bigger than version 3 (the
    longest of the codes given, or of the codes ocop proposes): None when it is not."""
    info = domain_qr(site_url, style, max([LONGEST_PROPOSED_CODE, *map(len, codes)]))
    if info.version <= USUAL_VERSION:
        return None
    host = site_url.split("://", 1)[-1].split("/", 1)[0]
    usual = (17 + 4 * USUAL_VERSION + 2 * style.border) * style.module_mm
    return (
        f"Tên miền {host} dài {len(host)} ký tự: mã QR cần phiên bản {info.version} (rộng "
        f"{format_mm(info.size_mm(style.module_mm, style.border))} mm ở ô {format_mm(style.module_mm)} mm, kể cả lề) "
        f"thay vì phiên bản {USUAL_VERSION} ({format_mm(usual)} mm). Tên miền ngắn hơn cho mã in nhỏ hơn."
    )


def domain_notes(site_url: str, style: QrStyle, codes: list[str]) -> str | None:
    """What to tell the officer about the site's domain when codes are made or printed (the codes go onto
    packs for years): what model/places.check_domain finds wrong or unusual in it (a district level, not
    .gov.vn …), and a code bigger than version 3 (domain_qr_note). None when there is nothing to say."""
    check = check_domain(urlsplit(site_url).hostname or "")
    lines = [f"Lưu ý về tên miền: {text}." for text in check.problems + check.warnings]
    note = domain_qr_note(site_url, style, codes)
    return "\n".join([*lines, note] if note else lines) or None


def format_report(rows: list[ReportRow], module_mm: float, markdown: bool = False) -> str:
    header = ["mã", "sản phẩm", "nội dung mã QR", "ký tự", "phiên bản", "mức", f"cỡ in ở {format_mm(module_mm)} mm/mô-đun"]
    table = [
        [
            row.code or "(chưa có)",
            row.name,
            row.text + ("" if row.alphanumeric else " (có chữ thường: mã to hơn)"),
            str(len(row.text)),
            str(row.version) + (" (lớn hơn 3: mã in to hơn)" if row.version > 3 else ""),
            row.level,
            f"{format_mm(row.size_mm)} mm ({format_mm(row.with_quiet_zone_mm)} mm kể cả viền trắng)",
        ]
        for row in rows
    ]
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        lines += ["| " + " | ".join(f"`{cell}`" if index == 2 else cell for index, cell in enumerate(cells)) + " |" for cells in table]
        return "\n".join(lines)
    widths = [max(len(cells[index]) for cells in [header] + table) for index in range(len(header))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip() for cells in [header] + table)


# The brochure, the booth poster and the shelf card: the products as ProductCards, drawn by their modules.

BROCHURE_NAMES = {"vi": "to-gioi-thieu-san-pham-ocop.pdf", "en": "ocop-products-brochure-en.pdf"}


def _cards(media: MediaFiles, entries: list[ProductEntry], lang: str) -> list[ProductCard]:
    sample = not media.media.domain_confirmed
    return [product_card(entry, media.settings, sample, lang) for entry in entries]


def write_brochure(media: MediaFiles, entries: list[ProductEntry], folder: Path, lang: str) -> Path:
    """The catalogue of `entries`, grouped by OCOP group in the order of the groups' list, by name within."""
    groups = []
    for group in media.catalogue.groups.values():
        members = sorted((entry for entry in entries if entry.group.code == group.code), key=lambda entry: entry.model.name)
        if members:
            cards = _cards(media, members, lang)
            groups.append((cards[0].group, cards))
    settings = media.settings
    data = brochure_pdf(groups, settings.commune, settings.site_url, settings.today, lang, not media.media.domain_confirmed)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / BROCHURE_NAMES[lang]
    path.write_bytes(data)
    return path


def write_posters(media: MediaFiles, entry: ProductEntry, folder: Path, lang: str) -> list[Path]:
    """The product's poster at A4 and at A5."""
    card = _cards(media, [entry], lang)[0]
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for size, page in (("a4", A4), ("a5", A5)):
        path = folder / f"ap-phich-{entry.slug}-{size}{'-en' if lang == 'en' else ''}.pdf"
        path.write_bytes(poster_pdf(card, page, lang))
        written.append(path)
    return written


def choose_outlet(catalogue: Catalogue, name: str) -> OutletEntry:
    outlet = catalogue.outlets.get(name)
    if outlet is None:
        known = sorted(catalogue.outlets)
        hint = did_you_mean(name, known, "các điểm bán hiện có") if known else (
            f"; chưa có điểm bán nào trong products/{OUTLETS_DIR}/ (tạo bằng: ocop new outlet \"Tên điểm bán\")"
        )
        raise LabelError(f"không có điểm bán '{name}' (tên tệp trong products/{OUTLETS_DIR}/, không có .yml){hint}")
    return outlet


def write_shelf_card(media: MediaFiles, outlet: OutletEntry, folder: Path, lang: str) -> Path:
    """The outlet's products still made, each with its code; an outlet selling none has no card."""
    entries = [entry for entry in outlet.products if not entry.model.retired]
    if not entries:
        raise LabelError(f"điểm bán {outlet.model.name} ({outlet.source}) chưa ghi sản phẩm OCOP nào đang sản xuất (products:)")
    data = shelf_card_pdf(outlet.model.name, _cards(media, entries, lang), lang, not media.media.domain_confirmed)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"the-quay-{outlet.slug}{'-en' if lang == 'en' else ''}.pdf"
    path.write_bytes(data)
    return path
