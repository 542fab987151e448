"""The engine's own lines in the terminal, in Vietnamese: the officer who runs `ocop serve` or `make serve`
reads "Đang tạo trang web…", not "Building documentation...".

ProperDocs and MkDocs write these lines through their loggers (`commands.build`, `commands.serve`,
`livereload`); a filter on each of those loggers rewrites the lines it knows and leaves out the ones
that only say how the engine works inside. A line it does not know passes unchanged: a newer engine
may say something new, and a warning must never be hidden. The livereload server starts its lines
with the time ("[06:01:09] "), which is kept.
"""
from __future__ import annotations

import logging
import re

# The engine's loggers that write these lines, under ProperDocs' name and MkDocs' (plain `mkdocs serve`).
ENGINES = ("properdocs", "mkdocs")
LOGGERS = ("commands.build", "commands.serve", "livereload")

# The engine's line (after the time) → what the officer reads; None: left out.
LINES: tuple[tuple[re.Pattern, str | None], ...] = tuple(
    (re.compile(pattern), said) for pattern, said in (
        (r"Building documentation\.\.\.", "Đang tạo trang web…"),
        (r"Cleaning site directory", None),
        (r"Building documentation to directory: (?P<folder>.*)", "Trang web được ghi vào thư mục {folder}"),
        (r"The directory contains stale files\. Use --clean to remove them\.", None),
        (r"Documentation built in (?P<whole>\d+)\.(?P<part>\d+) seconds", "Đã tạo xong trang web trong {whole},{part} giây"),
        (r"Serving on (?P<url>\S+) and opening it in a browser", "Trang xem trước ở {url} (đang mở trong trình duyệt); dừng bằng Ctrl+C"),
        (r"Serving on (?P<url>\S+)", "Trang xem trước ở {url}: mở địa chỉ này trong trình duyệt; dừng bằng Ctrl+C"),
        (r"Watching paths for changes: (?P<paths>.*)", "Mỗi lần lưu một tệp trong {paths}, trang xem trước tự tạo lại"),
        (r"Detected file changes", "Có tệp vừa được lưu: đang tạo lại trang web"),
        (r"Reloading browsers", "Tải lại trang trong trình duyệt"),
        (r"Browser connected: .*", None),
        (r"Shutting down\.\.\.", "Đang dừng trang xem trước…"),
    )
)
_TIME = re.compile(r"\[\d\d:\d\d:\d\d\] ")


def vietnamese(line: str) -> str | None:
    """The engine's `line` as the officer reads it; None when it is left out; unchanged when unknown."""
    time = _TIME.match(line)
    stamp, text = (time.group(0), line[time.end():]) if time else ("", line)
    for pattern, said in LINES:
        match = pattern.fullmatch(text)
        if match:
            return None if said is None else stamp + said.format(**match.groupdict())
    return line


class VietnameseLines(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            return True
        said = vietnamese(record.getMessage())
        if said is None:
            return False
        record.msg, record.args = said, ()
        return True


def speak_vietnamese() -> None:
    """Put the filter on the engine's loggers, once however many builds the preview runs."""
    for engine in ENGINES:
        for name in LOGGERS:
            logger = logging.getLogger(f"{engine}.{name}")
            if not any(isinstance(item, VietnameseLines) for item in logger.filters):
                logger.addFilter(VietnameseLines())
