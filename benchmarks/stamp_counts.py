"""What reading the access logs costs a build: `access_log:` with a large log (issue 24, item 4).
Run: .venv/bin/python benchmarks/stamp_counts.py [LINES]   (default 100,000)

A throw-away copy of the example project gets a stamp register of 1,000 stamps of one batch (issued with
model/stamps.py's own functions) and a synthetic nginx log of LINES lines, shaped like a small server's
day: three quarters pages and assets, a tenth robots, the rest scans of the product codes and checks of
stamps (200 registered serials, one of them on 30 phones, and 500 invented well-formed serials). The
site is built three times with `mkdocs build`: without `access_log`, with it and an empty verdict cache
(every serial hashed once, at most NEW_VERDICTS_PER_BUILD), and with the cache warm (the nightly rebuild).
"""
from __future__ import annotations

import datetime as dt
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from ocop.model.stamps import (  # noqa: E402
    StampIssue, append_issue, new_serial, new_settings, printed, stamp_hash, write_settings,
)
from stamp_site import build, copy_project  # noqa: E402  (this folder's: the same throw-away copy and build)

PHONE = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 Chrome/129.0 Mobile Safari/537.36"
ROBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
PAGES = ["/", "/san-pham/", "/san-pham/nuoc-mam-nam-quyen/", "/assets/stylesheets/ocop.css", "/tin-tuc/", "/en/"]


def project(target: Path, stamps: int) -> list[str]:
    copy_project(target)
    product = target / "products/nam-quyen/nuoc-mam-nam-quyen.yml"
    product.write_text(product.read_text(encoding="utf-8") + "\nbatches:\n  - code: L2406A\n    produced: 15/03/2024\n",
                       encoding="utf-8")
    settings = new_settings()
    write_settings(target / "products", settings)
    serials = [new_serial() for _ in range(stamps)]
    hashes = tuple(stamp_hash(serial, settings.salt, settings.iterations) for serial in serials)
    issue = StampIssue("NM", "L2406A", dt.date.today(), stamps, "24x30", False, "", 0, hashes)
    append_issue(target / "products", "NM", "L2406A", "Nước mắm Năm Quyền", issue)
    return serials


def log(path: Path, lines: int, serials: list[str]) -> None:
    chance = random.Random(24)
    checked = serials[:200]
    invented = [new_serial() for _ in range(500)]
    start = dt.datetime.combine(dt.date.today() - dt.timedelta(days=30), dt.time())
    with open(path, "w", encoding="utf-8") as out:
        for number in range(lines):
            when = start + dt.timedelta(seconds=number * 30 * 86400 // lines)
            address, agent, roll = f"10.{chance.randrange(256)}.{chance.randrange(256)}.{chance.randrange(256)}", PHONE, chance.random()
            if roll < 0.75:
                target = chance.choice(PAGES)
            elif roll < 0.85:
                target, agent = chance.choice(PAGES + ["/Q/NM/"]), ROBOT
            elif roll < 0.92:
                target = chance.choice(["/Q/NM/", "/Q/NEM/", "/q/nm/"])
            elif roll < 0.97:
                target = f"/Q/NM/{printed(chance.choice(checked))}/"
            elif roll < 0.98:
                target = f"/Q/NM/{printed(checked[0])}/"  # the copied one
            else:
                target = f"/Q/NM/{printed(chance.choice(invented))}/"
            out.write(f'{address} - - [{when:%d/%b/%Y:%H:%M:%S} +0700] "GET {target} HTTP/1.1" 200 512 "-" "{agent}"\n')


def main() -> None:
    lines = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        serials = project(folder, 1000)
        log(folder / "access.log", lines, serials)
        build(folder)  # the first build: photos and codes into the cache
        without = build(folder)
        config = folder / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8").replace(
            "      products_dir: products\n", "      products_dir: products\n      access_log: access.log\n"), encoding="utf-8")
        cold = build(folder)
        warm = build(folder)
        size = (folder / "access.log").stat().st_size / 1e6
        print(f"{lines:,} log lines ({size:.1f} MB): warm build without access_log {without:.1f} s; "
              f"with it, verdict cache empty {cold:.1f} s, warm {warm:.1f} s")


if __name__ == "__main__":
    main()
