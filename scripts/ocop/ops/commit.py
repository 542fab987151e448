"""Before `ocop publish` builds, the officer's changes are committed to Git, with a Vietnamese message.

The editor at /quan-tri/ writes files into the project folder and makes no commit of its own (its
local repository mode does no Git operation); `ocop publish` commits them first, so that what was
published can always be found again and nothing saved is lost when the folder is copied or
cleaned. Only the data is committed: the product folder, the pages folder and mkdocs.yml, never the
built site or the cache. A project that is not a Git clone is published all the same, with a note.
"""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from ..model.dates import VIETNAM

# When the PC has no Git identity yet (a fresh Git for Windows), the commit still needs one.
DEFAULT_AUTHOR = ("Cán bộ xã (ocop publish)", "ocop@localhost")
LISTED = 20  # files named in the commit message's body


class CommitError(Exception):
    """Git refused the commit; the message is for the officer."""


def _git(root: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", "-c", "core.quotepath=off", *args], cwd=root, capture_output=True, text=True, encoding="utf-8", env=env,
    )


def commit_changes(
    root: Path, paths: list[str], title: str = "Cập nhật nội dung", today: dt.date | None = None,
    say: Callable[[str], None] = print,
) -> str | None:
    """Commit every change under `paths` (relative to `root`); the commit's id, or None when there was
    nothing to commit or `root` is not in a Git clone."""
    try:
        inside = _git(root, "rev-parse", "--is-inside-work-tree")
    except FileNotFoundError:
        say("Chưa cài Git (Git for Windows): các thay đổi chưa được lưu vào lịch sử, trang vẫn được đăng.")
        return None
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        say("Thư mục này không phải bản sao Git của dự án: các thay đổi chưa được lưu vào lịch sử, trang vẫn được đăng.")
        return None
    existing = [path for path in paths if (root / path).exists()]
    added = _git(root, "add", "--all", "--", *existing)
    if added.returncode != 0:
        raise CommitError(f"Git không ghi nhận được các thay đổi: {added.stderr.strip()}")
    staged = _git(root, "diff", "--cached", "--name-status", "--", *existing)
    lines = [line for line in staged.stdout.splitlines() if line.strip()]
    if not lines:
        return None
    day = (today or dt.datetime.now(VIETNAM).date()).strftime("%d/%m/%Y")
    words = {"A": "thêm", "M": "sửa", "D": "xoá", "R": "đổi tên"}
    body = [f"- {words.get(line[0], 'sửa')} {line.split(chr(9))[-1]}" for line in lines[:LISTED]]
    if len(lines) > LISTED:
        body.append(f"- và {len(lines) - LISTED} tệp khác")
    message = f"{title} ngày {day}: {len(lines)} tệp (ocop publish)\n\n" + "\n".join(body) + "\n"
    env = dict(os.environ)
    for key, value in (("user.name", DEFAULT_AUTHOR[0]), ("user.email", DEFAULT_AUTHOR[1])):
        if _git(root, "config", key).returncode != 0:
            part = "NAME" if key == "user.name" else "EMAIL"
            env[f"GIT_AUTHOR_{part}"] = env[f"GIT_COMMITTER_{part}"] = value
    done = _git(root, "commit", "--quiet", "--no-verify", "-m", message, "--", *existing, env=env)
    if done.returncode != 0:
        raise CommitError(f"Git không lưu được các thay đổi: {(done.stderr or done.stdout).strip()}")
    commit = _git(root, "rev-parse", "--short", "HEAD").stdout.strip()
    say(f"Đã lưu {len(lines)} tệp thay đổi vào lịch sử Git ({commit}): {title.lower()}.")
    return commit


# Text that may name a file of docs/ (a link, an image, a stylesheet, an avatar).
REFERRING = (".md", ".yml", ".yaml", ".html", ".css", ".js")


def stray_files(root: Path, docs_dir: Path, shown: Callable[[Path], str]) -> list[str]:
    """Warnings for files under docs/ that no page, template or setting names: each is published (anyone
    may download it) and committed, though nothing links to it (a `docs/mat-khau.txt` dropped there)."""
    files = [path for path in sorted(docs_dir.rglob("*")) if path.is_file() and not _hidden(path, docs_dir)]
    texts = [path for path in files if path.suffix.lower() in REFERRING]
    texts += [path for path in sorted((root / "overrides").rglob("*")) if path.is_file() and path.suffix.lower() in REFERRING]
    texts += sorted(root.glob("*.yml")) + [path for path in docs_dir.rglob(".*.yml") if path.is_file()]
    named = "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in texts)
    return [
        f"{shown(path)}: không trang nào liên kết tới tệp này, nhưng nó vẫn được đăng lên trang web (ai cũng tải "
        "được) và lưu vào Git: nếu không cần, hãy xoá hoặc chuyển nó ra ngoài thư mục docs/"
        for path in files
        if path.suffix.lower() != ".md" and path.name not in named
    ]


def _hidden(path: Path, folder: Path) -> bool:
    return any(part.startswith((".", "~$")) for part in path.relative_to(folder).parts) or path.name.lower() in (
        "thumbs.db", "desktop.ini"
    ) or path.suffix.lower() in (".bak", ".tmp") or path.name.endswith("~")
