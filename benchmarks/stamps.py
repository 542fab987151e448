"""What issuing per-pack stamps costs, and what guessing one costs (issue 24, items 2 and 5).

    .venv/bin/python benchmarks/stamps.py                  # 10,000 stamps, the hash in Python and Chromium
    .venv/bin/python benchmarks/stamps.py --count 1000 --no-browser

1. On a throw-away copy of the project (a batch added to nước mắm Năm Quyền): the real command,
   `ocop stamps NM --batch L2406A --count N`, timed from start to exit (PDF written, register appended);
   the PDF's size and pages. The issue asks for 10,000 stamps in under a minute. The copy, its PDF and
   so its serials are deleted at the end.
2. One stamp hash (PBKDF2-HMAC-SHA256, model/stamps.py's iterations, 120 bits) in Python, as `ocop
   stamps` computes it, and with WebCrypto in Debian's Chromium at 360 × 740, as the buyer's phone does.
3. The arithmetic of ARCHITECTURE.md (Stamps): serial space, expected guesses to hit one valid serial,
   and what that costs on a GPU from published hashcat rates, and a check on phones from published
   WebCrypto timings. The published figures are constants below, with their sources.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ocop.model.stamps import ALPHABET, ITERATIONS, RANDOM_SYMBOLS, new_serial, stamp_hash

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BATCH = "batches:\n- code: L2406A\n  produced: 2026-06-01\n"

# hashcat -m 10900 (PBKDF2-HMAC-SHA256), benchmarked at 999 iterations: hashes a second. Chick3nman's
# benchmark gists of hashcat v6.2.6 (RTX 4090, RTX 5090 FE), as tabulated in public repositories.
GPUS = {"RTX 5090": 11_157.2e3, "RTX 4090": 8_866.0e3}
GPU_BENCH_ITERATIONS = 999
# WebCrypto PBKDF2-SHA256 on phones: seconds an iteration.
PHONES = {
    # github.com/facebookarchive/conceal issue 200 (2018): an Android phone, WebCrypto, 500,000 iterations in 2,380 ms
    "Android phone of 2018, WebCrypto": 2.380 / 500_000,
    # github.com/bitwiseshiftleft/sjcl pull 290 (2016): Samsung S4 Mini (2013), plain JavaScript (no WebCrypto),
    # 8,000 iterations in 361 ms: a floor no phone still in use is under
    "Samsung S4 Mini of 2013, plain JavaScript": 0.361310 / 8_000,
}
VALID = (2_000, 100_000, 1_000_000)  # a batch; the issue's 50 batches × 2,000 of one product; a site over years


def copy_project(target: Path) -> None:
    for part in ("mkdocs.yml", "docs", "products", "overrides"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    product = target / "products/nam-quyen/nuoc-mam-nam-quyen.yml"
    product.write_text(product.read_text(encoding="utf-8") + BATCH, encoding="utf-8")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def issue(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        copy_project(root)
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8")
        command = [str(BIN / "ocop"), "stamps", "NM", "--batch", "L2406A", "--count", str(count)]
        load = os.getloadavg()[0]
        start, cpu = time.perf_counter(), _children_cpu()
        result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)
        seconds, cpu = time.perf_counter() - start, _children_cpu() - cpu
        if result.returncode:
            sys.exit(result.stdout + result.stderr)
        pdf = root / "tem-in/tem-NM-L2406A-lan-1.pdf"
        register = root / "products/_registry/tem/NM/L2406A.yml"
        print(f"$ ocop stamps NM --batch L2406A --count {count}   ({os.cpu_count()} cores, load average {load:.1f} before)")
        print(result.stdout.rstrip())
        print(f"→ {seconds:.1f} s from start to exit, {cpu:.1f} s of CPU in all its processes; PDF {pdf.stat().st_size / 1e6:.1f} MB; "
              f"register file {register.stat().st_size / 1e3:.0f} KB ({count / seconds:.0f} stamps a second)")


def python_hash(runs: int = 30) -> list[float]:
    salt = os.urandom(16)
    times = []
    for _ in range(runs):
        serial = new_serial()
        start = time.perf_counter()
        stamp_hash(serial, salt, ITERATIONS)
        times.append(time.perf_counter() - start)
    return sorted(times)


WEBCRYPTO = """async ([iterations, runs]) => {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const serial = new TextEncoder().encode('K7QABCDEFGH' + i % 10);
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const start = performance.now();
    const key = await crypto.subtle.importKey('raw', serial, 'PBKDF2', false, ['deriveBits']);
    await crypto.subtle.deriveBits({name: 'PBKDF2', hash: 'SHA-256', salt, iterations}, key, 120);
    times.push((performance.now() - start) / 1000);
  }
  return times;
}"""


def browser_hash(runs: int = 15) -> list[float]:
    """WebCrypto in Chromium on a page from 127.0.0.1 (a secure context, as an https:// site is)."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS, serve

    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "index.html").write_text("<!doctype html><title>PBKDF2</title>", encoding="utf-8")
        with serve(Path(folder)) as host, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True)
            page.goto(f"{host}index.html")
            times = page.evaluate(WEBCRYPTO, [ITERATIONS, runs])
            browser.close()
    return sorted(times)


def arithmetic() -> None:
    space = len(ALPHABET) ** RANDOM_SYMBOLS
    print(f"\nSerials: {RANDOM_SYMBOLS} random symbols of {len(ALPHABET)} + 1 check symbol: {space:.2e} well-formed serials")
    print(f"One guess = one PBKDF2-HMAC-SHA256 of {ITERATIONS:,} iterations (a guess failing the check symbol costs nothing)\n")
    header = " | ".join(f"V = {valid:,}" for valid in VALID)
    print(f"| GPU | guesses a second | GPU-hours to find one valid serial: {header} |")
    print("| --- | ---: |" + " ---: |" * len(VALID))
    for gpu, rate in GPUS.items():
        guesses = rate * GPU_BENCH_ITERATIONS / ITERATIONS
        hours = " | ".join(f"{space / valid / guesses / 3600:,.1f}" for valid in VALID)
        print(f"| {gpu} | {guesses:.2e} | {hours} |")
    print("\n| phone (published figure) | one check (one hash) | a typed serial corrected (about 12 hashes) |")
    print("| --- | ---: | ---: |")
    for phone, per_iteration in PHONES.items():
        one = per_iteration * ITERATIONS
        print(f"| {phone} | {one * 1000:.0f} ms | {12 * one * 1000:.0f} ms |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--no-browser", action="store_true", help="skip the WebCrypto measurement in Chromium")
    args = parser.parse_args()
    issue(args.count)
    times = python_hash()
    print(f"\nOne stamp hash in Python ({ITERATIONS:,} iterations): best {times[0] * 1000:.1f} ms, median {times[len(times) // 2] * 1000:.1f} ms")
    if not args.no_browser:
        times = browser_hash()
        print(f"One stamp hash in Chromium (WebCrypto, 360 × 740): best {times[0] * 1000:.1f} ms, "
              f"median {times[len(times) // 2] * 1000:.1f} ms ({times[len(times) // 2] / ITERATIONS * 1e6:.2f} µs an iteration)")
    arithmetic()


if __name__ == "__main__":
    main()
