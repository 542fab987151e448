"""QR codes: an address → SVG (sizes in mm, for print) and PNG, byte-for-byte reproducible.

Encoding costs a few milliseconds a code, so finished files are cached on disk by a hash of what
they encode and how (text, level, format, sizes): a rebuild with nothing changed encodes nothing.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib import metadata
from dataclasses import dataclass
from pathlib import Path

import qrcode
from PIL import Image
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q

from . import qrfast

LEVELS = {"L": ERROR_CORRECT_L, "M": ERROR_CORRECT_M, "Q": ERROR_CORRECT_Q, "H": ERROR_CORRECT_H}
QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


@dataclass(frozen=True)
class QrStyle:
    level: str = "M"
    border: int = QUIET_ZONE
    module_mm: float = 0.5  # SVG: the printed size of one module
    png_pixels: int = 10  # PNG: pixels per module

    def __post_init__(self):
        if self.level not in LEVELS:
            raise ValueError(f"mức sửa lỗi QR phải là một trong {', '.join(LEVELS)}")


def encode(text: str, style: QrStyle = QrStyle(), box_size: float = 10) -> qrcode.QRCode:
    code = qrcode.QRCode(version=None, error_correction=LEVELS[style.level], border=style.border, box_size=box_size)
    code.add_data(text, optimize=0)
    qrfast.fit(code)
    code.data_cache = qrfast.codewords(code)
    code.mask_pattern = qrfast.best_mask(code)
    code.make(fit=False)
    return code


_DARK_RUN = re.compile(r"1+")
_PIXELS = bytes.maketrans(b"01", b"\xff\x00")


@functools.lru_cache(maxsize=64)
def modules(text: str, level: str = "M", border: int = QUIET_ZONE) -> tuple[str, ...]:
    """The code's rows, quiet zone included, as strings of 1 (dark) and 0: encoded once for both files."""
    quiet = "0" * border
    rows = [quiet + row + quiet for row in qrfast.modules(text, LEVELS[level])]
    blank = "0" * len(rows[0])
    return (blank,) * border + tuple(rows) + (blank,) * border


def svg_bytes(text: str, style: QrStyle = QrStyle()) -> bytes:
    # One path in module units, one rectangle a run of dark modules; width and height in mm for print.
    rows = modules(text, style.level, style.border)
    size = len(rows)
    path = "".join(
        f"M{run.start()},{y}h{run.end() - run.start()}v1h-{run.end() - run.start()}z"
        for y, row in enumerate(rows)
        for run in _DARK_RUN.finditer(row)
    )
    length = f"{size * style.module_mm:g}mm"
    svg = ET.Element(
        "svg",
        {"xmlns": "http://www.w3.org/2000/svg", "version": "1.1", "width": length, "height": length,
         "viewBox": f"0 0 {size} {size}", "shape-rendering": "crispEdges"},
    )
    ET.SubElement(svg, "path", {"d": path})
    return ET.tostring(svg, encoding="utf-8", xml_declaration=False)


def png_bytes(text: str, style: QrStyle = QrStyle()) -> bytes:
    rows = modules(text, style.level, style.border)
    size = len(rows)
    pixels = "".join(rows).encode("ascii").translate(_PIXELS)
    image = Image.frombytes("L", (size, size), pixels)
    image = image.resize((size * style.png_pixels,) * 2, Image.Resampling.NEAREST).convert("1", dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")  # optimize=True took 7 ms a code for 7 % fewer bytes
    return buffer.getvalue()


PARALLEL_FROM = 400  # codes to encode before worker processes pay for their start (about 0.5 s each)


_QRCODE_VERSION = (metadata.version("qrcode"), "ocop renderers 2")  # what else changes the bytes
_RENDERERS = {"svg": svg_bytes, "png": png_bytes}


class QrCache:
    """Finished QR files on disk, keyed by everything that changes their bytes."""

    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder else None
        self.encoded = 0  # how many codes this cache had to encode (the rest came from disk)

    def get(self, text: str, kind: str, style: QrStyle = QrStyle()) -> bytes:
        path = self._path(text, kind, style)
        if path is not None and path.is_file():
            return path.read_bytes()
        data = _RENDERERS[kind](text, style)
        self.encoded += 1
        if path is not None:
            self._store(path, data)
        return data

    @staticmethod
    def _store(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")  # workers may write side by side
        temporary.write_bytes(data)
        temporary.replace(path)

    def prepare(self, texts: list[str], style: QrStyle = QrStyle()) -> None:
        """Encode the codes of `texts` not cached yet, on every core when there are many.

        A first build of thousands of products spends most of its own time on QR codes: worker
        processes (`python -m ocop.qr`, each given its share of the texts) write them into the cache,
        and the build then finds them there. Whatever a worker did not write is encoded on demand."""
        if self.folder is None:
            return
        missing = sorted({text for text in texts if not all(self._path(text, kind, style).is_file() for kind in _RENDERERS)})
        workers = min(os.cpu_count() or 1, 8)
        if len(missing) < PARALLEL_FROM or workers < 2:
            return
        request = {"folder": str(self.folder), "style": dataclasses.asdict(style)}
        processes = []
        for share in (missing[i::workers] for i in range(workers)):
            process = subprocess.Popen([sys.executable, "-m", "ocop.qr"], stdin=subprocess.PIPE)
            process.stdin.write(json.dumps({**request, "texts": share}).encode("utf-8"))
            process.stdin.close()
            processes.append(process)
        for process in processes:
            process.wait()
        self.encoded += sum(self._path(text, kind, style).is_file() for text in missing for kind in _RENDERERS)

    def file(self, text: str, kind: str, style: QrStyle = QrStyle()) -> Path | None:
        """The cached file of the code (made when missing), for MkDocs to copy; None without a cache folder."""
        path = self._path(text, kind, style)
        if path is not None and not path.is_file():
            self.get(text, kind, style)
        return path

    def _path(self, text: str, kind: str, style: QrStyle) -> Path | None:
        key = hashlib.sha256(repr((text, kind, style, _QRCODE_VERSION)).encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.{kind}" if self.folder else None


if __name__ == "__main__":  # a worker of QrCache.prepare: {"folder", "style", "texts"} on standard input
    job = json.load(sys.stdin)
    worker, job_style = QrCache(Path(job["folder"])), QrStyle(**job["style"])
    for job_text in job["texts"]:
        for job_kind in _RENDERERS:
            worker.get(job_text, job_kind, job_style)
