"""`ocop report`: the agriculture officer's tables (ops/report.py), the scans of the printed codes from
the web server's logs (ops/scans.py) and the month's review as a Word document (ops/review.py)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ...model.codes import issued_and_retired
from ...model.plan import PLAN_FILE
from ...ops.report import ROBOTS_SET_ASIDE, Table, build_report, scan_tables, stamp_tables, to_markdown, write_csv
from ...ops.scans import FIRST_SCAN_DAY, LogError, ScanFigures, scans_in_logs, write_scans_csv
from ...ops.stamp_counts import VERDICTS_FILE, stamps_in_logs
from ..project import Project
from .loading import load

if TYPE_CHECKING:
    from ...ops.review import Month


def add_parser(commands) -> None:
    reporting = commands.add_parser("report", help="báo cáo số liệu cho cán bộ phụ trách OCOP")
    reporting.add_argument("--months", type=int, default=6, metavar="SỐ_THÁNG", help="chứng nhận hết hiệu lực trong bao nhiêu tháng tới (mặc định 6)")
    reporting.add_argument("--csv", metavar="TỆP", help="ghi thêm báo cáo ra tệp CSV để mở bằng Excel")
    reporting.add_argument(
        "--separator", default=",", choices=[",", ";"], metavar="DẤU",
        help="dấu phân cách cột trong CSV (mặc định ','; dùng ';' nếu Excel hiện mọi thứ trong một cột)",
    )
    reporting.add_argument(
        "--access-log", nargs="+", metavar="TỆP",
        help="nhật ký truy cập của máy chủ web (nginx, Apache; cả tệp .gz, nhiều tệp): đếm lượt quét mã QR; "
        "khi đó --csv chỉ ghi số lượt quét",
    )
    reporting.add_argument("--review", metavar="NĂM-THÁNG", help="tháng của báo cáo Word, ví dụ 2026-11 (mặc định: tháng này)")
    reporting.add_argument(
        "--docx", metavar="TỆP",
        help="ghi báo cáo tháng ra tệp Word theo thể thức Nghị định 30/2020/NĐ-CP (để trình ký, lưu hồ sơ)",
    )
    reporting.set_defaults(run=run)


def run(args) -> int:
    if args.months < 1:
        print("Số tháng (--months) phải từ 1 trở lên.", file=sys.stderr)
        return 2
    if args.review and not args.docx:
        print("Báo cáo tháng (--review) được ghi ra tệp Word: thêm --docx TỆP, ví dụ --docx bao-cao-thang.docx", file=sys.stderr)
        return 2
    try:
        month = _month(args.review) if args.docx and args.review else None
    except ValueError as error:
        print(f"--review: {error}.", file=sys.stderr)
        return 2
    project = load(args.config)
    result = build_report(project.catalogue, project.settings.commune, project.plan, project.settings.today, args.months)
    figures = None
    if args.access_log:
        figures = _scan_figures(project, args.access_log)
        if figures is None:
            return 1
        result.tables += scan_tables(figures, project.catalogue) + _stamp_tables(project, args.access_log)
    print(to_markdown(result), end="")
    if project.plan is None:
        print(f"\n(Chưa có tệp products/{PLAN_FILE}: báo cáo không có phần tiến độ kế hoạch.)")
    if figures is not None:
        print(f"\nĐã đọc {figures.lines} dòng từ {figures.files} tệp nhật ký; {ROBOTS_SET_ASIDE.format(count=figures.robot_hits)}.")
        if figures.repeated:
            print(f"Bỏ qua {figures.repeated} dòng đã có trong tệp nhật ký khác (một tệp được đưa vào hai lần?).")
    if args.csv and _write_csv(args, result, figures) != 0:
        return 1
    if args.docx:
        return _review(args, project, result, month)
    return 0


def _write_csv(args, result, figures: ScanFigures | None) -> int:
    try:
        if figures is not None:
            write_scans_csv(figures, Path(args.csv), args.separator)
        else:
            write_csv(result, Path(args.csv), args.separator)
    except OSError as error:
        print(f"Không ghi được tệp {args.csv} ({error.strerror}): tệp có đang mở trong Excel không?", file=sys.stderr)
        return 1
    what = "số lượt quét mã QR" if figures is not None else "báo cáo"
    print(f"\nĐã ghi {what} vào {args.csv} (mở được bằng Excel).")
    return 0


def _review(args, project: Project, result, month: Month | None) -> int:
    """The month's review as a Word document in the format of Nghị định 30/2020 (ops/review.py)."""
    from ...ops.review import Month, write_month_review  # python-docx, only for a review

    settings = project.settings
    month = month or Month(settings.today.year, settings.today.month)
    scans = None
    if args.access_log:
        figures = _scan_figures(project, args.access_log, month.key, quiet=True)
        if figures is None:
            return 1
        scans = scan_tables(figures, project.catalogue) + _stamp_tables(project, args.access_log)
    try:
        write_month_review(
            Path(args.docx), result, project.catalogue, settings.commune, project.news, month, args.months,
            settings.expiring_days, scans,
        )
    except OSError as error:
        print(f"Không ghi được tệp {args.docx} ({error.strerror}): tệp có đang mở trong Word không?", file=sys.stderr)
        return 1
    print(f"\nĐã ghi báo cáo {month} vào {args.docx} (mở bằng Word, điền số, ngày rồi trình ký).")
    return 0


def _month(text: str) -> Month:
    from ...ops.review import Month  # python-docx, only for a review

    return Month.parse(text)


def _scan_figures(project: Project, logs: list[str], month: str | None = None, quiet: bool = False) -> ScanFigures | None:
    """Scans counted from the access logs; None (with the reason printed) when a log cannot be read.
    A line not understood is skipped, and named."""
    issued, retired = issued_and_retired(project.catalogue, project.registry)
    try:
        figures = scans_in_logs([Path(log) for log in logs], project.settings.site_url, project.settings.today, issued, retired, month)
    except LogError as error:
        print(f"Không đọc được nhật ký truy cập: {error}.", file=sys.stderr)
        return None
    if figures.skipped and not quiet:
        shown = ", ".join(f"{file}:{line}" for file, line in figures.skipped[:10])
        more = f" và {len(figures.skipped) - 10} dòng khác" if len(figures.skipped) > 10 else ""
        print(
            f"Bỏ qua {len(figures.skipped)} dòng nhật ký không đúng dạng combined hay common (hoặc ghi ngày trước năm "
            f"{FIRST_SCAN_DAY.year} hay sau hôm nay): {shown}{more}.",
            file=sys.stderr,
        )
    return figures


def _stamp_tables(project: Project, logs: list[str]) -> list[Table]:
    """The stamps perhaps copied and the serials nobody issued (ops/stamp_counts.py), when the site has stamps.
    Every serial new to the cache is hashed: the officer asked for this report and waits for it."""
    if not project.stamps:
        return []
    cache = project.qr_cache.disk.folder
    figures = stamps_in_logs(
        logs, Path.cwd(), project.settings.site_url, project.settings.today, project.stamps,
        project.stamp_warning_phones, cache / VERDICTS_FILE if cache is not None else None, limit=None,
    )
    return stamp_tables(figures, project.catalogue)
