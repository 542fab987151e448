"""`ocop publish [--to THƯ_MỤC | --gh-pages]`: the officer's work committed, the site built aside,
checked, and only then swapped in (ops/publish.py); new products' codes committed after."""
from __future__ import annotations

import sys
from pathlib import Path

from ...ops.commit import CommitError, commit_changes
from ...ops.publish import PublishError, publish_gh_pages, publish_to
from ...ops.sitecheck import check_site, printed_addresses
from ...web.addresses import SHORT
from .build import run_engine
from .issuing import with_new_codes
from .loading import config, load, strays

GH_PAGES = "gh-pages"
PUBLISH_TARGET_MISSING = (
    "Chưa biết đăng trang vào đâu. Ghi nơi đăng một lần trong {config}, ở phần plugin ocop:\n"
    "  plugins:\n"
    "    - ocop:\n"
    "        publish_to: W:\\ocop        # thư mục web của máy chủ (hoặc: publish_to: gh-pages)\n"
    "rồi chạy lại: ocop publish\n"
    "Hoặc ghi ngay trong lệnh: ocop publish --to W:\\ocop  (hay: ocop publish --gh-pages)"
)


def add_parser(commands) -> None:
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
    publishing.set_defaults(run=run)


def run(args) -> int:
    gh_pages, folder = args.gh_pages, args.to
    loaded = config(args.config)
    if not gh_pages and folder is None:
        target = loaded.plugins["ocop"].config.publish_to
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
        for warning in strays(args.config):
            print(f"Cảnh báo: {warning}", file=sys.stderr)
        if not args.no_commit:
            _commit_first(args.config, loaded, "Cập nhật nội dung")
        with_new_codes(args, lambda: _publish_site(args, gh_pages, folder))
        if not args.no_commit:
            _commit_first(args.config, loaded, "Cấp mã ngắn cho sản phẩm mới")
    except (PublishError, CommitError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _publish_site(args, gh_pages: bool, folder: str | None) -> int:
    """Build into a fresh folder, check it, then switch it in (ops/publish.py); PublishError if not."""

    def build_into(folder: Path) -> int:
        return run_engine("build", "--strict", "--config-file", args.config, "--site-dir", str(folder))

    def check_built(folder: Path):
        project = load(args.config)
        return check_site(folder, project.settings.site_url, printed_addresses(project.settings, project.catalogue), SHORT)

    if gh_pages:
        publish_gh_pages(
            Path(args.config).resolve().parent, build_into, check_built,
            branch=args.branch, remote=args.remote, push=not args.no_push,
        )
    else:
        publish_to(Path(folder), build_into, check_built)
    return 0


def _commit_first(config_file: str, loaded, title: str) -> None:
    """What the officer saved (in the editor or by hand) is committed before anything is built."""
    root = Path(config_file).resolve().parent
    docs = Path(loaded.docs_dir).resolve()
    paths = [loaded.plugins["ocop"].config.products_dir, Path(config_file).name]
    if docs.is_relative_to(root):
        paths.append(docs.relative_to(root).as_posix())
    commit_changes(root, paths, title)
