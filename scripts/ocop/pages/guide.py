"""The officer's guide (/huong-dan/): package data (pages/guide/), with this commune's names.

Every site gets it from the engine, so a new commune's site has it and an upgrade of the engine brings its
corrections. The pages are Jinja templates (a value printed is escaped as in every page, render.py); their
markers ([[in-tem]]) are expanded here, since the plugin expands only the pages the site wrote. A page or
picture the site wrote itself (docs/huong-dan/<same name>) replaces the engine's, file by file.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Callable

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..model.commune import Commune
from ..model.news import YAML_RE, SourcePage
from ..model.places import display, place_slug
from ..web.addresses import OutputFile
from .render import escape_text

GUIDE_FOLDER = "huong-dan"  # its address, and its folder when a site writes a page of its own


def guide_files(commune: Commune, written: set[str], expand: Callable[[SourcePage], str]) -> list[OutputFile]:
    """The guide's pages (rendered, markers expanded) and pictures, but those the site wrote (`written`:
    paths under docs/)."""
    folder = resources.files("ocop.pages") / "guide"
    environment = Environment(
        loader=PackageLoader("ocop.pages", "guide"), undefined=StrictUndefined, finalize=escape_text,
        keep_trailing_newline=True, autoescape=False,
    )
    names = guide_names(commune)
    files = []
    for path in sorted(_walk(Path(str(folder)))):
        relative = path.relative_to(Path(str(folder))).as_posix()
        uri = f"{GUIDE_FOLDER}/{relative}"
        if uri in written:
            continue
        if path.suffix != ".md":
            files.append(OutputFile(uri, source=path))
            continue
        text = environment.get_template(relative).render(**names)
        match = YAML_RE.match(text)
        start = match.end() if match else 0
        page = SourcePage(uri, f"{GUIDE_FOLDER}/{relative}", text, text[start:], text[:start].count("\n") + 1)
        files.append(OutputFile(uri, content=text[:start] + expand(page)))
    return files


def guide_names(commune: Commune) -> dict[str, str]:
    """What the guide's pages name: the commune as it is today ("xã Hương Sơn", "phường 7"; a commune merged into
    another is that one) and the editor's example repository."""
    today = commune.current
    return {"xa": display(today), "kho_mau": f"ubnd-{place_slug(today)}/trang-ocop"}


def _walk(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file() and not path.name.startswith(".")]
