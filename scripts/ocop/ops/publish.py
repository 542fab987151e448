"""Publishing: only a site that built and passed its checks replaces the one visitors see.

`ocop publish --to DIR` (a web server's folder):

1. builds into a fresh folder beside DIR, `.DIR.ocop-new-<time>` (the same disk, so that the switch
   is a rename and never a copy), in strict mode; the plugin checks the built site, and this module
   checks it once more (sitecheck) before going on;
2. switches: on Linux one `renameat2(RENAME_EXCHANGE)` swaps the two folders atomically, so a visitor
   gets either the old site or the new one, never a mix and never nothing. Where that call does not
   exist (Windows, macOS, some network disks) two renames: DIR → `.DIR.ocop-old-<time>`, then the new
   folder → DIR, the first undone if the second fails. Between the two renames DIR is missing for a
   moment (a visitor may get one 404); the site is never half old, half new;
3. removes the previous site.

An interrupted publish (Ctrl+C, a closed window, a power cut) leaves the previous site as it was: a
build that stopped only ever wrote into its own new folder, which the next publish removes; a stop
between the two renames leaves `.DIR.ocop-old-*` without DIR, which the next publish puts back first.

A DIR that is a symbolic link (`www → releases/r1`, the usual zero-downtime layout) is kept one: the
site is built and checked beside its target, moved to `releases/ocop-<time>`, and the link is replaced
by a new one in a single rename; the previous release stays for going back. Nothing is changed or
chmod-ed through a link, and a link left beside DIR by an interrupted publish is removed, not followed.

Why this module makes no such link itself (`current → releases/<time>`): on Windows a symbolic link needs
administrator rights or developer mode, a junction exists only there, and a folder copied to a USB stick
or uploaded by FTP loses either. Plain folders and renames work the same everywhere.

A folder is replaced only if it is empty or was written by `ocop publish` (it holds `.ocop-publish.json`),
so a mistyped `--to` can never wipe someone's documents. One publish runs at a time (a lock file beside
DIR, released by the system even if the process is killed).

`ocop publish --gh-pages` builds and checks the same way into a temporary folder, then commits that
checked folder to the `gh-pages` branch with ghp-import (what `mkdocs gh-deploy` uses) and pushes it.
"""
from __future__ import annotations

import ctypes
import datetime as dt
import errno
import json
import os
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from ..model.errors import Problem

MARKER = ".ocop-publish.json"
NEW, OLD, LOCK, LINK = "ocop-new", "ocop-old", "ocop-lock", "ocop-link"

Build = Callable[[Path], int]  # builds the site into a folder; returns the exit code
Check = Callable[[Path], list[Problem]]  # checks a built folder; returns its problems


class PublishError(Exception):
    """Publishing refused or failed; the previous site is intact. The message is for the officer."""


def publish_to(target: Path, build: Build, check: Check, say: Callable[[str], None] = print) -> Path:
    """Build, check and switch into `target`. Raises PublishError, leaving `target` as it was."""
    target = Path(os.path.abspath(target))
    if target.is_symlink():
        return _publish_release(target, build, check, say)
    target.parent.mkdir(parents=True, exist_ok=True)
    with _lock(target):
        recover(target, say)
        _refuse_foreign(target)
        staging = _sibling(target, NEW)
        try:
            built = _build_and_check(staging, build, check)
            _mark(built)
            switch(built, target)
        finally:
            if staging.exists():
                remove_tree(staging)
    say(f"Đã xuất bản trang web vào {target}.")
    return target


def _publish_release(link: Path, build: Build, check: Check, say: Callable[[str], None]) -> Path:
    """`www → releases/r1`: build a new release beside r1, then point the link at it in one rename.
    The previous release stays (to go back to it, point the link at it again); nothing is changed
    through the link."""
    current = Path(os.path.realpath(link))
    if not current.is_dir():
        raise PublishError(f"{link} là liên kết tới {current}, nhưng thư mục đó không có: hãy sửa liên kết rồi chạy lại.")
    _refuse_foreign(current)
    with _lock(current):
        recover(current, say)
        recover(link, say)
        staging = _sibling(current, NEW)
        try:
            built = _build_and_check(staging, build, check)
            _mark(built)
            release = current.parent / f"ocop-{dt.datetime.now().strftime('%Y%m%d-%H%M%S-%f')}"
            os.replace(built, release)
            relink(link, release)
        finally:
            if staging.exists():
                remove_tree(staging)
    say(f"Đã xuất bản trang web vào {release}; {link} nay trỏ tới đó (bản trước vẫn ở {current}).")
    return release


def relink(link: Path, release: Path) -> None:
    """Point the symbolic link `link` at `release` atomically: a new link beside it, renamed over it."""
    old = os.readlink(link)
    pointed = release if os.path.isabs(old) else Path(os.path.relpath(release, link.parent))
    fresh = _sibling(link, LINK)
    os.symlink(pointed, fresh, target_is_directory=True)
    try:
        os.replace(fresh, link)
    except BaseException:
        fresh.unlink()
        raise


def _mark(built: Path) -> None:
    (built / MARKER).write_text(
        json.dumps({"published": dt.datetime.now().astimezone().isoformat(timespec="seconds")}) + "\n",
        encoding="utf-8",
    )


