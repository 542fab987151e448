"""What every print-file command (labels, brochure, poster, shelf-card) says about the files it wrote."""
from __future__ import annotations

import sys
from pathlib import Path

from ...media.labels import LabelError
from ...media.printing import check_public_address, domain_notes
from .issuing import issue
from .loading import load

SAMPLE_NOTICE = (
    "Tệp in đang có dấu \"MẪU – chưa in\": tên miền trong site_url chưa được xác nhận. Khi xã đã xác nhận "
    "tên miền, ghi domain_confirmed: true ở phần plugin ocop trong {config} rồi tạo lại tệp."
)


def add_language(command, help: str = "ngôn ngữ: vi (mặc định) hoặc en") -> None:
    command.add_argument("--lang", choices=("vi", "en"), default="vi", help=help)


def add_folder(command) -> None:
    """--out, the folder every print file command writes into."""
    command.add_argument("--out", default="nhan-qr", metavar="THƯ_MỤC", help="thư mục ghi tệp (mặc định nhan-qr)")


def printed(args, what: str, make) -> int:
    """Run `make(project)`, which returns the files written; name them, and say when they are samples, and
    when the domain is long enough to make the printed codes bigger (a label may then not hold one)."""
    project = load(args.config)
    note = None
    try:
        check_public_address(project.settings.site_url, Path(args.config).name)
        project = issue(args, project)
        codes = [entry.model.code for entry in project.catalogue.products.values() if entry.model.code]
        note = domain_notes(project.settings.site_url, project.media.qr_style, codes)
        written = make(project)
    except LabelError as error:
        print(f"Không tạo được {what}: {error}", file=sys.stderr)
        if note:
            print(note, file=sys.stderr)
        return 1
    for path in written:
        print(f"Đã ghi {path}")
    if not project.media.domain_confirmed:
        print(SAMPLE_NOTICE.format(config=args.config))
    if note:
        print(note)
    return 0
