"""What the preview (`ocop serve`, `make serve`) shows the officer when something is wrong.

A published build stops at the first sign of a mistake; the preview must keep running instead, so that
the officer sees the mistake where she is looking (the browser, not only the terminal) and the page comes
back by itself once the file is fixed and saved.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import markdown

from ..model.errors import DataError, Problem
from ..pages.render import Renderer

TEMPLATE = "preview-notice.md.j2"
# Material's article, where the notice goes first; <body> when a theme has none.
_ARTICLE = re.compile(r"<article\b[^>]*>")
_BODY = re.compile(r"<body\b[^>]*>")


def _notice(title: str, advice: str, lines: list[str]) -> str:
    return Renderer().render(TEMPLATE, title=title, advice=advice, lines=lines)


def _html(text: str) -> str:
    return markdown.markdown(text, extensions=["admonition"])


_HEADING = re.compile(r"^#[ \t]+\S.*$", re.MULTILINE)


@dataclass(frozen=True)
class Failure:
    """The mistakes that keep the data from being read, as the preview shows them. `kept`: the preview
    still shows the pages of the last good build (under the notice) rather than the notice alone."""

    lines: tuple[str, ...]
    kept: bool = False

    @classmethod
    def of(cls, error: DataError | ValueError, kept: bool = False) -> Failure:
        if isinstance(error, DataError):
            return cls(tuple(str(problem) for problem in error.problems), kept)
        return cls((str(error),), kept)

    @cached_property
    def markdown(self) -> str:
        if self.kept:
            return _notice(
                f"Dữ liệu có {len(self.lines)} lỗi: trang xem trước đang hiện bản đúng gần nhất",
                "Các trang dưới đây là bản trước khi có lỗi. Sửa từng lỗi (tệp:dòng, trường) rồi lưu tệp: "
                "trang sẽ tự tải lại khi dữ liệu đã đúng.",
                list(self.lines),
            )
        return _notice(
            f"Dữ liệu có {len(self.lines)} lỗi: trang xem trước chưa được cập nhật",
            "Sửa từng lỗi dưới đây (tệp:dòng, trường) rồi lưu tệp: trang sẽ tự tải lại khi dữ liệu đã đúng.",
            list(self.lines),
        )

    @cached_property
    def html(self) -> str:
        return _html(self.markdown)

    def instead_of(self, page: str) -> str:
        """A hand-written page's Markdown replaced by the notice, its own heading kept: the menu takes a
        page's title from it, and would otherwise show the file's name ("Index")."""
        heading = _HEADING.search(page)
        return (heading.group(0) + "\n\n" if heading else "") + self.markdown


def insert_notice(page: str, notice: str) -> str:
    """The page with the notice first in its content."""
    match = _ARTICLE.search(page) or _BODY.search(page)
    if match is None:
        return notice + page
    return page[: match.end()] + notice + page[match.end() :]


def show_on_pages(site_dir: Path, problems: list[Problem], sources: dict[str, str]) -> None:
    """Put what the site check found above each built page it concerns (in the preview's own folder)."""
    by_page: dict[str, list[str]] = {}
    for problem in problems:
        source = sources.get(problem.file)
        by_page.setdefault(problem.file, []).append(f"{problem} (trang viết ở {source})" if source else str(problem))
    for name, lines in by_page.items():
        path = site_dir / name
        if not name.endswith(".html") or not path.is_file():
            continue
        notice = _html(
            _notice(
                f"Trang này có {len(lines)} lỗi: bản đăng chính thức sẽ không được tạo",
                "Trang xem trước vẫn chạy; sửa các lỗi dưới đây rồi lưu tệp.",
                lines,
            )
        )
        path.write_text(insert_notice(path.read_text(encoding="utf-8"), notice), encoding="utf-8")
