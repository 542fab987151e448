"""News: a post made by `ocop new post` is published only once it is no longer a draft, and then shows
in /tin-tuc/, its category page, the RSS feed and the home page; product cards link to the product;
every mistake in a post stops `ocop check` and the build with the file and the line.

All posts below are test data in throw-away copies of the project.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import SITE_URL, text_of
from PIL import Image

TITLE = "Hội chợ nông sản thử nghiệm ở Đồng Tâm"
POST_URL = "tin-tuc/2026/12/01/hoi-cho-nong-san-thu-nghiem-o-dong-tam/"
POST_FILE = "docs/tin-tuc/posts/2026-12-01-hoi-cho-nong-san-thu-nghiem-o-dong-tam.md"
CATEGORY_URL = "tin-tuc/chuyen-muc/hoi-cho-trien-lam/"


def _new_post(project) -> Path:
    result = project.ocop("new", "post", TITLE, "--category", "Hội chợ – triển lãm", "--date", "01/12/2026")
    assert result.code == 0, result.text
    assert POST_FILE in result.out
    return project.root / POST_FILE


def _feed(project) -> dict[str, ElementTree.Element]:
    root = ElementTree.fromstring((project.site / "tin-tuc" / "rss.xml").read_bytes())
    return {item.findtext("title"): item for item in root.iter("item")}


def test_a_new_post_stays_unpublished_while_it_is_a_draft(project):
    path = _new_post(project)
    assert "draft: true" in path.read_text(encoding="utf-8")
    assert project.check().code == 0
    assert project.build_in_process().code == 0
    assert not (project.site / POST_URL).exists()
    assert TITLE not in project.page("tin-tuc/")
    assert TITLE not in project.page("")
    assert not (project.site / CATEGORY_URL).exists()
    assert TITLE not in _feed(project)


def test_a_published_post_shows_in_the_news_its_category_the_feed_and_the_home_page(project):
    path = _new_post(project)
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    assert project.build_in_process().code == 0

    post = text_of(project.page(POST_URL))
    assert TITLE in post and "Đoạn mở đầu của bài" in post
    assert "Phần tiếp theo của bài" not in post and "-->" not in post  # the guidance is one HTML comment
    for listing in ("tin-tuc/", CATEGORY_URL, ""):
        html = project.page(listing)
        assert TITLE in html, listing
        links = {urljoin(f"http://x/{listing}", href) for href in re.findall(r'href="([^"]+)"', html)}
        assert f"http://x/{POST_URL}" in links, listing

    item = _feed(project)[TITLE]
    assert item.findtext("link") == SITE_URL + POST_URL
    assert item.findtext("category") == "Hội chợ – triển lãm"
    assert item.findtext("pubDate") == "Tue, 01 Dec 2026 00:00:00 +0000"
    assert "Đoạn mở đầu của bài" in item.findtext("description")
    assert "Công chức Văn hóa – Xã hội" in item.findtext("{http://purl.org/dc/elements/1.1/}creator")


def test_a_product_card_in_a_post_links_to_the_product(project):
    project.write(
        "docs/tin-tuc/posts/the-san-pham.md",
        '---\ntitle: "Thẻ sản phẩm thử"\ndate: 2026-12-02\ncategories: [Tin tức]\n---\n\nMở đầu.\n\n'
        "[[san-pham: nem-huan-hong]]\n\n```\n[[san-pham: trong-khoi-ma]]\n```\n",
    )
    assert project.check().code == 0, project.check().text
    assert project.build_in_process().code == 0
    url = "tin-tuc/2026/12/02/the-san-pham-thu/"
    html = project.page(url)
    card = re.search(r'<div class="ocop-product-card">(.*?)</div>\s*</div>', html, re.DOTALL).group(1)
    hrefs = {urljoin(f"http://x/{url}", href) for href in re.findall(r'href="([^"]+)"', card)}
    assert hrefs == {"http://x/san-pham/nem-huan-hong/"}
    assert "Nem Huân Hồng" in card and "OCOP 3 sao" in card
    assert "[[san-pham: trong-khoi-ma]]" in text_of(html)  # a code block is shown as it is


BROKEN = '---\ntitle: "Bài thử"\ndate: 2026-12-03\ncategories:\n  - Tin tức\n---\n\nMở đầu.\n\n[[san-pham: nuoc-mam]]\n'


def test_a_broken_product_slug_stops_check_and_build_with_file_and_line(project):
    project.write("docs/tin-tuc/posts/hong.md", BROKEN)
    for result in (project.ocop("check"), project.build()):
        assert result.code != 0
        assert "Traceback" not in result.text
        assert "docs/tin-tuc/posts/hong.md:10:" in result.text, result.text
        assert "không có sản phẩm 'nuoc-mam'; có phải ý bạn là 'nuoc-mam-nam-quyen'?" in result.text
    assert not project.site.exists()


def test_a_post_takes_the_date_forms_of_the_data_files(project):
    """15/08/2025, as in every product file, is a post's date too: `ocop check` and the build agree, and
    the blog publishes the post on that day (Material's blog reads only 2025-08-15: the plugin rewrites it)."""
    project.write("docs/tin-tuc/posts/ngay-viet.md", '---\ntitle: "Ngày viết kiểu Việt"\ndate: 15/08/2025\n---\n\nMở đầu.\n')
    project.write("docs/tin-tuc/posts/ngay-nhom.md",
                  '---\ntitle: "Ngày dạng nhóm"\ndate:\n  created: 5/8/2025\n  updated: 2025-08-20\n---\n\nMở đầu.\n')
    check = project.check()
    assert check.code == 0, check.text
    built = project.build_in_process()
    assert built.code == 0, built.text
    assert "Ngày viết kiểu Việt" in text_of(project.page("tin-tuc/2025/08/15/ngay-viet-kieu-viet/"))
    assert "Ngày dạng nhóm" in text_of(project.page("tin-tuc/2025/08/05/ngay-dang-nhom/"))
    assert "date: 15/08/2025" in (project.root / "docs/tin-tuc/posts/ngay-viet.md").read_text(encoding="utf-8")


POST_MISTAKES = {
    # id: (text replaced in BROKEN with a good marker, expected "file:line: …" words)
    "unknown-category": ("  - Tin tức\n", "  - Tin tuc\n", 5, "trường 'categories[0]': không có chuyên mục 'Tin tuc'; có phải ý bạn là 'Tin tức'?"),
    "category-as-text": ("categories:\n  - Tin tức\n", "categories: Tin tức\n", 4, "trường 'categories': phải là một danh sách"),
    "date-not-a-day": ("date: 2026-12-03", "date: 03-12-2026", 3,
                       "trường 'date': không phải ngày (viết 31/05/2024 hoặc 2024-05-31) (đang ghi: '03-12-2026')"),
    "unknown-author": ("categories:", "authors: [chu-tich]\ncategories:", 4, "không có tác giả 'chu-tich' trong docs/tin-tuc/.authors.yml"),
    "typo-in-draft": ("categories:", "darft: true\ncategories:", 4, "không có trường 'darft'; có phải ý bạn là 'draft'?"),
    "no-title": ('title: "Bài thử"\n', "", 2, "bài viết cần tiêu đề"),
    "no-front-matter": ('---\ntitle: "Bài thử"\ndate: 2026-12-03\ncategories:\n  - Tin tức\n---\n', "", 1, "thiếu phần thông tin đầu bài"),
    "unknown-marker": ("[[san-pham: nuoc-mam]]", "[[sanpham: nuoc-mam-nam-quyen]]", 10, "không hiểu ký hiệu [[sanpham]]"),
    "missing-photo": ("[[san-pham: nuoc-mam]]", "![Chợ quê](anh/cho-que.jpg)", 10, "không thấy tệp ảnh 'anh/cho-que.jpg'"),
}


@pytest.mark.parametrize("case", POST_MISTAKES)
def test_post_mistakes_are_named_with_file_and_line(example, case):
    old, new, line, words = POST_MISTAKES[case]
    text = BROKEN.replace("[[san-pham: nuoc-mam]]", "[[san-pham: nuoc-mam-nam-quyen]]") if case not in ("unknown-marker", "missing-photo") else BROKEN
    assert old in text
    example.write("docs/tin-tuc/posts/sai.md", text.replace(old, new))
    result = example.check()
    assert result.code == 1 and "Traceback" not in result.text
    row = next((row for row in result.err.splitlines() if "docs/tin-tuc/posts/sai.md" in row), "")
    assert f"docs/tin-tuc/posts/sai.md:{line}:" in row, result.err
    assert words in row, result.err


def test_a_photo_next_to_the_post_is_published(project):
    from PIL import Image

    project.root.joinpath("docs/tin-tuc/posts/anh").mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 30), "teal").save(project.root / "docs/tin-tuc/posts/anh/cho-que.jpg")
    project.write(
        "docs/tin-tuc/posts/anh-thu.md",
        '---\ntitle: "Ảnh thử"\ndate: 2026-12-04\ncategories: [Tin tức]\n---\n\n![Chợ quê thử](anh/cho-que.jpg)\n',
    )
    assert project.build_in_process().code == 0
    url = "tin-tuc/2026/12/04/anh-thu/"
    src = re.search(r'<img src="([^"]+)"[^>]* alt="Chợ quê thử"', project.page(url)).group(1)
    assert (project.site / url / src).resolve().is_file()


