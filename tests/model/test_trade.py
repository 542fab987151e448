"""Where to buy: points of sale and fairs as data, on /diem-ban/, /hoi-cho/ and on each product page.

The example data holds no outlet and no fair (the plan names none), so the pages must read well empty;
the outlets and fairs below are test data, clearly fictional, written into throw-away copies.
"""
from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import OUTLET_ONLINE, OUTLET_SHOP, epoch, text_of


def test_empty_pages_read_well(built):
    outlets = text_of(built.page("diem-ban/"))
    assert "Chưa có điểm bán nào được ghi trên trang" in outlets
    assert "Trung tâm OCOP (cấp huyện, cấp tỉnh)" in outlets  # what the plan says the system is
    fairs = text_of(built.page("hoi-cho/"))
    assert "Chưa có hội chợ, triển lãm nào sắp diễn ra" in fairs
    assert "Chưa có hội chợ, triển lãm nào đã diễn ra" in fairs
    # A product no outlet lists still answers "where do I get it": it says so and leads to the outlets.
    product = built.page("san-pham/nuoc-mam-nam-quyen/")
    assert "Mua ở đâu Chưa có điểm bán nào ghi sản phẩm này. Xem các điểm bán" in text_of(product)
    assert 'href="../../diem-ban/"' in product


def test_an_outlet_shows_on_the_outlets_page_and_on_its_products_pages(project):
    project.write("products/_diem-ban/cua-hang-thu-nghiem.yml", OUTLET_SHOP)
    project.write("products/_diem-ban/gian-hang-thu-nghiem.yml", OUTLET_ONLINE)
    assert project.check().code == 0
    assert project.build_in_process().code == 0

    html = project.page("diem-ban/")
    text = text_of(html)
    assert "Cửa hàng Thử Nghiệm" in text and "Số 0 đường Thử Nghiệm" in text and "7:00 – 21:00 hằng ngày" in text
    assert text.index("Cửa hàng, điểm bán") < text.index("Cửa hàng Thử Nghiệm") < text.index("Mua trực tuyến")
    assert text.index("Mua trực tuyến") < text.index("Gian hàng Thử Nghiệm")
    assert 'id="cua-hang-thu-nghiem"' in html and 'href="tel:0900000000"' in html
    assert 'href="../san-pham/nuoc-mam-nam-quyen/"' in html and 'href="https://shopee.vn/thu-nghiem"' in html
    assert "Chưa có điểm bán nào" not in text

    fish_sauce = project.page("san-pham/nuoc-mam-nam-quyen/")
    section = text_of(fish_sauce).split("Mua ở đâu", 1)[1]
    assert "Cửa hàng Thử Nghiệm" in section and "Gian hàng Thử Nghiệm" in section
    assert 'href="../../diem-ban/#cua-hang-thu-nghiem"' in fish_sauce
    nem = text_of(project.page("san-pham/nem-huan-hong/"))
    assert "Gian hàng Thử Nghiệm" in nem and "Cửa hàng Thử Nghiệm" not in nem


def test_the_products_own_sellers_and_the_outlets_are_listed_together(project):
    project.write("products/_diem-ban/cua-hang-thu-nghiem.yml", OUTLET_SHOP)
    path = project.root / "products/nam-quyen/nuoc-mam-nam-quyen.yml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "where_to_buy:\n  - name: Quầy thử A\n    phone: \"0900 111 333\"\n  - name: Quầy thử B\n",
        encoding="utf-8",
    )
    assert project.build_in_process().code == 0
    html = project.page("san-pham/nuoc-mam-nam-quyen/")
    section = html.split('id="mua-o-au"', 1)[1].split("<h2", 1)[0]
    items = [text_of(f"<article>{item}</article>") for item in re.findall(r"<li>(.*?)</li>", section, re.DOTALL)]
    assert [item.split(" ·")[0].split(",")[0].strip() for item in items] == ["Cửa hàng Thử Nghiệm", "Quầy thử A", "Quầy thử B"]
    # A seller's phone is called with one tap, as on the producer's page, in both languages.
    assert '<a href="tel:0900111333">0900 111 333</a>' in section
    assert '<a href="tel:0900111333">0900 111 333</a>' in project.page("en/products/nuoc-mam-nam-quyen/")


def _fair(name: str, start: str, end: str | None = None, products: str = "[nuoc-mam-nam-quyen]") -> str:
    return f"name: {name}\nstart: {start}\n" + (f"end: {end}\n" if end else "") + f"place: Nhà văn hóa Thử\nproducts: {products}\n"


