"""Certificate status on the built pages and in the catalogue, with "today" fixed by SOURCE_DATE_EPOCH.

The test data (fictional, in a throw-away copy) puts one product on each side of each boundary for
today = 15/03/2026, and the same site is built again one day later, so every product is seen on
both sides of its own boundary:

    last-day     decision 15/03/2023  → valid through 15/03/2026 (36 months): last valid day, then expired
    window-in    valid_until 13/06/2026 (90 days ahead): expiring soon
    window-out   valid_until 14/06/2026 (91 days ahead): valid, then expiring soon the next day
"""
from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import full_tier_fixture, NEXT_DAY, TODAY, copy_project, epoch, text_of


def product(name: str, producer: str, certification: str, extra: str = "") -> str:
    return f"name: {name}\nproducer: {producer}\ngroup: thuc-pham\ncertification:\n{certification}{extra}"


BOUNDARY_PRODUCTS = {
    "products/huan-hong/last-day.yml": product(
        "Chả ngày cuối", "huan-hong", "  stars: 4\n  decision: 12/QĐ-UBND\n  date: 15/03/2023\n  issuer: UBND tỉnh Thử Nghiệm\n"
    ),
    "products/huan-hong/window-in.yml": product("Giò trong hạn báo", "huan-hong", "  stars: 3\n  date: 01/01/2024\n  valid_until: 13/06/2026\n"),
    "products/nam-quyen/window-out.yml": product("Mắm ngoài hạn báo", "nam-quyen", "  stars: 5\n  date: 01/01/2024\n  valid_until: 14/06/2026\n"),
    "products/nam-quyen/candidate.yml": "name: Mắm tép chuẩn bị\nproducer: nam-quyen\ngroup: thuc-pham\ncertification: candidate\n",
}


def boundary_project(tmp_path_factory, day: dt.date, hour_utc: int = 5):
    project = copy_project(tmp_path_factory.mktemp(f"boundary-{day}") / "project")
    for path, text in BOUNDARY_PRODUCTS.items():
        project.write(path, text)
    result = project.build(env={"SOURCE_DATE_EPOCH": epoch(day, hour_utc)})
    assert result.code == 0, result.text
    return project


@full_tier_fixture(scope="module")
def on_day(tmp_path_factory):
    # 18:00 UTC on the 14th is 01:00 on the 15th in Vietnam: "today" is Vietnam's date.
    return boundary_project(tmp_path_factory, TODAY - dt.timedelta(days=1), hour_utc=18)


@full_tier_fixture(scope="module")
def day_after(tmp_path_factory):
    return boundary_project(tmp_path_factory, NEXT_DAY)


def badge(html: str) -> str:
    match = re.search(r'<span class="ocop-stars[^"]*"[^>]*>((?:<span[^>]*>[^<]*</span>)?[^<]*)</span>', html)
    return re.sub(r"<[^>]+>", "", match.group(1)) if match else ""


RATING_LISTS = {"5": "5-sao", "4": "4-sao", "3": "3-sao", "candidate": "dang-chuan-bi", "expired": "het-hieu-luc"}


def card_texts(html: str) -> dict[str, str]:
    """Catalogue cards: product name → visible text."""
    found = {}
    for body in re.findall(r'<article class="ocop-card"[^>]*>(.*?)</article>', html, re.S):
        name = re.search(r"<strong><a [^>]*>(.*?)</a></strong>", body).group(1)
        found[name] = text_of(f"<article>{body}</article>")
    return found


def cards(project) -> dict[str, tuple[str, str]]:
    """The catalogue's cards: product name → (the rating list it is found in, its visible text)."""
    texts = card_texts(project.page("san-pham/"))
    ratings = {}
    for key, folder in RATING_LISTS.items():
        if (project.site / "san-pham" / "hang" / folder / "index.html").is_file():
            for name in card_texts(project.page(f"san-pham/hang/{folder}/")):
                assert name not in ratings, f"{name} is in two rating lists"
                ratings[name] = key
    return {name: (ratings.get(name, ""), text) for name, text in texts.items()}


def test_pages_do_not_date_their_information_by_the_build_day(on_day, day_after):
    """The build day judges the certificates, but is not when the information was confirmed: without a
    `verified:` date or Git history the pages say no "as of" day (see test_as_of.py)."""
    for page in ("san-pham/", "san-pham/cha-ngay-cuoi/", "co-so/huan-hong/"):
        for site in (on_day, day_after):
            assert "Thông tin tính đến ngày" not in text_of(site.page(page)), page


def test_last_valid_day_then_expired(on_day, day_after):
    before = on_day.page("san-pham/cha-ngay-cuoi/")
    assert "★★★★ OCOP 4 sao" in badge(before)
    assert "có hiệu lực đến hết ngày 15/03/2026, tức là hôm nay" in text_of(before)
    assert "hết hiệu lực từ" not in text_of(before)

    after = day_after.page("san-pham/cha-ngay-cuoi/")
    text = text_of(after)
    assert badge(after) == "Chứng nhận OCOP đã hết hiệu lực"
    assert "★" not in text.split("Sản phẩm khác")[0]  # below, the other products' cards show their own stars
    assert "Chứng nhận OCOP đã hết hiệu lực" in text
    assert "có hiệu lực đến hết ngày 15/03/2026 và đã hết hiệu lực từ ngày 16/03/2026" in text
    assert "không còn được dùng số sao và biểu trưng OCOP" in text


