"""The `ocop` command: the officer's tasks, in Vietnamese, on Windows as on Linux.

    ocop check            kiểm tra dữ liệu trong products/
    ocop build            tạo trang web vào site/ (chế độ nghiêm ngặt)
    ocop serve            xem trước trang web ở http://127.0.0.1:8000
    ocop export THƯ_MỤC   xuất cả trang web (mkdocs.yml và docs/, kể cả trang được tạo) để dựng bằng Zensical
    ocop codes            cấp mã ngắn cho sản phẩm chưa có, ghi vào sổ mã, in bảng cỡ mã QR
    ocop labels [MÃ …]    tạo tệp in: mã QR SVG, PNG 600 dpi và tờ nhãn A4 (PDF)
    ocop brochure         tờ giới thiệu A4 mọi sản phẩm (--lang en, --only MÃ …)
    ocop poster MÃ        áp phích gian hàng A4 và A5 của một sản phẩm
    ocop shelf-card ĐIỂM_BÁN  thẻ A6 ở điểm bán: sản phẩm bán tại đó, mỗi sản phẩm một mã QR
    ocop publish [--to THƯ_MỤC | --gh-pages]
                          lưu các thay đổi vào Git, tạo trang, kiểm tra, rồi mới thay trang đang chạy
                          (trang cũ giữ nguyên nếu có lỗi);
                          không ghi nơi đăng thì đăng vào `publish_to` của plugin ocop trong mkdocs.yml
    ocop new LOẠI "Tên"   tạo tệp mới có sẵn hướng dẫn: post, product, producer, outlet, fair
    ocop schema           cập nhật JSON Schema cho trình soạn thảo (VS Code)
    ocop report           báo cáo số liệu: số sao theo ngành, chứng nhận sắp hết hiệu lực, tiến độ kế hoạch;
                          --access-log TỆP …: lượt quét mã QR theo nhật ký của máy chủ web
                          --review 2026-11 --docx TỆP: báo cáo tháng bằng Word (Nghị định 30/2020)
"""
from __future__ import annotations

import argparse
import atexit
import contextlib
import datetime as dt
import functools
import logging
import os
import signal
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

from ..media.labels import LabelError, LabelSize, check_module, format_mm
from ..media.printing import (
    check_public_address,
    choose_outlet,
    choose_products,
    format_report,
    qr_report,
    write_brochure,
    write_labels,
    write_posters,
    write_shelf_card,
)
from ..media.qr import LEVELS
from ..model.catalogue import PRODUCER_FILE
from ..model.codes import Snapshot, issue_codes
from ..model.dates import build_date, parse_day
from ..model.errors import DataError, path_shower
from ..model.models import OutletKind
from ..model.news import load_authors
from ..model.plan import PLAN_FILE
from ..ops.commit import CommitError, commit_changes, stray_files
from ..ops.publish import PublishError, publish_gh_pages, publish_to
from ..ops.scaffold import (
    ScaffoldError,
    new_fair,
    new_outlet,
    new_post,
    new_producer,
    new_product,
)
from ..ops.schema import SCHEMA_DIR, schemas
from ..ops.sitecheck import check_site, printed_addresses
from ..web.addresses import SHORT
from .argparse_vi import Parser
from .blog import blog_settings
from .export import DOCS, export_project
from .project import Project


@functools.lru_cache(maxsize=None)
def _config(config_file: str):
    """mkdocs.yml, loaded once a run. Loading it starts the plugins (the blog makes a temporary
    folder), so they are shut down at exit, as `mkdocs build` does, to leave nothing behind."""
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(config_file=config_file)
    atexit.register(_shut_down, config.plugins)
    return config


def _shut_down(plugins) -> None:
    # MkDocs reuses plugin instances between loads of one mkdocs.yml in a process (the tests load it
    # many times): the blog's temporary folder is then already gone at the second shutdown.
    with contextlib.suppress(FileNotFoundError):
        plugins.on_shutdown()


def _load(config_file: str) -> Project:
    config = _config(config_file)
    return config.plugins["ocop"].load(config)