def test_fairs_are_upcoming_or_past_against_the_build_date(project):
    project.write("products/_hoi-cho/hoi-cho-thu-mua-xuan.yml", _fair("Hội chợ thử mùa xuân", "01/03/2025", "03/03/2025"))
    project.write("products/_hoi-cho/hoi-cho-thu-mua-he.yml", _fair("Hội chợ thử mùa hè", "14/06/2025", "16/06/2025"))
    project.write("products/_hoi-cho/hoi-cho-thu-mua-thu.yml", _fair("Hội chợ thử mùa thu", "2025-09-01", products="[nem-huan-hong]"))
    assert project.build(env={"SOURCE_DATE_EPOCH": epoch(dt.date(2025, 6, 15))}).code == 0

    text = text_of(project.page("hoi-cho/"))
    upcoming, past = text.split("Sắp diễn ra", 1)[1].split("Đã diễn ra", 1)
    assert upcoming.index("Hội chợ thử mùa hè") < upcoming.index("Hội chợ thử mùa thu")
    assert "Đang diễn ra" in upcoming.split("Hội chợ thử mùa thu")[0]
    assert "14/06/2025 – 16/06/2025" in upcoming and "01/09/2025" in upcoming
    assert "Hội chợ thử mùa xuân" in past and "01/03/2025 – 03/03/2025" in past
    assert "Hội chợ thử mùa xuân" not in upcoming
    assert "Danh sách tính đến ngày 15/06/2025" in past

    fish_sauce = text_of(project.page("san-pham/nuoc-mam-nam-quyen/"))
    assert "Hội chợ thử mùa hè" in fish_sauce and "Hội chợ thử mùa xuân" not in fish_sauce
    assert "Hội chợ thử mùa thu" in text_of(project.page("san-pham/nem-huan-hong/"))

    # The day after the summer fair ends, it is past.
    assert project.build(env={"SOURCE_DATE_EPOCH": epoch(dt.date(2025, 6, 17))}).code == 0
    past = text_of(project.page("hoi-cho/")).split("Đã diễn ra", 1)[1]
    assert past.index("Hội chợ thử mùa hè") < past.index("Hội chợ thử mùa xuân")
    assert "Hội chợ thử mùa hè" not in text_of(project.page("san-pham/nuoc-mam-nam-quyen/"))


MISTAKES = {
    # id: (folder/file, content, line, field, words)
    "unknown-product": ("_diem-ban/thu.yml", OUTLET_SHOP.replace("  - nuoc-mam-nam-quyen", "  - nuoc-mam"), 8, "products[0]",
                        "không có sản phẩm 'nuoc-mam'; có phải ý bạn là 'nuoc-mam-nam-quyen'?"),
    "online-without-url": ("_diem-ban/thu.yml", OUTLET_ONLINE.replace("url: https://shopee.vn/thu-nghiem\n", ""), 1, None,
                           "gian hàng Shopee cần trường 'url'"),
    "unknown-kind": ("_diem-ban/thu.yml", OUTLET_SHOP.replace("kind: siêu thị", "kind: tạp hóa"), 2, "kind", "phải là một trong"),
    "bad-file-name": ("_diem-ban/Cửa hàng.yml", OUTLET_SHOP, None, None, "tên tệp chỉ dùng chữ thường không dấu"),
    "fair-ends-before-it-starts": ("_hoi-cho/thu.yml", _fair("Hội chợ thử", "05/03/2025", "01/03/2025"), 3, "end",
                                   "ngày kết thúc phải từ ngày bắt đầu trở đi"),
    "fair-impossible-date": ("_hoi-cho/thu.yml", _fair("Hội chợ thử", "31/02/2025"), 2, "start", "ngày không có thật"),
    "fair-unknown-product": ("_hoi-cho/thu.yml", _fair("Hội chợ thử", "01/03/2025", products="[nem]"), 4, "products[0]",
                             "có phải ý bạn là 'nem-huan-hong'?"),
}


@pytest.mark.parametrize("case", MISTAKES)
def test_mistakes_in_outlets_and_fairs_name_file_line_and_field(example, case):
    relative, content, line, field, words = MISTAKES[case]
    file = f"products/{relative}"
    example.write(file, content)
    result = example.check()
    assert result.code == 1 and "Traceback" not in result.text
    row = next((row for row in result.err.splitlines() if file in row), "")
    assert (f"{file}:{line}:" if line else f"{file}:") in row, result.err
    if field:
        assert f"trường '{field}'" in row, result.err
    assert words in row, result.err