def test_expiring_soon_window(on_day, day_after):
    inside = text_of(on_day.page("san-pham/gio-trong-han-bao/"))
    assert "Chứng nhận OCOP sắp hết hiệu lực" in inside and "còn 90 ngày" in inside

    outside = on_day.page("san-pham/mam-ngoai-han-bao/")
    assert "★★★★★ OCOP 5 sao" in badge(outside)
    assert "sắp hết hiệu lực" not in text_of(outside)
    assert "Chứng nhận còn hiệu lực đến hết ngày 14/06/2026" in text_of(outside)

    next_day = text_of(day_after.page("san-pham/mam-ngoai-han-bao/"))
    assert "Chứng nhận OCOP sắp hết hiệu lực" in next_day and "còn 90 ngày" in next_day


def test_catalogue_shows_and_filters_by_current_status(on_day, day_after):
    before = cards(on_day)
    assert before["Chả ngày cuối"][0] == "4"
    assert "hôm nay là ngày cuối" in before["Chả ngày cuối"][1]
    assert before["Giò trong hạn báo"][0] == "3" and "còn 90 ngày" in before["Giò trong hạn báo"][1]
    assert before["Mắm ngoài hạn báo"][0] == "5" and "sắp hết" not in before["Mắm ngoài hạn báo"][1]
    assert before["Mắm tép chuẩn bị"][0] == "candidate"
    assert not (on_day.site / "san-pham" / "hang" / "het-hieu-luc").exists()

    after = cards(day_after)
    stars, text = after["Chả ngày cuối"]
    assert stars == "expired"
    assert "★" not in text and "OCOP 4 sao" not in text.replace("Chứng nhận OCOP 4 sao đã hết hiệu lực", "")
    assert "Chứng nhận OCOP 4 sao đã hết hiệu lực từ ngày 16/03/2026" in text
    assert after["Mắm ngoài hạn báo"][0] == "5" and "còn 90 ngày" in after["Mắm ngoài hạn báo"][1]
    assert "Chứng nhận đã hết hiệu lực (1)" in text_of(day_after.page("san-pham/"))


def test_producer_page_shows_no_expired_stars(day_after):
    html = day_after.page("co-so/huan-hong/")
    item = re.search(r"<li>(?:(?!</li>).)*?Chả ngày cuối.*?</li>", html, re.S).group(0)  # its own item only
    assert "★" not in item and "đã hết hiệu lực" in item


def test_catalogue_filter_in_the_browser_treats_expired_apart(phone, day_after):
    from conftest import serve

    with serve(day_after.site) as address:
        phone.goto(address + "san-pham/hang/4-sao/")
        assert "Chả ngày cuối" not in phone.locator(".ocop-card strong a").all_inner_texts()
        phone.goto(address + "san-pham/")
        phone.click(".ocop-filters a:has-text('Chứng nhận đã hết hiệu lực')")
        phone.wait_for_url("**/san-pham/hang/het-hieu-luc/")
        assert phone.locator(".ocop-card strong a").all_inner_texts() == ["Chả ngày cuối"]


def test_undated_stars_are_shown_with_a_plain_note(built):
    """The plan gives the two products' stars but no dates: the stars show, the missing date is said."""
    text = text_of(built.page("san-pham/nuoc-mam-nam-quyen/"))
    assert "OCOP 3 sao" in text
    assert "Chưa có ngày quyết định công nhận nên chưa tính được thời hạn chứng nhận" in text
    assert "hiệu lực đến" not in text and "hết hiệu lực" not in text
    catalogue = cards(built)
    assert catalogue["Nước mắm Năm Quyền"][0] == "3"


@pytest.mark.full
def test_expiring_window_follows_the_plugin_setting(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("window") / "project")
    for path, text in BOUNDARY_PRODUCTS.items():
        project.write(path, text)
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    project.write("mkdocs.yml", config.replace("      products_dir: products\n", "      products_dir: products\n      expiring_days: 30\n"))
    assert project.build(env={"SOURCE_DATE_EPOCH": epoch(TODAY)}).code == 0
    assert "sắp hết hiệu lực" not in text_of(project.page("san-pham/gio-trong-han-bao/"))
    assert "hôm nay" in text_of(project.page("san-pham/cha-ngay-cuoi/"))


def test_a_bad_source_date_epoch_is_explained(example):
    result = example.check(env={"SOURCE_DATE_EPOCH": "hôm qua"})
    assert result.code == 1 and "Traceback" not in result.text
    assert "SOURCE_DATE_EPOCH" in result.err and "số giây" in result.err


@pytest.mark.parametrize(
    "decision, until",
    [
        (dt.date(2024, 6, 1), dt.date(2027, 6, 1)),
        (dt.date(2024, 2, 29), dt.date(2027, 2, 28)),  # no 29 February in 2027: the month's last day
        (dt.date(2023, 12, 31), dt.date(2026, 12, 31)),
    ],
)
def test_thirty_six_months(decision, until):
    from ocop.model.certificate import State, certificate_status
    from ocop.model.models import Certification

    status = certificate_status(Certification(stars=3, date=decision), until)
    assert status.valid_until == until and status.state == State.EXPIRING and status.days_left == 0
    assert certificate_status(Certification(stars=3, date=decision), until + dt.timedelta(days=1)).state == State.EXPIRED
