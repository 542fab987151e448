"""Print outputs: every code on the PNG, the SVG and the A4 label sheet reads back as its short address.

The PDF is rendered back to pixels at 300 dpi with PDFium (pypdfium2, the renderer of Chrome's and
Edge's PDF viewers) and read with zxing-cpp, at the default label size and at the smallest label the
layout accepts with 0.4 mm modules.
"""
from __future__ import annotations

import re

import pytest
from conftest import assert_vector_with_vietnamese_text, decode_qr, pages_at_300_dpi
from ocop.media.labels import Label, LabelError, LabelSize, layout
from ocop.media.qr import QrStyle
from PIL import Image

SHORT = {
    "nuoc-mam-nam-quyen": "HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/NM/",
    "nem-huan-hong": "HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/NEM/",
}
NAMES = {"nuoc-mam-nam-quyen": "Nước mắm Năm Quyền", "nem-huan-hong": "Nem Huân Hồng"}


def test_labels_command_writes_svg_png_and_a_sheet(project):
    result = project.ocop("labels", "--out", "in")
    assert result.code == 0, result.text
    folder = project.root / "in"
    for slug, text in SHORT.items():
        png = folder / f"qr-{slug}.png"
        with Image.open(png) as image:
            assert round(image.info["dpi"][0]) == 600
            assert decode_qr(image.convert("L")) == [text]
            # 0.5 mm a module at 600 dpi is 11.8 pixels, rounded up to whole pixels: 12.
            assert image.width == (29 + 8) * 12
        svg = (folder / f"qr-{slug}.svg").read_text(encoding="utf-8")
        assert 'width="18.5mm"' in svg  # 37 modules (quiet zone included) of 0.5 mm
    sheet = folder / "nhan-qr.pdf"
    text = assert_vector_with_vietnamese_text(sheet, NAMES.values())
    assert "quangtrung.quangxuong." in text and "/Q/NM/" in text and "OCOP 3 sao" in text
    pages = pages_at_300_dpi(sheet)
    assert len(pages) == 2  # a full page of 42 labels for each product
    decoded = [decode_qr(page) for page in pages]
    assert sorted(set(decoded[0]) | set(decoded[1])) == sorted(SHORT.values())
    assert [len(codes) for codes in decoded] == [42, 42]


def smallest_label(style: QrStyle) -> LabelSize:
    """The smallest label (by area, whole millimetres) the layout accepts for both example products."""
    fitting = []
    for width in range(10, 60):
        for height in range(10, 60):
            try:
                for slug, text in SHORT.items():
                    layout(Label(text, NAMES[slug], "NEM", 3, text.lower()), LabelSize(width, height), style)
            except LabelError:
                continue
            fitting.append((width * height, width, height))
            break
    _, width, height = min(fitting)
    return LabelSize(width, height)


def test_smallest_labels_decode_from_the_pdf_at_300_dpi(project):
    style = QrStyle(module_mm=0.4)
    size = smallest_label(style)
    assert size.width_mm * size.height_mm < 30 * 40
    too_small = project.ocop("labels", "--module", "0.4", "--size", f"{size.width_mm - 1:g}x{size.height_mm - 1:g}")
    assert too_small.code == 1 and "không đủ chỗ cho mã QR" in too_small.err and "Traceback" not in too_small.text
    result = project.ocop(
        "labels", "NM", "NEM", "--module", "0.4", "--size", f"{size.width_mm:g}x{size.height_mm:g}", "--copies", "3", "--out", "in"
    )
    assert result.code == 0, result.text
    sheet = project.root / "in" / "nhan-qr.pdf"
    assert_vector_with_vietnamese_text(sheet, [])
    [page] = pages_at_300_dpi(sheet)
    found = decode_qr(page)
    assert sorted(found) == sorted([SHORT["nuoc-mam-nam-quyen"]] * 3 + [SHORT["nem-huan-hong"]] * 3)


@pytest.mark.parametrize(
    "args, words",
    [
        (["--size", "30x"], "cỡ nhãn viết dạng RỘNGxCAO"),
        (["--size", "300x40"], "không vừa tờ A4"),
        (["--module", "0.2"], "mô-đun 0,2 mm quá nhỏ"),
        (["--quiet-zone", "0"], "viền trắng"),
        (["--copies", "0"], "phải từ 1 trở lên"),
        (["XYZ"], "không có sản phẩm nào có mã hoặc địa chỉ trang 'XYZ'; các mã hiện có: NEM, NM"),
    ],
)
def test_labels_refuse_bad_options_in_vietnamese(project, args, words):
    result = project.ocop("labels", *args)
    assert result.code == 1, result.text
    assert words in result.err and "Traceback" not in result.text
    assert not (project.root / "nhan-qr").exists()


def test_a_label_size_too_small_for_the_code_is_named_with_the_product(project):
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - ocop:\n", "  - ocop:\n      label_size: 16x16\n", 1), encoding="utf-8")
    result = project.build()
    assert result.code == 1
    assert re.search(r"products/[a-z-]+/[a-z-]+\.yml: không tạo được tờ nhãn in: nhãn 16 × 16 mm không đủ chỗ", result.err)
    assert "Traceback" not in result.text and not (project.site / "index.html").exists()
