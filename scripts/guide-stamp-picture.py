"""Make the stamps guide page's pictures (scripts/ocop/pages/guide/anh-tem/) with the real commands.

    .venv/bin/python scripts/guide-stamp-picture.py

On the guide's fictional site (scripts/guide_project.py: xã Ví Dụ, made by `ocop init`): a batch added to
Nước mắm Ví Dụ, `ocop stamps NM --batch L2406A --count 72` (one page), then
- to-tem.png: the sheet's first page rendered by PDFium, so small that no code in it scans (a stamp from
  a throw-away register is in no site's register) and no serial can be read;
- what a buyer's phone (360 × 740, Debian's Chromium) shows on opening a stamp: tem-hop-le.png (a stamp of
  the sheet), tem-khong-do-xa-cap.png (a well-formed serial the commune never issued) and
  tem-bi-sao-chep.png (a stamp of the sheet that a server's access log shows checked on 8 phones, as in
  tests/ops/test_stamp_counts.py, counted by the build).
Kept apart from scripts/guide-screenshots.py: the serials are new on every run, so the pictures differ
each time. Needs requirements-dev.txt.
"""
from __future__ import annotations

import datetime as dt
import io
import sys
import tempfile
from pathlib import Path

import pypdfium2
import zxingcpp
from guide_project import SHOWN_TEXT, edit, fictional_site, ocop, save_picture
from PIL import Image
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, StaticHost, serve  # noqa: E402  (the tests' Chromium and static host)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "scripts" / "ocop" / "pages" / "guide" / "anh-tem"
WIDTH = 420
BATCH = "batches:\n- code: L2406A\n  produced: 2026-10-01\n"
ISSUED = "1793509200"  # 01/11/2026: the stamps are issued a month before the build (guide_project.EPOCH)
FIRST_CHECK = dt.datetime(2026, 11, 20, 8)
PHONE = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 Chrome/129.0 Mobile Safari/537.36"


def sheet(root: Path) -> tuple[tuple[Image.Image, str], list[str]]:
    """The stamps' first page as the guide shows it with its text, and the stamps' addresses (read from
    their codes)."""
    page = pypdfium2.PdfDocument(str(root / "tem-in/tem-NM-L2406A-lan-1.pdf"))[0]
    small = page.render(scale=WIDTH / page.get_width()).to_pil().convert("RGB")
    assert not zxingcpp.read_barcodes(small.convert("L")), "a code in the picture scans: make it smaller"
    sharp = page.render(scale=4).to_pil().convert("L")
    addresses = sorted({code.text for code in zxingcpp.read_barcodes(sharp)})
    assert len(addresses) >= 2, addresses
    return (small, page.get_textpage().get_text_range()), addresses


def access_log(root: Path, copied: str) -> None:
    """A server's log (nginx's format) with `copied` checked on 8 phones, a day apart; counted by the build."""
    lines = []
    for number in range(8):
        when = FIRST_CHECK + dt.timedelta(days=number)
        lines.append(f'203.0.113.{10 + number} - - [{when:%d/%b/%Y:%H:%M:%S} +0700] "GET {copied} HTTP/1.1" 200 512 "-" "{PHONE}"')
    (root / "logs").mkdir()
    (root / "logs/access.log").write_text("\n".join(lines) + "\n", encoding="utf-8")
    edit(root / "mkdocs.yml", "      products_dir: products\n", "      products_dir: products\n      access_log: logs/access.log*\n")


def phone_pictures(site: Path, stamps: dict[str, str]) -> dict[str, tuple[Image.Image, str]]:
    """Each stamp's page as a buyer's phone shows it once its verdict is drawn."""
    pictures = {}
    with serve(site, StaticHost) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN").new_page()
        for name, path in stamps.items():
            page.goto(base + path.removeprefix("/"))
            page.wait_for_selector("html[data-ocop-stamp]", state="attached", timeout=15000)
            report = page.locator("#ocop-stamp-report")  # a warning's "report it" box, in view whole
            if report.is_visible() and report.bounding_box()["y"] + report.bounding_box()["height"] > 740:
                verdict = page.locator("#ocop-stamp-verdict").bounding_box()["y"]
                page.evaluate("top => scrollTo(0, top)", verdict - 56)  # the verdict under the top bar
            pictures[name] = (Image.open(io.BytesIO(page.screenshot())), page.evaluate(SHOWN_TEXT))
        browser.close()
    return pictures


def main() -> int:
    from ocop.model.stamps import new_serial, printed

    with tempfile.TemporaryDirectory() as folder:
        root = fictional_site(Path(folder))
        product = root / "products/hop-tac-xa-vi-du/nuoc-mam-vi-du.yml"
        product.write_text(product.read_text(encoding="utf-8") + BATCH, encoding="utf-8")
        ocop(root, "stamps", "NM", "--batch", "L2406A", "--count", "72", epoch=ISSUED)
        picture, addresses = sheet(root)
        valid, copied = ("/" + address.split("/", 3)[3] for address in addresses[:2])
        access_log(root, copied)
        ocop(root, "build")
        invented = f"/Q/NM/{printed(new_serial())}/"
        shots = phone_pictures(root / "site", {"tem-hop-le.png": valid, "tem-khong-do-xa-cap.png": invented,
                                               "tem-bi-sao-chep.png": copied})
    OUT.mkdir(parents=True, exist_ok=True)
    for name, (image, text) in {"to-tem.png": picture, **shots}.items():
        width, height = save_picture(image, OUT / name, text, colors=32)
        print(f"{(OUT / name).relative_to(ROOT)}: {width} × {height}, {(OUT / name).stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
