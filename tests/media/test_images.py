"""Photos: an officer's camera originals become small, responsive pictures; the work is done once.

The example data has no photos (none are known to be true), so these tests draw their own test
images in a throw-away copy of the project.
"""
from __future__ import annotations

import re

import pytest
from conftest import full_tier_fixture, draw_photo, serve
from PIL import Image

FISH_SAUCE = "products/nam-quyen/nuoc-mam-nam-quyen.yml"





@full_tier_fixture(scope="module")
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


POST = "docs/tin-tuc/posts/2026-11-28-ke-hoach-ocop-nam-2025.md"


def _screenshot(path, size) -> None:
    """A stitched phone screenshot: a PNG of stripes, as tall as the phone scrolled."""
    image = Image.new("RGB", size, "white")
    for top in range(0, size[1], 400):
        image.paste((200, 60, 40) if top % 800 else (40, 90, 160), (0, top, size[0], min(size[1], top + 200)))
    image.save(path)


def _show_in_product_and_post(project, name: str) -> tuple[int, int]:
    """The photo `name` (in products/nam-quyen/ and docs/tin-tuc/posts/anh/) shown by the fish sauce and
    the example post; the lines that name it."""
    product = project.products / "nam-quyen" / "nuoc-mam-nam-quyen.yml"
    product_line = len(product.read_text(encoding="utf-8").splitlines()) + 2
    with open(product, "a", encoding="utf-8") as data:
        data.write(f"photos:\n  - {name}\n")
    post = project.root / POST
    text = post.read_text(encoding="utf-8")
    post.write_text(text + f"\n![Ảnh chụp màn hình thử nghiệm](anh/{name})\n", encoding="utf-8")
    return product_line, len(text.splitlines()) + 2


def test_a_stitched_phone_screenshot_is_published_narrower_within_the_encoders_limits(project):
    """1080 × 17,000 points: taller than WebP can encode (16,383) at its own width."""
    (project.root / "docs/tin-tuc/posts/anh").mkdir(parents=True, exist_ok=True)
    _screenshot(project.products / "nam-quyen" / "man-hinh.png", (1080, 17000))
    _screenshot(project.root / "docs/tin-tuc/posts/anh/man-hinh.png", (1080, 17000))
    _show_in_product_and_post(project, "man-hinh.png")
    check = project.ocop("check")
    assert check.code == 0, check.text
    result = project.build()
    assert result.code == 0, result.text
    published = [path for path in project.site.rglob("man-hinh*") if path.suffix in (".webp", ".jpg", ".png")]
    published += list((project.site / "san-pham" / "nuoc-mam-nam-quyen").glob("*.webp"))
    assert len(published) >= 4
    for path in published:
        with Image.open(path) as image:
            assert max(image.size) <= 16383, (path, image.size)
            assert abs(image.width / image.height - 1080 / 17000) < 0.01
    with Image.open(max(published, key=lambda path: path.stat().st_size)) as image:
        assert image.height > 15000  # as tall as it may be: the text of the screenshot stays readable


def test_a_photo_too_long_and_thin_for_any_width_is_refused_in_vietnamese(project):
    """1 × 49,000,000 points (under the 50-million limit): even one point wide it is too tall to encode."""
    (project.root / "docs/tin-tuc/posts/anh").mkdir(parents=True, exist_ok=True)
    Image.new("L", (1, 49_000_000), 128).save(project.products / "nam-quyen" / "soi-chi.png")
    (project.root / "docs/tin-tuc/posts/anh/soi-chi.png").write_bytes((project.products / "nam-quyen" / "soi-chi.png").read_bytes())
    product_line, post_line = _show_in_product_and_post(project, "soi-chi.png")
    words = "ảnh quá dài và hẹp (1 × 49.000.000 điểm ảnh): cạnh dài được gấp tối đa 16.383 lần cạnh ngắn; hãy cắt ảnh thành nhiều ảnh"
    for result in (project.ocop("check"), project.build()):
        assert result.code == 1
        assert "Traceback" not in result.text and "MemoryError" not in result.text
        assert f"{FISH_SAUCE}:{product_line}: trường 'photos[0].file': {words}: soi-chi.png" in result.text, result.text
        assert f"{POST}:{post_line}: ảnh 'anh/soi-chi.png': {words}" in result.text, result.text
    assert not (project.site / "index.html").exists()


ODD_NAME = "Ảnh chợ quê #1 (50%) 'thử' & nghiệm.jpg"


def test_a_photo_with_any_name_is_published_and_every_rendition_is_served(project):
    """Spaces, `#`, `%`, quotes, `&` and Vietnamese letters in a photo's name, in a product and in a post
    (where Markdown writes the name percent-encoded)."""
    from urllib.parse import quote, urljoin
    from urllib.request import urlopen

    (project.root / "docs/tin-tuc/posts/anh").mkdir(parents=True, exist_ok=True)
    draw_photo(project.products / "nam-quyen" / ODD_NAME, size=(900, 600))
    draw_photo(project.root / "docs/tin-tuc/posts/anh" / ODD_NAME, size=(900, 600))
    product = project.products / "nam-quyen" / "nuoc-mam-nam-quyen.yml"
    with open(product, "a", encoding="utf-8") as data:
        data.write(f'photos:\n  - "{ODD_NAME}"\n')
    post = project.root / POST
    post.write_text(post.read_text(encoding="utf-8") + f"\n![Chợ quê thử nghiệm](anh/{quote(ODD_NAME)})\n", encoding="utf-8")
    check = project.ocop("check")
    assert check.code == 0, check.text
    with project.built_and_served() as address:
        for path in ("san-pham/nuoc-mam-nam-quyen/", "tin-tuc/2026/11/28/ke-hoach-thuc-hien-chuong-trinh-ocop-nam-2025-cua-xa-quang-trung/"):
            html = project.page(path)
            found = pictures(html)
            assert len(found) == 1, path
            sources = re.findall(r'srcset="([^"]*)"', found[0])
            addresses = [item.split()[0] for srcset in sources for item in srcset.split(", ")]
            assert len(addresses) == 6, addresses
            for source in addresses:
                with urlopen(urljoin(address + path, source)) as response:
                    assert response.status == 200 and response.headers["Content-Type"].startswith("image/"), source
