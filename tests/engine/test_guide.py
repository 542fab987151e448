"""The officer's guide (docs/huong-dan/) walked through in Chromium, on a fresh copy of the project.

The commands are read from the guide itself (its ```bat blocks, what the officer types in Command
Prompt) and run as written; the edits the guide describes are made to the files; the result is opened
in Chromium, through `ocop serve` as the officer previews it and through the built site. The error
messages the guide quotes are reproduced and must be what `ocop check` really prints.
"""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import full_tier_fixture, BIN, ROOT, decode_qr, environment, free_port, serve, wait_until
from PIL import Image, ImageChops

GUIDE = ROOT / "docs" / "huong-dan"


def guide_commands(page: str) -> list[list[str]]:
    """The `ocop …` lines of a guide page's ```bat blocks, in order."""
    text = (GUIDE / page).read_text(encoding="utf-8")
    blocks = re.findall(r"```bat\n(.*?)```", text, re.DOTALL)
    return [shlex.split(line) for block in blocks for line in block.splitlines() if line.startswith("ocop ")]


def guide_block(page: str, language: str, containing: str) -> str:
    text = (GUIDE / page).read_text(encoding="utf-8")
    return next(block for block in re.findall(rf"```{language}\n(.*?)```", text, re.DOTALL) if containing in block)


