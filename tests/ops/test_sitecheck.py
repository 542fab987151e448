"""The check of the built site after every build: links, images, assets, printed addresses.

Each test breaks one thing in a real build and looks for the message that names it; the example site
itself must pass with no problem (so the check does not cry wolf).
"""
from __future__ import annotations

import shutil

import pytest
from conftest import SITE_URL, copy_project
from ocop.ops.sitecheck import check_site

PRODUCT_WITH_CODE = "products/nam-quyen/mam-tom.yml"
MAM_TOM = "name: Mắm tôm thử nghiệm\nproducer: nam-quyen\ngroup: thuc-pham\ncode: MT\ncertification:\n  stars: 3\n"


def messages(problems) -> str:
    return "\n".join(str(problem) for problem in problems)


def test_strict_mode_is_on():
    from conftest import ROOT

    assert "\nstrict: true\n" in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_the_example_site_passes(built):
    assert check_site(built.site, SITE_URL, {f"{SITE_URL}san-pham/nem-huan-hong/": "x"}) == []


def test_a_broken_image_in_a_written_page_stops_the_build(project):
    """MkDocs checks Markdown links; an image in raw HTML is only caught by the site check."""
    page = project.root / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<img src="anh/thieu.png" alt="Ảnh">\n', encoding="utf-8")
    result = project.build()
    assert result.code == 1
    assert "liên kết 'anh/thieu.png' không dẫn tới trang hay tệp nào của trang web (trang viết ở docs/index.md)" in result.err
    assert "Aborted with 1 warnings in strict mode" in result.text


def test_a_missing_stylesheet_and_a_javascript_link_are_reported(project):
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nextra_css:\n  - assets/thieu.css\n", encoding="utf-8")
    page = project.root / "docs" / "ke-hoach-2025.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<a href=" JavaScript:alert(1)">bấm</a>\n', encoding="utf-8")
    result = project.build()
    assert result.code == 1
    assert "liên kết '../assets/thieu.css' không dẫn tới" in result.err
    assert "liên kết ' JavaScript:alert(1)' chạy mã: không được phép trong trang (trang viết ở docs/ke-hoach-2025.md)" in result.err


def test_a_link_in_the_wrong_case_is_broken_even_on_a_case_insensitive_disk(built, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built.site, site)
    page = site / "co-so" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('href="nam-quyen/"', 'href="Nam-Quyen/"'), encoding="utf-8")
    assert "co-so/index.html" in messages(check_site(site, SITE_URL))
    assert "liên kết 'Nam-Quyen/' không dẫn tới" in messages(check_site(site, SITE_URL))


def test_every_short_address_opens_a_page(project):
    project.write(PRODUCT_WITH_CODE, MAM_TOM)
    assert project.build_in_process().code == 0
    printed = {"HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/MT/": PRODUCT_WITH_CODE}
    assert check_site(project.site, SITE_URL, printed) == []
    # The product page disappears: the printed code would lead nowhere.
    shutil.rmtree(project.site / "san-pham" / "mam-tom-thu-nghiem")
    found = messages(check_site(project.site, SITE_URL, printed))
    assert (
        f"{PRODUCT_WITH_CODE}: mã QR mở 'HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/MT/' "
        "(chuyển tiếp tới '../../san-pham/mam-tom-thu-nghiem/?qr'): không dẫn tới trang hay tệp nào của trang web"
    ) in found
    assert "Q/MT/index.html: mã QR mở" in found  # the forwarding page itself, found without the data
    # The forwarding page disappears: the code fails at its first step.
    shutil.rmtree(project.site / "Q" / "MT")
    found = messages(check_site(project.site, SITE_URL, printed))
    assert f"{PRODUCT_WITH_CODE}: mã QR mở 'HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/MT/': không dẫn tới" in found


def test_a_qr_address_on_another_host_is_reported(built):
    found = messages(check_site(built.site, SITE_URL, {"https://example.org/san-pham/nem-huan-hong/": "nem.yml"}))
    assert "nem.yml: mã QR mở 'https://example.org/san-pham/nem-huan-hong/': không thuộc trang web" in found


def test_a_missing_search_worker_is_reported(built, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(built.site, site)
    for worker in (site / "assets" / "javascripts" / "workers").glob("search.*.min.js"):
        worker.unlink()
    found = messages(check_site(site, SITE_URL))
    assert "index.html:" in found and "workers/search." in found


@pytest.mark.full
def test_a_site_below_a_path_is_checked_with_its_prefix(tmp_path):
    """site_url with a path: 404.html uses root-relative addresses, the sitemap absolute ones."""
    project = copy_project(tmp_path / "project")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(SITE_URL, "https://ocop.example.org/thu-nghiem/"), encoding="utf-8")
    project.write(PRODUCT_WITH_CODE, MAM_TOM)
    result = project.build()
    assert result.code == 0, result.text
    assert 'href="/thu-nghiem/assets/' in (project.site / "404.html").read_text(encoding="utf-8")
    assert check_site(project.site, "https://ocop.example.org/thu-nghiem/") == []
    assert check_site(project.site, "https://ocop.example.org/khac/")  # the same files at another path are broken


def test_the_check_remembers_pages_but_never_a_broken_link(built, tmp_path):
    """With a memory file, an unchanged page of an unchanged site is not read again; its problems are
    still reported. A file gone from the site, or a page changed, is checked anew."""
    site = tmp_path / "site"
    shutil.copytree(built.site, site)
    memory = tmp_path / "sitecheck.json"
    assert check_site(site, SITE_URL, memory=memory) == []
    assert memory.is_file()
    page = site / "co-so" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('href="nam-quyen/"', 'href="nam-quyen-cu/"'), encoding="utf-8")
    first = messages(check_site(site, SITE_URL, memory=memory))
    assert "co-so/index.html" in first and "liên kết 'nam-quyen-cu/' không dẫn tới" in first
    again = messages(check_site(site, SITE_URL, memory=memory))  # recalled, not read again
    assert again == first
    (site / "index.html").write_text((site / "index.html").read_text(encoding="utf-8"), encoding="utf-8")  # same bytes
    assert messages(check_site(site, SITE_URL, memory=memory)) == first
    # A photo or page that disappears changes the site: every page is read again.
    shutil.rmtree(site / "co-so" / "nam-quyen")
    gone = messages(check_site(site, SITE_URL, memory=memory))
    assert "co-so/nam-quyen/' không dẫn tới" in gone