def _issue(args, project: Project | None = None) -> Project:
    """Codes for products without one, written into their files and into the register, then re-read."""
    project = project or _load(args.config)
    issued = issue_codes(project.catalogue, project.registry, project.root)
    for file, code in issued.written:
        print(f"Đã ghi mã {code} vào {file}")
    for code, slug in issued.registered:
        print(f"Đã ghi vào sổ {project.registry.file}: {code} → /san-pham/{slug}/")
    for file in issued.unfilled:
        print(f"Chưa cấp mã ngắn cho {file}: tệp còn nguyên như lúc tạo bằng ocop new product; điền thông tin rồi chạy lại lệnh")
    if issued.written or issued.registered:
        print(f"Hãy lưu (commit) {project.registry.file} cùng dữ liệu: mã đã in thì không được đổi.")
        project = _load(args.config)
    return project


def _with_new_codes(args, run) -> int:
    """New products' codes written for the build that uses them, and taken back (files byte-identical)
    if it fails or is interrupted: a code is issued only by a build that succeeds."""
    project = _load(args.config)
    snapshot = Snapshot.of(project.catalogue, project.registry, project.root)
    try:
        _issue(args, project)
        code = run()
    except KeyboardInterrupt:
        snapshot.restore()  # main() says, in one line, that everything is as it was
        raise
    except BaseException:
        _take_back(snapshot)
        raise
    if code != 0:
        _take_back(snapshot)
    return code


def _take_back(snapshot: Snapshot) -> None:
    if snapshot.restore():
        print("Trang web chưa tạo được nên chưa cấp mã ngắn mới: các tệp sản phẩm và sổ mã vẫn như trước.", file=sys.stderr)


def codes(args) -> int:
    project = _issue(args)
    rows = qr_report(project.catalogue, project.settings, project.media.qr_style, args.module)
    print(format_report(rows, args.module, markdown=args.markdown))
    return 0


def labels(args) -> int:
    project = _load(args.config)
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
    project = _issue(args, project)
    entries = choose_products(project.catalogue, args.products)
    folder = Path(args.out)
    written = write_labels(project.media_files(), entries, folder, size, style, args.copies)
    for path in written:
        print(f"Đã ghi {path}")
    print(f"Tờ nhãn: nhãn {size}, mô-đun {format_mm(style.module_mm)} mm, mức {style.level}; in đúng kích thước (100 %).")
    if not project.media.domain_confirmed:
        print(SAMPLE_NOTICE.format(config=args.config))
    return 0


