"""QR codes: an address → SVG (sizes in mm, for print) and PNG, byte-for-byte reproducible.

Encoding costs a few milliseconds a code, so finished files are cached on disk by a hash of what
they encode and how (text, level, format, sizes): a rebuild with nothing changed encodes nothing.
"""
from __future__ import annotations

import copy
import hashlib
import io
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import qrcode
import qrcode.image.svg
from qrcode.constants import (
    ERROR_CORRECT_H,
    ERROR_CORRECT_L,
    ERROR_CORRECT_M,
    ERROR_CORRECT_Q,
)

from .cache import DiskCache, cache_key

LEVELS = {"L": ERROR_CORRECT_L, "M": ERROR_CORRECT_M, "Q": ERROR_CORRECT_Q, "H": ERROR_CORRECT_H}
QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks
PRINT_DPI = 600
# The characters of the QR alphanumeric mode (5.5 bits a character instead of 8).
ALPHANUMERIC = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:")


@dataclass(frozen=True)
class QrStyle:
    level: str = "M"
    border: int = QUIET_ZONE
    module_mm: float = 0.5  # the printed size of one module (SVG in mm, PNG at `dpi`, PDF labels)
    png_pixels: int | None = None  # PNG: pixels per module; None: module_mm at `dpi`, rounded up
    dpi: int = PRINT_DPI

    def __post_init__(self):
        if self.level not in LEVELS:
            raise ValueError(f"mức sửa lỗi QR phải là một trong {', '.join(LEVELS)}")

    @property
    def pixels_per_module(self) -> int:
        """Whole pixels a module keep every module edge sharp; rounding up keeps the code at least as big."""
        return self.png_pixels or math.ceil(self.module_mm * self.dpi / 25.4 - 1e-9)


@dataclass(frozen=True)
class QrInfo:
    """What a reader of the report needs: how big the code is and why."""

    text: str
    version: int
    level: str
    alphanumeric: bool  # False: some character (a lower-case letter) forces the 8-bit mode

    @property
    def modules(self) -> int:
        return 17 + 4 * self.version

    def size_mm(self, module_mm: float, border: int = 0) -> float:
        return (self.modules + 2 * border) * module_mm


def describe(text: str, style: QrStyle = QrStyle()) -> QrInfo:
    return QrInfo(text, encode(text, style).version, style.level, set(text) <= ALPHANUMERIC)


def encode(text: str, style: QrStyle = QrStyle(), box_size: float = 10) -> qrcode.QRCode:
    code = copy.copy(_encoded(text, style.level, style.border))
    code.box_size = int(box_size)
    return code


@lru_cache(maxsize=512)
def _encoded(text: str, level: str, border: int) -> qrcode.QRCode:
    """Choosing the mask is most of the cost: the SVG, the PNG, the label sheet and the report share it."""
    code = qrcode.QRCode(version=None, error_correction=LEVELS[level], border=border)
    code.add_data(text, optimize=0)
    code.make(fit=True)
    return code


def svg_bytes(text: str, style: QrStyle = QrStyle()) -> bytes:
    # SvgPathImage only knows whole tenths of a mm a module (box_size 10 = 1 mm): draw one unit a module
    # and give the root its true size in mm, so that 0.45 mm is 0.45 mm and not 0.4.
    code = encode(text, style, box_size=10)
    svg = code.make_image(image_factory=qrcode.image.svg.SvgPathImage).to_string(encoding="unicode")
    side = f"{round(len(code.get_matrix()) * style.module_mm, 4):g}mm"
    return re.sub(r'width="[^"]*" height="[^"]*"', f'width="{side}" height="{side}"', svg, count=1).encode("utf-8")


def png_bytes(text: str, style: QrStyle = QrStyle()) -> bytes:
    image = encode(text, style, box_size=style.pixels_per_module).make_image().get_image()
    buffer = io.BytesIO()
    # The dpi lets a print dialog or a layout program place it at its true size in mm.
    image.save(buffer, format="PNG", optimize=True, dpi=(style.dpi, style.dpi))
    return buffer.getvalue()


# A cached file is only as good as the code that made it: any change to this module makes new ones.
_QRCODE_VERSION = (metadata.version("qrcode"), hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12])
_RENDERERS = {"svg": svg_bytes, "png": png_bytes}


class QrCache:
    """Finished QR files on disk, keyed by everything that changes their bytes."""

    def __init__(self, folder: Path | None):
        self.disk = DiskCache(folder)
        self.encoded = 0  # how many codes this cache had to encode (the rest came from disk)

    def get(self, text: str, kind: str, style: QrStyle = QrStyle()) -> bytes:
        return self.stored((text, kind, style), kind, lambda: _RENDERERS[kind](text, style))

    def describe(self, text: str, style: QrStyle = QrStyle()) -> QrInfo:
        """The version a text needs, stored like the files: knowing it needs the whole encoding."""
        version = self.stored((text, "version", style.level), "txt", lambda: str(describe(text, style).version).encode())
        return QrInfo(text, int(version), style.level, set(text) <= ALPHANUMERIC)

    def file(self, text: str, kind: str, style: QrStyle = QrStyle()) -> Path | None:
        """The cached file of the code (made when missing), for MkDocs to copy; None without a cache folder."""
        self.get(text, kind, style)
        return self._path(text, kind, style)

    def _path(self, text: str, kind: str, style: QrStyle) -> Path | None:
        return self.disk.path(cache_key((text, kind, style), _QRCODE_VERSION), kind)

    def is_cached(self, text: str, style: QrStyle = QrStyle()) -> bool:
        """Whether the SVG, the PNG and the version of the code are all on disk already."""
        return all(self.has((text, kind, style), kind) for kind in _RENDERERS) and self.has((text, "version", style.level), "txt")

    def prepare(self, text: str, style: QrStyle = QrStyle()) -> None:
        """Encode the code now, for a later build to find: its two files and its version."""
        for kind in _RENDERERS:
            self.get(text, kind, style)
        self.describe(text, style)

    def stored(self, key, suffix: str, make) -> bytes:
        """The bytes `make()` returns, made only when nothing is stored yet under `key` (a repr-able value)."""
        key = cache_key(key, _QRCODE_VERSION)
        data = self.disk.read(key, suffix)
        if data is None:
            data = self._store(key, suffix, make)
        return data

    def has(self, key, suffix: str) -> bool:
        path = self.disk.path(cache_key(key, _QRCODE_VERSION), suffix)
        return path is not None and path.is_file()

    def stored_file(self, key, suffix: str, make) -> Path | None:
        """Like `stored`, but the file's path (None without a cache folder): MkDocs copies it, unread."""
        key = cache_key(key, _QRCODE_VERSION)
        path = self.disk.path(key, suffix)
        if path is not None and not path.is_file():
            self._store(key, suffix, make)
        return path

    def _store(self, key: str, suffix: str, make) -> bytes:
        data = make()
        self.encoded += suffix in _RENDERERS  # QR files only: not label sheets or versions
        self.disk.write(key, suffix, data)
        return data