def _phone_photo(path: Path) -> int:
    """A 4000 × 3000 photo as a phone saves it: camera noise makes it several megabytes."""
    from PIL import Image, ImageDraw

    size = (4000, 3000)
    image = Image.merge("RGB", [Image.effect_noise(size, sigma) for sigma in (40, 60, 80)])
    ImageDraw.Draw(image).ellipse((800, 600, 2000, 1500), fill=(20, 60, 150))
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, quality=92)
    return path.stat().st_size


PHOTO_POST = '---\ntitle: "Ảnh thử"\ndate: 2026-12-04\ncategories: [Tin tức]\n---\n\n![Chợ quê thử]({photo})\n\n<!-- more -->\n\nPhần sau.\n'
PHOTO_POST_URL = "tin-tuc/2026/12/04/anh-thu/"


def _srcset(tag: str) -> list[tuple[str, int]]:
    return [(item.split()[0], int(item.split()[1][:-1])) for item in re.search(r' srcset="([^"]+)"', tag).group(1).split(", ")]


def test_a_phone_photo_in_a_post_is_published_resized(project):
    """Resized like a product photo: WebP and JPEG, at most 1200 px; the multi-megabyte original never published."""
    original = _phone_photo(project.root / "docs/tin-tuc/posts/anh/cho-que.jpg")
    assert original > 3_000_000
    project.write("docs/tin-tuc/posts/anh-thu.md", PHOTO_POST.format(photo="anh/cho-que.jpg"))
    result = project.build_in_process()
    assert result.code == 0, result.text
    published = [path for path in project.site.rglob("*") if path.name.startswith("cho-que")]
    assert {path.suffix for path in published} == {".jpg", ".webp"}
    assert [path.name for path in published if path.stat().st_size > 400_000] == []
    # The post, and the news list showing its excerpt from another folder, both show a <picture>.
    for url in (PHOTO_POST_URL, "tin-tuc/"):
        picture = re.search(r"<picture>.*?</picture>", project.page(url)).group(0)
        img = re.search(r"<img [^>]*>", picture).group(0)
        assert 'alt="Chợ quê thử"' in img and 'width="1200" height="900"' in img
        candidates = _srcset(img) + _srcset(re.search(r'<source type="image/webp"[^>]*>', picture).group(0))
        assert max(width for _, width in candidates) == 1200
        for address, width in candidates:
            with Image.open(project.site / url / address) as shown:
                assert shown.width == width <= 1200, address


