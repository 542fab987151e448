"""What the officer prints: the label files of chosen products, and the report of each QR code's size.

Both faces of `ocop labels` / `ocop codes` stay thin: choosing products, writing files and laying out
the report happen here, on top of MediaFiles (which knows what each code encodes and how it is laid out).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model.entries import Catalogue, ProductEntry
from ..model.errors import did_you_mean
from .labels import LabelError, LabelSize, check_module, format_mm, labels_per_page, sheet_pdf
from .qr import QrStyle, describe, png_bytes, svg_bytes
from ..pages.addresses import SiteSettings
from .assets import MediaFiles

SHEET_NAME = "nhan-qr.pdf"


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
