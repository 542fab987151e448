"""Problems found in the data, reported in Vietnamese with the file, the line and the field."""
from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path


def shown_path(path: Path, root: Path) -> str:
    """A file as the officer sees it in a message: relative to the project folder, with "/"."""
    # The name as written, not where a link leads: a link to a file elsewhere is named by its own name.
    for absolute in (os.path.abspath, os.path.realpath):
        try:
            return Path(absolute(path)).relative_to(absolute(root)).as_posix()
        except ValueError:
            continue
    return Path(path).as_posix()


def thousands(number: int) -> str:
    """52428857 → "52.428.857": the Vietnamese way, each number grouped on its own (never a whole
    sentence's commas turned into dots)."""
    return f"{number:,}".replace(",", ".")


# A file as the officer knows it (products/x/y.yml), for messages: what path_shower returns.
ShowPath = Callable[[Path], str]


def path_shower(root: Path) -> ShowPath:
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


# "Did you mean": one rule for every name an officer types (products, producers, outlets, fairs, fields,
# groups, categories, codes), so that every message suggests alike.
SUGGESTION_CUTOFF = 0.6  # difflib's similarity: `stras` → `stars`, `nuoc-mam` → `nuoc-mam-vi-du`
MAX_SUGGESTIONS = 3
NEARLY_AS_CLOSE = 0.1  # names this much less similar than the closest one are offered with it
LISTED_WHOLE = 15  # a short closed list (6 OCOP groups, 13 kinds of outlet) is worth showing whole; 650 slugs are not


def closest_names(name: str, known: Iterable[str]) -> list[str]:
    """At most three known names nearest to `name`, the nearest first; letter case does not count.

    A name written short (`nem` for `nem-chua-vi-du`) is too unlike the whole to pass the cut-off, so
    names that contain it are offered when nothing is near."""
    names = {}
    for item in known:
        names.setdefault(str(item).casefold(), str(item))
    wanted = str(name).casefold()
    matcher = difflib.SequenceMatcher(b=wanted)
    scores = {}
    for key in names:
        matcher.set_seq1(key)
        scores[key] = matcher.ratio()
    found = [key for key in names if scores[key] >= SUGGESTION_CUTOFF]
    if not found and wanted:
        found = [key for key in names if wanted in key]
    found.sort(key=lambda key: (-scores[key], key))
    # A clear winner is offered alone (`darft` → `draft`, not also `date`).
    best = scores[found[0]] if found else 0
    return [names[key] for key in found[:MAX_SUGGESTIONS] if scores[key] >= best - NEARLY_AS_CLOSE]


def did_you_mean(name: str, known: Iterable[str], whole: str | None = "dùng một trong") -> str:
    """`; có phải ý bạn là 'a', 'b' hay 'c'?` for the closest names; else the whole list when it is short
    (after `whole`, e.g. "dùng một trong"), else nothing: a message is never hundreds of names long."""
    known = list(known)
    guesses = closest_names(name, known)
    if guesses:
        quoted = [f"'{guess}'" for guess in guesses]
        listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} hay {quoted[-1]}"
        return f"; có phải ý bạn là {listed}?"
    if whole and known and len(known) <= LISTED_WHOLE:
        return f"; {whole}: {', '.join(str(item) for item in known)}"
    return ""
