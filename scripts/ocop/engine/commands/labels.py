"""`ocop labels [MÃ …]`: QR codes (SVG, PNG 600 dpi) and the A4 label sheet (PDF) for packaging."""
from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from ...media.labels import LabelError, LabelSize, check_module, format_mm
from ...media.printing import check_public_address, choose_products, domain_notes, write_labels
from ...media.qr import LEVELS
from .issuing import issue
from .loading import load
from .print_files import SAMPLE_NOTICE, add_folder


def add_parser(commands) -> None:
    printing = commands.add_parser("labels", help="tạo tệp in mã QR và tờ nhãn A4 cho bao bì")
    printing.add_argument("products", nargs="*", metavar="MÃ", help="mã hoặc địa chỉ trang của sản phẩm (bỏ trống: mọi sản phẩm)")
    printing.add_argument("--size", metavar="RỘNGxCAO", help="cỡ nhãn RỘNGxCAO theo mm (mặc định 30x40)")
    printing.add_argument("--copies", type=int, metavar="SỐ_NHÃN", help="số nhãn mỗi sản phẩm (mặc định: đủ một tờ A4)")
    printing.add_argument("--module", type=float, metavar="MM", help="cỡ một mô-đun của mã QR, mm (mặc định 0,5)")
    printing.add_argument("--level", choices=tuple(LEVELS), help="mức sửa lỗi L, M, Q, H (mặc định M)")
    printing.add_argument("--quiet-zone", type=int, metavar="SỐ_MÔ_ĐUN", help="viền trắng quanh mã, tính bằng mô-đun (mặc định 4)")
    add_folder(printing)
    printing.set_defaults(run=run)


def run(args) -> int:
    project = load(args.config)
    check_public_address(project.settings.site_url, Path(args.config).name)
    style = project.media.qr_style
    style = replace(
        style,
        level=args.level or style.level,
        border=style.border if args.quiet_zone is None else args.quiet_zone,
        module_mm=args.module or style.module_mm,
    )
    size = LabelSize.parse(args.size) if args.size else project.media.label_size
    check_module(style)  # bad options stop before any file is touched
    if args.copies is not None and args.copies < 1:
        raise LabelError("số nhãn mỗi sản phẩm (--copies) phải từ 1 trở lên")
    project = issue(args, project)
    entries = choose_products(project.catalogue, args.products)
    folder = Path(args.out)
    # A long domain makes the codes bigger (version 4): said with the files, or with a label too small for them.
    note = domain_notes(project.settings.site_url, style, [entry.model.code for entry in entries if entry.model.code])
    try:
        written = write_labels(project.media_files(), entries, folder, size, style, args.copies)
    except LabelError:
        if note:
            print(note, file=sys.stderr)
        raise
    for path in written:
        print(f"Đã ghi {path}")
    print(f"Tờ nhãn: nhãn {size}, mô-đun {format_mm(style.module_mm)} mm, mức {style.level}; in đúng kích thước (100 %).")
    if not project.media.domain_confirmed:
        print(SAMPLE_NOTICE.format(config=args.config))
    if note:
        print(note)
    return 0
