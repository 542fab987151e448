"""How the build scales: the project's `mkdocs build` against plain MkDocs on the same pages.

    .venv/bin/python benchmarks/run.py                     # N = 10, 100, 1000, 5000; writes README.md
    .venv/bin/python benchmarks/run.py --sizes 10,100 --no-write
    .venv/bin/python benchmarks/run.py --profile province --sizes 650   # a real province's shape; its own table

For each N it generates a synthetic project (benchmarks/generate.py, fixed seed) and measures, in
one run and on the same machine state:

- full build: `properdocs build` with the ocop plugin, QR cache empty (a first build on a new machine);
- plain: `ocop export` of the very same pages (run once, after the first build, so that it takes the
  photos, codes and sheets from the cache instead of making them a second time), built by the same
  engine without the plugin (ratio = full/plain);
- warm: the same `mkdocs build` again, nothing changed (every later build: the site is rebuilt whole,
  QR codes come from the cache); "new QR, photo or label files" counts what it encoded or converted anew;
- edit: the summary of one product changed, then `mkdocs build`;
- peak memory (maximum resident set of the build process), size of the built site, and of the
  search index a phone downloads (raw and gzip-compressed), and of the largest catalogue page.

Timings are wall-clock seconds of the whole build process (Python start-up included), and
its CPU seconds (user + system, with its worker and second processes). The machine may be shared:
compare the ratios, which are measured back to back, more than the seconds. Every build writes a new
site folder (see NEW_FOLDERS).
"""
from __future__ import annotations

import argparse
import gzip
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402
from ocop.media.prepare import usable_cores  # noqa: E402

BIN = Path(sys.executable).parent
# The engine the project builds and serves with (Makefile); plain builds use the same one.
ENGINE = "properdocs" if (BIN / "properdocs").exists() else "mkdocs"
README = HERE / "README.md"
BEGIN, END = "<!-- results: written by benchmarks/run.py -->", "<!-- /results -->"
# The province profile (generate.py --profile province) has its own table.
BEGIN_PROVINCE, END_PROVINCE = "<!-- province results: written by benchmarks/run.py --profile province -->", "<!-- /province results -->"
SEARCH_FILES = ("search/search_index.json",)
# On ext4 without a journal (this machine) a new file does not get an inode deleted less than about
# 30 s ago, and finding one searches past each of them: a build that writes tens of thousands of
# files right after as many were deleted (MkDocs empties the site folder first) spends up to a third
# of its time in the kernel, more the more files. That measures the disk, not the build, and unevenly.
# So each build writes a new folder (as `ocop publish` and a clean CI checkout do), nothing is deleted
# while a size is measured, and after deleting a size's folders the benchmark waits this many seconds.
NEW_FOLDERS = 35


@dataclass
class Run:
    seconds: float  # wall clock
    cpu: float  # user + system seconds of the process: what other users of the machine disturb least
    peak_mb: float
    output: str


@dataclass
class Result:
    products: int
    pages: int = 0
    full: Run | None = None
    plain: Run | None = None
    warm: Run | None = None
    edit: Run | None = None
    new_cache_files_warm: int = 0
    new_cache_files_edit: int = 0
    site_mb: float = 0.0
    search_kb: float = 0.0
    search_gzip_kb: float = 0.0
    largest_catalogue_kb: float = 0.0
    largest_catalogue_page: str = ""
    notes: list[str] = field(default_factory=list)


def timed(command: list[str], cwd: Path) -> Run:
    """Run `command`; its wall time and the peak memory of that process alone (wait4's rusage)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONIOENCODING="utf-8")
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{output[-3000:]}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output)


# What the cache keeps that costs time to make: QR codes, resized photos (and their manifests), label sheets.
# Not counted: the site check's memory and the hashes of the originals, which note what a build saw.
MADE_FILES = {".svg", ".png", ".txt", ".webp", ".avif", ".jpg", ".json", ".pdf"}
NOTES = {"sitecheck.json", "originals.json"}


def cache_state(folder: Path) -> dict[str, tuple[int, int]]:
    """Every cached QR code, photo and label sheet with its inode and modification time: a file made anew changes one of them."""
    if not folder.is_dir():
        return {}
    return {
        str(path): (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file() and path.suffix in MADE_FILES and path.name not in NOTES
    }


def changed(before: dict, after: dict) -> int:
    return sum(1 for name, state in after.items() if before.get(name) != state)


def plain_config(project: Path, exported: Path, site: Path) -> Path:
    # MkDocs' own loader: mkdocs.yml names Python functions (the blog's ASCII slugs) with !!python/name.
    config = yaml_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = [plugin for plugin in config["plugins"] if "ocop" not in plugin]
    config.update(docs_dir=str(exported / "docs"), site_dir=str(site), watch=[])  # `ocop export` writes DIR/docs/
    config["theme"]["custom_dir"] = str(project / "overrides")
    path = project.parent / "plain.yml"
    path.write_text(yaml.dump(config, allow_unicode=True), encoding="utf-8")
    return path


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def edit_one_product(project: Path) -> None:
    path = sorted(project.glob("products/co-so-mau-*/san-pham-*.yml"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("summary: ", "summary: Đã sửa. ", 1), encoding="utf-8")


def median(runs: list[Run]) -> Run:
    """The median of repeated runs, wall clock and CPU each (the machine may be shared); the peak memory's maximum."""
    return Run(
        statistics.median(run.seconds for run in runs),
        statistics.median(run.cpu for run in runs),
        max(run.peak_mb for run in runs),
        runs[-1].output,
    )


