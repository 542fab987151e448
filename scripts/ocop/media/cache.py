"""Finished build products (QR codes, resized photos) kept on disk between builds.

A file is named by a hash of everything that changes its bytes, so a stale entry can never be
served: a changed input simply has another name. Writes go through a temporary file and a rename,
so an interrupted build never leaves half a file behind that a later build would trust.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def cache_key(*parts) -> str:
    """A stable name for `parts` (their repr must be stable: strings, numbers, frozen dataclasses)."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def file_digest(path: Path) -> str:
    """The hash of a file's content: the same photo under another name or date is the same work."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class DiskCache:
    """Files under `folder/<first two characters>/<key>.<suffix>`; with no folder, nothing is kept."""

    def __init__(self, folder: Path | None):
        self.folder = Path(folder) if folder else None

    def path(self, key: str, suffix: str) -> Path | None:
        return self.folder / key[:2] / f"{key}.{suffix}" if self.folder else None

    def read(self, key: str, suffix: str) -> bytes | None:
        path = self.path(key, suffix)
        return path.read_bytes() if path is not None and path.is_file() else None

    def write(self, key: str, suffix: str, data: bytes) -> Path | None:
        path = self.path(key, suffix)
        if path is None:
            return None
        write_whole(path, data)
        return path


def write_whole(path: Path, data: bytes) -> None:
    """Write through a temporary file and a rename: a reader sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)


def read_notes(path: Path | None) -> dict:
    """A JSON object a build left for the next one; missing or damaged, it is as if there were none."""
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path is not None else {}
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
