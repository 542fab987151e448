"""How long the check of the built site takes, next to the build it follows, and how long a publish
switch takes. Run: .venv/bin/python benchmarks/sitecheck.py [NUMBER_OF_PRODUCTS]

A throw-away copy of the project gets NUMBER_OF_PRODUCTS fictional products (default 500, each with
a short code, so each also has a /Q/ forwarding page); the site is built once with `mkdocs build`
(which already runs the check in the plugin), then the check is timed alone on the built folder, and
`ocop publish --to` is timed twice (first publish, then a replacement).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from mkdocs.config import load_config  # noqa: E402
from ocop.ops.sitecheck import check_site, printed_addresses  # noqa: E402
from ocop.web.addresses import SHORT  # noqa: E402

BIN = Path(sys.executable).parent


def run(*command: str, cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    return time.perf_counter() - start


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder) / "project"
        project.mkdir()
        for part in ("mkdocs.yml", "docs", "products", "overrides"):
            source = ROOT / part
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, project / part)
        for number in range(count):
            (project / "products" / "nam-quyen" / f"thu-{number}.yml").write_text(
                f"name: Sản phẩm thử {number}\nproducer: nam-quyen\ngroup: thuc-pham\ncode: T{number}\n"
                "certification:\n  stars: 3\n",
                encoding="utf-8",
            )
        build = run(str(BIN / "mkdocs"), "build", "--strict", cwd=project)
        config = load_config(config_file=str(project / "mkdocs.yml"))
        plugin = config.plugins["ocop"]
        loaded = plugin.load(config)
        site = project / "site"
        pages = sum(1 for _ in site.rglob("*.html"))
        start = time.perf_counter()
        problems = check_site(site, loaded.settings.site_url, printed_addresses(loaded.settings, loaded.catalogue), SHORT)
        check = time.perf_counter() - start
        assert problems == [], problems[:3]
        first = run(str(BIN / "ocop"), "publish", "--to", str(Path(folder) / "www"), cwd=project)
        second = run(str(BIN / "ocop"), "publish", "--to", str(Path(folder) / "www"), cwd=project)
        print(f"products: {count}, HTML pages: {pages}")
        print(f"mkdocs build --strict (check included): {build:.2f} s")
        print(f"site check alone: {check:.2f} s ({check / build:.0%} of the build, {check / pages * 1000:.1f} ms a page)")
        print(f"ocop publish --to, first: {first:.2f} s; replacing: {second:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
