"""Make the screenshots of the officer's guide (docs/huong-dan/anh/*.png) from the real site.

    .venv/bin/python scripts/guide-screenshots.py [--out FOLDER]

Follows the guide on a throw-away copy of the project: `ocop new producer`, `ocop new product`, a post,
an outlet (all named "Ví Dụ": examples, never published), builds it with a fixed date, opens the pages
in Chromium (Playwright, Debian's /usr/bin/chromium) and keeps small palette PNGs of the parts the guide
shows; then makes the brochure, a poster and the example shop's shelf card, and keeps a page of each. Needs requirements-dev.txt. Rerun it when the look of the pages changes: tests/engine/test_guide.py takes
the same pictures into a folder of its own (`--out`) and fails when a committed one no longer shows what
the site shows.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "huong-dan" / "anh"
BIN = Path(sys.executable).parent
WIDTH = 900
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
# 01/12/2026 at noon in Vietnam: the post's date and the build's date, so the pictures do not change by day.
EPOCH = "1796101200"
SHOTS = ("san-pham-moi.png", "mua-o-dau.png", "ma-qr.png", "the-san-pham.png", "tin-tuc.png")
# One page of each print file (docs/huong-dan/quang-ba.md), rendered from the PDF by PDFium: (file, page, width).
PRINTS = {
    "to-gioi-thieu.png": ("nhan-qr/to-gioi-thieu-san-pham-ocop.pdf", 0, 560),
    "ap-phich.png": ("nhan-qr/ap-phich-nuoc-mam-nam-quyen-a4.pdf", 0, 560),
    "the-quay.png": ("nhan-qr/the-quay-cua-hang-vi-du.pdf", 0, 420),
}


def ocop(root: Path, *args: str) -> None:
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1")
    subprocess.run([str(BIN / "ocop"), *args], cwd=root, check=True, env=env, stdout=subprocess.DEVNULL)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def example_project(folder: Path) -> Path:
    root = folder / "project"
    root.mkdir()
    for part in ("mkdocs.yml", "docs", "products", "overrides"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / part)
    # The guide shows the pictures this script makes: on a first run, stand-ins let the copy build.
    for name in (*SHOTS, *PRINTS):
        stand_in = root / "docs/huong-dan/anh" / name
        if not stand_in.exists():
            stand_in.parent.mkdir(parents=True, exist_ok=True)
            Image.new("RGB", (1, 1), "white").save(stand_in)
    ocop(root, "new", "producer", "Hợp tác xã Ví Dụ")
    ocop(root, "new", "product", "Nước mắm Ví Dụ", "--producer", "hop-tac-xa-vi-du")
    product = root / "products/hop-tac-xa-vi-du/nuoc-mam-vi-du.yml"
    edit(product, "# summary: Một câu giới thiệu sản phẩm.", "summary: Sản phẩm ví dụ trong trang Hướng dẫn.")
    edit(product, "# certification:\n#   candidate: true", "certification:\n  candidate: true")
    ocop(root, "new", "outlet", "Cửa hàng Ví Dụ", "--type", "cửa hàng của cơ sở")
    outlet = root / "products/_diem-ban/cua-hang-vi-du.yml"
    edit(outlet, "products: []", "products: [nuoc-mam-vi-du]")
    edit(outlet, "# hours: 7:00 – 21:00 hằng ngày", "hours: 7:00 – 17:00 (ví dụ)")
    ocop(root, "new", "post", "Nước mắm Ví Dụ tham gia phiên chợ quê", "--date", "2026-12-01")
    post = root / "docs/tin-tuc/posts/2026-12-01-nuoc-mam-vi-du-tham-gia-phien-cho-que.md"
    edit(post, "draft: true\n", "")
    edit(post, "<!-- more -->\n", "<!-- more -->\n\n[[san-pham: nuoc-mam-vi-du]]\n")
    ocop(root, "check")
    ocop(root, "build")
    return root / "site"


def save(png: bytes, path: Path) -> tuple[int, int]:
    """A 64-colour palette PNG: screenshots of flat pages lose nothing visible and shrink several times."""
    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    image.save(path, optimize=True)
    return image.size


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
    """Build the example site, take every picture of the guide into `out`; their sizes by name."""
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        site = example_project(Path(temporary))
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
        http.server.SimpleHTTPRequestHandler.log_message = lambda *args: None
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": WIDTH, "height": 1400}, locale="vi-VN")
                shots = {}
                page.goto(base + "san-pham/nuoc-mam-vi-du/")
                shots["san-pham-moi.png"] = page.screenshot(clip={"x": 0, "y": 0, "width": WIDTH, "height": 560})
                shots["mua-o-dau.png"] = page.screenshot(clip=section(page, "Mua ở đâu"), full_page=True)
                page.goto(base + "san-pham/nuoc-mam-nam-quyen/in-tem/")
                shots["ma-qr.png"] = page.screenshot(clip={"x": 0, "y": 0, "width": WIDTH, "height": 530})
                page.goto(base + "tin-tuc/2026/12/01/nuoc-mam-vi-du-tham-gia-phien-cho-que/")
                shots["the-san-pham.png"] = page.screenshot(clip={"x": 0, "y": 0, "width": WIDTH, "height": 405})
                page.goto(base + "tin-tuc/")
                shots["tin-tuc.png"] = page.screenshot(clip={"x": 0, "y": 0, "width": WIDTH, "height": 520})
                browser.close()
            shots.update(print_pages(site.parent))
        finally:
            server.shutdown()
            server.server_close()
    assert set(shots) == {*SHOTS, *PRINTS}
    return {name: save(png, out / name) for name, png in shots.items()}


def print_pages(root: Path) -> dict[str, bytes]:
    """What the print files look like: the shop ("Cửa hàng Ví Dụ", an example) sells the site's own
    products. Only those: a code shown in a picture must open on the published site, where the "Ví Dụ"
    examples do not exist (tests/engine/test_guide.py decodes every code in the site's pictures)."""
    import pypdfium2

    edit(root / "products/_diem-ban/cua-hang-vi-du.yml", "products: [nuoc-mam-vi-du]",
         "products: [nuoc-mam-nam-quyen, nem-huan-hong]")
    ocop(root, "brochure", "--only", "NM", "NEM")
    ocop(root, "poster", "NM")
    ocop(root, "shelf-card", "cua-hang-vi-du")
    pages = {}
    for name, (pdf, index, width) in PRINTS.items():
        page = pypdfium2.PdfDocument(str(root / pdf))[index]
        buffer = io.BytesIO()
        page.render(scale=width / page.get_width()).to_pil().save(buffer, "PNG")
        pages[name] = buffer.getvalue()
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
