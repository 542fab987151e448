"""English for tourists: /en/ pages from the YAML's `en:` translations, a switch that keeps the reader
on the same product, and the offer of the English page to a phone that is not set to Vietnamese.
A link labelled "English" leads to the page's own English counterpart (issue 16): a page that has none
says "Vietnamese only" and leads to the English home, never "English" to another page."""
from __future__ import annotations

import posixpath
import re

import pytest
from conftest import STORY, phone_page, text_of


def nav_links(html: str) -> list[str]:
    return re.findall(r'<a href="([^"]*)"[^>]*class="md-(?:nav|tabs)__link', html)


def test_english_product_page_from_the_translation(built):
    html = built.page("en/products/nuoc-mam-nam-quyen/")
    assert '<html lang="en"' in html
    text = text_of(html)
    assert "Năm Quyền fish sauce" in text and "OCOP 3 stars" in text
    assert "Food › Sauces, fish sauce and other liquid condiments" in text
    assert "Partly in Vietnamese" not in text  # everything this product has is translated
    assert 'href="../../producers/nam-quyen/"' in html
    # Material's own labels follow the page's language.
    assert 'placeholder="Search"' in html
    assert 'placeholder="Tìm kiếm"' in built.page("san-pham/nuoc-mam-nam-quyen/")


def test_every_page_has_a_switch_to_its_twin(built):
    switch = r'class="ocop-language__switch" href="([^"]*)" hreflang="(\w+)"'
    pairs = {
        "": "en/",
        "san-pham/": "../en/products/",
        "san-pham/nuoc-mam-nam-quyen/": "../../en/products/nuoc-mam-nam-quyen/",
        "co-so/nam-quyen/": "../../en/producers/nam-quyen/",
        "co-so/": "../en/producers/",
        "ke-hoach-2025/": "../en/",  # no English version: the English home page
        "en/": "../",
        "en/products/": "../../san-pham/",
        "en/products/nem-huan-hong/": "../../../san-pham/nem-huan-hong/",
        "en/producers/huan-hong/": "../../../co-so/huan-hong/",
        "en/producers/": "../../co-so/",
    }
    for page, target in pairs.items():
        href, language = re.search(switch, built.page(page)).groups()
        assert (href, language) == (target, "vi" if page.startswith("en/") else "en"), page


def test_text_without_translation_is_shown_in_vietnamese_and_said_so(tourist_site):
    html = tourist_site.page("en/products/nem-huan-hong/")
    text = text_of(html)
    assert "Partly in Vietnamese" in text and "no English version yet" in text
    assert re.search(r'<div class="ocop-vi" lang="vi">.*?\(Vietnamese\).*?' + re.escape(STORY), html, re.S)
    assert "Huân Hồng nem" in text  # the translated name is still used


def test_english_without_vietnamese_is_refused(example):
    example.write(
        "products/huan-hong/nem-huan-hong.yml",
        "name: Nem Huân Hồng\nproducer: huan-hong\ngroup: thuc-pham\nen:\n  name: Huân Hồng nem\n  story: A story.\n",
    )
    result = example.check()
    assert result.code == 1
    assert "products/huan-hong/nem-huan-hong.yml:4: trường 'en': có bản tiếng Anh (en.story) nhưng chưa có bản tiếng Việt" in result.err
    assert "Traceback" not in result.err


def test_english_pages_stay_out_of_the_navigation(project):
    """The navigation must not grow with the products, in either language."""
    assert project.build_in_process().code == 0
    before = nav_links(project.page("en/products/nuoc-mam-nam-quyen/"))
    for number in range(5):
        project.write(f"products/huan-hong/thu-{number}.yml", f"name: Sản phẩm thử {number}\nproducer: huan-hong\ngroup: thuc-pham\n")
    assert project.build_in_process().code == 0
    after = nav_links(project.page("en/products/nuoc-mam-nam-quyen/"))
    assert after == before and not [link for link in after if re.search(r"(^|/)en/", link)]
    assert (project.site / "en" / "products" / "san-pham-thu-4" / "index.html").is_file()


def test_switch_lands_on_the_same_product_and_back(phone, tourist_site):
    phone.goto(tourist_site.address + "san-pham/nuoc-mam-nam-quyen/")
    phone.click("a.ocop-language__switch")
    phone.wait_for_url("**/en/products/nuoc-mam-nam-quyen/")
    assert phone.locator("h1").inner_text() == "Năm Quyền fish sauce"
    assert phone.locator("html").get_attribute("lang") == "en"
    phone.click("a.ocop-language__switch")
    phone.wait_for_url("**/san-pham/nuoc-mam-nam-quyen/")
    assert phone.locator("h1").inner_text() == "Nước mắm Năm Quyền"


def test_english_catalogue_filters(phone, tourist_site):
    phone.goto(tourist_site.address + "en/products/")
    assert phone.locator(".ocop-filters__count").inner_text() == "2 products"
    phone.click(".ocop-filters a:has-text('3 stars')")
    phone.wait_for_url("**/en/products/hang/3-sao/")
    assert phone.locator(".ocop-filters__count").inner_text() == "2 products"
    assert phone.locator("h1").inner_text() == "OCOP products: 3 stars"
    phone.click("a.ocop-language__switch")
    phone.wait_for_url("**/san-pham/hang/3-sao/")  # the same list, in Vietnamese


