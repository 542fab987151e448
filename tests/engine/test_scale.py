"""The design that lets the site grow to thousands of products, checked without timing anything.

Two synthetic catalogues (benchmarks/generate.py) of different sizes are built for real: what must
not grow with the number of products (the navigation, any catalogue page, a product's search entry)
is compared between them, and a rebuild must not encode a QR code or convert an image again.
"""
from __future__ import annotations

import gzip
import importlib.util
import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import full_tier_fixture, ROOT, Project
from ocop.pages.listing import CATALOGUE_PAGE_SIZE, DIRECTORY_PAGE_SIZE
from ocop.engine.search import SUMMARY_CHARS

SMALL, LARGE = 40, 130


def _generator():
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.generate


@full_tier_fixture(scope="module")
def sites(tmp_path_factory) -> dict[int, Project]:
    generate = _generator()
    result = {}
    for count in (SMALL, LARGE):
        # The pool's pictures shared between products: this module is about the number of products, and
        # each picture's renditions are made once (benchmarks/ measures the photos' own cost).
        project = Project(generate(count, tmp_path_factory.mktemp(f"n{count}") / "project", seed=3, distinct_photos=False))
        run = project.build()
        assert run.code == 0, run.text
        project.first_build_log = run.text
        result[count] = project
    return result


def navigation(html: str) -> str:
    """The tabs and the main sidebar of a page: what MkDocs renders from the navigation."""
    tabs = re.search(r'<nav class="md-tabs".*?</nav>', html, re.S)
    sidebar = re.search(r'<div class="md-sidebar md-sidebar--primary".*?(?=<div class="md-sidebar md-sidebar--secondary")', html, re.S)
    assert tabs and sidebar, "no navigation found"
    return tabs.group(0) + sidebar.group(0)


def listing_pages(site: Path) -> dict[str, str]:
    """Every page of the catalogue (all products, each filter, each further page), by address."""
    pages = {}
    for path in (site / "san-pham").rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        if 'class="ocop-cards"' in html:
            pages[path.parent.relative_to(site).as_posix() + "/"] = html
    return pages


def card_links(html: str) -> list[str]:
    return re.findall(r'<article class="ocop-card">.*?<strong><a href="([^"]+)"', html, re.S)


def product_slugs(project: Project) -> set[str]:
    return {path.parent.name for path in project.site.glob("san-pham/*/qr-*.svg")}


def test_navigation_does_not_grow_with_the_products(sites, built):
    homes = [navigation(project.page("")) for project in (built, *sites.values())]
    assert homes[0] == homes[1] == homes[2]
    # A product page shows the same short navigation, whichever the product and however many there are.
    products = [navigation(project.page(f"san-pham/{sorted(product_slugs(project))[-1]}/")) for project in sites.values()]
    assert products[0] == products[1]
    assert len(re.findall(r'class="md-nav__link', products[0])) <= 30  # the site's own menu, whatever N


def test_no_catalogue_page_grows_with_the_products(sites):
    largest = {}
    for count, project in sites.items():
        pages = listing_pages(project.site)
        assert len(pages) > 4 * count / CATALOGUE_PAGE_SIZE  # all, by group, by rating, by both
        for html in pages.values():
            assert len(card_links(html)) <= CATALOGUE_PAGE_SIZE
        # The pages of "all products" list every product once; every filter page only its own.
        everything = [link for address, html in pages.items() if re.fullmatch(r"san-pham/(trang/\d+/)?", address)
                      for link in card_links(html)]
        assert len(everything) == len(set(everything)) == count
        largest[count] = max(len(html.encode()) for html in pages.values())
    assert largest[LARGE] < 1.1 * largest[SMALL]


