"""The engine: ProperDocs builds and serves the site, MkDocs 1.6.1 still builds it the same, and what
`ocop export` writes builds with Zensical, Material's successor, with no other step.

The two engines' sites are compared file by file, and one line only is ignored: the
`<meta name="generator">` of each page, where each engine names itself ("mkdocs-1.6.1,
mkdocs-material-9.8.1" against "mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1"). Both builds run with
one SOURCE_DATE_EPOCH, so the sitemap's <lastmod>, the date inside sitemap.xml.gz and the pages' "as of"
dates agree even across midnight: every other byte of every file must match.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import BASELINE, BIN, addresses, decode_qr, environment, text_of

SAME_DAY = {"SOURCE_DATE_EPOCH": "1764300000"}  # 28/11/2025, for both builds
GENERATOR = re.compile(r'^\s*<meta name="generator" content="[^"]*">\n', re.MULTILINE)
ENGLISH_NOTICES = ("end of life", "ProperDocs", "properdocs.yml", "MkDocs 2", "WARNING")
PRODUCT = "Nước mắm Năm Quyền"


def run(command: list[str], cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, encoding="utf-8", env=environment(env), timeout=600,
    )


def files_of(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}


def test_mkdocs_and_properdocs_build_the_same_site(project, tmp_path):
    with_mkdocs = run([str(BIN / "mkdocs"), "build", "--strict", "-d", str(tmp_path / "mkdocs")], project.root, SAME_DAY)
    assert with_mkdocs.returncode == 0, with_mkdocs.stderr
    with_properdocs = run(
        [str(BIN / "properdocs"), "build", "-f", "mkdocs.yml", "--strict", "-d", str(tmp_path / "properdocs")],
        project.root, SAME_DAY,
    )
    assert with_properdocs.returncode == 0, with_properdocs.stderr
    first, second = files_of(tmp_path / "mkdocs"), files_of(tmp_path / "properdocs")
    assert "san-pham/nuoc-mam-nam-quyen/index.html" in first
    assert sorted(first) == sorted(second)
    # Each build is what it says: otherwise the comparison below would compare one engine with itself.
    assert 'content="mkdocs-1.6.1, ' in first["index.html"].read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs 1.6.7, ' in second["index.html"].read_text(encoding="utf-8")
    different = []
    for name, path in first.items():
        if name.endswith(".html"):
            same = GENERATOR.sub("", path.read_text(encoding="utf-8")) == GENERATOR.sub("", second[name].read_text(encoding="utf-8"))
        else:
            same = path.read_bytes() == second[name].read_bytes()
        if not same:
            different.append(name)
    assert not different, f"the engines built these files differently: {different[:20]}"


def test_ocop_build_runs_properdocs_and_prints_no_english_notice(project):
    result = project.ocop("build", env={"NO_MKDOCS_2_WARNING": ""})
    assert result.code == 0, result.text
    assert 'content="mkdocs-ProperDocs ' in project.page("")
    # The officer reads Vietnamese: neither Material's end-of-life box nor a notice about ProperDocs.
    printed = [notice for notice in ENGLISH_NOTICES if notice in result.text]
    assert not printed, result.text


def own_files(site_docs: Path) -> set[str]:
    return {"/" + path.relative_to(site_docs).as_posix() for path in site_docs.rglob("*") if path.is_file()}


# What the Zensical build of the export does not have, each for a reason README.md and the report give:
ZENSICAL_LOSES = {
    "/search/search_index.json",  # Zensical's search has its own index, /search.json
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
