"""`ocop brochure`: the A4 leaflet of every OCOP product, by group, for fairs."""
from __future__ import annotations

from pathlib import Path

from ...media.printing import choose_products, write_brochure
from .print_files import add_folder, add_language, printed


def add_parser(commands) -> None:
    leaflet = commands.add_parser("brochure", help="tờ giới thiệu A4 (PDF) mọi sản phẩm OCOP, theo ngành hàng, để phát ở hội chợ")
    leaflet.add_argument("--only", nargs="+", metavar="MÃ", help="chỉ những sản phẩm này (mã hoặc địa chỉ trang)")
    add_language(leaflet, "ngôn ngữ: vi (mặc định) hoặc en cho khách nước ngoài")
    add_folder(leaflet)
    leaflet.set_defaults(run=run)


def run(args) -> int:
    return printed(args, "tờ giới thiệu", lambda project: [
        write_brochure(project.media_files(), choose_products(project.catalogue, args.only or []), Path(args.out), args.lang)
    ])
