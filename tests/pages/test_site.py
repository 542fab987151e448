"""The example site: every page a visitor reaches, with the facts the commune's plan gives."""
from __future__ import annotations

import re

from conftest import SITE_URL, text_of


def test_product_pages_show_their_facts(built):
    fish_sauce = text_of(built.page("san-pham/nuoc-mam-nam-quyen/"))
    assert "Nước mắm Năm Quyền" in fish_sauce
    assert "OCOP 3 sao" in fish_sauce
    assert "Thực phẩm › Gia vị › Tương, nước mắm, gia vị dạng lỏng khác" in fish_sauce
    assert "Năm Quyền" in fish_sauce
    nem = text_of(built.page("san-pham/nem-huan-hong/"))
    assert "Nem Huân Hồng" in nem and "OCOP 3 sao" in nem and "Thực phẩm › Chế biến từ thịt" in nem


def test_product_page_links_its_producer_and_its_print_page_offers_the_qr(built):
    html = built.page("san-pham/nuoc-mam-nam-quyen/")
    assert 'href="../../co-so/nam-quyen/"' in html
    assert re.search(r'<span class="ocop-stars ocop-stars--3"[^>]*>.*★★★', html)
    assert "qr-nuoc-mam-nam-quyen.svg" not in html and "download=" not in html  # printing has its own page
    assert f"{SITE_URL}san-pham/nuoc-mam-nam-quyen/" in html
    printing = built.page("san-pham/nuoc-mam-nam-quyen/in-tem/")
    assert 'src="../qr-nuoc-mam-nam-quyen.svg"' in printing
    assert '<a download="qr-nuoc-mam-nam-quyen.svg" href="../qr-nuoc-mam-nam-quyen.svg">' in printing
    assert '<a download="qr-nuoc-mam-nam-quyen.png" href="../qr-nuoc-mam-nam-quyen.png">' in printing


def test_unknown_facts_are_left_out_not_invented(built):
    """The plan gives no decision number, address or phone: the pages must not show any."""
    for path in ("san-pham/nuoc-mam-nam-quyen/", "san-pham/nem-huan-hong/", "co-so/nam-quyen/", "co-so/huan-hong/"):
        text = text_of(built.page(path))
        assert "Quyết định công nhận" not in text
        assert "Điện thoại" not in text and "Địa chỉ" not in text
        assert "None" not in text and "chưa rõ" not in text


def test_producer_pages_list_their_products(built):
    text = text_of(built.page("co-so/nam-quyen/"))
    assert "Năm Quyền" in text and "Nước mắm Năm Quyền" in text
    assert 'href="../../san-pham/nem-huan-hong/"' in built.page("co-so/huan-hong/")


def test_catalogue_and_directory_list_everything(built):
    catalogue = built.page("san-pham/")
    for slug, name in (("nuoc-mam-nam-quyen", "Nước mắm Năm Quyền"), ("nem-huan-hong", "Nem Huân Hồng")):
        assert f'href="{slug}/"' in catalogue and name in catalogue
    assert catalogue.count('class="ocop-card"') == 2
    directory = text_of(built.page("co-so/"))
    assert "Năm Quyền" in directory and "Huân Hồng" in directory


def test_home_and_plan_pages(built):
    home = text_of(built.page(""))
    assert "Quảng Trung" in home and "Thanh Hóa" in home and "Quảng Chính" in home
    plan = text_of(built.page("ke-hoach-2025/"))
    assert "Phấn đấu có thêm 1 sản phẩm đạt tiêu chuẩn OCOP 3 sao" in plan


def test_product_pages_stay_out_of_the_navigation(built):
    """A long navigation makes MkDocs quadratic: products are reached from the catalogue only."""
    html = built.page("")
    links = re.findall(r'<a href="([^"]*)"[^>]*class="md-(?:nav|tabs)__link', html)
    assert "san-pham/" in links and "co-so/" in links
    assert not [link for link in links if "nuoc-mam-nam-quyen" in link or "co-so/nam-quyen" in link]


def test_site_is_vietnamese_and_needs_no_other_host_for_fonts(built):
    html = built.page("")
    assert '<html lang="vi"' in html
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