def _printed(args, what: str, make) -> int:
    """Run `make(project)`, which returns the files written; name them, and say when they are samples."""
    project = _load(args.config)
    try:
        check_public_address(project.settings.site_url, Path(args.config).name)
        project = _issue(args, project)
        written = make(project)
    except LabelError as error:
        print(f"Không tạo được {what}: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"Đã ghi {path}")
    if not project.media.domain_confirmed:
        print(SAMPLE_NOTICE.format(config=args.config))
    return 0


SAMPLE_NOTICE = (
    "Tệp in đang có dấu \"MẪU – chưa in\": tên miền trong site_url chưa được xác nhận. Khi xã đã xác nhận "
    "tên miền, ghi domain_confirmed: true ở phần plugin ocop trong {config} rồi tạo lại tệp."
)


def brochure(args) -> int:
    return _printed(args, "tờ giới thiệu", lambda project: [
        write_brochure(project.media_files(), choose_products(project.catalogue, args.only or []), Path(args.out), args.lang)
    ])


def poster(args) -> int:
    def make(project):
        entry = choose_products(project.catalogue, [args.product])[0]
        return write_posters(project.media_files(), entry, Path(args.out), args.lang)

    return _printed(args, "áp phích", make)


def shelf_card(args) -> int:
    return _printed(args, "thẻ quầy", lambda project: [
        write_shelf_card(project.media_files(), choose_outlet(project.catalogue, args.outlet), Path(args.out), args.lang)
    ])


def check(args) -> int:
    project = _load(args.config)
    catalogue = project.catalogue
    plan = project.plan
    print(f"Dữ liệu hợp lệ: {len(catalogue.producers)} cơ sở, {len(catalogue.products)} sản phẩm.")
    if plan is not None:
        print(f"Kế hoạch ({PLAN_FILE}): {len(plan.targets)} mục tiêu năm {plan.year}.")
    if project.news is not None:
        drafts = sum(1 for post in project.news.posts if not post.published)
        print(f"Tin tức: {len(project.news.posts) - drafts} bài đăng, {drafts} bản nháp.")
    print(f"Mua ở đâu: {len(catalogue.outlets)} điểm bán, {len(catalogue.fairs)} hội chợ, triển lãm.")
    warnings = list(catalogue.warnings)
    commune = project.settings.commune
    if commune is not None and not commune.report_channel:
        # Only here, not in the (strict) build: the pages still say whom to ask in person.
        warnings.append(
            f"{Path(args.config).name}: mục extra: commune: chưa có phone, zalo, email hay office_address của "
            f"Ủy ban nhân dân xã {commune.merged_into or commune.name}: trang sản phẩm không có số điện thoại hay "
            "địa chỉ để người mua báo hàng giả, chỉ khuyên họ hỏi tại trụ sở Ủy ban."
        )
    warnings += _strays(args.config)
    if warnings:
        print(f"Có {len(warnings)} cảnh báo (trang web vẫn được tạo, nhưng hãy kiểm tra lại):", file=sys.stderr)
        for warning in warnings:
            print(f"  - {warning}", file=sys.stderr)
    return 0


def report(args) -> int:
    from ..ops.report import ROBOTS_SET_ASIDE, build_report, scan_tables, to_markdown, write_csv

    if args.months < 1:
        print("Số tháng (--months) phải từ 1 trở lên.", file=sys.stderr)
        return 2
    if args.review and not args.docx:
        print("Báo cáo tháng (--review) được ghi ra tệp Word: thêm --docx TỆP, ví dụ --docx bao-cao-thang.docx", file=sys.stderr)
        return 2
    month = None
    if args.docx:
        from ..ops.review import Month

        try:
            month = Month.parse(args.review) if args.review else None
        except ValueError as error:
            print(f"--review: {error}.", file=sys.stderr)
            return 2
    project = _load(args.config)
    plan = project.plan
    result = build_report(project.catalogue, project.settings.commune, plan, project.settings.today, args.months)
    figures = None
    if args.access_log:
        figures = _scan_figures(project, args.access_log)
        if figures is None:
            return 1
        result.tables += scan_tables(figures, project.catalogue)
    print(to_markdown(result), end="")
    if plan is None:
        print(f"\n(Chưa có tệp products/{PLAN_FILE}: báo cáo không có phần tiến độ kế hoạch.)")
    if figures is not None:
        print(
            f"\nĐã đọc {figures.lines} dòng từ {figures.files} tệp nhật ký; {ROBOTS_SET_ASIDE.format(count=figures.robot_hits)}."
        )
        if figures.repeated:
            print(f"Bỏ qua {figures.repeated} dòng đã có trong tệp nhật ký khác (một tệp được đưa vào hai lần?).")
    if args.csv:
        try:
            if figures is not None:
                from ..ops.scans import write_scans_csv

                write_scans_csv(figures, Path(args.csv), args.separator)
            else:
                write_csv(result, Path(args.csv), args.separator)
        except OSError as error:
            print(f"Không ghi được tệp {args.csv} ({error.strerror}): tệp có đang mở trong Excel không?", file=sys.stderr)
            return 1
        what = "số lượt quét mã QR" if figures is not None else "báo cáo"
        print(f"\nĐã ghi {what} vào {args.csv} (mở được bằng Excel).")
    if args.docx:
        return _review(args, project, result, month)
    return 0


def _review(args, project: Project, result, month) -> int:
    """The month's review as a Word document in the format of Nghị định 30/2020 (ops/review.py)."""
    from ..ops.report import scan_tables
    from ..ops.review import Month, fairs_of, posts_of, product_table, write_review

    settings = project.settings
    month = month or Month(settings.today.year, settings.today.month)
    scans = None
    if args.access_log:
        figures = _scan_figures(project, args.access_log, month.key, quiet=True)
        if figures is None:
            return 1
        scans = scan_tables(figures, project.catalogue)
    path = Path(args.docx)
    try:
        write_review(
            path, result, product_table(project.catalogue, settings.today, settings.expiring_days), settings.commune,
            month, args.months, posts_of(project.news, month), fairs_of(project.catalogue, month), scans,
        )
    except OSError as error:
        print(f"Không ghi được tệp {args.docx} ({error.strerror}): tệp có đang mở trong Word không?", file=sys.stderr)
        return 1
    print(f"\nĐã ghi báo cáo {month} vào {args.docx} (mở bằng Word, điền số, ngày rồi trình ký).")
    return 0


def _issued_codes(project: Project) -> tuple[set[str], set[str]]:
    """The codes ever issued (the register and the product files) and those of retired products."""
    products = project.catalogue.products.values()
    issued = set(project.registry.slugs) if project.registry else set()
    issued |= {entry.model.code for entry in products if entry.model.code}
    retired = {entry.model.code for entry in products if entry.model.code and entry.model.retired}
    return issued, retired


def _scan_figures(project: Project, logs: list[str], month: str | None = None, quiet: bool = False):
    """Scans counted from the access logs; None (with the reason printed) when a log cannot be read.
    A line not understood is skipped, and named."""
    from urllib.parse import urlsplit

    from ..ops.scans import FIRST_SCAN_DAY, LogError, ScanFigures, count_scans, read_hits

    read = ScanFigures([], [], [])
    try:
        site_path = urlsplit(project.settings.site_url).path or "/"
        hits = read_hits([Path(log) for log in logs], site_path, read, project.settings.today)
    except LogError as error:
        print(f"Không đọc được nhật ký truy cập: {error}.", file=sys.stderr)
        return None
    if read.skipped and not quiet:
        shown = ", ".join(f"{file}:{line}" for file, line in read.skipped[:10])
        more = f" và {len(read.skipped) - 10} dòng khác" if len(read.skipped) > 10 else ""
        print(
            f"Bỏ qua {len(read.skipped)} dòng nhật ký không đúng dạng combined hay common (hoặc ghi ngày trước năm "
            f"{FIRST_SCAN_DAY.year} hay sau hôm nay): {shown}{more}.",
            file=sys.stderr,
        )
    issued, retired = _issued_codes(project)
    return count_scans(hits, read, issued, retired, month)


def export(args) -> int:
    project = _load(args.config)
    target = Path(args.folder)
    if target.exists() and any(target.iterdir()):
        print(f"Thư mục {target} đã có nội dung: hãy chọn một thư mục trống.", file=sys.stderr)
        return 1
    exported = export_project(_config(args.config), project, target)
    print(f"Đã xuất trang web vào {target}: {target / 'mkdocs.yml'} và {target / DOCS}/ ({exported.files} tệp được tạo, cùng mọi trang viết tay).")
    if exported.dropped:
        print(f"Không đưa vào {target / 'mkdocs.yml'} (chỉ trang gốc đọc được): {', '.join(exported.dropped)}.")
    print(f"Dựng trang bằng Zensical: vào thư mục {target} rồi chạy: zensical build")
    return 0


def schema(args) -> int:
    project = _load(args.config)
    folder = project.products_dir / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schemas().items():
        (folder / name).write_text(text, encoding="utf-8", newline="\n")
        print(f"Đã ghi {folder / name}")
    return 0


def new(args) -> int:
    """Create a commented file that passes `ocop check` as it is, then say where it is and what next."""
    config = _config(args.config)
    root = Path(args.config).resolve().parent
    plugin = config.plugins["ocop"]
    products_dir = root / plugin.config.products_dir
    try:
        catalogue = _load(args.config).catalogue
    except DataError:
        catalogue = None
        print("Lưu ý: dữ liệu hiện có lỗi (chạy ocop check để xem); tệp mới vẫn được tạo.", file=sys.stderr)
    slugs = list(catalogue.products) if catalogue else []
    name = args.name or _ask(_PROMPTS[args.kind], _EXAMPLES[args.kind].format(producer=_some_producer(products_dir)))
    try:
        if args.kind == "post":
            blog = blog_settings(config)
            if blog is None:
                raise ScaffoldError("trang chưa bật phần tin tức (plugin blog trong mkdocs.yml)")
            authors, _ = load_authors(blog, str)
            created = new_post(blog, list(authors), name, _date(args.date) if args.date else build_date(), args.category, args.author, slugs)
        elif args.kind == "producer":
            created = new_producer(products_dir, name, args.slug)
        elif args.kind == "product":
            from ..model.catalogue import load_groups

            producer = args.producer or _ask(
                "Tên thư mục của cơ sở sản xuất", f'ocop new product {_quoted(name)} --producer {_some_producer(products_dir)}'
            )
            created = new_product(products_dir, name, producer, args.group, load_groups(), slugs, args.slug)
        elif args.kind == "outlet":
            created = new_outlet(products_dir, name, args.type, slugs, args.url, args.slug)
        else:
            start = _date(args.start or _ask("Ngày bắt đầu (ngày/tháng/năm)", f"ocop new fair {_quoted(name)} --start 15/08/2025"))
            created = new_fair(products_dir, name, start, _date(args.end) if args.end else None, slugs, args.slug)
        shown = created.write(root)
    except ScaffoldError as error:
        print(f"Chưa tạo tệp: {error}", file=sys.stderr)
        return 1
    print(f"Đã tạo {shown}")
    print("Mở tệp bằng trình soạn thảo (VS Code, Notepad), điền thông tin theo ghi chú, lưu lại, rồi chạy: ocop check")
    if args.kind == "post":
        print("Bài đang là bản nháp: xem trước bằng ocop serve; xóa dòng 'draft: true' khi muốn đăng.")
    return 0


_PROMPTS = {
    "post": "Tiêu đề bài viết",
    "product": "Tên sản phẩm",
    "producer": "Tên cơ sở sản xuất",
    "outlet": "Tên điểm bán",
    "fair": "Tên hội chợ, triển lãm",
}


# What to type when a name is missing, for each kind: the command that was meant, never another's.
_EXAMPLES = {
    "post": 'ocop new post "Tiêu đề bài viết"',
    "product": 'ocop new product "Tên sản phẩm" --producer {producer}',
    "producer": 'ocop new producer "Tên cơ sở"',
    "outlet": 'ocop new outlet "Tên điểm bán" --type "siêu thị"',
    "fair": 'ocop new fair "Tên hội chợ" --start 15/08/2025',
}


def _quoted(text: str) -> str:
    """A name as typed in Command Prompt: in double quotes (it has spaces)."""
    return '"' + text.replace('"', "") + '"'


def _some_producer(products_dir: Path) -> str:
    """A producer folder that exists, for the example (the officer copies it as it is)."""
    folders = sorted(path.parent.name for path in products_dir.glob(f"*/{PRODUCER_FILE}") if not path.parent.name.startswith("_"))
    return folders[0] if folders else "ten-thu-muc-co-so"


def _ask(label: str, example: str) -> str:
    """Ask at a console; in a script (no console) stop, showing the whole command that gives the answer."""
    if not sys.stdin.isatty():
        raise SystemExit(f"Thiếu {label.lower()}: ghi ngay trong lệnh, ví dụ:\n  {example}")
    answer = input(f"{label}: ").strip()
    if not answer:
        raise SystemExit(f"Chưa có {label.lower()}: không tạo tệp.")
    return answer


def _date(text: str):
    """31/05/2025 or 2025-05-31, as in the data files."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    try:
        return parse_day(text)
    except ValueError as error:
        raise SystemExit(f"Ngày không đúng: {error} (đang ghi: {text})") from None


def _engine(*arguments: str) -> int:
    """Run the site engine, ProperDocs (the maintained continuation of MkDocs 1.6; it reads mkdocs.yml and
    runs the same plugins), in a child process; stopping `ocop` (Ctrl+C, or a service manager's SIGTERM)
    stops it too, so that no `properdocs serve` is left holding the port. Every call names the
    configuration file: ProperDocs, left to find one, asks in English for mkdocs.yml to be renamed."""
    process = subprocess.Popen([sys.executable, "-m", "ocop.engine.child", *arguments])
    main_thread = threading.current_thread() is threading.main_thread()  # only there may signals be handled
    previous = signal.getsignal(signal.SIGTERM)
    if main_thread:
        signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    try:
        return process.wait()
    except KeyboardInterrupt:  # the child got the same Ctrl+C from the console and is stopping
        process.wait()
        raise
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)
        if process.poll() is None:
            process.terminate()
            process.wait()


def build(args) -> int:
    # The engine writes into a fresh folder beside site/ and swaps it in only when complete (staging.py).
    return _with_new_codes(args, lambda: _engine("build", "--strict", "--config-file", args.config))


def serve(args) -> int:
    # Never strict: the preview shows a mistake (terminal and page) and keeps serving until it is fixed.
    return _engine("serve", "--livereload", "--no-strict", "--config-file", args.config, "--dev-addr", args.address)


def publish(args) -> int:
    gh_pages, folder = args.gh_pages, args.to
    config = _config(args.config)
    if not gh_pages and folder is None:
        target = config.plugins["ocop"].config.publish_to
        if not target:
            print(PUBLISH_TARGET_MISSING.format(config=args.config), file=sys.stderr)
            return 2
        gh_pages = target == GH_PAGES
        # A folder in mkdocs.yml is read from the folder of mkdocs.yml, wherever the command is typed.
        folder = None if gh_pages else str(Path(args.config).resolve().parent / target)
    try:
        # The officer's work is saved first, even if the data turns out to have a mistake; then new
        # products get their slug and short code for this build (taken back if it fails), and once the
        # site is published they are saved in a commit of their own. --no-commit (the nightly rebuild of a
        # server that only pulls) commits nothing.
        for warning in _strays(args.config):
            print(f"Cảnh báo: {warning}", file=sys.stderr)
        if not args.no_commit:
            _commit_first(args.config, config, "Cập nhật nội dung")
        _with_new_codes(args, lambda: _publish_site(args, gh_pages, folder))
        if not args.no_commit:
            _commit_first(args.config, config, "Cấp mã ngắn cho sản phẩm mới")
    except (PublishError, CommitError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _publish_site(args, gh_pages: bool, folder: str | None) -> int:
    """Build into a fresh folder, check it, then switch it in (ops/publish.py); PublishError if not."""

    def build_into(folder: Path) -> int:
        return _engine("build", "--strict", "--config-file", args.config, "--site-dir", str(folder))

    def check_built(folder: Path):
        project = _load(args.config)
        return check_site(folder, project.settings.site_url, printed_addresses(project.settings, project.catalogue), SHORT)

    if gh_pages:
        publish_gh_pages(
            Path(args.config).resolve().parent, build_into, check_built,
            branch=args.branch, remote=args.remote, push=not args.no_push,
        )
    else:
        publish_to(Path(folder), build_into, check_built)
    return 0


def _strays(config_file: str) -> list[str]:
    """Files under docs/ that nothing names (published and committed all the same): warnings."""
    root = Path(config_file).resolve().parent
    return stray_files(root, Path(_config(config_file).docs_dir), path_shower(root))


def _commit_first(config_file: str, config, title: str) -> None:
    """What the officer saved (in the editor or by hand) is committed before anything is built."""
    root = Path(config_file).resolve().parent
    docs = Path(config.docs_dir).resolve()
    paths = [config.plugins["ocop"].config.products_dir, Path(config_file).name]
    if docs.is_relative_to(root):
        paths.append(docs.relative_to(root).as_posix())
    commit_changes(root, paths, title)


INTERRUPTED = "Đã dừng theo yêu cầu (Ctrl+C): trang web và dữ liệu vẫn như trước khi chạy lệnh."
GH_PAGES = "gh-pages"
PUBLISH_TARGET_MISSING = (
    "Chưa biết đăng trang vào đâu. Ghi nơi đăng một lần trong {config}, ở phần plugin ocop:\n"
    "  plugins:\n"
    "    - ocop:\n"
    "        publish_to: W:\\ocop        # thư mục web của máy chủ (hoặc: publish_to: gh-pages)\n"
    "rồi chạy lại: ocop publish\n"
    "Hoặc ghi ngay trong lệnh: ocop publish --to W:\\ocop  (hay: ocop publish --gh-pages)"
)


def parser() -> argparse.ArgumentParser:
    main = Parser(prog="ocop", description="Công cụ quản lý trang thông tin sản phẩm OCOP.")
    main.add_argument("--config", "-f", default="mkdocs.yml", metavar="TỆP", help="tệp cấu hình (mặc định: mkdocs.yml)")
    commands = main.add_subparsers(dest="command", required=True, metavar="LỆNH")
    commands.add_parser("check", help="kiểm tra dữ liệu sản phẩm và cơ sở").set_defaults(run=check)
    commands.add_parser("build", help="tạo trang web vào thư mục site/").set_defaults(run=build)
    serving = commands.add_parser("serve", help="xem trước trang web trên máy này")
    serving.add_argument("--address", default="127.0.0.1:8000", metavar="ĐỊA_CHỈ", help="địa chỉ (mặc định 127.0.0.1:8000)")
    serving.set_defaults(run=serve)
    exporting = commands.add_parser("export", help="xuất cả trang web (mkdocs.yml, docs/) để dựng bằng Zensical")
    exporting.add_argument("folder", metavar="THƯ_MỤC", help="thư mục trống để ghi các trang")
    exporting.set_defaults(run=export)
    commands.add_parser("schema", help="cập nhật JSON Schema cho trình soạn thảo").set_defaults(run=schema)
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
    reporting.set_defaults(run=report)
    coding = commands.add_parser("codes", help="cấp mã ngắn còn thiếu và in bảng cỡ mã QR của từng sản phẩm")
    coding.add_argument("--module", type=float, default=0.4, metavar="MM", help="cỡ một mô-đun khi tính cỡ in, mm (mặc định 0,4)")
    coding.add_argument("--markdown", action="store_true", help="in bảng dạng Markdown (cho README)")
    coding.set_defaults(run=codes)
    printing = commands.add_parser("labels", help="tạo tệp in mã QR và tờ nhãn A4 cho bao bì")
    printing.add_argument("products", nargs="*", metavar="MÃ", help="mã hoặc địa chỉ trang của sản phẩm (bỏ trống: mọi sản phẩm)")
    printing.add_argument("--size", metavar="RỘNGxCAO", help="cỡ nhãn RỘNGxCAO theo mm (mặc định 30x40)")
    printing.add_argument("--copies", type=int, metavar="SỐ_NHÃN", help="số nhãn mỗi sản phẩm (mặc định: đủ một tờ A4)")
    printing.add_argument("--module", type=float, metavar="MM", help="cỡ một mô-đun của mã QR, mm (mặc định 0,5)")
    printing.add_argument("--level", choices=tuple(LEVELS), help="mức sửa lỗi L, M, Q, H (mặc định M)")
    printing.add_argument("--quiet-zone", type=int, metavar="SỐ_MÔ_ĐUN", help="viền trắng quanh mã, tính bằng mô-đun (mặc định 4)")
    printing.add_argument("--out", default="nhan-qr", metavar="THƯ_MỤC", help="thư mục ghi tệp (mặc định nhan-qr)")
    printing.set_defaults(run=labels)
    leaflet = commands.add_parser("brochure", help="tờ giới thiệu A4 (PDF) mọi sản phẩm OCOP, theo ngành hàng, để phát ở hội chợ")
    leaflet.add_argument("--only", nargs="+", metavar="MÃ", help="chỉ những sản phẩm này (mã hoặc địa chỉ trang)")
    leaflet.add_argument("--lang", choices=("vi", "en"), default="vi", help="ngôn ngữ: vi (mặc định) hoặc en cho khách nước ngoài")
    leaflet.add_argument("--out", default="nhan-qr", metavar="THƯ_MỤC", help="thư mục ghi tệp (mặc định nhan-qr)")
    leaflet.set_defaults(run=brochure)
    booth = commands.add_parser("poster", help="áp phích gian hàng A4 và A5 (PDF) của một sản phẩm: ảnh, số sao, mã QR lớn")
    booth.add_argument("product", metavar="MÃ", help="mã hoặc địa chỉ trang của sản phẩm")
    booth.add_argument("--lang", choices=("vi", "en"), default="vi", help="ngôn ngữ: vi (mặc định) hoặc en")
    booth.add_argument("--out", default="nhan-qr", metavar="THƯ_MỤC", help="thư mục ghi tệp (mặc định nhan-qr)")
    booth.set_defaults(run=poster)
    shelf = commands.add_parser("shelf-card", help="thẻ A6 (PDF) đặt ở điểm bán: các sản phẩm OCOP bán tại đó, mỗi sản phẩm một mã QR")
    shelf.add_argument("outlet", metavar="ĐIỂM_BÁN", help="tên tệp của điểm bán trong products/_diem-ban/ (không có .yml)")
    shelf.add_argument("--lang", choices=("vi", "en"), default="vi", help="ngôn ngữ: vi (mặc định) hoặc en")
    shelf.add_argument("--out", default="nhan-qr", metavar="THƯ_MỤC", help="thư mục ghi tệp (mặc định nhan-qr)")
    shelf.set_defaults(run=shelf_card)
    publishing = commands.add_parser("publish", help="tạo trang, kiểm tra, rồi mới thay trang đang chạy")
    where = publishing.add_mutually_exclusive_group()
    where.add_argument("--to", metavar="THƯ_MỤC", help="thư mục của máy chủ web (thay trong một bước); bỏ trống: publish_to trong mkdocs.yml")
    where.add_argument("--gh-pages", action="store_true", help="nhánh gh-pages của kho Git (GitHub Pages)")
    publishing.add_argument(
        "--no-commit", action="store_true",
        help="không lưu gì vào Git (xây dựng lại hằng đêm trên máy chủ): chỉ tạo, kiểm tra rồi thay trang",
    )
    publishing.add_argument("--no-push", action="store_true", help="với --gh-pages: chỉ ghi nhánh trên máy này")
    publishing.add_argument("--remote", default="origin", metavar="TÊN", help="với --gh-pages: kho từ xa (mặc định origin)")
    publishing.add_argument("--branch", default="gh-pages", metavar="TÊN", help="với --gh-pages: tên nhánh (mặc định gh-pages)")
    publishing.set_defaults(run=publish)
    creating = commands.add_parser("new", help="tạo tệp mới có sẵn hướng dẫn: bài viết, sản phẩm, cơ sở, điểm bán, hội chợ")
    kinds = creating.add_subparsers(dest="kind", required=True, metavar="LOẠI")
    post = kinds.add_parser("post", help="bài viết mới trong docs/tin-tuc/posts/ (bản nháp)")
    post.add_argument("name", nargs="?", metavar="TIÊU_ĐỀ", help="tiêu đề bài, trong dấu nháy kép")
    post.add_argument("--category", metavar="CHUYÊN_MỤC", help="chuyên mục (mặc định: chuyên mục đầu tiên trong mkdocs.yml)")
    post.add_argument("--author", metavar="MÃ", help="mã tác giả trong docs/tin-tuc/.authors.yml")
    post.add_argument("--date", metavar="NGÀY", help="ngày đăng (mặc định: hôm nay)")
    product = kinds.add_parser("product", help="sản phẩm mới trong thư mục của cơ sở sản xuất")
    product.add_argument("name", nargs="?", metavar="TÊN", help="tên sản phẩm, trong dấu nháy kép")
    product.add_argument("--producer", metavar="THƯ_MỤC", help="tên thư mục của cơ sở, ví dụ nam-quyen")
    product.add_argument("--group", default="thuc-pham", metavar="MÃ_NGÀNH", help="mã ngành hàng (mặc định: thuc-pham)")
    product.add_argument("--slug", metavar="ĐỊA_CHỈ", help="địa chỉ trang (mặc định: tạo từ tên)")
    producer = kinds.add_parser("producer", help="cơ sở sản xuất mới: thư mục products/<địa-chỉ>/")
    producer.add_argument("name", nargs="?", metavar="TÊN", help="tên cơ sở sản xuất, trong dấu nháy kép")
    producer.add_argument("--slug", metavar="ĐỊA_CHỈ", help="tên thư mục, cũng là địa chỉ trang (mặc định: tạo từ tên)")
    outlet = kinds.add_parser("outlet", help="điểm bán mới trong products/_diem-ban/")
    outlet.add_argument("name", nargs="?", metavar="TÊN", help="tên điểm bán, trong dấu nháy kép")
    outlet.add_argument("--type", default=OutletKind.khac.value, metavar="LOẠI", help="loại điểm bán, ví dụ \"siêu thị\" (mặc định: khác)")
    outlet.add_argument("--url", metavar="ĐỊA_CHỈ", help="địa chỉ trang bán hàng (bắt buộc với Shopee, Facebook, Zalo)")
    outlet.add_argument("--slug", metavar="ĐỊA_CHỈ", help="tên tệp (mặc định: tạo từ tên)")
    fair = kinds.add_parser("fair", help="hội chợ, triển lãm mới trong products/_hoi-cho/")
    fair.add_argument("name", nargs="?", metavar="TÊN", help="tên hội chợ, triển lãm, trong dấu nháy kép")
    fair.add_argument("--start", metavar="NGÀY", help="ngày bắt đầu, ví dụ 15/08/2025")
    fair.add_argument("--end", metavar="NGÀY", help="ngày kết thúc (nếu nhiều ngày)")
    fair.add_argument("--slug", metavar="ĐỊA_CHỈ", help="tên tệp (mặc định: tạo từ tên)")
    creating.set_defaults(run=new)
    return main


def main(argv: list[str] | None = None) -> int:
    # Material's English end-of-life box on every build says nothing to the officer (README.md: the plan).
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # Windows consoles may not default to UTF-8; Vietnamese messages must still print.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args = parser().parse_args(argv)
    if not Path(args.config).is_file():
        print(f"Không thấy tệp cấu hình {args.config}: hãy chạy lệnh trong thư mục của trang web.", file=sys.stderr)
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:  # whatever was under way has been undone or left as it was (publish.py, codes)
        print(INTERRUPTED, file=sys.stderr)
        return 130
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except LabelError as error:
        print(f"Không tạo được nhãn: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
