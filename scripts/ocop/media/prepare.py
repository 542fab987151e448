"""The slow part of a first build, done up front on every core: photos resized, QR codes encoded, label
sheets laid out.

A build after the first finds all of it in `.cache/ocop/` and does none of it. A first build of a
province's catalogue (thousands of photos and codes) would spend minutes on one core, so the pieces
missing from the cache are dealt out in equal shares of work: this process does one share and each
other core runs a worker (`python -m ocop.media.prepare`, given its share on standard input) that writes
into the same cache. The build then finds everything there. Whatever a worker could not make (a
photo that cannot be read, a worker that died) is simply made again by the build, which reports any
problem with its usual message: a worker's failure never changes the result, only the time.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .images import PhotoCache, PhotoStyle
from .labels import Label, LabelSize, page_file
from .qr import QrCache, QrStyle

# What a piece of work costs, in photos (measured on a first build: resizing a 1200 × 900 photo to
# its six files takes about 70 ms, encoding a code's SVG, PNG and version about 20 ms, laying out and
# writing a label sheet about 15 ms).
COST = {"photo": 1.0, "code": 0.3, "sheet": 0.25}
# Below this much work (in photos), starting workers (about 0.3 s each) saves nothing worth having.
PARALLEL_FROM = 20.0
MAX_WORKERS = 8


@dataclass
class Work:
    """What is not in the cache yet."""

    photos: list[Path] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    sheets: list[Label] = field(default_factory=list)  # one full A4 page of each label

    def jobs(self) -> list[tuple[str, object]]:
        return (
            [("photo", str(path)) for path in self.photos]
            + [("code", text) for text in self.codes]
            + [("sheet", asdict(label)) for label in self.sheets]
        )


@dataclass
class Caches:
    """The caches and styles a piece of work is made with: the build's, or a worker's copy of them."""

    qr: QrCache
    photos: PhotoCache
    qr_style: QrStyle
    label_size: LabelSize

    def request(self) -> dict:
        return {
            "qr_folder": str(self.qr.disk.folder),
            "photo_folder": str(self.photos.disk.folder),
            "qr_style": asdict(self.qr_style),
            "photo_style": self.photos.style.as_dict(),
            "label_size": asdict(self.label_size),
        }

    @classmethod
    def from_request(cls, request: dict) -> Caches:
        return cls(
            QrCache(Path(request["qr_folder"])),
            PhotoCache(Path(request["photo_folder"]), PhotoStyle.from_dict(request["photo_style"])),
            QrStyle(**request["qr_style"]),
            LabelSize(**request["label_size"]),
        )

    def make(self, kind: str, what) -> None:
        if kind == "photo":
            self.photos.picture(Path(what))
        elif kind == "code":
            self.qr.prepare(what, self.qr_style)
        elif kind == "sheet":
            page_file(self.qr, Label(**what), self.label_size, self.qr_style)


def shares(jobs: list[tuple[str, object]], count: int) -> list[list[tuple[str, object]]]:
    """`count` lists of jobs of about equal cost: the costliest first, each to the least loaded."""
    loads = [[0.0, index, []] for index in range(count)]
    for job in sorted(jobs, key=lambda job: -COST[job[0]]):
        least = min(loads)
        least[0] += COST[job[0]]
        least[2].append(job)
    return [share for _, _, share in sorted(loads, key=lambda load: load[1])]


def run(work: Work, caches: Caches) -> None:
    """Make the missing pieces on every core when there are enough of them; otherwise leave them to the build."""
    jobs = work.jobs()
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if caches.qr.disk.folder is None or caches.photos.disk.folder is None or workers < 2:
        return
    if sum(COST[kind] for kind, _ in jobs) < PARALLEL_FROM:
        return
    own, *others = shares(jobs, workers)
    request = caches.request()
    processes = []
    for share in others:
        process = subprocess.Popen(
            [sys.executable, "-m", "ocop.media.prepare"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        process.stdin.write(json.dumps({**request, "jobs": share}).encode("utf-8"))
        process.stdin.close()
        processes.append(process)
    for kind, what in own:
        try:
            caches.make(kind, what)
        except Exception:  # noqa: BLE001 - the build makes it again and reports the problem properly
            pass
    for process in processes:
        # Each worker says how many files it made, for the build's log line.
        counts = _counts(process.stdout.read())
        process.wait()
        caches.qr.encoded += counts.get("codes", 0)
        caches.photos.made += counts.get("photos", 0)


def _counts(output: bytes) -> dict:
    try:
        counts = json.loads(output or b"{}")
    except ValueError:
        return {}
    return counts if isinstance(counts, dict) else {}


def _worker() -> None:
    job = json.load(sys.stdin)
    caches = Caches.from_request(job)
    for kind, what in job["jobs"]:
        try:
            caches.make(kind, what)
        except Exception:  # noqa: BLE001, S112 - see run(): the build makes it again
            continue
    json.dump({"codes": caches.qr.encoded, "photos": caches.photos.made}, sys.stdout)


if __name__ == "__main__":
    _worker()
