"""Each product's QR code, read back by a real decoder, holds exactly that product's short address."""
from __future__ import annotations

import base64
import hashlib
import shutil

import pytest
from conftest import SITE_URL, decode_qr

PRODUCTS = ("nuoc-mam-nam-quyen", "nem-huan-hong")
SHORT = {
    "nuoc-mam-nam-quyen": "HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/NM/",
    "nem-huan-hong": "HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/NEM/",
}


@pytest.mark.parametrize("slug", PRODUCTS)
def test_png_decodes_to_the_short_address(built, slug):
    assert decode_qr(built.site / "san-pham" / slug / f"qr-{slug}.png") == [SHORT[slug]]


@pytest.mark.parametrize("slug", PRODUCTS)
def test_svg_rendered_by_the_browser_decodes_to_the_short_address(built, browser, tmp_path, slug):
    page = browser.new_page(viewport={"width": 400, "height": 400})
    svg = (built.site / "san-pham" / slug / f"qr-{slug}.svg").read_text(encoding="utf-8")
    assert 'width="' in svg and "mm" in svg  # sizes in millimetres, for print
    data = base64.b64encode(svg.encode()).decode()
    page.set_content(f'<body style="margin:0;background:#fff"><img src="data:image/svg+xml;base64,{data}" style="width:300px"></body>')
    shot = tmp_path / "svg.png"
    page.screenshot(path=str(shot))
    page.close()
    assert decode_qr(shot) == [SHORT[slug]]


def test_qr_codes_follow_site_url(project):
    text = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    project.write("mkdocs.yml", text.replace(SITE_URL, "https://ocop.example.org/thu-nghiem/"))
    assert project.build_in_process().code == 0
    png = project.site / "san-pham" / "nem-huan-hong" / "qr-nem-huan-hong.png"
    # Scheme and host are upper-cased (alphanumeric mode); the path prefix keeps its case.
    assert decode_qr(png) == ["HTTPS://OCOP.EXAMPLE.ORG/thu-nghiem/Q/NEM/"]


def test_qr_files_are_deterministic(project, tmp_path):
    """The same input gives the same bytes, with or without the cache."""

    def digests():
        return {
            path.name: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(project.site.glob("san-pham/*/qr-*"))
        }

    assert project.build_in_process().code == 0
    first = digests()
    assert len(first) == 4
    assert project.build_in_process().code == 0  # from the cache
    cached = digests()
    shutil.rmtree(project.root / ".cache")
    assert project.build_in_process().code == 0  # encoded anew
    assert first == cached == digests()
