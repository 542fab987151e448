"""Make the guide's picture of a stamp sheet (docs/huong-dan/anh-tem/to-tem.png) with the real command.

    .venv/bin/python scripts/guide-stamp-picture.py

On a throw-away copy of the project: a batch added to nước mắm Năm Quyền, `ocop stamps NM --batch
L2406A --count 72` (one page), its first page rendered by PDFium as a small palette PNG. Kept apart
from scripts/guide-screenshots.py: the serials are new on every run, so the picture differs each time.
It is kept so small that no code in it scans (a code in a picture must open a page of the site, and a
stamp from a copy is in no register) and no serial can be read.
"""
from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pypdfium2
import zxingcpp
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "huong-dan" / "anh-tem" / "to-tem.png"
BIN = Path(sys.executable).parent
WIDTH = 420
BATCH = "batches:\n- code: L2406A\n  produced: 2026-06-01\n"


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "project"
        root.mkdir()
        for part in ("mkdocs.yml", "docs", "products", "overrides"):
            source = ROOT / part
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, root / part)
        product = root / "products/nam-quyen/nuoc-mam-nam-quyen.yml"
        product.write_text(product.read_text(encoding="utf-8") + BATCH, encoding="utf-8")
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        subprocess.run([str(BIN / "ocop"), "stamps", "NM", "--batch", "L2406A", "--count", "72"], cwd=root, check=True, env=env)
        page = pypdfium2.PdfDocument(str(root / "tem-in/tem-NM-L2406A-lan-1.pdf"))[0]
        image = page.render(scale=WIDTH / page.get_width()).to_pil().convert("RGB")
    assert not zxingcpp.read_barcodes(image.convert("L")), "a code in the picture scans: make it smaller"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    image.quantize(colors=32, method=Image.Quantize.MEDIANCUT).save(OUT, optimize=True)
    print(f"{OUT.relative_to(ROOT)}: {image.width} × {image.height}, {OUT.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
