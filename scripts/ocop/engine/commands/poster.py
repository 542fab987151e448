"""`ocop poster MÃ`: a product's booth poster, A4 and A5."""
from __future__ import annotations

from pathlib import Path

from ...media.printing import choose_products, write_posters
from .print_files import printed


def add_parser(commands) -> None:
    booth = commands.add_parser("poster", help="áp phích gian hàng A4 và A5 (PDF) của một sản phẩm: ảnh, số sao, mã QR lớn")
    booth.add_argument("product", metavar="MÃ", help="mã hoặc địa chỉ trang của sản phẩm")
    booth.add_argument("--lang", choices=("vi", "en"), default="vi", help="ngôn ngữ: vi (mặc định) hoặc en")
    booth.add_argument("--out", default="nhan-qr", metavar="THƯ_MỤC", help="thư mục ghi tệp (mặc định nhan-qr)")
    booth.set_defaults(run=run)


def run(args) -> int:
    def make(project):
        entry = choose_products(project.catalogue, [args.product])[0]
        return write_posters(project.media_files(), entry, Path(args.out), args.lang)

    return printed(args, "áp phích", make)
