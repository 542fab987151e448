"""What per-pack stamps cost the site (issue 24, item 5): 50 batches × 2,000 stamps of one product.
Run: .venv/bin/python benchmarks/stamp_site.py [BATCHES] [STAMPS_A_BATCH]   (default 50 2000)

A throw-away copy of the example project with BATCHES batches of one product is built (first build:
photos and codes into the cache) and built warm twice without stamps (a batch has its pages with or
without them); then it is given a register of BATCHES × STAMPS_A_BATCH stamps of Nước mắm Năm Quyền and
built warm twice. The build's cost does not depend on how a hash was made, so the register
holds random 120-bit hashes, except 5 stamps of the last batch hashed from real serials (model/stamps.py's
own functions), which Chromium then checks at 360 × 740 through a static host with 404 fallback, as a
scanned stamp's address is opened on GitHub Pages: the time is the page's own measure (normalise, check
symbol, PBKDF2 with WebCrypto, one bucket fetch) and the time from the address to the verdict.
"""
from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

from conftest import CHROMIUM, CHROMIUM_ARGS, StaticHost, copy_project, serve  # noqa: E402  (the tests' project copy, Chromium and static host)
from ocop.model.stamps import (  # noqa: E402
    StampIssue, append_issue, new_serial, new_settings, printed, stamp_hash, write_settings,
)

BIN = Path(sys.executable).parent
PRODUCT = "products/nam-quyen/nuoc-mam-nam-quyen.yml"
HASH_BYTES = 15
REAL = 5  # stamps hashed from real serials, for Chromium to check


def add_batches(target: Path, batches: int) -> None:
    """The product's batches, which get their own pages whether or not they have stamps."""
    product = target / PRODUCT
    lines = "".join(f"  - code: L{number:03d}\n    produced: 01/06/2026\n" for number in range(batches))
    product.write_text(product.read_text(encoding="utf-8") + "batches:\n" + lines, encoding="utf-8")


def register(target: Path, batches: int, per_batch: int) -> list[str]:
    """The batches' stamps; returns the real serials (of the last batch)."""
    settings = new_settings()
    write_settings(target / "products", settings)
    chance = random.Random(24)
    serials = [new_serial() for _ in range(REAL)]
    for number in range(batches):
        hashes = [chance.randbytes(HASH_BYTES) for _ in range(per_batch)]
        if number == batches - 1:
            hashes[:REAL] = [stamp_hash(serial, settings.salt, settings.iterations) for serial in serials]
        issue = StampIssue("NM", f"L{number:03d}", dt.date(2026, 12, 7), per_batch, "24x30", False, "", 0, tuple(hashes))
        append_issue(target / "products", "NM", f"L{number:03d}", "Nước mắm Năm Quyền", issue)
    return serials


def build(folder: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run([str(BIN / "mkdocs"), "build", "--strict", "-q"], cwd=folder, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(result.stdout + result.stderr)
    return time.perf_counter() - start


def size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def check_in_chromium(site: Path, serials: list[str]) -> list[tuple[float, float]]:
    """(ms in the page, ms from the address to the verdict) for each serial, a fresh page each."""
    from playwright.sync_api import sync_playwright

    times = []
    with serve(site, StaticHost) as host, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
        page = context.new_page()
        page.goto(f"{host}Q/NM/kiem-tra-tem/")  # the theme's CSS and scripts cached, as after a first visit
        for serial in serials:
            started = time.perf_counter()
            page.goto(f"{host}Q/NM/{printed(serial)}/")
            page.wait_for_selector("html[data-ocop-stamp='valid']", state="attached", timeout=15000)
            total = (time.perf_counter() - started) * 1000
            times.append((float(page.get_attribute("html", "data-ocop-stamp-ms")), total))
        browser.close()
    return times


def main() -> None:
    batches = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    per_batch = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        copy_project(folder)
        build(folder)  # the first build: photos and codes into the cache
        add_batches(folder, batches)
        build(folder)  # the batches' codes into the cache
        without = min(build(folder) for _ in range(2))
        plain = size(folder / "site")
        serials = register(folder, batches, per_batch)
        stamped = min(build(folder) for _ in range(2))
        added = size(folder / "site") - plain
        published = size(folder / "site" / "kiem-tra")
        times = check_in_chromium(folder / "site", serials)
    stamps = batches * per_batch
    print(f"{stamps:,} stamps ({batches} batches × {per_batch:,}) on {os.cpu_count()} cores: warm build "
          f"{without:.1f} s with the {batches} batches and no stamps, {stamped:.1f} s with them (+{stamped - without:.1f} s); "
          f"site +{added / 1e6:.2f} MB (kiem-tra/: {published / 1e6:.2f} MB)")
    for page_ms, total_ms in times:
        print(f"  a stamp checked in Chromium at 360 × 740 through the 404 page: {page_ms:.0f} ms in the page, "
              f"{total_ms:.0f} ms from the address to the verdict")


if __name__ == "__main__":
    main()
