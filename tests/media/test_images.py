"""Photos: an officer's camera originals become small, responsive pictures; the work is done once.

The example data has no photos (none are known to be true), so these tests draw their own test
images in a throw-away copy of the project.
"""
from __future__ import annotations

import re

import pytest
from conftest import draw_photo, serve
from PIL import Image

FISH_SAUCE = "products/nam-quyen/nuoc-mam-nam-quyen.yml"





@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("photos") / "project")
    draw_photo(project.products / "nam-quyen" / "chai-goc.jpg", orientation=6, gps=True)
    draw_photo(project.products / "nam-quyen" / "nho.jpg", size=(300, 200))
    with open(project.products / "nam-quyen" / "nuoc-mam-nam-quyen.yml", "a", encoding="utf-8") as data:
        data.write("photos:\n  - file: chai-goc.jpg\n    alt: Ảnh thử nghiệm chai\n  - nho.jpg\n")
    first = project.build()
    assert first.code == 0, first.text
    project.first_build_log = first.text
    return project


def pictures(html: str) -> list[str]:
    return re.findall(r"<picture>.*?</picture>", html)


def attribute(tag: str, name: str) -> str | None:
    match = re.search(rf'\s{name}="([^"]*)"', tag)
    return match.group(1) if match else None


def test_product_photos_are_responsive_pictures(photo_site):
    html = photo_site.page("san-pham/nuoc-mam-nam-quyen/")
    first, second = pictures(html)
    assert '<source type="image/webp"' in first  # the modern format; the <img> is the JPEG fallback
    assert attribute(re.search(r"<img [^>]*>", first).group(0), "src").endswith(".jpg")
    img = re.search(r"<img [^>]*>", first).group(0)
    # The camera said "turn a quarter": the 4000 × 3000 original is shown upright, 1200 wide at most.
    assert (attribute(img, "width"), attribute(img, "height")) == ("1200", "1600")
    assert attribute(img, "srcset").endswith("1200w") and "400w" in attribute(img, "srcset")
    assert attribute(img, "sizes") and attribute(img, "alt") == "Ảnh thử nghiệm chai"
    # The first photo is what the visitor sees first; the others wait until they scroll near.
    assert 'fetchpriority="high"' in first and 'loading="lazy"' not in first
    assert 'loading="lazy"' in second
    # A small original is never enlarged.
    assert "300w" in second and "400w" not in second and 'width="300"' in second


def test_originals_are_not_published_and_keep_no_camera_metadata(photo_site):
    folder = photo_site.site / "san-pham" / "nuoc-mam-nam-quyen"
    assert not list(photo_site.site.rglob("chai-goc.jpg"))
    original_size = (photo_site.products / "nam-quyen" / "chai-goc.jpg").stat().st_size
    for path in folder.glob("nuoc-mam-nam-quyen-1-*"):
        assert path.stat().st_size < original_size / 4, path.name
        with Image.open(path) as image:
            assert max(image.size) <= 1600
            assert 0x8825 not in image.getexif(), f"{path.name} still carries the GPS position"
    assert {p.suffix for p in folder.glob("nuoc-mam-nam-quyen-1-*")} == {".webp", ".jpg"}


def test_catalogue_card_shows_the_photo_or_a_plain_tile(photo_site):
    html = photo_site.page("san-pham/")
    cards = re.findall(r'<article class="ocop-card".*?</article>', html, re.S)
    with_photo = next(card for card in cards if "nuoc-mam-nam-quyen/" in card)
    without = next(card for card in cards if "nem-huan-hong/" in card)
    assert 'srcset="nuoc-mam-nam-quyen/nuoc-mam-nam-quyen-1-400.webp 400w' in with_photo
    assert 'loading="lazy"' in with_photo
    assert "<img" not in without and "ocop-card__photo--none" in without


def test_a_second_build_writes_no_new_image_file(photo_site):
    cache = photo_site.root / ".cache" / "ocop" / "photos"
    before = {path: path.stat().st_mtime_ns for path in cache.rglob("*") if path.is_file()}
    assert len([p for p in before if p.suffix != ".json"]) == 3 * 2 + 2  # 3 widths + 1 small, 2 formats
    assert "8 tệp ảnh mới" in photo_site.first_build_log
    second = photo_site.build()
    assert second.code == 0, second.text
    after = {path: path.stat().st_mtime_ns for path in cache.rglob("*") if path.is_file()}
    assert after == before
    assert "0 tệp ảnh mới" in second.text
    assert len(pictures(photo_site.page("san-pham/nuoc-mam-nam-quyen/"))) == 2


def test_a_phone_downloads_the_small_modern_rendition(phone, photo_site):
    with serve(photo_site.site) as address:
        phone.goto(address + "san-pham/nuoc-mam-nam-quyen/")
        chosen = phone.locator("picture img").first.evaluate("img => img.currentSrc")
    assert chosen.endswith("nuoc-mam-nam-quyen-1-400.webp"), chosen


def test_pages_without_photos_have_no_picture(built):
    assert "<picture>" not in built.page("san-pham/nem-huan-hong/")
    cards = re.search(r'<div class="ocop-cards">.*?</div>\s*(?=<nav class="ocop-pages"|</article>|<p)', built.page("san-pham/"), re.S)
    assert cards and "<img" not in cards.group(0)


def test_a_photo_cut_short_is_reported_not_crashed_on(project):
    data = (project.products / "nam-quyen" / "hong.jpg")
    draw_photo(data, size=(1600, 1200))
    data.write_bytes(data.read_bytes()[: data.stat().st_size // 2])  # an interrupted copy
    product = project.products / "nam-quyen" / "nuoc-mam-nam-quyen.yml"
    line = len(product.read_text(encoding="utf-8").splitlines()) + 2
    with open(product, "a", encoding="utf-8") as yaml_file:
        yaml_file.write("photos:\n  - hong.jpg\n")
    for result in (project.ocop("check"), project.build()):
        assert result.code == 1
        assert f"products/nam-quyen/nuoc-mam-nam-quyen.yml:{line}: trường 'photos[0].file': tệp không phải ảnh hợp lệ: hong.jpg" in result.text
        assert "Traceback" not in result.text
    assert not (project.site / "index.html").exists()
