"""Problems found in the data, reported in Vietnamese with the file, the line and the field."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def shown_path(path: Path, root: Path) -> str:
    """A file as the officer sees it in a message: relative to the project folder, with "/"."""
    try:
        return Path(path).resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


def path_shower(root: Path):
    """`shown_path` with the project folder fixed, for the readers that take a `shown(path)` function."""
    return lambda path: shown_path(path, root)


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f" trường '{self.field}':" if self.field else ""
        return f"{where}:{field} {self.message}"


class DataError(Exception):
    """Raised with every problem found, not only the first, so the officer can fix them all at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.field or "", p.message))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [f"Dữ liệu có {count} lỗi, trang web chưa được tạo:"]
        lines += [f"  - {problem}" for problem in self.problems]
        return "\n".join(lines)