def publish_gh_pages(
    repository: Path,
    build: Build,
    check: Check,
    *,
    branch: str = "gh-pages",
    remote: str = "origin",
    push: bool = True,
    message: str = "Cập nhật trang web (ocop publish)",
    say: Callable[[str], None] = print,
) -> None:
    """Build and check into a temporary folder; only then commit it to `branch` (and push)."""
    from ghp_import import GhpError, ghp_import

    with tempfile.TemporaryDirectory(prefix="ocop-gh-pages-") as folder:
        built = _build_and_check(Path(folder) / "site", build, check)
        previous = Path.cwd()
        os.chdir(repository)  # ghp-import runs git in the current folder
        try:
            ghp_import(str(built), mesg=message, branch=branch, remote=remote, push=push, force=True, nojekyll=True)
        except GhpError as error:
            raise PublishError(f"Git từ chối ghi nhánh {branch}: {error.message}") from None
        except FileNotFoundError:
            raise PublishError("Không tìm thấy chương trình git: hãy cài Git rồi chạy lại.") from None
        finally:
            os.chdir(previous)
    where = f"đã đẩy lên {remote}" if push else "chưa đẩy lên GitHub (--no-push)"
    say(f"Đã ghi trang web vào nhánh {branch}; {where}.")


def _build_and_check(folder: Path, build: Build, check: Check) -> Path:
    code = build(folder)
    if code != 0:
        raise PublishError("Tạo trang web không thành công (xem lỗi ở trên): trang web cũ vẫn giữ nguyên.")
    if not (folder / "index.html").is_file():
        raise PublishError("Bản dựng không có trang chủ index.html: trang web cũ vẫn giữ nguyên.")
    problems = check(folder)
    if problems:
        lines = "\n".join(f"  - {problem}" for problem in problems)
        raise PublishError(f"Trang web vừa tạo có {len(problems)} lỗi nên chưa được xuất bản:\n{lines}")
    return folder


def switch(new: Path, target: Path, exchange: Callable[[Path, Path], bool] | None = None) -> None:
    """Put the folder `new` where `target` is, in one step where the system allows it."""
    exchange = exchange or _exchange
    if not target.exists():
        os.replace(new, target)
        return
    if exchange(new, target):
        remove_tree(new)  # now holds the previous site
        return
    old = _sibling(target, OLD)
    _retry(lambda: os.replace(target, old), target)
    try:
        _retry(lambda: os.replace(new, target), target)
    except BaseException:
        os.replace(old, target)  # put the previous site back before reporting
        raise
    remove_tree(old)


def recover(target: Path, say: Callable[[str], None] = print) -> None:
    """Undo what an interrupted publish left: restore a moved-away site, drop unfinished builds."""
    olds = sorted(target.parent.glob(f".{target.name}.{OLD}-*"))
    if not target.exists() and olds:
        os.replace(olds[-1], target)
        olds = olds[:-1]
        say(f"Đã khôi phục trang web trước đó vào {target} (lần xuất bản trước bị ngắt giữa chừng).")
    for leftover in olds + sorted(target.parent.glob(f".{target.name}.{NEW}-*")) + sorted(target.parent.glob(f".{target.name}.{LINK}-*")):
        remove_tree(leftover)  # a symbolic link among them is removed itself, never followed


def _refuse_foreign(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise PublishError(f"{target} là một tệp, không phải thư mục.")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).is_file():
        raise PublishError(
            f"Thư mục {target} đã có nội dung mà không phải trang do 'ocop publish' tạo: để tránh xóa nhầm, "
            "hãy chọn một thư mục trống (hoặc tự xóa nội dung cũ trước)."
        )


def staging_folder(target: Path) -> Path:
    """A fresh folder beside `target` to build into (removed by `recover` if left behind)."""
    return _sibling(target, NEW)


def _sibling(target: Path, kind: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return target.parent / f".{target.name}.{kind}-{stamp}"


def _retry(action: Callable[[], None], target: Path, attempts: int = 10) -> None:
    """On Windows an antivirus or indexer may hold a file for a moment; a program may hold it for good."""
    for attempt in range(attempts):
        try:
            action()
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise PublishError(
                    f"Không thay được thư mục {target}: có chương trình đang mở một tệp trong đó "
                    "(cửa sổ thư mục, trình soạn thảo, máy chủ web). Hãy đóng chương trình đó rồi chạy lại; "
                    "trang web cũ vẫn giữ nguyên."
                ) from None
            time.sleep(0.2)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically (Linux renameat2); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # a C library older than glibc 2.28
        return False
    at_current_folder, rename_exchange = -100, 2
    result = renameat2(at_current_folder, os.fsencode(first), at_current_folder, os.fsencode(second), rename_exchange)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # the file system cannot swap
        return False
    raise OSError(code, os.strerror(code), str(second))


def remove_tree(path: Path) -> None:
    """shutil.rmtree that also removes read-only files (Windows refuses to delete them otherwise). A
    symbolic link is removed itself: nothing it points to is changed (or chmod-ed) through it."""
    if os.path.islink(path):
        os.unlink(path)
        return

    def make_writable(function, name, _):
        if os.path.islink(name):
            os.unlink(name)
            return
        os.chmod(name, stat.S_IWRITE)
        function(name)

    if sys.version_info >= (3, 12):
        shutil.rmtree(path, onexc=make_writable)
    else:
        shutil.rmtree(path, onerror=make_writable)


@contextmanager
def _lock(target: Path):
    """One publish at a time into `target`; the system drops the lock if the process dies."""
    path = target.parent / f".{target.name}.{LOCK}"
    handle = open(path, "a+b")
    try:
        try:
            if os.name == "nt":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise PublishError(f"Đang có một lần xuất bản khác vào {target}: hãy đợi nó xong rồi chạy lại.") from None
        yield
    finally:
        handle.close()
