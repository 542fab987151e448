"""Make the screenshots of the officer's guide (scripts/ocop/pages/guide/anh/*.png) from a real site.

    .venv/bin/python scripts/guide-screenshots.py [--out FOLDER]

The guide is package data, shipped to every commune: its pictures are taken from a plainly fictional
site (scripts/guide_project.py: `ocop init` for xã Ví Dụ, then the guide's own examples, made with the
commands the guide teaches: Hợp tác xã Ví Dụ's Nước mắm Ví Dụ, Nem Thử Nghiệm, Cửa hàng Ví Dụ, a post),
built with a fixed date, opened in Chromium (Playwright, Debian's /usr/bin/chromium); small palette PNGs
of the parts the guide shows are kept; then the brochure, a poster and the shop's shelf card are made
and a page of each kept. Each PNG keeps the text it was taken from (a text chunk, `ocop-text`), so a test
can tell that a picture names no real commune. Needs requirements-dev.txt. Rerun it when the look of the
pages changes: tests/engine/test_guide.py takes the same pictures into a folder of its own (`--out`) and
fails when a committed one no longer shows what the site shows.
"""
from __future__ import annotations

import argparse
import io
import sys
import tempfile
from pathlib import Path

from guide_project import SHOWN_TEXT, edit, fictional_site, ocop, save_picture
from PIL import Image
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, StaticHost, serve  # noqa: E402  (the tests' Chromium and static host)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "scripts" / "ocop" / "pages" / "guide" / "anh"
WIDTH = 900
SHOTS = ("san-pham-moi.png", "mua-o-dau.png", "ma-qr.png", "the-san-pham.png", "tin-tuc.png")
# One page of each print file (scripts/ocop/pages/guide/quang-ba.md), rendered from the PDF by PDFium: (file, page, width).
PRINTS = {
    "to-gioi-thieu.png": ("nhan-qr/to-gioi-thieu-san-pham-ocop.pdf", 0, 560),
    "ap-phich.png": ("nhan-qr/ap-phich-nuoc-mam-vi-du-a4.pdf", 0, 560),
    "the-quay.png": ("nhan-qr/the-quay-cua-hang-vi-du.pdf", 0, 420),
}


def section(page, heading: str) -> dict:
    """The box of a section of the page: from its heading (h2) down to the end of its <section>, else to the
    next h2, or to the article's end."""
    box = page.evaluate(
        """heading => {
            const all = [...document.querySelectorAll("article h2")];
            const start = all.find(h => h.textContent.includes(heading));
            const next = all[all.indexOf(start) + 1];
            const top = start.getBoundingClientRect().top + scrollY;
            const own = start.closest("section");  // a section of its own (the product page's "Mua ở đâu")
            const end = own ? own.getBoundingClientRect().bottom + scrollY + 8
                      : next ? next.getBoundingClientRect().top + scrollY - 8
                             : document.querySelector("article").getBoundingClientRect().bottom + scrollY;
            return {top, end};
        }""",
        heading,
    )
    top = max(box["top"] - 12, 0)
    return {"x": 0, "y": top, "width": WIDTH, "height": round(box["end"] - top)}


def take(out: Path) -> dict[str, tuple[int, int]]:
    """Build the fictional site, take every picture of the guide into `out`; their sizes by name."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        root = fictional_site(Path(temporary))
        ocop(root, "build")
        with serve(root / "site", StaticHost) as base:
            shots = browser_shots(base)
        shots.update(print_pages(root))
    assert set(shots) == {*SHOTS, *PRINTS}
    return {name: save_picture(Image.open(io.BytesIO(png)), out / name, text) for name, (png, text) in shots.items()}


def browser_shots(base: str) -> dict[str, tuple[bytes, str]]:
    """The site's pages as the guide shows them: each a PNG and the text of the page it was taken from."""
    shots = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": WIDTH, "height": 1400}, locale="vi-VN")

        def shot(name: str, clip: dict, full_page: bool = False) -> None:
            shots[name] = (page.screenshot(clip=clip, full_page=full_page), page.evaluate(SHOWN_TEXT))

        page.goto(base + "san-pham/nuoc-mam-vi-du/")
        shot("san-pham-moi.png", {"x": 0, "y": 0, "width": WIDTH, "height": 560})
        shot("mua-o-dau.png", section(page, "Mua ở đâu"), full_page=True)
        page.goto(base + "san-pham/nuoc-mam-vi-du/in-tem/")
        shot("ma-qr.png", {"x": 0, "y": 0, "width": WIDTH, "height": 530})
        page.goto(base + "tin-tuc/2026/12/01/nuoc-mam-vi-du-tham-gia-phien-cho-que/")
        shot("the-san-pham.png", {"x": 0, "y": 0, "width": WIDTH, "height": 405})
        page.goto(base + "tin-tuc/")
        shot("tin-tuc.png", {"x": 0, "y": 0, "width": WIDTH, "height": 520})
        browser.close()
    return shots


def print_pages(root: Path) -> dict[str, tuple[bytes, str]]:
    """What the print files look like, made by the commands of quang-ba.md; the shop sells both products
    (as diem-ban.md writes it). Each a PNG and the text of its PDF page."""
    import pypdfium2

    edit(root / "products/_diem-ban/cua-hang-vi-du.yml", "products: [nuoc-mam-vi-du]",
         "products: [nuoc-mam-vi-du, nem-thu-nghiem]")
    ocop(root, "brochure", "--only", "NM", "NEM")
    ocop(root, "poster", "NM")
    ocop(root, "shelf-card", "cua-hang-vi-du")
    pages = {}
    for name, (pdf, index, width) in PRINTS.items():
        page = pypdfium2.PdfDocument(str(root / pdf))[index]
        buffer = io.BytesIO()
        page.render(scale=width / page.get_width()).to_pil().save(buffer, "PNG")
        pages[name] = (buffer.getvalue(), page.get_textpage().get_text_range())
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write the pictures (default {OUT.relative_to(ROOT)})")
    out = parser.parse_args().out
    for name, (width, height) in take(out).items():
        print(f"{name}: {width} × {height}, {(out / name).stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