BROKEN_PHOTOS = {
    # a PNG of 12,000 × 8,000 pixels: a small file, but 96 million pixels once decoded (Pillow's limit: 89)
    "too-large": ("anh/rat-lon.png", lambda path: Image.new("1", (12000, 8000)).save(path), "ảnh quá lớn để thu nhỏ"),
    "cut-short": ("anh/hong.jpg", lambda path: path.write_bytes(_cut_short()), "tệp không phải ảnh hợp lệ"),
}


def _cut_short() -> bytes:
    import io

    buffer = io.BytesIO()
    Image.effect_noise((1600, 1200), 50).convert("RGB").save(buffer, format="JPEG")
    return buffer.getvalue()[: len(buffer.getvalue()) // 2]  # an interrupted copy


@pytest.mark.parametrize("case", BROKEN_PHOTOS)
def test_a_photo_that_cannot_be_resized_is_named_with_post_and_line(project, case):
    photo, make, words = BROKEN_PHOTOS[case]
    path = project.root / "docs/tin-tuc/posts" / photo
    path.parent.mkdir(parents=True, exist_ok=True)
    make(path)
    project.write("docs/tin-tuc/posts/anh-thu.md", PHOTO_POST.format(photo=photo))
    for result in (project.ocop("check"), project.build()):
        assert result.code != 0 and "Traceback" not in result.text
        assert f"docs/tin-tuc/posts/anh-thu.md:7: ảnh '{photo}': {words}" in result.text, result.text
    assert not (project.site / "index.html").exists()


def test_the_home_page_lists_the_latest_posts(built):
    html = built.page("")
    assert "Kế hoạch thực hiện Chương trình OCOP năm 2025 của xã Quảng Trung" in text_of(html)
    assert 'href="tin-tuc/2026/11/28/ke-hoach-thuc-hien-chuong-trinh-ocop-nam-2025-cua-xa-quang-trung/"' in html


def test_the_example_post_says_it_is_an_example(built):
    text = text_of(built.page("tin-tuc/2026/11/28/ke-hoach-thuc-hien-chuong-trinh-ocop-nam-2025-cua-xa-quang-trung/"))
    assert "Bài mẫu" in text and "không phải ngày ban hành Kế hoạch" in text
    assert "Nước mắm Năm Quyền" in text and "Nem Huân Hồng" in text


NEWS_MARKUP = {
    # id: (file, text replaced, replacement, line, expected words)
    "author-name": ("docs/tin-tuc/.authors.yml", "name: Công chức Văn hóa – Xã hội", 'name: "<img src=x onerror=alert(1)>Công chức"', 9,
                    "trường 'authors.van-hoa-xa-hoi.name': không được có ký tự < > hoặc \""),
    "author-description": ("docs/tin-tuc/.authors.yml", "description: UBND xã Quảng Trung", "description: '<script>alert(1)</script>'", 10,
                           "trường 'authors.van-hoa-xa-hoi.description': không được có ký tự < > hoặc \""),
    "author-url": ("docs/tin-tuc/.authors.yml", "description: UBND xã Quảng Trung", "description: UBND xã\n    url: 'javascript:alert(1)'", 11,
                   "trường 'authors.van-hoa-xa-hoi.url': liên kết phải là một trang của trang web"),
    "link-javascript": ("docs/tin-tuc/posts/sai.md", "categories:", "links:\n  - Xem: 'javascript:alert(1)'\ncategories:", 5,
                        "trường 'links[0].Xem': liên kết phải là một trang của trang web"),
    "link-data": ("docs/tin-tuc/posts/sai.md", "categories:", "links:\n  - Mục:\n      - Xem: ' data:text/html,x'\ncategories:", 6,
                  "trường 'links[0].Mục[0].Xem': liên kết phải là một trang của trang web"),
    "link-title": ("docs/tin-tuc/posts/sai.md", "categories:", "links:\n  - '<b>Xem</b>': ke-hoach-2025.md\ncategories:", 5,
                   "trường 'links[0].<b>Xem</b>': không được có ký tự < > hoặc \""),
}


@pytest.mark.parametrize("case", NEWS_MARKUP)
def test_markup_and_script_links_in_news_fields_are_refused_with_file_and_line(example, case):
    """Fields Material's blog prints as they are, and links of posts and authors, follow the rules of
    products' web addresses: no `javascript:`, `data:` or other scheme; no markup."""
    file, old, new, line, words = NEWS_MARKUP[case]
    example.write("docs/tin-tuc/posts/sai.md", BROKEN.replace("[[san-pham: nuoc-mam]]", "Nội dung."))
    path = example.root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = example.check()
    assert result.code == 1 and "Traceback" not in result.text
    assert f"{file}:{line}: {words}" in result.err, result.err
    assert "không có tác giả" not in result.err


def test_links_to_pages_and_web_addresses_are_accepted(example):
    links = "links:\n  - ke-hoach-2025.md\n  - Kế hoạch: ke-hoach-2025.md\n  - Trang: https://example.org/thu-nghiem\ncategories:"
    example.write("docs/tin-tuc/posts/dung.md", BROKEN.replace("[[san-pham: nuoc-mam]]", "Nội dung.").replace("categories:", links))
    result = example.check()
    assert result.code == 0, result.text
