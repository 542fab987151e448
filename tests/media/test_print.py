"""Print materials: `ocop brochure`, `ocop poster`, `ocop shelf-card`, and the sample mark on every print file.

Each PDF is rendered at 300 dpi with PDFium (pypdfium2) and every QR code on it read back with zxing-cpp;
the text of the cards is PDFium's own text extraction. The data adds, to the two example products, a
product whose certificate has expired (no stars, as on the site), one of another OCOP group, and a shop
selling all four.
"""
from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from conftest import TODAY_ENV, decode_qr, draw_photo

HOST = "HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/"
SHORT = {code: f"{HOST}{code}/" for code in ("NM", "NEM", "CH", "RU")}
EXTRA = {
    "products/huan-hong/cha-que.yml": "name: Chả quê thử nghiệm\nslug: cha-que\ncode: CH\nproducer: huan-hong\ngroup: thuc-pham\n"
    "certification:\n  stars: 4\n  decision: 12/QĐ-UBND\n  date: 01/01/2023\n",
    "products/nam-quyen/ruou-thu.yml": "name: Rượu thử nghiệm\nslug: ruou-thu\ncode: RU\nproducer: nam-quyen\ngroup: do-uong\n"
    "certification:\n  stars: 3\n  date: 10/10/2025\n",
    "products/_diem-ban/cua-hang-thu.yml": "name: Cửa hàng thử nghiệm\nkind: cửa hàng của cơ sở\n"
    "products: [nuoc-mam-nam-quyen, nem-huan-hong, cha-que, ruou-thu]\n",
}
SAMPLE = "MẪU – chưa in"


@pytest.fixture
def shop(project):
    for path, text in EXTRA.items():
        project.write(path, text)
    return project


def read_pdf(path) -> list[tuple[tuple[float, float], str, list[str]]]:
    """Each page: its size in mm, its text (spaces folded), the QR codes read at 300 dpi."""
    pages = []
    for page in pdfium.PdfDocument(str(path)):
        width, height = page.get_size()
        text = " ".join(page.get_textpage().get_text_range().split())
        codes = decode_qr(page.render(scale=300 / 72, grayscale=True).to_pil())
        pages.append(((round(width * 25.4 / 72), round(height * 25.4 / 72)), text, codes))
    return pages


def assert_vector_with_embedded_font(path) -> None:
    data = path.read_bytes()
    assert b"/FontFile2" in data and b"/Subtype /Image" not in data  # no photo in this data: nothing raster


def test_brochure_groups_every_product_with_its_code(shop):
    producer = shop.products / "nam-quyen/producer.yml"  # a test number, the contact the card then shows
    producer.write_text(producer.read_text(encoding="utf-8") + 'phone: "0900000000"\nzalo: "0900000000"\n', encoding="utf-8")
    result = shop.ocop("brochure", "--out", "in", env=TODAY_ENV)
    assert result.code == 0, result.text
    path = shop.root / "in/to-gioi-thieu-san-pham-ocop.pdf"
    assert f"Đã ghi in/{path.name}" in result.out and "MẪU – chưa in" in result.out
    assert_vector_with_embedded_font(path)
    pages = read_pdf(path)
    assert {size for size, _, _ in pages} == {(210, 297)}
    cover, *cards = pages
    assert cover[2] == ["https://quangtrung.quangxuong.thanhhoa.gov.vn/san-pham/"]
    assert "SẢN PHẨM OCOP" in cover[1] and "xã Quảng Trung (nay thuộc xã Quảng Chính), tỉnh Thanh Hóa" in cover[1]
    assert "4 sản phẩm · thông tin tính đến ngày 15/03/2026" in cover[1]
    assert sorted(code for _, _, codes in cards for code in codes) == sorted(SHORT.values())
    for number, (_, text, _) in enumerate(pages, start=1):
        assert f"Trang {number}/{len(pages)}" in text and SAMPLE in text
    text = " ".join(text for _, text, _ in cards)
    assert text.index("Thực phẩm") < text.index("Chả quê thử nghiệm") < text.index("Đồ uống") < text.index("Rượu thử nghiệm")
    # The expired certificate shows no stars, and says so; the others show theirs and their end date.
    assert text.count("OCOP 3 sao") == 3 and "OCOP 4 sao" not in text
    assert "Chứng nhận OCOP đã hết hiệu lực (02/01/2026)" in text
    assert "Hiệu lực đến hết ngày 10/10/2028" in text and "Chưa có ngày hết hiệu lực" in text
    assert text.count("0900000000") == 2 and "Zalo" not in text  # Năm Quyền's two products; Zalo is the same number
    assert "Cơ sở: Năm Quyền" in text and "quangtrung.quangxuong.thanhhoa.gov.vn/Q/RU/" in text


