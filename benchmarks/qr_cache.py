"""How much the QR cache saves: a build with nothing changed must encode no code at all.

Makes a throw-away copy of the project with N fictional test products (default 200) and measures,
in one run on this machine:
  1. Project.outputs() (every page, QR SVG/PNG and label sheet) with an empty cache, then a full one;
  2. the whole `mkdocs build`, with an empty cache, then again with nothing changed.
The codes are counted by QrCache (`encoded`) and by the plugin's log line.

    .venv/bin/python benchmarks/qr_cache.py [N]
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mkdocs.config import load_config
from ocop.engine.project import load_project
from ocop.media.prepare import usable_cores

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def make_project(folder: Path, count: int) -> Path:
    for part in ("mkdocs.yml", "docs", "products", "overrides"):
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, folder / part)
    producer = folder / "products" / "co-so-thu-nghiem"
    producer.mkdir()
    (producer / "producer.yml").write_text("name: Cơ sở thử nghiệm\nkind: chưa rõ\n", encoding="utf-8")
    for number in range(count):
        (producer / f"san-pham-{number}.yml").write_text(
            f"name: Sản phẩm thử nghiệm {number}\nproducer: co-so-thu-nghiem\ngroup: thuc-pham\n"
            f"code: T{number}\ncertification:\n  stars: 3\n",
            encoding="utf-8",
        )
    return folder


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def builder_run(folder: Path, cache_dir: Path) -> tuple[float, int, int]:
    config = load_config(config_file=str(folder / "mkdocs.yml"))
    options = config.plugins["ocop"].config
    options.cache_dir = str(cache_dir)  # its own cache: the mkdocs builds below start with an empty one
    project = load_project(config, options)
    seconds, files = timed(project.outputs)
    return seconds, project.qr_cache.encoded, len(files)


def mkdocs_run(folder: Path) -> tuple[float, int]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    seconds, result = timed(
        lambda: subprocess.run(
            [str(BIN / "mkdocs"), "build", "--strict"], cwd=folder, capture_output=True, text=True, env=env, check=True
        )
    )
    encoded = int(re.search(r"(\d+) mã QR, \d+ tệp ảnh mới được tạo", result.stderr).group(1))
    return seconds, encoded


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    with tempfile.TemporaryDirectory() as temporary:
        folder = make_project(Path(temporary), count)
        products = count + 2
        print(f"{products} sản phẩm ({count} sản phẩm thử nghiệm + 2 sản phẩm mẫu), {usable_cores()} lõi CPU")
        cache_dir = folder / ".cache" / "ocop-builder"
        cold = builder_run(folder, cache_dir)
        warm = builder_run(folder, cache_dir)
        print(f"Project.outputs(), bộ nhớ đệm trống  : {cold[0]:7.3f} s, {cold[1]:4d} tệp mã QR/nhãn được tạo ({cold[2]} tệp)")
        print(f"Project.outputs(), không đổi gì      : {warm[0]:7.3f} s, {warm[1]:4d} tệp được tạo   → nhanh hơn {cold[0] / warm[0]:.1f} lần")
        cold_build = mkdocs_run(folder)
        warm_build = mkdocs_run(folder)
        print(f"mkdocs build, bộ nhớ đệm trống        : {cold_build[0]:7.3f} s, {cold_build[1]:4d} tệp được tạo")
        print(f"mkdocs build, không đổi gì            : {warm_build[0]:7.3f} s, {warm_build[1]:4d} tệp được tạo   → nhanh hơn {cold_build[0] / warm_build[0]:.1f} lần")


if __name__ == "__main__":
    main()
