"""The generated pages of the last build, kept for the next one while nothing they are made from changed.

Making every page's Markdown from the catalogue (pages/site.py) is most of the plugin's own time in a
build (about a sixth of a warm build at 650 products), and a rebuild with unchanged data (the daily
rebuild, a second `ocop build`) makes exactly the same pages again. So the pages are kept in
`.cache/ocop/pages.json` under a key made of everything they are made from:

- every file under `products/` (the YAML files by content; photos and other files by size and
  modification time, as the photo cache already trusts them);
- the site's settings (site address, commune, the build's day, expiry window, favicon, each data
  file's last commit day) and the media settings (QR style, label size, domain confirmed), by their repr;
- the code that makes the pages: every file of the `ocop` package (templates, message catalogues,
  the OCOP groups' list, the drawings included) and the versions of Python and the libraries it renders with.

A different key makes the pages anew and replaces the kept ones; there is one entry, the last build's.
The pages' photos, codes and label sheets are still listed (and made when missing) by media/ as before.
"""
from __future__ import annotations

import base64
import hashlib
import json
import os
import sys
from importlib import metadata
from pathlib import Path
from typing import Callable

from ..media.cache import write_whole
from ..web.addresses import OutputFile

PACKAGE = Path(__file__).resolve().parent.parent  # scripts/ocop/
LIBRARIES = ("jinja2", "markupsafe", "babel", "pydantic", "PyYAML")
FORMAT = 1  # the layout of pages.json; a new one makes the old file a miss


def code_fingerprint() -> str:
    """Every file of the package (not the byte code) and the versions the pages are rendered with."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version}".encode())
    for name in LIBRARIES:
        digest.update(f"{name} {metadata.version(name)}".encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(PACKAGE).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def data_fingerprint(folder: Path) -> str:
    """Every file under `folder`: YAML by content, anything else (photos) by size and modification time."""
    digest = hashlib.sha256()
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(root, name)
            digest.update(os.path.relpath(path, folder).encode("utf-8", "surrogateescape") + b"\0")
            if name.lower().endswith((".yml", ".yaml")):
                with open(path, "rb") as stream:
                    digest.update(stream.read())
            else:
                status = os.stat(path)
                digest.update(f"{status.st_size} {status.st_mtime_ns}".encode())
    return digest.hexdigest()


def page_key(products_dir: Path, *settings) -> str:
    digest = hashlib.sha256()
    for part in (code_fingerprint(), data_fingerprint(products_dir), *(repr(setting) for setting in settings)):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def _encoded(file: OutputFile) -> list:
    content = file.content
    if isinstance(content, bytes):
        content = {"bytes": base64.b64encode(content).decode("ascii")}
    return [file.uri, content, str(file.source) if file.source is not None else None]


def _decoded(row: list) -> OutputFile:
    uri, content, source = row
    if isinstance(content, dict):
        content = base64.b64decode(content["bytes"])
    return OutputFile(uri, content, Path(source) if source is not None else None)


def cached_pages(path: Path | None, key: str, make: Callable[[], list[OutputFile]]) -> list[OutputFile]:
    """The pages kept under `key` in `path`, else `make()`'s, kept there for the next build."""
    if path is None:
        return make()
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept.get("key") == key:
            return [_decoded(row) for row in kept["files"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # missing or damaged: made anew
    files = make()
    data = json.dumps({"key": key, "files": [_encoded(file) for file in files]}, ensure_ascii=False)
    write_whole(path, data.encode("utf-8"))
    return files
