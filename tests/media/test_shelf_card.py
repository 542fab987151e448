"""`ocop shelf-card`: an A6 card listing what an outlet sells, each product with its code."""
from __future__ import annotations

from conftest import SAMPLE, SHORT, TODAY_ENV, assert_vector_with_embedded_font, read_pdf


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
