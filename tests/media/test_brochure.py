"""`ocop brochure`: an A4 catalogue of the products, in Vietnamese or English, every code read back from the PDF."""
from __future__ import annotations

from conftest import SAMPLE, SHORT, TODAY_ENV, assert_vector_with_embedded_font, read_pdf


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
    # The cover's band and the catalogue's code, then products from the first page on (the layout changed
    # on purpose: the cover alone was a near-empty sheet).
    cover, cards = pages[0], pages
    assert cover[2][0] == "https://quangtrung.quangxuong.thanhhoa.gov.vn/san-pham/" and len(pages) == 2
    assert "SẢN PHẨM OCOP" in cover[1] and "xã Quảng Trung (nay thuộc xã Quảng Chính), tỉnh Thanh Hóa" in cover[1]
    assert "4 sản phẩm · thông tin tính đến ngày 15/03/2026" in cover[1]
    assert sorted(code for _, _, codes in cards for code in codes if "/Q/" in code) == sorted(SHORT.values())
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
    [(_, _, codes)] = pages  # two products: one sheet, the cover included
    assert codes[0] == "https://quangtrung.quangxuong.thanhhoa.gov.vn/en/products/"
    assert sorted(codes[1:]) == [SHORT["NM"], SHORT["RU"]]
    text = " ".join(text for _, text, _ in pages)
    assert "OCOP PRODUCTS" in text and "Quảng Trung commune (now part of Quảng Chính commune)" in text
    assert "Năm Quyền fish sauce" in text and "OCOP 3 stars" in text and "Beverages" in text and "Page 1/1" in text
    assert "Nem Huân Hồng" not in text and "Made by Năm Quyền" in text


def test_three_products_fit_one_sheet_with_the_cover(shop):
    """The cover was a page of its own with little on it: three products, in two groups, now fit the
    first sheet under the cover's band, every code still read back."""
    result = shop.ocop("brochure", "--only", "NM", "NEM", "RU", "--out", "in", env=TODAY_ENV)
    assert result.code == 0, result.text
    [(_, text, codes)] = read_pdf(shop.root / "in/to-gioi-thieu-san-pham-ocop.pdf")
    assert "3 sản phẩm" in text and "Trang 1/1" in text and "Đồ uống" in text
    assert sorted(codes) == sorted([SHORT["NM"], SHORT["NEM"], SHORT["RU"], "https://quangtrung.quangxuong.thanhhoa.gov.vn/san-pham/"])
