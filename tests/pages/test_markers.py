"""Hand-written pages that count or list the products take both from the data ([[so-san-pham-ocop]],
[[san-pham-ocop]]): a product added to products/ appears on the home page, /en/ and /du-lich/ at the
next build, with no page edited. The products below are test data, clearly fictional."""
from __future__ import annotations

import datetime as dt

from conftest import text_of

THIRD = """\
name: Mắm tép thử nghiệm
producer: nam-quyen
group: thuc-pham
certification:
  stars: 3
en:
  name: Test shrimp paste
"""
FOUR_STARS = """\
name: Rượu thử nghiệm
producer: huan-hong
group: do-uong
certification:
  stars: 4
  date: 01/06/2025
"""
EXPIRED = """\
name: Chả thử đã hết hạn
producer: huan-hong
group: thuc-pham
certification:
  stars: 5
  date: 01/01/2020
"""


def _epoch(day: dt.date) -> str:
    return str(int(dt.datetime.combine(day, dt.time(12), dt.timezone(dt.timedelta(hours=7))).timestamp()))


def test_the_example_pages_count_the_two_products(built):
    assert "Xã có hai sản phẩm đạt OCOP 3 sao, cùng ngành hàng Thực phẩm." in text_of(built.page(""))
    assert "The commune has two products rated 3 stars under OCOP, both in the Food group." in text_of(built.page("en/"))
    assert "Xã có hai sản phẩm đạt OCOP 3 sao, cùng ngành hàng Thực phẩm." in text_of(built.page("du-lich/"))


def test_a_third_product_is_named_and_counted_on_every_page_without_editing_them(project):
    project.write("products/nam-quyen/mam-tep.yml", THIRD)
    result = project.build()
    assert result.code == 0, result.text

    home_html = project.page("")
    home = text_of(home_html)
    assert "Xã có ba sản phẩm đạt OCOP 3 sao, cùng ngành hàng Thực phẩm." in home
    assert "hai sản phẩm đạt OCOP 3 sao" not in home
    for name in ("Mắm tép thử nghiệm", "Nước mắm Năm Quyền", "Nem Huân Hồng"):
        assert name in home
    assert 'href="san-pham/mam-tep-thu-nghiem/"' in home_html

    english_html = project.page("en/")
    english = text_of(english_html)
    assert "The commune has three products rated 3 stars under OCOP, all in the Food group." in english
    assert "Test shrimp paste" in english and 'href="products/mam-tep-thu-nghiem/"' in english_html

    tourism_html = project.page("du-lich/")
    tourism = text_of(tourism_html)
    assert "Xã có ba sản phẩm đạt OCOP 3 sao, cùng ngành hàng Thực phẩm." in tourism
    assert "Mắm tép thử nghiệm" in tourism and 'href="../san-pham/mam-tep-thu-nghiem/"' in tourism_html
    assert tourism_html.count('class="ocop-product-card"') == 3


def test_stars_and_groups_are_counted_as_they_stand_on_the_build_day(project):
    """A 4-star product of another group; a product whose certificate has expired is neither counted
    nor listed (its stars may no longer be used)."""
    project.write("products/huan-hong/ruou.yml", FOUR_STARS)
    project.write("products/huan-hong/cha.yml", EXPIRED)
    result = project.build(env={"SOURCE_DATE_EPOCH": _epoch(dt.date(2026, 3, 15))})
    assert result.code == 0, result.text

    home = text_of(project.page(""))
    assert "Xã có ba sản phẩm đạt OCOP: một sản phẩm 4 sao và hai sản phẩm 3 sao." in home
    assert home.index("Rượu thử nghiệm") < home.index("Nem Huân Hồng")  # the most stars first
    assert "Chả thử đã hết hạn" not in home
    english = text_of(project.page("en/"))
    assert "The commune has three products rated under OCOP: one with 4 stars and two with 3 stars." in english
    assert "Chả thử đã hết hạn" not in text_of(project.page("du-lich/"))


def test_a_marker_with_a_wrong_word_is_explained(example):
    page = example.root / "docs/du-lich.md"
    page.write_text(page.read_text(encoding="utf-8").replace("[[san-pham-ocop: thẻ]]", "[[san-pham-ocop: bảng]]"), encoding="utf-8")
    result = example.check()
    assert result.code == 1
    assert "docs/du-lich.md" in result.err and "[[san-pham-ocop: thẻ]] (dạng thẻ)" in result.err


def test_on_a_phone_every_card_holds_its_star_badge(tourist_site, phone):
    """/du-lich/ at 360 × 740: the card with a photo pushed its star badge past its right edge."""
    phone.goto(tourist_site.address + "du-lich/")
    cards = phone.locator(".ocop-product-card")
    assert cards.count() == 2 and phone.locator(".ocop-product-card img").count() == 1  # one with a photo
    for index in range(cards.count()):
        card = cards.nth(index).bounding_box()
        badge = cards.nth(index).locator(".ocop-stars").bounding_box()
        assert badge["x"] >= card["x"] and badge["x"] + badge["width"] <= card["x"] + card["width"], (index, badge, card)
        assert badge["y"] >= card["y"] and badge["y"] + badge["height"] <= card["y"] + card["height"], (index, badge, card)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360  # nothing wider than the screen either


def test_a_news_section_without_posts_is_left_out_not_announced(built, project):
    """/du-lich/ said "Chưa có bài viết nào trong chuyên mục Du lịch – lễ hội." under its own heading."""
    tourism = text_of(built.page("du-lich/"))
    assert "Tin du lịch – lễ hội" not in tourism and "Chưa có bài viết nào" not in tourism
    assert "Sản phẩm OCOP làm quà" in tourism  # the sections with content stay
    assert "Tin mới" in text_of(built.page(""))  # the example post: the home page's section stays
    project.write(
        "docs/tin-tuc/posts/du-lich-thu-nghiem.md",
        "---\ndate: 2025-08-15\ncategories:\n  - Du lịch – lễ hội\n---\n\n# Lễ hội thử nghiệm\n\nBài thử nghiệm.\n",
    )
    assert project.build_in_process().code == 0
    tourism = text_of(project.page("du-lich/"))
    assert "Tin du lịch – lễ hội" in tourism and "Lễ hội thử nghiệm" in tourism
