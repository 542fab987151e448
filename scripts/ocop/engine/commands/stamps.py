"""`ocop stamps MÃ --batch LÔ --count N`: A4 sheets of per-pack stamps, each with its own serial."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from ...media.labels import LabelSize, format_mm
from ...media.printing import check_public_address
from ...media.stamps import DEFAULT_SIZE, LEVEL
from ...model.places import check_domain
from ...ops.stamps import DEFAULT_FOLDER, StampOrder, issue_stamps
from .issuing import issue
from .loading import load
from .print_files import SAMPLE_NOTICE


def add_parser(commands) -> None:
    stamping = commands.add_parser("stamps", help="in tem riêng cho từng gói hàng của một lô (mỗi tem một số, một mã QR)")
    stamping.add_argument("code", metavar="MÃ", help="mã ngắn của sản phẩm, ví dụ NM")
    stamping.add_argument("--batch", required=True, metavar="LÔ", help="mã lô, phải có trong 'batches:' của sản phẩm")
    stamping.add_argument("--count", required=True, type=int, metavar="SỐ_TEM", help="số tem cần in")
    stamping.add_argument("--size", default=DEFAULT_SIZE, metavar="RỘNGxCAO", help=f"cỡ tem theo mm (mặc định {DEFAULT_SIZE})")
    stamping.add_argument("--out", default=DEFAULT_FOLDER, metavar="THƯ_MỤC", help=f"thư mục ghi tệp PDF (mặc định {DEFAULT_FOLDER}; giữ kín)")
    stamping.set_defaults(run=run)


def run(args) -> int:
    project = load(args.config)
    check_public_address(project.settings.site_url, Path(args.config).name)
    order = StampOrder(args.code, args.batch, args.count, LabelSize.parse(args.size), Path(args.out))
    project = issue(args, project)
    sample = not project.media.domain_confirmed
    done = issue_stamps(project.catalogue, project.settings, project.stamps, project.products_dir, order, sample)
    print(f"Đã ghi {done.pdf}: {done.count} tem, {done.pages} tờ A4, tem {order.size}, mô-đun QR {format_mm(done.module_mm)} mm.")
    print(f"Mã QR của mỗi tem: {done.qr_text} ({len(done.qr_text)} ký tự), phiên bản {done.version}-{LEVEL}.")
    shown = done.register_file.relative_to(project.root).as_posix()
    if done.settings_written:
        print(f"Đã tạo khoá kiểm tra tem {Path(project.products_dir.name, '_registry', 'tem.yml').as_posix()}.")
    print(f"Đã ghi dấu của {done.count} tem vào sổ {shown} (không ghi số tem). Hãy lưu (commit) sổ tem cùng dữ liệu.")
    print("In đúng kích thước (100 %, “Actual size”). Tệp PDF là nơi duy nhất có số tem: giữ kín, in xong thì xoá.")
    if sample:
        print(SAMPLE_NOTICE.format(config=args.config))
    check = check_domain(urlsplit(project.settings.site_url).hostname or "")
    for text in check.problems + check.warnings:  # the stamps go onto packs for years, as the codes do
        print(f"Lưu ý về tên miền: {text}.")
    return 0