def measure(count: int, work: Path, seed: int, repeat: int = 1, profile: str = "synthetic", edit: bool = True) -> Result:
    root = work / f"n{count}"
    shutil.rmtree(root, ignore_errors=True)
    project = generate(count, root / "project", seed, profile)
    mkdocs = [str(BIN / ENGINE), "build"]
    result = Result(count)
    cache = project / ".cache"
    exported = root / "exported"
    plain = mkdocs + ["-f", str(plain_config(project, exported, root / "plain-site"))]

    # Each repetition measures the four builds back to back, so that a busy moment of the machine
    # disturbs one repetition, not one kind of build.
    runs: dict[str, list[Run]] = {"full": [], "plain": [], "warm": [], "edit": []}
    site = root / "site"

    def build(kind: str, command: list[str]) -> None:
        # A new folder for every build, nothing deleted while builds are measured (see NEW_FOLDERS).
        nonlocal site
        site = root / "sites" / f"{kind}-{len(runs[kind])}"
        runs[kind].append(timed(command + ["--site-dir", str(site)], project))

    for repetition in range(repeat):
        if cache.exists():  # moved aside, not deleted: see NEW_FOLDERS
            cache.rename(root / f"cache-{repetition}")
        build("full", mkdocs)
        if not exported.exists():  # once, with the cache the first build filled (the export is not timed)
            timed([str(BIN / "ocop"), "export", str(exported)], project)
        build("plain", plain)
        before = cache_state(cache)
        build("warm", mkdocs)
        result.new_cache_files_warm = max(result.new_cache_files_warm, changed(before, cache_state(cache)))
        if edit:
            edit_one_product(project)
            before = cache_state(cache)
            build("edit", mkdocs)
            result.new_cache_files_edit = max(result.new_cache_files_edit, changed(before, cache_state(cache)))
    result.full, result.plain, result.warm = (median(runs[kind]) for kind in ("full", "plain", "warm"))
    result.edit = median(runs["edit"]) if edit else None

    result.pages = sum(1 for _ in site.rglob("index.html"))
    result.site_mb = folder_size(site) / 1e6
    for name in SEARCH_FILES:
        raw = (site / name).read_bytes()
        result.search_kb += len(raw) / 1e3
        result.search_gzip_kb += len(gzip.compress(raw, 9)) / 1e3
    catalogue = [path for path in (site / "san-pham").rglob("index.html") if _is_listing(path)]
    largest = max(catalogue, key=lambda path: path.stat().st_size)
    result.largest_catalogue_kb = largest.stat().st_size / 1e3
    result.largest_catalogue_page = "/" + largest.parent.relative_to(site).as_posix() + "/"
    shutil.rmtree(root, ignore_errors=True)
    time.sleep(NEW_FOLDERS)
    return result


def _is_listing(page: Path) -> bool:
    """A catalogue page (the list or one of its filtered or further pages), not a product page."""
    return 'class="ocop-cards"' in page.read_text(encoding="utf-8", errors="replace")


