"""Phone screenshots (360 × 740) for issue 22 items 9 and 12: the English 404 and /du-lich/ with a photo.

    .venv/bin/python scripts/visitor-screenshots.py tests/screenshots TAG

Copies the project with a drawn photo on the fish sauce, builds it, serves it as a static host does
(a missing path gets /404.html with status 404) and keeps en-404-TAG.png (/en/nothing-here/) and
du-lich-360-TAG.png (the whole page).
"""
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from conftest import StaticHost, copy_project, draw_photo, serve  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

out, tag = Path(sys.argv[1]), sys.argv[2]
with tempfile.TemporaryDirectory() as folder:
    project = copy_project(Path(folder) / "project")
    draw_photo(project.products / "nam-quyen" / "chai.jpg")
    fish_sauce = project.products / "nam-quyen" / "nuoc-mam-nam-quyen.yml"
    fish_sauce.write_text(fish_sauce.read_text(encoding="utf-8") + "photos:\n  - file: chai.jpg\n    alt: Ảnh thử nghiệm\n", encoding="utf-8")
    assert project.build().code == 0
    with serve(project.site, StaticHost) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
        for locale, path, name in [("en-GB", "en/nothing-here/", "en-404"), ("vi-VN", "du-lich/", "du-lich-360")]:
            context = browser.new_context(viewport={"width": 360, "height": 740}, locale=locale, device_scale_factor=1)
            page = context.new_page()
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(300)
            page.screenshot(path=str(out / f"{name}-{tag}.png"), full_page=True)
            context.close()
        browser.close()