@pytest.fixture
def foreign_phone(browser):
    with phone_page(browser, "en-US") as page:
        yield page


def test_a_foreign_phone_scanning_the_qr_is_offered_english(foreign_phone, tourist_site):
    page = foreign_phone
    assert page.evaluate("navigator.language") == "en-US"
    page.goto(tourist_site.address + "Q/NM/")  # what the QR code on the bottle opens
    page.wait_for_url("**/san-pham/nuoc-mam-nam-quyen/")
    offer = page.locator(".ocop-offer")
    offer.wait_for(state="visible")
    assert "This page is also in English." in offer.inner_text()
    assert offer.locator("a").bounding_box()["height"] >= 40  # one tap, with a thumb
    offer.locator("a", has_text="Read in English").click()
    page.wait_for_url("**/en/products/nuoc-mam-nam-quyen/")
    assert page.locator("h1").inner_text() == "Năm Quyền fish sauce"
    # A choice made is remembered: back on a Vietnamese page, no second offer.
    page.goto(tourist_site.address + "san-pham/nem-huan-hong/")
    page.wait_for_load_state("load")
    assert page.locator(".ocop-offer").count() == 0


def test_the_offer_can_be_closed_and_stays_closed(foreign_phone, tourist_site):
    page = foreign_phone
    page.goto(tourist_site.address + "san-pham/nuoc-mam-nam-quyen/")
    page.locator(".ocop-offer button").click()
    assert page.locator(".ocop-offer").count() == 0
    page.reload()
    page.wait_for_load_state("load")
    assert page.locator(".ocop-offer").count() == 0


def test_no_offer_for_a_vietnamese_phone(phone, tourist_site):
    assert phone.evaluate("navigator.language") == "vi-VN"
    phone.goto(tourist_site.address + "Q/NM/")
    phone.wait_for_url("**/san-pham/nuoc-mam-nam-quyen/")
    phone.wait_for_load_state("load")
    assert phone.locator(".ocop-offer").count() == 0
    assert phone.locator("a.ocop-language__switch").is_visible()  # the switch is still there


def test_no_offer_on_a_page_without_english_twin(foreign_phone, tourist_site):
    foreign_phone.goto(tourist_site.address + "ke-hoach-2025/")
    foreign_phone.wait_for_load_state("load")
    assert foreign_phone.locator(".ocop-offer").count() == 0


def test_english_pages_show_the_same_photos_described_in_english(tourist_site):
    html = tourist_site.page("en/products/nuoc-mam-nam-quyen/")
    img = re.search(r"<picture>.*?<img ([^>]*)>", html).group(1)
    # The photo has a Vietnamese description only: the English page describes it by the English name.
    assert 'alt="Năm Quyền fish sauce"' in img
    assert 'src="../../../san-pham/nuoc-mam-nam-quyen/nuoc-mam-nam-quyen-1-800.jpg"' in img
    assert not list((tourist_site.site / "en").rglob("*.webp"))  # published once, with the Vietnamese page


def _switch(html: str) -> tuple[str, str] | None:
    """The language switch's (address, label) of a built page."""
    match = re.search(r'<a class="ocop-language__switch" href="([^"]*)"[^>]*>(.*?)</a>', html, re.S)
    if not match:
        return None
    return match.group(1), re.sub(r"<[^>]+>|\s+", " ", match.group(2)).strip()


def _page_of(site, page_path: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_path), href)).lstrip("./")


def test_english_links_lead_to_counterparts(built):
    site = built.site
    checked = 0
    for file in sorted(site.rglob("index.html")):
        path = file.relative_to(site).as_posix()
        if path.startswith("en/") or path.startswith("Q/"):
            continue
        switch = _switch(file.read_text(encoding="utf-8"))
        if switch is None:
            continue
        href, label = switch
        target = _page_of(site, path, href + "index.html")
        twin = site / target
        assert twin.is_file(), f"{path}: the switch leads to {target}, which does not exist"
        back = _switch(twin.read_text(encoding="utf-8"))
        mutual = back is not None and _page_of(site, target, back[0] + "index.html") == path
        if label == "English":
            assert mutual, f"/{path[:-10]}: 'English' leads to /{target[:-10]}, which is not its counterpart"
            checked += 1
        else:
            assert label == "Vietnamese only · English home" and target == "en/index.html", (path, label, target)
    assert checked >= 4  # home, catalogue, directory, products, producers


def test_a_post_without_translation_says_vietnamese_only(built):
    posts = [p for p in built.site.joinpath("tin-tuc").rglob("index.html") if re.search(r"/\d{4}/\d\d/\d\d/", p.as_posix())]
    assert posts
    for post in posts:
        href, label = _switch(post.read_text(encoding="utf-8"))
        assert label == "Vietnamese only · English home"
