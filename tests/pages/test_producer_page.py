"""Producer pages: each producer with its products."""
from __future__ import annotations

from conftest import text_of


def test_producer_pages_list_their_products(built):
    text = text_of(built.page("co-so/nam-quyen/"))
    assert "Năm Quyền" in text and "Nước mắm Năm Quyền" in text
    assert 'href="../../san-pham/nem-huan-hong/"' in built.page("co-so/huan-hong/")


def test_public_pages_carry_no_print_link(built):
    """What to print is for the producer and the officer: the print page is linked from the guide only."""
    public = [
        path for path in built.site.rglob("index.html")
        if path.relative_to(built.site).parts[0] in ("co-so", "san-pham", "en")
        and "in-tem" not in path.relative_to(built.site).parts
    ]
    assert any(path.relative_to(built.site).as_posix() == "co-so/nam-quyen/index.html" for path in public)
    linking = sorted(path.relative_to(built.site).as_posix() for path in public if "in-tem/" in path.read_text(encoding="utf-8"))
    assert linking == []
    assert "in tem" not in text_of(built.page("co-so/nam-quyen/")).lower()
    guide = built.page("huong-dan/tem-qr/")
    assert 'href="../../san-pham/nuoc-mam-nam-quyen/in-tem/"' in guide
    assert 'href="../../san-pham/nem-huan-hong/in-tem/"' in guide
