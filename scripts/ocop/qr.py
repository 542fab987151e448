"""QR codes: an address → SVG (sizes in mm, for print) and PNG, byte-for-byte reproducible.

Encoding costs a few milliseconds a code, so finished files are cached on disk by a hash of what
they encode and how (text, level, format, sizes): a rebuild with nothing changed encodes nothing.
"""
from __future__ import annotations

import io
from importlib import metadata
from dataclasses import dataclass
from pathlib import Path

import qrcode
import qrcode.image.svg
from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q

from .cache import DiskCache, cache_key

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
    code.make(fit=True)
    return code


def svg_bytes(text: str, style: QrStyle = QrStyle()) -> bytes:
    # SvgPathImage draws one path in mm units (box_size 10 = 1 mm a module).
    image = encode(text, style, box_size=style.module_mm * 10).make_image(image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode").encode("utf-8")


def png_bytes(text: str, style: QrStyle = QrStyle()) -> bytes:
    image = encode(text, style, box_size=style.png_pixels).make_image().get_image()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


_QRCODE_VERSION = metadata.version("qrcode")
_RENDERERS = {"svg": svg_bytes, "png": png_bytes}


class QrCache:
    """Finished QR files on disk, keyed by everything that changes their bytes."""

    def __init__(self, folder: Path | None):
        self.disk = DiskCache(folder)
        self.encoded = 0  # how many codes this cache had to encode (the rest came from disk)

    def get(self, text: str, kind: str, style: QrStyle = QrStyle()) -> bytes:
        key = cache_key(text, kind, style, _QRCODE_VERSION)
        data = self.disk.read(key, kind)
        if data is None:
            data = _RENDERERS[kind](text, style)
            self.encoded += 1
            self.disk.write(key, kind, data)
        return data
