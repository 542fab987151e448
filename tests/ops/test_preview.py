"""What the preview (`ocop serve`) shows the officer when something is wrong: a mistake in the data on
the page, a broken link as a notice on its own page; it keeps serving and recovers when the file is fixed."""
from __future__ import annotations

import re
import subprocess

import pytest
from conftest import BIN, ROOT, environment, fetch, free_port, serves, wait_until


def test_preview_started_on_broken_data_shows_the_mistake_and_recovers(project):
    """`ocop serve` on data that has a mistake from the start: it serves a page naming the mistake."""
    product = project.products / "huan-hong/nem-huan-hong.yml"
    good = product.read_text(encoding="utf-8")
    product.write_text(good.replace("group:", "groop:"), encoding="utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = project.root / "serve.log"
    with open(log, "w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [str(BIN / "ocop"), "serve", "--address", f"127.0.0.1:{port}"],
            cwd=project.root, env=environment(), stdout=output, stderr=subprocess.STDOUT,
        )
    try:
        wait_until(lambda: serves(base, "products/huan-hong/nem-huan-hong.yml:") or server.poll() is not None, timeout=90)
        assert server.poll() is None, log.read_text(encoding="utf-8")
        status, page = fetch(base)
        assert "trang xem trước chưa được cập nhật" in page and "'groop'" in page
        status, catalogue = fetch(base + "san-pham/")  # the menu's catalogue shows it too, not a 404
        assert status == 200 and "products/huan-hong/nem-huan-hong.yml:" in catalogue
        # The menu keeps its titles: a page replaced by the notice keeps its heading, never its file's name.
        assert not re.search(r">\s*(Index|Tuyen truyen)\s*<", catalogue) and re.search(r">\s*Mua ở đâu\s*<", catalogue)
        product.write_text(good, encoding="utf-8")
        wait_until(lambda: serves(base + "san-pham/nem-huan-hong/", "Nem"), timeout=60)
        assert "Dữ liệu có" not in fetch(base)[1]
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "Aborted" not in log.read_text(encoding="utf-8")


def test_preview_shows_a_broken_link_on_its_page_and_the_build_refuses_it(project):
    """A problem only the published build must refuse (a broken link) is a notice in the preview."""
    page = project.root / "docs/ke-hoach-2025.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Trang cũ](/khong-co-trang-nay/)\n", encoding="utf-8")
    built = project.build()
    assert built.code != 0 and "khong-co-trang-nay" in built.text
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [str(BIN / "ocop"), "serve", "--address", f"127.0.0.1:{port}"],
        cwd=project.root, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_until(lambda: serves(base + "ke-hoach-2025/", "khong-co-trang-nay") or server.poll() is not None, timeout=90)
        assert server.poll() is None
        text = fetch(base + "ke-hoach-2025/")[1]
        assert "Trang này có 1 lỗi" in text and "docs/ke-hoach-2025.md" in text
        assert "Trang này có" not in fetch(base)[1]  # only the page concerned carries the notice
    finally:
        server.terminate()
        server.wait(timeout=30)


def _serve_command(*arguments: str) -> str:
    """The command `make serve` runs, as make prints it without running it."""
    made = subprocess.run(["make", "--no-print-directory", "-n", "-C", str(ROOT), "serve", *arguments], capture_output=True, text=True, check=True)
    return made.stdout.strip().splitlines()[-1]


@pytest.mark.full
def test_readme_says_how_the_preview_is_served_on_another_port():
    """No browser opens by itself; a busy port 8000 needs another one, in `make serve` as in `ocop serve`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "ocop serve` opens" not in readme and "`ocop serve` serves the preview" in readme
    assert "`make serve PORT=8001`" in readme
    assert "--dev-addr 127.0.0.1:8000" in _serve_command()
    assert "--dev-addr 127.0.0.1:8001" in _serve_command("PORT=8001")


def test_readme_data_tree_says_when_folders_the_example_lacks_appear():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tree = readme.split("\nproducts/\n", 1)[1].split("\ndocs/", 1)[0]
    for line in tree.splitlines():
        folders = re.findall(r"(_[a-z-]+)/", line.split("  ")[1] if line.startswith("  ") else "")
        missing = [folder for folder in folders if not (ROOT / "products" / folder).is_dir()]
        if missing:
            assert "made by the first" in line, f"{missing} are not in the example: say when they appear"


def _visit(browser, url: str) -> dict:
    """What a desktop browser shows at `url`: status, the page's article, its menu (every entry, also
    those folded away) and its language switch. A fresh page each time: the preview's live reload would
    otherwise navigate an open one while the test does."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        response = page.goto(url)
        return {
            "status": response.status,
            "article": page.locator("article").first.inner_text(),
            "menu": " | ".join(text.strip() for text in page.locator("nav.md-nav--primary a").all_text_contents()),
            "language": " ".join(page.locator(".ocop-language").all_text_contents()),
        }
    finally:
        page.close()


def test_preview_keeps_the_last_good_pages_and_menu_under_a_new_mistake(project, browser):
    """The officer breaks the product file she is editing: its page stays (not a 404) under the error box,
    the menu keeps its Vietnamese titles, and the box goes once the file is fixed."""
    product = project.products / "huan-hong/nem-huan-hong.yml"
    good = product.read_text(encoding="utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    address = base + "san-pham/nem-huan-hong/"
    server = subprocess.Popen(
        [str(BIN / "ocop"), "serve", "--address", f"127.0.0.1:{port}"],
        cwd=project.root, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        wait_until(lambda: serves(address, "Nem Huân Hồng") or server.poll() is not None, timeout=90)
        assert server.poll() is None
        before = _visit(browser, base + "san-pham/")
        assert "Tin tức" in before["menu"] and "Index" not in before["menu"].split(" | ")
        assert "Vietnamese only" not in before["language"]
        product.write_text(good.replace("  stars: 3", "  stars: ba"), encoding="utf-8")
        wait_until(lambda: serves(address, "đang hiện bản đúng gần nhất"), timeout=60)
        edited = _visit(browser, address)
        assert edited["status"] == 200
        assert edited["article"].index("products/huan-hong/nem-huan-hong.yml:") < edited["article"].index("Nem Huân Hồng")
        assert "'certification.stars'" in edited["article"]
        catalogue = _visit(browser, base + "san-pham/")
        assert "đang hiện bản đúng gần nhất" in catalogue["article"]
        assert (catalogue["menu"], catalogue["language"]) == (before["menu"], before["language"])
        product.write_text(good, encoding="utf-8")
        wait_until(lambda: serves(address, "Nem Huân Hồng") and "Dữ liệu có" not in fetch(address)[1], timeout=60)
        assert "Dữ liệu có" not in _visit(browser, address)["article"]
    finally:
        server.terminate()
        server.wait(timeout=30)
