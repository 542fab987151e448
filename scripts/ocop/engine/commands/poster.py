"""`ocop poster MÃ`: a product's booth poster, A4 and A5."""
from __future__ import annotations

from pathlib import Path

from ...media.printing import choose_products, write_posters
from .print_files import add_folder, add_language, printed


def add_parser(commands) -> None:
    booth = commands.add_parser("poster", help="áp phích gian hàng A4 và A5 (PDF) của một sản phẩm: ảnh, số sao, mã QR lớn")
    booth.add_argument("product", metavar="MÃ", help="mã hoặc địa chỉ trang của sản phẩm")
    add_language(booth)
    add_folder(booth)
    booth.set_defaults(run=run)


def run(args) -> int:
    def make(project):
        entry = choose_products(project.catalogue, [args.product])[0]
        return write_posters(project.media_files(), entry, Path(args.out), args.lang)

    return printed(args, "áp phích", make)
