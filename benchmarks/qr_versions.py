"""The QR version and level of each example product's code, with the site's host and a 45-character one.

Prints the table that `ocop codes --markdown` prints (the README's table), then the same codes under
a 45-character host, and the longest code that still fits version 3 at level M under such a host.

    .venv/bin/python benchmarks/qr_versions.py
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from mkdocs.config import load_config
from ocop.media.labels import format_mm
from ocop.media.printing import format_report, qr_report
from ocop.media.qr import describe

ROOT = Path(__file__).resolve().parent.parent
LONG_HOST = "ocop-quangtrung.quangchinh.thanhhoa.gov.vn.xx"  # 45 characters
MODULE_MM = 0.4


def main() -> None:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    plugin = config.plugins["ocop"]
    project = plugin.load(config)
    settings = project.settings
    print(f"Địa chỉ trang: {settings.site_url}")
    print(format_report(qr_report(project.catalogue, settings, project.media.qr_style, MODULE_MM), MODULE_MM, markdown=True))
    print("\nSo với mã QR mã hoá địa chỉ trang đầy đủ (chữ thường, chế độ 8 bit):")
    for entry in project.catalogue.products.values():
        info = describe(settings.product_url(entry.slug), project.media.qr_style)
        print(f"  {info.text} ({len(info.text)} ký tự): phiên bản {info.version}, "
              f"{format_mm(info.size_mm(MODULE_MM, project.media.qr_style.border))} mm kể cả viền trắng ở {format_mm(MODULE_MM)} mm/mô-đun")
    assert len(LONG_HOST) == 45
    long = dataclasses.replace(settings, site_url=f"https://{LONG_HOST}/")
    print(f"\nVới tên miền {len(LONG_HOST)} ký tự: {LONG_HOST}")
    rows = qr_report(project.catalogue, long, project.media.qr_style, MODULE_MM)
    print(format_report(rows, MODULE_MM, markdown=True))
    longest = max(n for n in range(1, 9) if describe(long.short_url("X" * n), project.media.qr_style).version <= 3)
    print(f"\nMã dài nhất còn giữ phiên bản 3 ở mức {project.media.qr_style.level} với tên miền này: {longest} ký tự")
    print("Mọi mã mẫu ở phiên bản ≤ 3:", all(row.version <= 3 for row in rows))


if __name__ == "__main__":
    main()