def test_pages_link_to_each_other_and_to_every_product(sites):
    project = sites[LARGE]
    first = project.page("san-pham/")
    assert 'href="trang/2/"' in first and 'rel="next"' in first
    last_number = -(-LARGE // CATALOGUE_PAGE_SIZE)
    last = project.page(f"san-pham/trang/{last_number}/")
    assert 'rel="next"' not in last and 'rel="prev"' in last
    assert f"trang {last_number}/{last_number}" in last
    # Links on deeper pages still lead to the products and their photos.
    group_page = next(html for address, html in listing_pages(project.site).items() if address.count("/") == 4)
    for link in card_links(group_page):
        assert link.startswith("../../../") and (project.site / "san-pham" / "nganh" / "x" / "y" / link / "index.html").resolve().is_file()


def test_producer_directory_is_paginated(sites):
    project = sites[LARGE]
    producers = {path.name for path in project.site.glob("co-so/*") if (path / "index.html").is_file() and not path.name == "trang"}
    rows = []
    for path in [project.site / "co-so" / "index.html", *sorted(project.site.glob("co-so/trang/*/index.html"))]:
        html = path.read_text(encoding="utf-8")
        found = re.findall(r"<tr>\s*<td><a href=\"(?:\.\./)*([a-z0-9-]+)/\"", html)
        assert len(found) <= DIRECTORY_PAGE_SIZE
        rows += found
    assert sorted(rows) == sorted(producers)


def test_each_product_is_one_short_search_entry(sites):
    sizes = {}
    for count, project in sites.items():
        raw = (project.site / "search" / "search_index.json").read_bytes()
        sizes[count] = len(gzip.compress(raw, 9))
        index = json.loads(raw)
        assert {"folded_title", "folded_text"} <= set(index["config"]["fields"])
        locations = [doc["location"] for doc in index["docs"]]
        for slug in product_slugs(project):
            entries = [doc for doc in index["docs"] if doc["location"].startswith(f"san-pham/{slug}/")]
            assert len(entries) == 1
            assert len(entries[0]["text"]) <= SUMMARY_CHARS + 10
        assert not [location for location in locations if re.match(r"san-pham/(trang|nganh|hang)/|co-so/trang/", location)]
    # What each further product adds to the download, compressed: 5,000 products stay well under 1 MB.
    assert (sizes[LARGE] - sizes[SMALL]) / (LARGE - SMALL) < 150


# What builds note in the cache (what the site check found in each page, the hashes of the photos'
# originals) may change with the pages; the QR codes, photos and label sheets must not.
NOTES = {"sitecheck.json", "originals.json", "pages.json"}  # the build's notes, rewritten when a page changes (not media)


def cache_files(project: Project) -> dict[str, tuple[int, int]]:
    return {
        str(path): (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in (project.root / ".cache").rglob("*")
        if path.is_file() and path.name not in NOTES
    }


def test_a_rebuild_regenerates_no_qr_code_and_no_image(project):
    assert project.build().code == 0
    first = cache_files(project)
    assert len(first) >= 4  # two codes, SVG and PNG
    again = project.build()
    assert again.code == 0 and "; 0 mã QR, 0 tệp ảnh mới được tạo" in again.text
    assert cache_files(project) == first
    # Editing a product's text does not change what its code encodes.
    path = project.products / "nam-quyen" / "nuoc-mam-nam-quyen.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("summary: ", "summary: Ủ chượp trong chum sành. "), encoding="utf-8")
    assert project.build().code == 0
    assert cache_files(project) == first
    # A new product with a short code does: exactly its files are made, and nothing else is touched.
    project.write("products/huan-hong/gio-thu.yml", "name: Giò thử nghiệm\nproducer: huan-hong\ngroup: thuc-pham\ncode: GT\n")
    changed = project.build()
    assert changed.code == 0 and "; 2 mã QR" in changed.text
    after = cache_files(project)
    assert {name: state for name, state in after.items() if name in first} == first
    made = sorted(Path(name).suffix for name in set(after) - set(first) if "/templates/" not in name)
    # its SVG and PNG, its A4 label sheet and its QR version (a template used first is kept compiled too)
    assert made == [".pdf", ".png", ".svg", ".txt"]


def test_a_first_build_makes_each_photo_and_code_once_and_the_next_build_none(sites):
    """A first build of many products deals its photos, codes and label sheets out to a pool of worker
    processes (one a usable core; this test's catalogue is large enough for them on any machine with two
    cores or more). What they make is exactly what the build needs: the next build makes nothing."""
    project = sites[LARGE]
    photos = {path.read_bytes() for path in project.products.rglob("*.jpg")}  # each picture once, shared or not
    files = [path for path in project.products.glob("*/*.yml") if path.name != "producer.yml" and not path.parent.name.startswith("_")]
    products = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in files]
    assert len(products) == LARGE
    codes = len(products) + sum(len(product.get("batches") or []) for product in products)
    assert photos and codes > len(products)
    # Each photo: WebP and JPEG at three widths (the synthetic photos are 1200 px wide). Each code: SVG and PNG.
    assert f"; {2 * codes} mã QR, {6 * len(photos)} tệp ảnh mới được tạo" in project.first_build_log
    cache = project.root / ".cache" / "ocop"
    assert len(list(cache.rglob("*.webp"))) == 3 * len(photos) and len(list(cache.rglob("*.svg"))) == codes
    assert len(list(cache.rglob("*.pdf"))) == sum(1 for product in products if product.get("code"))
    assert not list(cache.rglob("*.tmp"))
    again = project.build()
    assert again.code == 0 and "; 0 mã QR, 0 tệp ảnh mới được tạo" in again.text