def machine() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")),
        platform.processor() or "?",
    )
    memory = next(
        (int(line.split()[1]) / 1e6 for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")),
        0,
    )
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    versions = ", ".join(f"{name} {_version(name)}" for name in ("properdocs", "mkdocs", "mkdocs-material", "pydantic", "qrcode", "pillow", "PyYAML"))
    return (
        f"{cpu}, {usable_cores()} usable cores, {memory:.0f} GB RAM; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; {versions}; load average at the end {load}"
    )


def _version(name: str) -> str:
    from importlib import metadata

    return metadata.version(name)


def table(results: list[Result]) -> str:
    def seconds(run: Run) -> str:
        return f"{run.seconds:.1f} ({run.cpu:.1f})"

    def ratio(run: Run, reference: Run) -> str:
        return f"**{run.cpu / reference.cpu:.2f}×** ({run.seconds / reference.seconds:.2f}×)"

    lines = [
        "| products | pages | first build | plain MkDocs | **first / plain** | full build, cache warm | **warm / plain** "
        "| after one edit | new QR, photo or label files (warm, edit) | peak memory (MB) | site (MB) | search index (KB) "
        "| search index gzip (KB) | largest catalogue page (KB) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        lines.append(
            f"| {r.products:,} | {r.pages:,} | {seconds(r.full)} | {seconds(r.plain)} | {ratio(r.full, r.plain)} "
            f"| {seconds(r.warm)} | {ratio(r.warm, r.plain)} | {seconds(r.edit) if r.edit else '—'} "
            f"| {r.new_cache_files_warm}, {r.new_cache_files_edit if r.edit else '—'} | {max(r.full.peak_mb, r.warm.peak_mb):.0f} "
            f"| {r.site_mb:.0f} | {r.search_kb:.0f} | {r.search_gzip_kb:.0f} | {r.largest_catalogue_kb:.0f} |"
        )
    lines.append("")
    lines.append(
        "Times are wall-clock seconds with CPU seconds (user + system, worker processes included) in brackets. "
        "Ratios are of CPU seconds, which other users of a shared machine disturb least, with the ratio of "
        "wall-clock seconds in brackets (a first build resizes photos and encodes QR codes on every core, so its "
        "wall-clock ratio is lower when cores are free; MkDocs renders the pages on one). Each figure is the median "
        "of the repetitions; the four builds of a repetition run back to back."
    )
    by_count = {result.products: result for result in results}
    if 1000 in by_count and 5000 in by_count:
        small, large = by_count[1000], by_count[5000]
        lines.append("")
        lines.append(
            f"Growth from 1,000 to 5,000 products (linear is 5×): first build {large.full.cpu / small.full.cpu:.2f}×, "
            f"full build {large.warm.cpu / small.warm.cpu:.2f}× (CPU); "
            f"wall clock {large.full.seconds / small.full.seconds:.2f}× and {large.warm.seconds / small.warm.seconds:.2f}×."
        )
    return "\n".join(lines)


def write_readme(text: str, begin: str = BEGIN, end: str = END) -> None:
    readme = README.read_text(encoding="utf-8")
    start, end = readme.index(begin) + len(begin), readme.index(end)
    README.write_text(readme[:start] + "\n" + text + "\n" + readme[end:], encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000,5000", help="numbers of products, comma-separated")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=2, help="repetitions of each measure (the median is kept)")
    parser.add_argument("--profile", choices=("synthetic", "province"), default="synthetic", help="the generator's profile (generate.py)")
    parser.add_argument("--work", type=Path, help="folder for the generated projects (default: a temporary one)")
    parser.add_argument("--no-edit", action="store_true", help="leave out the build after editing a product (saves time at 5,000)")
    parser.add_argument("--no-write", action="store_true", help="print the table only; leave README.md as it is")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    work = args.work or Path(tempfile.mkdtemp(prefix="ocop-bench-"))
    results = []
    for count in sizes:
        result = measure(count, work, args.seed, args.repeat, args.profile, edit=not args.no_edit)
        results.append(result)
        print(table([result]).splitlines()[2], flush=True)  # the row, in case a later size does not finish
        print(
            f"{count:>6} products: first build {result.full.cpu:6.1f} s CPU, plain {result.plain.cpu:6.1f} "
            f"({result.full.cpu / result.plain.cpu:.2f}×), warm {result.warm.cpu:6.1f} "
            f"({result.warm.cpu / result.plain.cpu:.2f}×)" + (f", edit {result.edit.cpu:6.1f}" if result.edit else ""),
            flush=True,
        )
    options = ("" if args.profile == "synthetic" else f" --profile {args.profile}")
    options += " --no-edit" if args.no_edit else ""
    options += ("" if args.sizes == "10,100,1000,5000" else f" --sizes {args.sizes}") + ("" if args.repeat == 2 else f" --repeat {args.repeat}")
    command = f"`.venv/bin/python benchmarks/run.py{options}`"
    text = f"{table(results)}\n\nMachine: {machine()}.\n\nMade by {command} on {time.strftime('%Y-%m-%d %H:%M')}."
    print(text)
    if not args.no_write:
        write_readme(text, *((BEGIN, END) if args.profile == "synthetic" else (BEGIN_PROVINCE, END_PROVINCE)))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
