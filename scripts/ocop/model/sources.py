"""Only the project's own files are read or published: symbolic links that leave the project are refused.

A link under docs/ or products/ to `/etc/passwd`, or a folder `docs/etc → /etc`, would be read, copied
into the site and served at its name (MkDocs walks docs/ following links). These folders are walked
here without following any link, before anything in them is read, and every link found is judged:

- a link whose target is inside the project folder (the folder of mkdocs.yml), outside its hidden
  folders (`.git`, the cache) and, for a folder, not one of the link's own parents (which would make
  the walk endless) is accepted: the site then holds a copy of that file of the project;
- any other link (outside the project, into a hidden folder, dangling, a loop) is refused, naming the
  link and why, never what it points to nor anything read from it.
"""
from __future__ import annotations

import os
from pathlib import Path

from .errors import DataError, Problem, ShowPath

OUTSIDE = "là liên kết (symlink) trỏ ra ngoài thư mục dự án: trang web chỉ dùng tệp của dự án; hãy xóa liên kết và chép tệp thật vào đây"
HIDDEN = "là liên kết (symlink) trỏ vào thư mục ẩn của dự án (như .git): hãy xóa liên kết và chép tệp thật vào đây"
BROKEN = "là liên kết (symlink) hỏng, không trỏ tới tệp nào: hãy xóa liên kết"
LOOP = "là liên kết (symlink) tới chính thư mục chứa nó, sẽ lặp vô tận: hãy xóa liên kết"


class OutsideLinks(DataError):
    """Links leaving the project: nothing else is read while one exists (not even in the preview)."""


def link_problem(path: Path, root: Path) -> str | None:
    """Why the link `path` may not be used, or None when it stays inside the project `root`."""
    root = Path(root).resolve()
    try:
        target = Path(path).resolve(strict=True)
    except (OSError, RuntimeError):  # dangling, or a loop of links
        target = Path(os.path.realpath(path))
        return OUTSIDE if not target.is_relative_to(root) else BROKEN
    if not target.is_relative_to(root):
        return OUTSIDE
    if any(part.startswith(".") for part in target.relative_to(root).parts):
        return HIDDEN
    if target.is_dir() and Path(path).parent.resolve().is_relative_to(target):
        return LOOP
    return None


def escapes(path: Path, root: Path) -> bool:
    """Whether `path`, or a folder on its way from `root`, is a link that may not be used."""
    path, root = Path(os.path.abspath(path)), Path(os.path.abspath(root))
    if not path.is_relative_to(root):
        path = Path(path).resolve()
        return not path.is_relative_to(Path(root).resolve())
    current = root
    for part in path.relative_to(root).parts:
        current = current / part
        if current.is_symlink() and link_problem(current, root):
            return True
    return False


def outside_links(folders: list[Path], root: Path, shown) -> list[Problem]:
    """Every link under `folders` that may not be used. Nothing is followed but the folder links that
    are accepted, whose content MkDocs would walk as well; a folder link back into a folder the walk came
    through (however many links away) would make that walk endless, and is refused."""
    problems = []
    pending = [(Path(folder), ()) for folder in folders]
    while pending:
        folder, chain = pending.pop()
        if folder.is_symlink() and (why := link_problem(folder, root)):
            problems.append(Problem(shown(folder), None, None, why))
            continue
        if not folder.is_dir():
            continue
        chain = (*chain, folder.resolve())
        for current, dirnames, filenames in os.walk(folder, followlinks=False):
            for name in sorted(dirnames + filenames):
                path = Path(current) / name
                if not path.is_symlink():
                    continue
                why = link_problem(path, root)
                if why is None and path.is_dir() and any(came.is_relative_to(path.resolve()) for came in chain):
                    why = LOOP
                if why:
                    problems.append(Problem(shown(path), None, None, why))
                elif path.is_dir():
                    pending.append((path, chain))
    return problems


def refuse_outside_links(folders: list[Path], root: Path, shown: ShowPath) -> None:
    """Raise OutsideLinks naming every link under `folders` that leaves the project."""
    problems = outside_links(folders, root, shown)
    if problems:
        raise OutsideLinks(problems)
