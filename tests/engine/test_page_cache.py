"""The generated pages kept between builds (engine/page_cache.py): a rebuild with nothing changed makes
the very same site from them, and anything a page is made from (a data file, the build's day, the code)
makes the pages anew, so a kept page never shows what is no longer true.

The builds are full tier (they run `mkdocs build`); the key of the package's code is checked in-process.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from conftest import NEXT_DAY, TODAY, epoch, text_of

from ocop.engine import page_cache

FISH_SAUCE = "products/nam-quyen/nuoc-mam-nam-quyen.yml"
BATCH = """\
batches:
  - code: L2406A
    produced: 15/03/2024
    expires: 15/03/2026
"""


def site_files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def build(project, day) -> None:
    result = project.build(env={"SOURCE_DATE_EPOCH": epoch(day)})
    assert result.code == 0, result.text


def test_a_rebuild_makes_the_same_site_from_the_kept_pages_and_an_edit_shows(project):
    build(project, TODAY)
    kept = project.root / ".cache" / "ocop" / "pages.json"
    first, written = site_files(project.site), kept.stat().st_mtime_ns
    build(project, TODAY)
    assert kept.stat().st_mtime_ns == written  # read, not made again
    assert site_files(project.site) == first
    text = (project.root / FISH_SAUCE).read_text(encoding="utf-8")
    project.write(FISH_SAUCE, text.replace("summary: ", "summary: Đã sửa thử nghiệm. ", 1))
    build(project, TODAY)
    assert "Đã sửa thử nghiệm." in text_of(project.page("san-pham/nuoc-mam-nam-quyen/"))
    assert kept.stat().st_mtime_ns != written


def test_the_next_day_a_batch_expires_on_the_rebuilt_page(project):
    text = (project.root / FISH_SAUCE).read_text(encoding="utf-8")
    project.write(FISH_SAUCE, text + BATCH)
    build(project, TODAY)
    assert "(đã hết hạn)" not in text_of(project.page("san-pham/nuoc-mam-nam-quyen/"))
    build(project, NEXT_DAY)  # the same data, a new build day
    assert "L2406A 15/03/2024 15/03/2026 (đã hết hạn)" in text_of(project.page("san-pham/nuoc-mam-nam-quyen/"))


def test_a_changed_template_changes_the_key(tmp_path, monkeypatch):
    package = tmp_path / "ocop"
    shutil.copytree(page_cache.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(page_cache, "PACKAGE", package)
    before = page_cache.code_fingerprint()
    template = package / "pages" / "templates" / "product.md.j2"
    template.write_text(template.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert page_cache.code_fingerprint() != before


def test_a_damaged_cache_file_is_made_anew(tmp_path):
    from ocop.web.addresses import OutputFile

    kept = tmp_path / "pages.json"
    kept.write_text("{not json", encoding="utf-8")
    files = [OutputFile("a.md", "# Ví Dụ"), OutputFile("b.svg", source=Path("/tmp/b.svg")), OutputFile("c.bin", b"\x00\x01")]
    assert page_cache.cached_pages(kept, "k", lambda: files) == files
    assert page_cache.cached_pages(kept, "k", lambda: []) == files  # read back, bytes and paths included
    assert page_cache.cached_pages(kept, "other", lambda: []) == []
