"""`ocop export THƯ_MỤC`: the whole site as plain mkdocs.yml and docs/, for Zensical (engine/export.py)."""
from __future__ import annotations

import sys
from pathlib import Path

from ..export import DOCS, export_project
from .loading import config, load


def add_parser(commands) -> None:
    exporting = commands.add_parser("export", help="xuất cả trang web (mkdocs.yml, docs/) để dựng bằng Zensical")
    exporting.add_argument("folder", metavar="THƯ_MỤC", help="thư mục trống để ghi các trang")
    exporting.set_defaults(run=run)


def run(args) -> int:
    project = load(args.config)
    target = Path(args.folder)
    if target.exists() and any(target.iterdir()):
        print(f"Thư mục {target} đã có nội dung: hãy chọn một thư mục trống.", file=sys.stderr)
        return 1
    exported = export_project(config(args.config), project, target)
    print(f"Đã xuất trang web vào {target}: {target / 'mkdocs.yml'} và {target / DOCS}/ ({exported.files} tệp được tạo, cùng mọi trang viết tay).")
    if exported.dropped:
        print(f"Không đưa vào {target / 'mkdocs.yml'} (chỉ trang gốc đọc được): {', '.join(exported.dropped)}.")
    print(f"Dựng trang bằng Zensical: vào thư mục {target} rồi chạy: zensical build")
    return 0
