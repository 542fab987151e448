"""What a machine's first build costs a photo, beside what the encoder alone costs for the same files.

    .venv/bin/python benchmarks/photos.py                  # the province profile, 650 products (129 camera photos)
    .venv/bin/python benchmarks/photos.py --count 100 --repeat 1

On the province profile (generate.py --profile province: every fifth product has a 3000 × 2250 camera
photo) it measures:

- the first build (`.cache/` empty: photos, QR codes and label sheets all made) and the build with the
  cache warm, as benchmarks/run.py does;
- the build with only the photos missing from the cache (`.cache/ocop/photos/` moved aside; codes and
  label sheets still there): its CPU seconds less the warm build's, divided by the photos, is what a
  first build costs a photo, everything included (checking the file, hashing it, the worker pool,
  decoding, resizing, encoding, writing the files);
- the encoder alone: the same renditions of the same photos made with Pillow directly, in this one
  process (decode at the JPEG draft scale, turn upright, resize each width from the next larger,
  encode WebP and JPEG with the project's settings), CPU seconds a photo.

CPU seconds are the measure (user + system, worker processes included): the build spreads photos over
every core, so its wall clock is also given, per photo, beside.
"""
from __future__ import annotations

import argparse
import io
import math
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageOps

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402
from ocop.media.images import PhotoStyle  # noqa: E402
from run import BIN, NEW_FOLDERS, Run, machine, median, timed  # noqa: E402


def encoder_alone(photos: list[Path], style: PhotoStyle = PhotoStyle()) -> dict[str, float]:
    """CPU seconds a photo for each step of the renditions the build makes, with Pillow directly."""
    steps = {"decode": 0.0, "resize": 0.0, "webp": 0.0, "jpeg": 0.0}
    for source in photos:
        start = time.process_time()
        with Image.open(source) as original:
            width, height = original.size
            turned = original.getexif().get(0x0112, 1) in {5, 6, 7, 8}
            upright_width = height if turned else width
            widths = sorted({min(w, upright_width) for w in style.widths})
            scale = widths[-1] / upright_width
            original.draft("RGB", (math.ceil(width * scale), math.ceil(height * scale)))
            icc = original.info.get("icc_profile")
            image = ImageOps.exif_transpose(original).convert("RGB")
        steps["decode"] += time.process_time() - start
        for target in reversed(widths):
            start = time.process_time()
            size = (target, max(1, round(image.height * target / image.width)))
            if size != image.size:
                image = image.resize(size, Image.Resampling.LANCZOS)
            steps["resize"] += time.process_time() - start
            for fmt in ("webp", "jpeg"):
                options: dict = {"quality": style.quality_of(fmt)}
                options.update(method=style.webp_method) if fmt == "webp" else options.update(optimize=True, progressive=True)
                if icc:
                    options["icc_profile"] = icc
                start = time.process_time()
                image.save(io.BytesIO(), format=fmt.upper(), **options)
                steps[fmt] += time.process_time() - start
    return {step: seconds / len(photos) for step, seconds in steps.items()}


def measure(count: int, work: Path, seed: int, repeat: int) -> str:
    root = work / f"photos-{count}"
    shutil.rmtree(root, ignore_errors=True)
    project = generate(count, root / "project", seed, "province")
    photos = sorted(path for path in (project / "products").rglob("*.jpg"))
    mkdocs = [str(BIN / "mkdocs"), "build"]
    cache = project / ".cache" / "ocop"
    sites = iter(range(1000))

    def build() -> Run:  # a new site folder each time (see run.py, NEW_FOLDERS)
        return timed(mkdocs + ["--site-dir", str(root / "sites" / str(next(sites)))], project)

    first, warm, cold = [], [], []
    for repetition in range(repeat):
        if (project / ".cache").exists():
            (project / ".cache").rename(root / f"cache-{repetition}")
        first.append(build())
        warm.append(build())
        (cache / "photos").rename(root / f"photos-{repetition}")  # only the photos missing
        cold.append(build())
        assert f"{6 * len(photos)} tệp ảnh mới" in cold[-1].output, cold[-1].output[-2000:]
    encoder = [encoder_alone(photos) for _ in range(repeat)]
    first_run, warm_run, cold_run = median(first), median(warm), median(cold)
    steps = {step: statistics.median(run[step] for run in encoder) for step in encoder[0]}
    alone = sum(steps.values())
    per_photo_cpu = (cold_run.cpu - warm_run.cpu) / len(photos)
    per_photo_wall = (cold_run.seconds - warm_run.seconds) / len(photos)
    everything = (first_run.cpu - warm_run.cpu) / len(photos)
    megabytes = statistics.mean(path.stat().st_size for path in photos) / 1e6
    shutil.rmtree(root, ignore_errors=True)
    time.sleep(NEW_FOLDERS)
    return "\n".join([
        "| photos | original (MB, mean) | first build | cache warm | only the photos missing "
        "| **a photo in the build, CPU** (wall) | a photo with codes and sheets, CPU | **encoder alone, CPU** "
        "(decode + resize + WebP + JPEG) | **build / encoder** |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {len(photos)} | {megabytes:.1f} | {first_run.seconds:.1f} ({first_run.cpu:.1f}) | {warm_run.seconds:.1f} ({warm_run.cpu:.1f}) "
        f"| {cold_run.seconds:.1f} ({cold_run.cpu:.1f}) | **{per_photo_cpu * 1000:.0f} ms** ({per_photo_wall * 1000:.0f} ms) "
        f"| {everything * 1000:.0f} ms | **{alone * 1000:.0f} ms** ({steps['decode'] * 1000:.0f} + {steps['resize'] * 1000:.0f} "
        f"+ {steps['webp'] * 1000:.0f} + {steps['jpeg'] * 1000:.0f}) | **{per_photo_cpu / alone:.2f}×** |",
        "",
        f"{count} products of the province profile; builds in wall-clock seconds with CPU seconds in brackets, the "
        f"median of {repeat}. A photo in the build: (only the photos missing − cache warm) ÷ photos; with codes and "
        f"sheets: (first build − cache warm) ÷ photos.",
        "",
        f"Machine: {machine()}.",
        "",
        f"Made by `.venv/bin/python benchmarks/photos.py --count {count} --repeat {repeat}` on {time.strftime('%Y-%m-%d %H:%M')}.",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=650, help="products of the province profile")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--work", type=Path, help="folder for the generated project (default: a temporary one)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="ocop-photos-"))
    print(measure(args.count, work, args.seed, args.repeat))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