class Officer:
    """Runs what the guide says, in the project folder, and previews with `ocop serve`."""

    def __init__(self, project, page):
        self.project, self.page = project, page

    def run(self, command: list[str], preview: list[str]) -> None:
        assert command[0] == "ocop"
        if command[1:] == ["serve"]:
            self.preview(preview)
            return
        result = self.project.ocop(*command[1:])
        assert result.code == 0, f"{command}\n{result.text}"

    def preview(self, paths: list[str]) -> None:
        port = free_port()
        server = subprocess.Popen(
            [str(BIN / "ocop"), "serve", "--address", f"127.0.0.1:{port}"],
            cwd=self.project.root, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            for path in paths:
                url = f"http://127.0.0.1:{port}/{path}"
                wait_until(lambda: self._opens(url), timeout=90)
        finally:
            server.terminate()
            server.wait(timeout=30)

    def _opens(self, url: str) -> bool:
        try:
            response = self.page.goto(url)
        except Exception:  # the server is still starting
            return False
        return bool(response and response.ok)


def _photo(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (320, 240), "teal").save(path)


def _loaded_images(page) -> list[str]:
    return page.eval_on_selector_all("article img", "images => images.filter(i => i.naturalWidth > 0).map(i => i.alt)")


def test_walk_through_the_guide_in_chromium(project, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    officer = Officer(project, page)

    # Thêm sản phẩm: the commands of san-pham.md, with the edits it describes between them.
    commands = guide_commands("san-pham.md")
    assert [command[:3] for command in commands[:2]] == [["ocop", "new", "producer"], ["ocop", "new", "product"]]
    officer.run(commands[0], [])
    officer.run(commands[1], [])
    product = next((project.products / "hop-tac-xa-vi-du").glob("nuoc-mam-vi-du.yml"))
    text = product.read_text(encoding="utf-8").replace("# summary: Một câu giới thiệu sản phẩm.", "summary: Nước mắm thử theo hướng dẫn.")
    product.write_text(text + guide_block("san-pham.md", "yaml", "photos:"), encoding="utf-8")
    _photo(product.parent / "chai-500ml.jpg")
    for command in commands[2:]:
        officer.run(command, ["san-pham/nuoc-mam-vi-du/"])
    assert page.locator("article h1").inner_text() == "Nước mắm Ví Dụ"
    assert "Nước mắm thử theo hướng dẫn." in page.locator("article").inner_text()

    # Viết tin: the commands of tin-tuc.md; the post gets the guide's photo line and product card.
    commands = guide_commands("tin-tuc.md")
    officer.run(commands[0], [])
    post = next((project.root / "docs/tin-tuc/posts").glob("*-nuoc-mam-vi-du-tham-gia-phien-cho-que.md"))
    photo_line = guide_block("tin-tuc.md", "markdown", "![").strip()
    card_line = guide_block("tin-tuc.md", "markdown", "[[san-pham:").strip().replace("nuoc-mam-nam-quyen", "nuoc-mam-vi-du")
    post.write_text(post.read_text(encoding="utf-8") + f"\n{photo_line}\n\n{card_line}\n", encoding="utf-8")
    _photo(project.root / "docs/tin-tuc/posts/anh/phien-cho-que-1.jpg")
    for command in commands[1:]:
        officer.run(command, ["tin-tuc/"])
    # In the preview, the draft is listed with its label.
    draft = page.locator("article.md-post", has_text="Nước mắm Ví Dụ tham gia phiên chợ quê")
    assert "Bản nháp" in draft.inner_text()

    # "Khi bài đã đúng, xóa dòng draft: true", then build and see it on the site.
    post.write_text(post.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    assert project.ocop("check").code == 0
    assert project.ocop("build").code == 0
    with serve(project.site) as address:
        page.goto(address + "tin-tuc/")
        page.get_by_role("link", name="Nước mắm Ví Dụ tham gia phiên chợ quê").first.click()
        page.wait_for_load_state()
        assert page.locator("article h1").inner_text() == "Nước mắm Ví Dụ tham gia phiên chợ quê"
        assert "Gian hàng nước mắm ở phiên chợ quê" in _loaded_images(page)
        page.locator(".ocop-product-card").get_by_role("link", name="Nước mắm Ví Dụ").click()
        page.wait_for_load_state()
        assert page.url == address + "san-pham/nuoc-mam-vi-du/"
        assert "Chai nước mắm 500 ml" in _loaded_images(page)
        page.goto(address)
        assert "Nước mắm Ví Dụ tham gia phiên chợ quê" in page.locator("article").inner_text()
    page.close()


# Each message the guide's "Đọc thông báo lỗi" page quotes, and how to make it happen.
POST = "docs/tin-tuc/posts/2025-08-15-phien-cho-que.md"
GOOD_POST = '---\ntitle: "Phiên chợ quê"\ndate: 2025-08-15\ncategories:\n  - Tin tức\n---\n\nMở đầu.\n\n[[san-pham: nuoc-mam-nam-quyen]]\n'
MISTAKES = {
    "typo": lambda p: _replace(p, "products/nam-quyen/nuoc-mam-nam-quyen.yml", "  stars: 3", "  stras: 3"),
    "tab": lambda p: p.write("products/nam-quyen/producer.yml", "name: Năm Quyền\nkind: chưa rõ\naddress:\n\tvillage: Thôn 1\n"),
    "quote": lambda p: _append(p, "products/huan-hong/nem-huan-hong.yml", 'story: "Nem chua\n'),
    "photo": lambda p: _append(p, "products/huan-hong/nem-huan-hong.yml", "photos:\n  - file: chai-500ml.jpg\n"),
    "post-date": lambda p: p.write(POST, GOOD_POST.replace("date: 2025-08-15", "date: 15-08-2025")),
    "post-category": lambda p: p.write(POST, GOOD_POST.replace("  - Tin tức", "  - Tin tuc")),
    "post-card": lambda p: p.write(POST, GOOD_POST.replace("nuoc-mam-nam-quyen", "nuoc-mam")),
    "encoding": lambda p: (p.root / "products/huan-hong/producer.yml").write_bytes(
        b"name: Huan Hong\n# Windows-1258\ndescription: Nem chua l\xe0m th\xf4ng\n"
    ),
}


def _replace(project, file, old, new):
    path = project.root / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def _append(project, file, text):
    path = project.root / file
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_the_guide_quotes_every_common_mistake():
    quoted = re.findall(r"```text\n(?:Dữ liệu có 1 lỗi, trang web chưa được tạo:\n)?(?:  - )?((?:products|docs)/\S+:\d+: .*)\n```",
                        (GUIDE / "loi.md").read_text(encoding="utf-8"))
    assert len(quoted) == len(set(quoted)) == len(MISTAKES)


@pytest.mark.parametrize("case", MISTAKES)
def test_the_guide_quotes_real_messages(example, case):
    """`ocop check` in-process (fast tier): the same messages as the command's."""
    quoted = re.findall(r"((?:products|docs)/\S+:\d+: .*)", (GUIDE / "loi.md").read_text(encoding="utf-8"))
    MISTAKES[case](example)
    result = example.check()
    assert result.code == 1
    printed = [line.removeprefix("  - ") for line in result.err.splitlines()]
    assert any(line in quoted for line in printed), f"{case}: none of\n{result.err}\nis quoted in loi.md"


def test_the_guide_is_for_staff_reached_from_the_footer_not_the_tabs_nor_the_search(built):
    """Visitors see the products in the tabs and the search; the officer finds the guide in the footer."""
    import json

    for page, guide in (("", "huong-dan/"), ("en/", "../huong-dan/"), ("san-pham/nuoc-mam-nam-quyen/", "../../huong-dan/")):
        html = built.page(page)
        tabs = re.search(r'<nav class="md-tabs".*?</nav>', html, re.S).group(0)
        assert "huong-dan" not in tabs and "Hướng dẫn" not in tabs, page
        footer = re.search(r"<footer.*?</footer>", html, re.S).group(0)
        assert f'href="{guide}"' in footer, page
    assert "Hướng dẫn cập nhật trang" in built.page("")
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert "san-pham/nuoc-mam-nam-quyen/" in locations
    assert not [location for location in locations if location.startswith("huong-dan/")]
    for name in GUIDE.glob("*.md"):
        page = "huong-dan/" + ("" if name.stem == "index" else name.stem + "/")
        assert (built.site / page / "index.html").is_file(), page


def test_the_guide_says_to_rebuild_and_publish_every_day():
    text = (GUIDE / "dang-trang.md").read_text(encoding="utf-8")
    when = text.split("## Khi nào cần đăng lại", 1)[1]
    assert "**Mỗi ngày**, kể cả khi không sửa gì" in when
    assert "chạy `ocop publish`" in when and "rebuild-daily.yml" in when


# The guide's pictures, taken from the built site by the script that made them, into a folder of the test's.
SCREENSHOTS = ROOT / "scripts" / "guide-screenshots.py"
PICTURES = GUIDE / "anh"
SHORT_ADDRESS = "HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/NM/"  # what nước mắm Năm Quyền's pack prints


@full_tier_fixture(scope="module")
def fresh_pictures(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("anh")
    result = subprocess.run(
        [sys.executable, str(SCREENSHOTS), "--out", str(out)], capture_output=True, text=True, encoding="utf-8",
        env=environment(), timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _declared_sizes() -> dict[str, tuple[int, int]]:
    """The width and height each guide page gives its pictures (so the page does not jump as they load)."""
    sizes = {}
    for page in GUIDE.glob("*.md"):
        for name, width, height in re.findall(r'\]\(anh/([^)]+)\)\{[^}]*width="(\d+)" height="(\d+)"', page.read_text(encoding="utf-8")):
            sizes[name] = (int(width), int(height))
    return sizes


def _changed_share(first: Image.Image, second: Image.Image) -> float:
    """The share of pixels that differ visibly (anti-aliasing and palette rounding left aside)."""
    difference = ImageChops.difference(first.convert("RGB"), second.convert("RGB")).convert("L")
    changed = difference.point(lambda value: 255 if value > 48 else 0).histogram()[255]
    return changed / (first.width * first.height)


def test_the_guide_pictures_show_the_site_as_it_is(fresh_pictures):
    """A committed picture that no longer shows what the site shows fails here: rerun the script."""
    declared = _declared_sizes()
    taken = sorted(path.name for path in fresh_pictures.glob("*.png"))
    assert taken == sorted(path.name for path in PICTURES.glob("*.png")) == sorted(declared)
    for name in taken:
        rerun = f"{name} is stale: run .venv/bin/python scripts/guide-screenshots.py"
        with Image.open(PICTURES / name) as committed, Image.open(fresh_pictures / name) as fresh:
            assert committed.size == fresh.size == declared[name], rerun
            assert decode_qr(committed) == decode_qr(fresh), rerun
            assert _changed_share(committed, fresh) < 0.02, rerun
            assert committed.format == "PNG" and committed.mode == "P", f"{name}: a palette PNG keeps it small"
        assert (PICTURES / name).stat().st_size < 40_000, name


def test_the_guide_shows_the_qr_code_a_pack_prints():
    assert decode_qr(PICTURES / "ma-qr.png") == [SHORT_ADDRESS]


def test_every_code_in_the_sites_pictures_opens_on_the_site(built):
    """A reader may scan a code shown in a picture (the shelf card and the brochure once showed the
    guide's "Ví Dụ" example, whose /Q/NMVD/ answers 404): each one is the site's host and a page it has."""
    from urllib.parse import urlsplit

    site_url = urlsplit(re.search(r"^site_url: *(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1])
    found = [(picture.relative_to(ROOT), code) for picture in sorted((ROOT / "docs").rglob("*.png")) for code in decode_qr(picture)]
    assert len({picture for picture, _ in found}) >= 4  # the label, the poster, the shelf card and the brochure
    for picture, code in found:
        address = urlsplit(code)
        assert address.hostname == site_url.hostname, (picture, code)
        page = built.site / address.path.lstrip("/")
        assert (page / "index.html").is_file() or page.is_file(), (picture, code)
