"""The prose of a hand-written Markdown page: its lines outside code blocks and HTML comments, and the
images it shows from docs/.

The markers (pages/markers.py) are read from those lines, and the news photos (media/assets.py) are the
images a post shows: both read the page the same way, so that what the guide shows inside a code block
is never taken for a marker or a photo.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from .news import SourcePage

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(`+).*?\1")
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")


def prose_lines(page: SourcePage) -> Iterator[tuple[int, str]]:
    """(file line, text) of the body's lines outside code blocks and HTML comments."""
    fence = None
    in_comment = False
    for number, line in enumerate(page.body.split("\n"), start=page.body_line):
        if fence:
            if line.lstrip().startswith(fence):
                fence = None
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        opening = FENCE.match(line)
        if opening:
            fence = opening.group(1)
            continue
        if line.lstrip().startswith("<!--") and "-->" not in line:
            in_comment = True
            continue
        yield number, line


def shown_images(page: SourcePage, docs_dir: Path) -> Iterator[tuple[int, str, Path | None]]:
    """(file line, target as written, its file or None when missing) of each image the page shows from docs/."""
    folder = Path(page.src_uri).parent
    for number, line in prose_lines(page):
        for target in IMAGE.findall(INLINE_CODE.sub("", line)):
            if re.match(r"[a-z][a-z0-9+.-]*:|/|#", target, re.IGNORECASE):
                continue
            path = docs_dir / folder / unquote(target.split("#")[0])
            yield number, target, path if path.is_file() else None
