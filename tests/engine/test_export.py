"""`ocop export DIR`: the whole site as a project another engine builds without the ocop plugin (plain
MkDocs, and Zensical, Material's successor, with no other step); a folder with content is refused."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import BASELINE, BIN, addresses, decode_qr, environment, run, text_of


def test_exported_pages_carry_the_expanded_markers(project, tmp_path):
    exported = tmp_path / "exported"
    assert project.ocop("export", str(exported)).code == 0
    post = (exported / "docs/tin-tuc/posts/2026-11-28-ke-hoach-ocop-nam-2025.md").read_text(encoding="utf-8")
    assert "[[san-pham:" not in post and "../../san-pham/nuoc-mam-nam-quyen.md" in post
    assert post.startswith("---\nslug: \"ke-hoach-thuc-hien-chuong-trinh-ocop-nam-2025-cua-xa-quang-trung\"\ntitle:")
    assert "[[tin-moi]]" not in (exported / "docs/index.md").read_text(encoding="utf-8")
    assert (exported / "overrides/partials/tabs.html").is_file()
    assert not (exported / "overrides/UPSTREAM.md").exists()  # the developers' record, which Zensical would publish


def test_a_post_dated_the_vietnamese_way_is_exported_with_the_date_the_blog_reads(project, tmp_path):
    """15/08/2025 is a post's date for ocop; Material's blog (and so the exported project) reads 2025-08-15."""
    project.write("docs/tin-tuc/posts/ngay-viet.md", '---\ntitle: "Ngày viết kiểu Việt"\ndate: 15/08/2025\n---\n\nMở đầu.\n')
    exported = tmp_path / "exported"
    assert project.ocop("export", str(exported)).code == 0
    post = (exported / "docs/tin-tuc/posts/ngay-viet.md").read_text(encoding="utf-8")
    assert "date: 2025-08-15\n" in post and "15/08/2025" not in post


def test_export_builds_with_plain_mkdocs(project, tmp_path):
    """The exported project does not depend on the plugin: plain MkDocs builds it, run in its folder with
    its own mkdocs.yml, into the same pages."""
    exported = tmp_path / "exported"
    result = project.ocop("export", str(exported))
    assert result.code == 0, result.text
    assert (exported / "docs" / "san-pham" / "nuoc-mam-nam-quyen.md").is_file()
    assert (exported / "docs" / "san-pham" / "nuoc-mam-nam-quyen" / "qr-nuoc-mam-nam-quyen.png").is_file()
    assert (exported / "docs" / "index.md").is_file()
    plain = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict"], cwd=exported, capture_output=True, text=True, env=environment(),
    )
    assert plain.returncode == 0, plain.stderr
    assert project.build().code == 0
    for page in ("san-pham/nuoc-mam-nam-quyen/index.html", "co-so/huan-hong/index.html", "san-pham/index.html"):
        plain_html = (exported / "site" / page).read_text(encoding="utf-8")
        assert text_of(plain_html) == text_of((project.site / page).read_text(encoding="utf-8"))
    # Without the plugin the templates still work out an English page's language (partials/language.html).
    english = (exported / "site" / "en/products/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english
    assert english.count("Quảng Trung OCOP products") >= 3  # the window's title, the header, the drawer


def test_export_refuses_a_folder_with_content(project, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("x")
    result = project.ocop("export", str(tmp_path / "full"))
    assert result.code == 1 and "thư mục trống" in result.err


PRODUCT = "Nước mắm Năm Quyền"


def own_files(site_docs: Path) -> set[str]:
    return {"/" + path.relative_to(site_docs).as_posix() for path in site_docs.rglob("*") if path.is_file()}


# What the Zensical build of the export does not have, each for a reason README.md and the report give:
ZENSICAL_LOSES = {
    "/search/search_index.json",  # Zensical's search has its own index, /search.json
    "/en/search/search_index.json",  # the ocop plugin cuts the search index by language (engine/search.py)
    "/sitemap.xml.gz",  # Zensical writes sitemap.xml only
    "/tin-tuc/rss.xml",  # written by the ocop plugin from the built posts
    "/tin-tuc/chuyen-muc/tuyen-truyen/",  # categories_slugify is a Python function: the address keeps its accents
}


@pytest.mark.skipif(sys.version_info < (3, 11), reason="Zensical needs Python 3.11")
def test_the_export_builds_with_zensical(project, tmp_path):
    exported = tmp_path / "exported"
    result = project.ocop("export", str(exported))
    assert result.code == 0, result.text
    settings = yaml.safe_load((exported / "mkdocs.yml").read_text(encoding="utf-8"))  # refuses any Python tag
    plugins = [next(iter(item)) if isinstance(item, dict) else item for item in settings["plugins"]]
    assert "ocop" not in plugins and "blog" in plugins
    assert settings["extra"]["commune"]["merged_on"] == "2025-07-01"

    zensical = run([str(BIN / "zensical"), "build"], exported)
    assert zensical.returncode == 0, zensical.stdout + zensical.stderr
    site = exported / "site"
    assert project.build().code == 0  # the site as the project builds it, to compare with

    # Every address the project's site has, and every QR payload, except what is listed above and
    # Material's own scripts and styles (Zensical brings its own); the project's assets are all there.
    material_assets = {line for line in BASELINE.read_text(encoding="utf-8").splitlines() if line.startswith("/assets/")}
    material_assets -= own_files(project.root / "docs")
    expected = set(BASELINE.read_text(encoding="utf-8").splitlines()) - material_assets
    missing = sorted(expected - set(addresses(site)) - ZENSICAL_LOSES)
    assert not missing, f"missing from the Zensical site: {missing[:20]}"
    assert decode_qr(site / "san-pham/nuoc-mam-nam-quyen/qr-nuoc-mam-nam-quyen.png") == [
        "HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/NM/"
    ]
    assert (site / "san-pham/nuoc-mam-nam-quyen/qr-nuoc-mam-nam-quyen.svg").is_file()

    # The home page, the product, its producer, the catalogue and the directory read as they do on the site.
    for page in ("", "san-pham/nuoc-mam-nam-quyen/", "co-so/nam-quyen/", "san-pham/", "co-so/"):
        text = text_of((site / page / "index.html").read_text(encoding="utf-8"))
        assert PRODUCT in text, page
        assert text == text_of(project.page(page)), page
    product = (site / "san-pham/nuoc-mam-nam-quyen/index.html").read_text(encoding="utf-8")
    printing = (site / "san-pham/nuoc-mam-nam-quyen/in-tem/index.html").read_text(encoding="utf-8")
    assert 'qr-nuoc-mam-nam-quyen.svg"' in printing  # the QR code is shown on the print page
    assert f'<meta property="og:title" content="{PRODUCT} - ' in product
