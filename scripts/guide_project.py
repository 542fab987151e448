"""The plainly fictional site the officer's guide's pictures are taken from (scripts/guide-screenshots.py,
scripts/guide-stamp-picture.py).

The guide is package data: every commune that runs `ocop init` ships it, pictures included. So the
pictures show no real commune: a new site made by `ocop init` for xã "Ví Dụ", tỉnh "Thử Nghiệm", and the
guide's own examples written into it by the commands the guide teaches (Hợp tác xã Ví Dụ's Nước mắm Ví Dụ,
Cơ sở Thử Nghiệm's Nem Thử Nghiệm, Cửa hàng Ví Dụ, a post). Each picture keeps the text of its page
(`save_picture`): tests/engine/test_guide.py checks that none names the example project's commune,
producers or products. tests/ops/test_editor.py takes the editor's pictures on this site too.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PIL import Image, PngImagePlugin

BIN = Path(sys.executable).parent
COMMUNE, PROVINCE, DOMAIN = "Ví Dụ", "Thử Nghiệm", "vidu.thunghiem.gov.vn"
# 01/12/2026 at noon in Vietnam: the post's date and the build's date, so the pictures do not change by day.
EPOCH = "1796101200"
# The contact the stamp pages show for reports: example.com is reserved, never anyone's address.
EMAIL = "tem-thu-nghiem@example.com"


def ocop(root: Path, *args: str, epoch: str = EPOCH) -> str:
    env = dict(os.environ, SOURCE_DATE_EPOCH=epoch, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([str(BIN / "ocop"), *args], cwd=root, env=env, capture_output=True, text=True, encoding="utf-8")
    assert result.returncode == 0, f"ocop {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result.stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def fictional_site(folder: Path) -> Path:
    """A new site for xã Ví Dụ with the guide's examples, checked; its folder (not built yet)."""
    ocop(folder, "init", "vidu", "--commune", COMMUNE, "--province", PROVINCE, "--domain", DOMAIN, "--no-git")
    root = folder / "vidu"
    # As once the commune has confirmed its domain: the pictures show the site and print files as they are
    # used, not the "MẪU" samples.
    edit(root / "mkdocs.yml", "domain_confirmed: false", "domain_confirmed: true")
    edit(root / "mkdocs.yml", "    # email:\n", f"    email: {EMAIL}\n")
    product(root, ("Hợp tác xã Ví Dụ", "hop-tac-xa-vi-du"), ("Nước mắm Ví Dụ", "nuoc-mam-vi-du"), "NM",
            "Sản phẩm ví dụ trong trang Hướng dẫn.")
    product(root, ("Cơ sở Thử Nghiệm", "co-so-thu-nghiem"), ("Nem Thử Nghiệm", "nem-thu-nghiem"), "NEM",
            "Sản phẩm thử nghiệm trong trang Hướng dẫn.")
    ocop(root, "new", "outlet", "Cửa hàng Ví Dụ", "--type", "cửa hàng của cơ sở")
    outlet = root / "products/_diem-ban/cua-hang-vi-du.yml"
    edit(outlet, "products: []", "products: [nuoc-mam-vi-du]")
    edit(outlet, "# hours: 7:00 – 21:00 hằng ngày", "hours: 7:00 – 17:00 (ví dụ)")
    ocop(root, "new", "post", "Nước mắm Ví Dụ tham gia phiên chợ quê", "--date", "2026-12-01")
    post = root / "docs/tin-tuc/posts/2026-12-01-nuoc-mam-vi-du-tham-gia-phien-cho-que.md"
    edit(post, "draft: true\n", "")
    edit(post, "<!-- more -->\n", "<!-- more -->\n\n[[san-pham: nuoc-mam-vi-du]]\n")
    ocop(root, "check")
    return root


def product(root: Path, producer: tuple[str, str], name: tuple[str, str], code: str, summary: str) -> None:
    """`ocop new producer` and `ocop new product` as the guide (san-pham.md) runs them; (name, slug) pairs."""
    ocop(root, "new", "producer", producer[0])
    ocop(root, "new", "product", name[0], "--producer", producer[1])
    path = root / "products" / producer[1] / f"{name[1]}.yml"
    edit(path, "# code: ABC", f"code: {code}")
    edit(path, "# summary: Một câu giới thiệu sản phẩm.", f"summary: {summary}")
    edit(path, "# certification:\n#   candidate: true", "certification:\n  candidate: true")


# The text of a page as shown (a picture's text chunk), without the closed search dialog's status line: that
# reads "initializing" until the search index has loaded, later on a busy machine, and no picture shows it.
SHOWN_TEXT = """() => {
    const status = document.querySelector('.md-search-result__meta');
    const kept = status ? status.textContent : '';
    if (status) status.textContent = '';
    const text = document.body.innerText;
    if (status) status.textContent = kept;
    return text;
}"""
TEXT_CHUNK = "ocop-text"


def save_picture(image: Image.Image, path: Path, text: str, colors: int = 64) -> tuple[int, int]:
    """A small palette PNG (screenshots of flat pages lose nothing visible and shrink several times) that
    keeps, in a text chunk, the text of the page it shows: what tests read instead of the pixels."""
    small = image.convert("RGB").quantize(colors=colors, method=Image.Quantize.MEDIANCUT)
    info = PngImagePlugin.PngInfo()
    info.add_text(TEXT_CHUNK, text, zip=True)
    small.save(path, pnginfo=info, optimize=True)
    return small.size
