"""The faster QR encoder gives exactly qrcode's codes: same error correction, same mask, same pixels."""
from __future__ import annotations

import io
import random
import string

import pytest
import qrcode
from PIL import Image, ImageChops
from qrcode import util

from ocop import qr
from ocop import qrfast
from ocop.qrfast import best_mask, codewords

_RANDOM = random.Random(2026)
TEXTS = [
    "https://quangtrung.quangxuong.thanhhoa.gov.vn/san-pham/nuoc-mam-nam-quyen/",
    "HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/NM/",
    "x",
    "0123456789" * 20,  # numeric mode
    *(f"https://quangtrung.quangxuong.thanhhoa.gov.vn/san-pham/san-pham-mau-{n:05d}/" for n in range(0, 200, 13)),
    # every version from 1 to about 30, and bytes outside ASCII
    *("".join(_RANDOM.choice(string.printable) for _ in range(_RANDOM.randrange(1, 700))) for _ in range(20)),
    "Nước mắm Năm Quyền – đặc sản xứ Thanh",
]


def reference(text: str, level: str) -> qrcode.QRCode:
    code = qrcode.QRCode(version=None, error_correction=qr.LEVELS[level])
    code.add_data(text, optimize=0)
    code.make(fit=True)
    return code


@pytest.mark.parametrize("level", list(qr.LEVELS))
def test_same_codewords_mask_and_modules_as_qrcode(level):
    versions = set()
    for text in TEXTS:
        expected = reference(text, level)
        fitted = qrcode.QRCode(version=None, error_correction=qr.LEVELS[level])
        fitted.add_data(text, optimize=0)
        fitted.best_fit()
        quick = qrcode.QRCode(version=None, error_correction=qr.LEVELS[level])
        quick.add_data(text, optimize=0)
        assert qrfast.fit(quick) == fitted.version
        assert codewords(fitted) == util.create_data(fitted.version, fitted.error_correction, fitted.data_list)
        assert best_mask(fitted) == qrcode.QRCode.best_mask_pattern(fitted)
        assert qr.encode(text, qr.QrStyle(level=level)).modules == expected.modules
        rows = ["".join("1" if dark else "0" for dark in row) for row in expected.modules]
        assert qrfast.modules(text, qr.LEVELS[level]) == rows
        versions.add(expected.version)
    assert len(versions) > 10


def test_png_has_qrcodes_pixels():
    for text in TEXTS[:6]:
        expected = reference(text, "M")
        expected.border, expected.box_size = 4, 10
        want = expected.make_image().get_image()
        got = Image.open(io.BytesIO(qr.png_bytes(text)))
        assert got.size == want.size and got.mode == want.mode == "1"
        assert ImageChops.difference(got.convert("L"), want.convert("L")).getbbox() is None
