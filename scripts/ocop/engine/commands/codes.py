"""`ocop codes`: missing short codes issued, and the QR size table of every product."""
from __future__ import annotations

from ...media.printing import domain_notes, format_report, qr_report
from .issuing import issue


def add_parser(commands) -> None:
    coding = commands.add_parser("codes", help="cấp mã ngắn còn thiếu và in bảng cỡ mã QR của từng sản phẩm")
    coding.add_argument("--module", type=float, default=0.4, metavar="MM", help="cỡ một mô-đun khi tính cỡ in, mm (mặc định 0,4)")
    coding.add_argument("--markdown", action="store_true", help="in bảng dạng Markdown (cho README)")
    coding.set_defaults(run=run)


def run(args) -> int:
    project = issue(args)
    rows = qr_report(project.catalogue, project.settings, project.media.qr_style, args.module)
    print(format_report(rows, args.module, markdown=args.markdown))
    note = domain_notes(project.settings.site_url, project.media.qr_style, [row.code for row in rows])
    if note:
        print(note)
    return 0
