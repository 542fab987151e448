"""Producer pages: each producer with its products."""
from __future__ import annotations

from conftest import text_of


def test_producer_pages_list_their_products(built):
    text = text_of(built.page("co-so/nam-quyen/"))
    assert "Năm Quyền" in text and "Nước mắm Năm Quyền" in text
    assert 'href="../../san-pham/nem-huan-hong/"' in built.page("co-so/huan-hong/")
