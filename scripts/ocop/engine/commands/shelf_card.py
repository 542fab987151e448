"""`ocop shelf-card ĐIỂM_BÁN`: the A6 card of an outlet, one QR code for each product sold there."""
from __future__ import annotations

from pathlib import Path

from ...media.printing import choose_outlet, write_shelf_card
from .print_files import add_folder, add_language, printed


def add_parser(commands) -> None:
    shelf = commands.add_parser("shelf-card", help="thẻ A6 (PDF) đặt ở điểm bán: các sản phẩm OCOP bán tại đó, mỗi sản phẩm một mã QR")
    shelf.add_argument("outlet", metavar="ĐIỂM_BÁN", help="tên tệp của điểm bán trong products/_diem-ban/ (không có .yml)")
    add_language(shelf)
    add_folder(shelf)
    shelf.set_defaults(run=run)


def run(args) -> int:
    return printed(args, "thẻ quầy", lambda project: [
        write_shelf_card(project.media_files(), choose_outlet(project.catalogue, args.outlet), Path(args.out), args.lang)
    ])
