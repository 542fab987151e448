"""The officer's guide (package data, scripts/ocop/pages/guide/, published at /huong-dan/) walked through in Chromium, on a fresh copy of the project.

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

GUIDE = ROOT / "scripts" / "ocop" / "pages" / "guide"
# The guide's examples name no commune's producers (every commune's site has the guide); the example
# project's files they stand for, longest first.
EXAMPLE_NAMES = (
    ("hop-tac-xa-vi-du/nuoc-mam-vi-du", "nam-quyen/nuoc-mam-nam-quyen"),
    ("co-so-thu-nghiem/nem-thu-nghiem", "huan-hong/nem-huan-hong"),
    ("hop-tac-xa-vi-du/", "nam-quyen/"),
    ("co-so-thu-nghiem/", "huan-hong/"),
    ("'nuoc-mam-vi-du'", "'nuoc-mam-nam-quyen'"),
)


def as_in_example(line: str) -> str:
    for neutral, example in EXAMPLE_NAMES:
        line = line.replace(neutral, example)
    return line


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
    quoted = [as_in_example(line) for line in re.findall(r"((?:products|docs)/\S+:\d+: .*)", (GUIDE / "loi.md").read_text(encoding="utf-8"))]
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


# The guide's pictures, taken by the scripts that made them from a plainly fictional site (scripts/guide_project.py:
# `ocop init` for xã Ví Dụ, tỉnh Thử Nghiệm), here into a folder of the test's. The guide is package data: every
# commune's site shows them.
SCREENSHOTS = ROOT / "scripts" / "guide-screenshots.py"
PICTURES = GUIDE / "anh"
STAMP_PICTURES = GUIDE / "anh-tem"  # scripts/guide-stamp-picture.py (new serials on every run: not retaken here)
FICTIONAL_HOST = "vidu.thunghiem.gov.vn"
SHORT_ADDRESS = "HTTPS://VIDU.THUNGHIEM.GOV.VN/Q/NM/"  # what Nước mắm Ví Dụ's pack prints on the fictional site
TEXT_CHUNK = "ocop-text"  # the text of the page a picture shows, kept in the PNG by the scripts


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
        for name, width, height in re.findall(r'\]\((anh(?:-tem)?/[^)]+)\)\{[^}]*width="(\d+)" height="(\d+)"', page.read_text(encoding="utf-8")):
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
    assert taken == sorted(path.name for path in PICTURES.glob("*.png"))
    assert [f"anh/{name}" for name in taken] == sorted(name for name in declared if name.startswith("anh/"))
    for name in taken:
        rerun = f"{name} is stale: run .venv/bin/python scripts/guide-screenshots.py"
        with Image.open(PICTURES / name) as committed, Image.open(fresh_pictures / name) as fresh:
            assert committed.size == fresh.size == declared[f"anh/{name}"], rerun
            assert decode_qr(committed) == decode_qr(fresh), rerun
            assert _changed_share(committed, fresh) < 0.02, rerun
            assert committed.text[TEXT_CHUNK] == fresh.text[TEXT_CHUNK], rerun


def test_the_guide_pictures_are_small_palette_pngs():
    declared = _declared_sizes()
    pictures = sorted(path.relative_to(GUIDE).as_posix() for folder in (PICTURES, STAMP_PICTURES) for path in folder.glob("*.png"))
    assert pictures == sorted(declared)
    for name in pictures:
        with Image.open(GUIDE / name) as picture:
            assert picture.format == "PNG" and picture.mode == "P", f"{name}: a palette PNG keeps it small"
            width, height = declared[name]  # shown at its size, or smaller with its proportions
            assert abs(picture.width * height - picture.height * width) <= picture.width, name
        assert (GUIDE / name).stat().st_size < 40_000, name


def test_the_stamp_pictures_show_what_the_buyer_reads():
    """The phone pictures of the stamps page (tem.md) show the verdicts the page describes next to them."""
    shown = {}
    for name in ("tem-hop-le.png", "tem-khong-do-xa-cap.png", "tem-bi-sao-chep.png"):
        with Image.open(STAMP_PICTURES / name) as picture:
            assert picture.size == (360, 740), name
            shown[name] = picture.text[TEXT_CHUNK]
    assert re.search(r"Tem số \S+ do xã Ví Dụ cấp cho lô L2406A của Nước mắm Ví Dụ", shown["tem-hop-le.png"])
    assert "Chưa ai kiểm tra tem này" in shown["tem-hop-le.png"]
    assert re.search(r"Tem số \S+ không do xã Ví Dụ cấp", shown["tem-khong-do-xa-cap.png"])
    assert "có thể đã bị sao chép" in shown["tem-bi-sao-chep.png"]
    assert "có thể đã bị sao chép" not in shown["tem-hop-le.png"] + shown["tem-khong-do-xa-cap.png"]


def _example_names() -> list[str]:
    """The example project's (Quảng Trung's) commune, district, province, host, producers and products."""
    import yaml

    settings = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))
    commune = settings["extra"]["commune"]
    names = [commune[key] for key in ("name", "former_district", "province") if commune.get(key)]
    names.append(re.search(r"//([^/]+)", settings["site_url"])[1])
    for path in sorted((ROOT / "products").glob("[!_]*/*.yml")):  # producers and products (not the registers)
        names.append(yaml.safe_load(path.read_text(encoding="utf-8"))["name"])
    return names


def test_the_guide_pictures_name_the_fictional_commune_only():
    """Every commune's site ships the guide: its pictures show xã Ví Dụ's made-up site, no name of the example's
    (read from the text each picture keeps of its page: the scripts write it, tests read no pixels)."""
    names = _example_names()
    assert "Quảng Trung" in names and "Nước mắm Năm Quyền" in names
    for folder in (PICTURES, STAMP_PICTURES, GUIDE / "anh-trinh-soan-thao"):
        for path in sorted(folder.glob("*.png")):
            with Image.open(path) as picture:  # the editor's pictures keep its labels (tests/ops/test_editor.py)
                text = picture.text.get(TEXT_CHUNK) or picture.text["ocop-labels"]
            assert "Ví Dụ" in text or folder.name == "anh-trinh-soan-thao", path.name  # a form shows no site name
            assert [name for name in names if name.casefold() in text.casefold()] == [], path.name


def test_the_guide_shows_the_qr_code_a_pack_prints():
    assert decode_qr(PICTURES / "ma-qr.png") == [SHORT_ADDRESS]


def test_every_code_in_the_sites_pictures_opens_on_the_site(built):
    """A reader may scan a code shown in a picture: one of the site's own opens a page it has; one in the
    guide's pictures (every commune's site has them) is the fictional site's, never a real commune's."""
    from urllib.parse import urlsplit

    site_url = urlsplit(re.search(r"^site_url: *(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1])
    found = [(picture.relative_to(built.site), code) for picture in sorted(built.site.rglob("*.png")) for code in decode_qr(picture)]
    guide = {picture for picture, _ in found if picture.parts[0] == "huong-dan"}
    assert len(guide) >= 4  # the label, the poster, the shelf card and the brochure
    for picture, code in found:
        address = urlsplit(code)
        if picture in guide:
            assert address.hostname == FICTIONAL_HOST and re.fullmatch(r"/(Q/[A-Z]+|san-pham)/", address.path), (picture, code)
            continue
        assert address.hostname == site_url.hostname, (picture, code)
        page = built.site / address.path.lstrip("/")
        assert (page / "index.html").is_file() or page.is_file(), (picture, code)