def test_english_brochure_of_chosen_products(shop):
    result = shop.ocop("brochure", "--lang", "en", "--only", "NM", "ruou-thu", "--out", "in", env=TODAY_ENV)
    assert result.code == 0, result.text
    pages = read_pdf(shop.root / "in/ocop-products-brochure-en.pdf")
    assert pages[0][2] == ["https://quangtrung.quangxuong.thanhhoa.gov.vn/en/products/"]
    assert sorted(code for _, _, codes in pages[1:] for code in codes) == [SHORT["NM"], SHORT["RU"]]
    text = " ".join(text for _, text, _ in pages)
    assert "OCOP PRODUCTS" in text and "Quảng Trung commune (now part of Quảng Chính commune)" in text
    assert "Năm Quyền fish sauce" in text and "OCOP 3 stars" in text and "Beverages" in text and "Page 2/2" in text
    assert "Nem Huân Hồng" not in text and "Made by Năm Quyền" in text


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


def test_shelf_card_lists_what_the_outlet_sells(shop):
    result = shop.ocop("shelf-card", "cua-hang-thu", "--out", "in", env=TODAY_ENV)
    assert result.code == 0, result.text
    path = shop.root / "in/the-quay-cua-hang-thu.pdf"
    assert f"Đã ghi in/{path.name}" in result.out
    assert_vector_with_embedded_font(path)
    [(size, text, codes)] = read_pdf(path)
    assert size == (105, 148)
    assert sorted(codes) == sorted(SHORT.values())
    assert "Sản phẩm OCOP có bán tại đây" in text and "Cửa hàng thử nghiệm" in text and SAMPLE in text
    for name in ("Nước mắm Năm Quyền", "Nem Huân Hồng", "Chả quê thử nghiệm", "Rượu thử nghiệm"):
        assert name in text
    assert text.count("OCOP 3 sao") == 3 and "OCOP 4 sao" not in text


def test_unknown_outlet_or_product_is_explained(shop):
    outlet = shop.ocop("shelf-card", "cua-hang-th", env=TODAY_ENV)
    assert outlet.code == 1 and "Traceback" not in outlet.text
    assert "Không tạo được thẻ quầy: không có điểm bán 'cua-hang-th'" in outlet.err and "cua-hang-thu" in outlet.err
    product = shop.ocop("poster", "XX", env=TODAY_ENV)
    assert product.code == 1 and "Không tạo được áp phích: không có sản phẩm nào có mã hoặc địa chỉ trang 'XX'" in product.err


def test_sample_mark_until_the_domain_is_confirmed(project):
    """Labels included: a sheet printed before the commune confirms its domain says it is a sample."""
    labels = project.ocop("labels", "NM", "--out", "in")
    assert labels.code == 0, labels.text
    [(_, text, codes)] = read_pdf(project.root / "in/nhan-qr.pdf")
    assert len(codes) == 42 and text.count(SAMPLE) >= 42  # on every label, and at the foot of the page
    config = project.root / "mkdocs.yml"
    yml = config.read_text(encoding="utf-8")
    assert "      domain_confirmed: false\n" in yml
    config.write_text(yml.replace("      domain_confirmed: false\n", "      domain_confirmed: true\n"), encoding="utf-8")
    labels = project.ocop("labels", "NM", "--out", "out")
    brochure = project.ocop("brochure", "--out", "out")
    assert labels.code == 0 and brochure.code == 0, labels.text + brochure.text
    assert "MẪU" not in labels.out + brochure.out
    for name in ("nhan-qr.pdf", "to-gioi-thieu-san-pham-ocop.pdf"):
        pages = read_pdf(project.root / "out" / name)
        assert all("MẪU" not in text for _, text, _ in pages)
    assert len(read_pdf(project.root / "out/nhan-qr.pdf")[0][2]) == 42


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
