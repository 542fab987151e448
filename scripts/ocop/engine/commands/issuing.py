"""New products' short codes, issued for the build that uses them and taken back when it fails."""
from __future__ import annotations

import sys

from ...model.codes import Snapshot, issue_codes
from ..project import Project
from .loading import load


def issue(args, project: Project | None = None) -> Project:
    """Codes for products without one, written into their files and into the register, then re-read."""
    project = project or load(args.config)
    issued = issue_codes(project.catalogue, project.registry, project.root)
    for file, code in issued.written:
        print(f"Đã ghi mã {code} vào {file}")
    for code, slug in issued.registered:
        print(f"Đã ghi vào sổ {project.registry.file}: {code} → /san-pham/{slug}/")
    for file in issued.unfilled:
        print(f"Chưa cấp mã ngắn cho {file}: tệp còn nguyên như lúc tạo bằng ocop new product; điền thông tin rồi chạy lại lệnh")
    if issued.written or issued.registered:
        print(f"Hãy lưu (commit) {project.registry.file} cùng dữ liệu: mã đã in thì không được đổi.")
        project = load(args.config)
    return project


def with_new_codes(args, run) -> int:
    """New products' codes written for the build that uses them, and taken back (files byte-identical)
    if it fails or is interrupted: a code is issued only by a build that succeeds."""
    project = load(args.config)
    snapshot = Snapshot.of(project.catalogue, project.registry, project.root)
    try:
        issue(args, project)
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
