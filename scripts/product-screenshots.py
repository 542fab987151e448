"""Phone screenshots (360 × 740) of the product page a printed code opens, for issue 16's before/after.

    .venv/bin/python scripts/product-screenshots.py SITE_DIR tests/screenshots TAG [en]

Serves a built site (SITE_DIR) on localhost, opens /Q/NM/ in Chromium as a Vietnamese phone, and keeps
the first screen and the whole page as tests/screenshots/san-pham-nm-TAG-{man-hinh-dau,ca-trang}.png;
with `en`, also the product page opened directly (san-pham-nm-mo-truc-tiep-…) and the English one.
"""
import functools, http.server, sys, threading
from pathlib import Path
from playwright.sync_api import sync_playwright
site, out, tag = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass


h = functools.partial(Quiet, directory=str(site))
srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), h)
threading.Thread(target=srv.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{srv.server_address[1]}/"
out.mkdir(parents=True, exist_ok=True)
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
    shots = [("vi-VN", "Q/NM/", "san-pham-nm")]
    if len(sys.argv) > 4:  # also the page opened without the code, and the English page
        shots += [("vi-VN", "san-pham/nuoc-mam-nam-quyen/", "san-pham-nm-mo-truc-tiep"), ("en-GB", "en/products/nuoc-mam-nam-quyen/", "en-product-nm")]
    for lang, path, name in shots:
        c = b.new_context(viewport={"width": 360, "height": 740}, locale=lang, device_scale_factor=1)
        page = c.new_page()
        page.goto(base + path)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
        page.screenshot(path=str(out / f"{name}-{tag}-man-hinh-dau.png"))
        page.screenshot(path=str(out / f"{name}-{tag}-ca-trang.png"), full_page=True)
        print(page.url)
        c.close()
    b.close()
srv.shutdown()
