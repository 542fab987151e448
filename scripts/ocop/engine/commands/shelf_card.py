"""`ocop shelf-card ĐIỂM_BÁN`: the A6 card of an outlet, one QR code for each product sold there."""
from __future__ import annotations

from pathlib import Path

from ...media.printing import choose_outlet, write_shelf_card
from .print_files import printed


def add_parser(commands) -> None:
    shelf = commands.add_parser("shelf-card", help="thẻ A6 (PDF) đặt ở điểm bán: các sản phẩm OCOP bán tại đó, mỗi sản phẩm một mã QR")
    shelf.add_argument("outlet", metavar="ĐIỂM_BÁN", help="tên tệp của điểm bán trong products/_diem-ban/ (không có .yml)")
    shelf.add_argument("--lang", choices=("vi", "en"), default="vi", help="ngôn ngữ: vi (mặc định) hoặc en")
    shelf.add_argument("--out", default="nhan-qr", metavar="THƯ_MỤC", help="thư mục ghi tệp (mặc định nhan-qr)")
    shelf.set_defaults(run=run)


def run(args) -> int:
    return printed(args, "thẻ quầy", lambda project: [
        write_shelf_card(project.media_files(), choose_outlet(project.catalogue, args.outlet), Path(args.out), args.lang)
    ])
