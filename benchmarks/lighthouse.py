"""Page weight and speed on a phone, measured by Lighthouse (mobile profile) on the built site.

    make lighthouse                     # installs the pinned Lighthouse (npm ci), then runs this
    .venv/bin/python benchmarks/lighthouse.py [--runs 3]

What it does, in one run:
  1. copies the project into a temporary folder and gives the fish sauce one photo: a generated
     4000 × 3000 test picture with photo-like noise (no real product photo is known), so that the
     product page is measured as a producer would publish it;
  2. builds it with `mkdocs build --strict`, site_url set to the local address it is served from
     (so the canonical links point to the same host, as on the real site);
  3. serves it on 127.0.0.1 with gzip for text files, as any production web server does;
  4. runs Lighthouse (mobile: Moto G Power screen, slow 4G and 4× slower CPU, simulated) `--runs`
     times on each page and keeps the median of each score;
  5. prints a Markdown table and checks the budgets: performance ≥ 95, accessibility 100, best
     practices ≥ 95, SEO 100, and a product page's first view (with its photo) ≤ 250 KB transferred.
     The exit status is 1 when a budget is missed.

Lighthouse is run with Debian's Chromium (CHROME_PATH, default /usr/bin/chromium), headless.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from ocop.media.prepare import usable_cores
from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE_DIR = Path(__file__).resolve().parent / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
BIN = Path(sys.executable).parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "products", "overrides")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BUDGET = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 100}
PRODUCT_PAGE_BUDGET_KB = 250
PAGES = {
    "product (with one photo)": "san-pham/nuoc-mam-nam-quyen/",
    "catalogue": "san-pham/",
    "home": "",
    "product, English": "en/products/nuoc-mam-nam-quyen/",
}
PRODUCT_PAGE = "product (with one photo)"
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt"}


def test_photo(path: Path) -> None:
    """A camera-sized picture that compresses like a photo (soft shapes plus sensor-like noise)."""
    import random

    rng = random.Random(6)
    image = Image.new("RGB", (4000, 3000), (205, 170, 120))
    draw = ImageDraw.Draw(image)
    for _ in range(300):
        x, y, r = rng.randrange(4000), rng.randrange(3000), rng.randrange(40, 500)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(40, 230) for _ in range(3)))
    image = image.filter(ImageFilter.GaussianBlur(6))
    noise = Image.effect_noise((4000, 3000), 40).convert("RGB")
    Image.blend(image, noise, 0.12).save(path, quality=92)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text compressed with gzip when the browser accepts it (as nginx `gzip on`)."""

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if path.is_file() and path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, *args):
        pass


def build_site(work: Path, site_url: str) -> Path:
    for part in PROJECT_PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, work / part)
    test_photo(work / "products" / "nam-quyen" / "anh-thu.jpg")
    product = work / "products" / "nam-quyen" / "nuoc-mam-nam-quyen.yml"
    with open(product, "a", encoding="utf-8") as data:
        data.write("photos:\n  - file: anh-thu.jpg\n    alt: Ảnh thử nghiệm của benchmark\n")
    # MkDocs' own inheritance, not a YAML reader of ours: mkdocs.yml holds Python tags (the blog's slugs).
    (work / "lighthouse.yml").write_text(f"INHERIT: mkdocs.yml\nsite_url: {site_url}\n", encoding="utf-8")
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict", "--config-file", "lighthouse.yml"], cwd=work, capture_output=True, text=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    if result.returncode != 0:
        sys.exit(f"the build failed:\n{result.stdout}{result.stderr}")
    return work / "site"


def lighthouse(url: str, output: Path) -> dict:
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    command = [
        str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking",
    ]
    subprocess.run(command, env=env, check=True, timeout=300)
    return json.loads(output.read_text(encoding="utf-8"))


def measure(report: dict) -> dict:
    audits = report["audits"]
    return {
        **{name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES},
        "transfer_kb": audits["total-byte-weight"]["numericValue"] / 1024,
        "requests": len(audits["network-requests"]["details"]["items"]),
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "fcp_s": audits["first-contentful-paint"]["numericValue"] / 1000,
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "failed": sorted(
            audit_id for name in CATEGORIES for ref in report["categories"][name]["auditRefs"]
            if ref["weight"] and (audit_id := ref["id"]) in audits
            and audits[audit_id]["score"] is not None and audits[audit_id]["score"] < 0.9
        ),
    }


def median_run(runs: list[dict]) -> dict:
    result = {key: statistics.median(run[key] for run in runs) for key in runs[0] if key != "failed"}
    result["failed"] = sorted({audit for run in runs for audit in run["failed"]})
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs a page (the median is kept)")
    parser.add_argument("--reports", type=Path, default=LIGHTHOUSE_DIR / "reports", help="where the JSON reports go")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `make lighthouse` (npm ci in benchmarks/lighthouse/)")
    args.reports.mkdir(parents=True, exist_ok=True)
    version = json.loads((LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "package.json").read_text())["version"]
    chromium = subprocess.run([os.environ.get("CHROME_PATH", "/usr/bin/chromium"), "--version"], capture_output=True, text=True).stdout.strip()

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    results = {}
    with tempfile.TemporaryDirectory(prefix="ocop-lighthouse-") as temporary:
        site = build_site(Path(temporary), base)
        photo_files = sorted((site / "san-pham" / "nuoc-mam-nam-quyen").glob("nuoc-mam-nam-quyen-1-*"))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(GzipHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            for label, path in PAGES.items():
                runs = []
                for number in range(args.runs):
                    slug = path.strip("/").replace("/", "_") or "home"
                    runs.append(measure(lighthouse(base + path, args.reports / f"{slug}-{number + 1}.json")))
                results[label] = median_run(runs)
                print(f"  {label}: {results[label]}", file=sys.stderr)
        finally:
            server.shutdown()
            server.server_close()
        photo_sizes = ", ".join(f"{p.name.split('-1-')[1]} {p.stat().st_size / 1024:.0f} KB" for p in photo_files)

    print(f"Lighthouse {version}, mobile profile (simulated slow 4G, 4× CPU slowdown), {chromium}, "
          f"median of {args.runs} runs; {platform.machine()}, {usable_cores()} cores, Python {platform.python_version()}.")
    print()
    print("| page | performance | accessibility | best practices | SEO | transferred (KB) | requests | FCP (s) | LCP (s) | TBT (ms) | CLS |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for label, r in results.items():
        print(f"| {label} | {r['performance']:.0f} | {r['accessibility']:.0f} | {r['best-practices']:.0f} | {r['seo']:.0f} | "
              f"{r['transfer_kb']:.0f} | {r['requests']:.0f} | {r['fcp_s']:.1f} | {r['lcp_s']:.1f} | {r['tbt_ms']:.0f} | {r['cls']:.3f} |")
    print()
    print(f"Renditions of the test photo: {photo_files and photo_sizes}.")
    missed = []
    for label, r in results.items():
        missed += [f"{label}: {name} {r[name]:.0f} < {need}" for name, need in BUDGET.items() if r[name] < need]
        if r["failed"]:
            print(f"{label}: audits below 0.9: {', '.join(r['failed'])}")
    if results[PRODUCT_PAGE]["transfer_kb"] > PRODUCT_PAGE_BUDGET_KB:
        missed.append(f"{PRODUCT_PAGE}: {results[PRODUCT_PAGE]['transfer_kb']:.0f} KB > {PRODUCT_PAGE_BUDGET_KB} KB")
    print("Budgets: " + ("all met." if not missed else "MISSED: " + "; ".join(missed)))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
