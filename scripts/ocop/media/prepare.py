"""The slow part of a first build, done up front on every core: photos resized, QR codes encoded, label
sheets laid out.

A build after the first finds all of it in `.cache/ocop/` and does none of it: with nothing missing no
worker process is started, and a warm build stays in one process. A first build of a province's
catalogue (thousands of photos and codes) would spend minutes on one core, so the pieces missing from
the cache are cut into chunks of about equal cost and handed to a pool of worker processes
(`concurrent.futures.ProcessPoolExecutor`, one a usable core) that write into the same cache. The
build then finds everything there. Whatever a worker could not make (a photo that cannot be read, a
worker that died, a pool that could not start) is simply made again by the build, which reports any
problem with its usual message: a worker's failure never changes the result, only the time.

Workers are started the same way on every system ("spawn", Windows' only way): a fresh Python that
imports this module, not a copy of the build's process with MkDocs' threads and state in it.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .images import PhotoCache, PhotoStyle
from .labels import Label, LabelSize, page_file
from .qr import QrCache, QrStyle

# What a piece of work costs, in photos (measured on a first build: resizing a 1200 × 900 photo to
# its six files takes about 70 ms, encoding a code's SVG, PNG and version about 20 ms, laying out and
# writing a label sheet about 15 ms).
COST = {"photo": 1.0, "code": 0.3, "sheet": 0.25}
# Below this much work (in photos), starting workers (about 0.3 s of CPU each) saves nothing worth having.
PARALLEL_FROM = 20.0
MAX_WORKERS = 8
# Chunks a worker: enough that a worker done early takes another while a slow one finishes, few enough
# that each is worth sending (a chunk travels as one pickled message).
CHUNKS_PER_WORKER = 4


def usable_cores() -> int:
    """The cores this process may run on: its CPU affinity where the system has one (Linux: a container or
    `taskset` may allow fewer than the machine has), else every core the system reports."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # Windows, macOS
        return os.cpu_count() or 1


@dataclass
class Work:
    """What is not in the cache yet."""

    photos: list[Path] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    sheets: list[Label] = field(default_factory=list)  # one full A4 page of each label

    def jobs(self) -> list[tuple[str, object]]:
        return [("photo", path) for path in self.photos] + [("code", text) for text in self.codes] + [("sheet", label) for label in self.sheets]


@dataclass(frozen=True)
class Recipe:
    """What a worker needs to make a piece of work exactly as the build would (sent to it pickled)."""

    qr_folder: Path
    photo_folder: Path
    qr_style: QrStyle
    photo_style: PhotoStyle
    label_size: LabelSize


@dataclass
class Caches:
    """The caches and styles a piece of work is made with: the build's, or a worker's copy of them."""

    qr: QrCache
    photos: PhotoCache
    qr_style: QrStyle
    label_size: LabelSize

    def recipe(self) -> Recipe:
        return Recipe(self.qr.disk.folder, self.photos.disk.folder, self.qr_style, self.photos.style, self.label_size)

    @classmethod
    def from_recipe(cls, recipe: Recipe) -> Caches:
        return cls(QrCache(recipe.qr_folder), PhotoCache(recipe.photo_folder, recipe.photo_style), recipe.qr_style, recipe.label_size)

    def make(self, kind: str, what) -> None:
        if kind == "photo":
            self.photos.picture(Path(what))
        elif kind == "code":
            self.qr.prepare(what, self.qr_style)
        elif kind == "sheet":
            page_file(self.qr, what, self.label_size, self.qr_style)


def shares(jobs: list[tuple[str, object]], count: int) -> list[list[tuple[str, object]]]:
    """`count` lists of jobs of about equal cost: the costliest first, each to the least loaded."""
    loads = [[0.0, index, []] for index in range(count)]
    for job in sorted(jobs, key=lambda job: -COST[job[0]]):
        least = min(loads)
        least[0] += COST[job[0]]
        least[2].append(job)
    return [share for _, index, share in sorted(loads, key=lambda load: load[1]) if share]


def run(work: Work, caches: Caches) -> int:
    """Make the missing pieces on every core when there are enough of them; otherwise leave them to the
    build. Returns how many worker processes were started (none when nothing is missing)."""
    jobs = work.jobs()
    if not jobs or caches.qr.disk.folder is None or caches.photos.disk.folder is None:
        return 0
    workers = min(usable_cores(), MAX_WORKERS)
    if workers < 2 or sum(COST[kind] for kind, _ in jobs) < PARALLEL_FROM:
        return 0
    chunks = shares(jobs, workers * CHUNKS_PER_WORKER)
    workers = min(workers, len(chunks))
    recipe = caches.recipe()
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            # The hashes of the originals the build has just taken go along: a worker need not read each photo again.
            futures = [
                pool.submit(make_chunk, recipe, chunk, caches.photos.originals(what for kind, what in chunk if kind == "photo"))
                for chunk in chunks
            ]
            for future in futures:
                try:
                    encoded, made = future.result()
                except Exception:  # noqa: BLE001 - a worker that died: the build makes its share itself
                    continue
                # What the workers made, for the build's log line.
                caches.qr.encoded += encoded
                caches.photos.made += made
    except Exception:  # noqa: BLE001 - no pool on this system (no processes, no semaphores): the build makes it all
        pass
    return workers


def make_chunk(recipe: Recipe, jobs: list[tuple[str, object]], originals: dict) -> tuple[int, int]:
    """In a worker process: make each job into the cache; returns (QR files encoded, image files made).

    A job that fails is skipped: the build makes it again and reports the problem with its usual message."""
    caches = Caches.from_recipe(recipe)
    caches.photos.know_originals(originals)
    for kind, what in jobs:
        try:
            caches.make(kind, what)
        except Exception:  # noqa: BLE001, S112 - see above
            continue
    return caches.qr.encoded, caches.photos.made
