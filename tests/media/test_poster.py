"""`ocop poster`: a booth poster of one product, A4 and A5, its code read back and its photo downscaled."""
from __future__ import annotations

from collections import Counter

import pypdfium2 as pdfium
from conftest import SAMPLE, SHORT, TODAY_ENV, assert_vector_with_embedded_font, draw_photo, read_pdf


def test_booth_poster_a4_and_a5(shop):
    result = shop.ocop("poster", "NM", "--out", "in", env=TODAY_ENV)
    assert result.code == 0, result.text
    for name, size in (("ap-phich-nuoc-mam-nam-quyen-a4.pdf", (210, 297)), ("ap-phich-nuoc-mam-nam-quyen-a5.pdf", (148, 210))):
        path = shop.root / "in" / name
        assert f"Đã ghi in/{name}" in result.out
        assert_vector_with_embedded_font(path)
        [(page_size, text, codes)] = read_pdf(path)
        assert page_size == size and codes == [SHORT["NM"]]
        for words in ("Nước mắm Năm Quyền", "OCOP 3 sao", "sản phẩm OCOP 3 sao ngành hàng Thực phẩm",
                      "quangtrung.quangxuong.thanhhoa.gov.vn/Q/NM/", "Quét mã để xem thông tin sản phẩm", SAMPLE):
            assert words in text, (name, words)
    expired = shop.ocop("poster", "CH", "--out", "in", env=TODAY_ENV)
    assert expired.code == 0, expired.text
    [(_, text, codes)] = read_pdf(shop.root / "in/ap-phich-cha-que-a4.pdf")
    assert codes == [SHORT["CH"]] and "OCOP 4 sao" not in text and "Chứng nhận OCOP đã hết hiệu lực" in text


def test_a_product_photo_is_printed_downscaled(shop):
    """The first photo stands in for the tile: one image, resized (a 12-megapixel original would make a
    poster of megabytes), the code still readable beside it."""
    draw_photo(shop.products / "nam-quyen" / "chai.jpg")
    with open(shop.products / "nam-quyen" / "nuoc-mam-nam-quyen.yml", "a", encoding="utf-8") as data:
        data.write("photos:\n  - file: chai.jpg\n    alt: Ảnh thử nghiệm chai\n")
    result = shop.ocop("poster", "NM", "--out", "in", env=TODAY_ENV)
    assert result.code == 0, result.text
    path = shop.root / "in/ap-phich-nuoc-mam-nam-quyen-a4.pdf"
    page = pdfium.PdfDocument(str(path))[0]
    images = [obj for obj in page.get_objects(max_depth=5) if obj.type == pdfium.raw.FPDF_PAGEOBJ_IMAGE]
    assert len(images) == 1 and max(images[0].get_px_size()) <= 1200
    assert path.stat().st_size < 400_000
    assert read_pdf(path)[0][2] == [SHORT["NM"]]


def test_a_poster_without_a_photo_shows_its_groups_drawing(shop):
    """Nem Huân Hồng has no photo: the picture box holds the drawing of its group, as its page does (it
    was an empty mint box reading "Thực phẩm"): in the top of the page, several strong colours (the
    drawing's bowl, noodles, chopsticks), where the empty box had one pale tint. Vector, no raster image."""
    result = shop.ocop("poster", "NEM", "--out", "in", env=TODAY_ENV)
    assert result.code == 0, result.text
    for size in ("a4", "a5"):
        path = shop.root / f"in/ap-phich-nem-huan-hong-{size}.pdf"
        assert_vector_with_embedded_font(path)
        image = pdfium.PdfDocument(str(path))[0].render(scale=72 / 72).to_pil().convert("RGB")
        top = image.crop((0, 0, image.width, image.height * 2 // 5))
        strong = Counter(pixel for pixel in zip(*[iter(top.tobytes())] * 3) if max(pixel) - min(pixel) > 60)
        colours = [colour for colour, count in strong.items() if count > 0.002 * top.width * top.height]
        assert len(colours) >= 3, (size, strong.most_common(5))
        [(_, _, codes)] = read_pdf(path)
        assert codes == [SHORT["NEM"]]
