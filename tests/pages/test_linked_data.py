"""What search engines and chat apps read (JSON-LD, Open Graph), and what each page says about fakes.

Fictional data in a throw-away copy: a 4-star product with a full decision and a photo, whose producer
has an address; a product whose certificate has expired; a name full of quotes and "</script>".
"""
from __future__ import annotations

import json
import re
from html import unescape as html_unescape
from html.parser import HTMLParser

import pytest
from conftest import full_tier_fixture, SITE_URL, TODAY, copy_project, epoch, text_of
from PIL import Image

TRICKY_NAME = 'Chả "ngon" </script><script>alert(1)</script> & \'quê\''


class Head(HTMLParser):
    """The <meta> tags and the JSON-LD blocks of a page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.jsonld: list[str] = []
        self.scripts = 0
        self._in_jsonld = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content")
        if tag == "script":
            self.scripts += 1
            self._in_jsonld = attrs.get("type") == "application/ld+json"
            if self._in_jsonld:
                self.jsonld.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld[-1] += data


def jsonld(html: str) -> dict:
    blocks = Head(html).jsonld
    assert len(blocks) == 1, blocks
    return json.loads(blocks[0])


@full_tier_fixture(scope="module")
def shared(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("linked") / "project")
    project.write(
        "products/vi-du/producer.yml",
        "name: Hợp tác xã Thử Nghiệm\nkind: hợp tác xã\naddress:\n  village: Thôn Thử\n  commune: Quảng Chính\n"
        "  province: Thanh Hóa\nphone: \"0900 000 000\"\nlocation: {lat: 19.6, lon: 105.8}\n",
    )
    Image.new("RGB", (40, 30), (200, 120, 40)).save(project.products / "vi-du" / "goi.jpg")
    project.write(
        "products/vi-du/cha.yml",
        "name: Chả thử nghiệm\nproducer: vi-du\ngroup: thuc-pham\nsummary: Chả thử nghiệm làm từ thịt lợn.\n"
        "photos:\n  - file: goi.jpg\n    alt: Gói chả\ncertification:\n  stars: 4\n  decision: 12/QĐ-UBND\n"
        "  date: 01/06/2024\n  issuer: UBND tỉnh Thử Nghiệm\n",
    )
    project.write(
        "products/vi-du/ruou.yml",
        "name: Rượu hết hạn\nproducer: vi-du\ngroup: do-uong\ncertification:\n  stars: 3\n  date: 01/01/2022\n",
    )
    project.write(
        "products/vi-du/tricky.yml",
        f"name: {json.dumps(TRICKY_NAME, ensure_ascii=False)}\nslug: tricky\nproducer: vi-du\ngroup: thuc-pham\n"
        f"summary: {json.dumps(TRICKY_NAME, ensure_ascii=False)}\n",
    )
    result = project.build(env={"SOURCE_DATE_EPOCH": epoch(TODAY)})
    assert result.code == 0, result.text
    return project


def test_product_jsonld_with_a_valid_certificate(shared):
    data = jsonld(shared.page("san-pham/cha-thu-nghiem/"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "Product"
    assert data["name"] == "Chả thử nghiệm"
    assert data["url"] == f"{SITE_URL}san-pham/cha-thu-nghiem/"
    assert data["description"] == "Chả thử nghiệm làm từ thịt lợn."
    assert data["brand"] == {"@type": "Brand", "name": "Hợp tác xã Thử Nghiệm"}
    assert data["manufacturer"]["@type"] == "LocalBusiness"
    assert data["manufacturer"]["name"] == "Hợp tác xã Thử Nghiệm"
    assert data["manufacturer"]["url"] == f"{SITE_URL}co-so/vi-du/"
    assert data["image"] == [f"{SITE_URL}san-pham/cha-thu-nghiem/cha-thu-nghiem-1-40.jpg"]
    certification = data["hasCertification"]
    assert certification["@type"] == "Certification"
    assert certification["name"] == "OCOP 4 sao"
    assert certification["certificationIdentification"] == "12/QĐ-UBND"
    assert certification["issuedBy"] == {"@type": "Organization", "name": "UBND tỉnh Thử Nghiệm"}
    assert certification["validFrom"] == "2024-06-01" and certification["expires"] == "2027-06-01"
    assert certification["certificationRating"]["ratingValue"] == 4


def test_no_certification_claimed_when_expired_or_undated(shared, built):
    assert "hasCertification" not in jsonld(shared.page("san-pham/ruou-het-han/"))
    example = jsonld(built.page("san-pham/nuoc-mam-nam-quyen/"))
    assert example["name"] == "Nước mắm Năm Quyền" and "hasCertification" not in example
    assert example["manufacturer"] == {"@type": "Organization", "name": "Năm Quyền", "url": f"{SITE_URL}co-so/nam-quyen/"}
    assert "image" not in example


def test_producer_jsonld(shared, built):
    data = jsonld(shared.page("co-so/vi-du/"))
    assert data["@type"] == "LocalBusiness" and data["name"] == "Hợp tác xã Thử Nghiệm"
    assert data["address"] == {
        "@type": "PostalAddress", "streetAddress": "Thôn Thử", "addressLocality": "Quảng Chính",
        "addressRegion": "Thanh Hóa", "addressCountry": "VN",
    }
    assert data["telephone"] == "0900 000 000"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 19.6, "longitude": 105.8}
    example = jsonld(built.page("co-so/huan-hong/"))
    assert example["@type"] == "Organization" and example["name"] == "Huân Hồng" and "address" not in example


def test_a_name_cannot_break_out_of_the_head(shared):
    html = shared.page("san-pham/tricky/")
    head = Head(html)
    assert json.loads(head.jsonld[0])["name"] == TRICKY_NAME
    assert "alert(1)</script>" not in html and "<script>alert" not in html
    assert head.meta["og:description"] == TRICKY_NAME
    assert head.meta["description"] == TRICKY_NAME
    assert head.meta["og:title"] == f"{TRICKY_NAME} - Sản phẩm OCOP xã Quảng Trung"
    assert html_unescape(re.search(r"<title>([^<]*)</title>", html).group(1)) == f"{TRICKY_NAME} - Sản phẩm OCOP xã Quảng Trung"
    assert TRICKY_NAME in text_of(html)  # and the page shows the name exactly as written


def test_sharing_previews(shared, built):
    meta = Head(shared.page("san-pham/cha-thu-nghiem/")).meta
    assert meta["og:title"] == "Chả thử nghiệm - Sản phẩm OCOP xã Quảng Trung"
    assert meta["og:description"] == "Chả thử nghiệm làm từ thịt lợn."
    assert meta["og:image"] == meta["twitter:image"] == f"{SITE_URL}san-pham/cha-thu-nghiem/cha-thu-nghiem-1-40.jpg"
    assert meta["og:url"] == f"{SITE_URL}san-pham/cha-thu-nghiem/"
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:locale"] == "vi_VN"
    example = Head(built.page("san-pham/nem-huan-hong/")).meta
    assert example["og:title"] == example["twitter:title"] == "Nem Huân Hồng - Sản phẩm OCOP xã Quảng Trung"
    assert example["twitter:card"] == "summary" and "og:image" not in example
    assert Head(built.page("")).meta["og:title"] == "Sản phẩm OCOP xã Quảng Trung"


def test_each_product_page_says_how_to_check_and_report(shared, built):
    text = text_of(shared.page("san-pham/cha-thu-nghiem/"))
    assert f"Trang chính thức của sản phẩm: {SITE_URL}san-pham/cha-thu-nghiem/" in text
    assert "Chứng nhận OCOP 4 sao: quyết định số 12/QĐ-UBND, ngày 01/06/2024, do UBND tỉnh Thử Nghiệm ban hành." in text
    assert "quét được mã không chứng minh một gói hàng là hàng thật" in text
    example = text_of(built.page("san-pham/nem-huan-hong/"))
    assert "Trang chưa có đủ số, ngày và cơ quan ban hành của quyết định công nhận." in example
    assert "hãy báo trực tiếp cho Ủy ban nhân dân xã Quảng Chính (trước đây là xã Quảng Trung), tỉnh Thanh Hóa." in example


def test_no_page_claims_a_pack_is_genuine(shared, built):
    for project in (shared, built):
        for page in project.site.rglob("*.html"):
            text = text_of(page.read_text(encoding="utf-8")).lower()
            assert "chính hãng" not in text and "xác thực" not in text, page
