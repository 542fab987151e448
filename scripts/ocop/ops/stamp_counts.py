"""Copied stamps caught from the web server's access logs: how often, and on how many phones, each stamp was checked.

    plugins: [ocop: {access_log: [/var/log/nginx/ocop-access.log*], stamp_warning_phones: 3}]   mkdocs.yml
    .cache/ocop/stamp-verdicts.json     what each serial seen in the logs hashes to: private, never published

A copier can only reuse the serials it has seen, so copies pile onto few serials: a stamp checked on
more phones than the threshold may have been copied. The logs are read as `ocop report` reads them
(ops/scans.py: the same robot filter, the same visitor hash with a key drawn afresh each run and kept
only in memory). A check is a request of a stamp's address `/Q/<CODE>/<SERIAL>/` by a person; the
requests of one phone for one serial within REDIRECT_WINDOW (a lower-case address and the page it is
sent on to) are one check. Any answer counts, a 404 included: on a static host the stamp's address is
answered by the 404 page, which shows the stamp all the same.

Each serial is looked up by its slow hash (model/stamps.py), which costs milliseconds: the hashes are
kept between builds in the cache folder (as private as the logs themselves, which hold the serials in
plain text), and at most NEW_VERDICTS_PER_BUILD new serials are hashed a build, so a flood of invented
serials cannot stall the nightly rebuild (31 in 32 of them already fail the check symbol, for free).
Only registered stamps are counted and published, beside their bucket entry (pages/stamp_data.py).
"""
from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..media.cache import read_notes, write_whole
from ..model.stamps import PREFIX_BYTES, StampIssue, StampRegister, normalise, printed, stamp_hash, well_formed
from ..pages.stamp_data import StampChecks, StampCounts
from .scans import REDIRECT_WINDOW, Hit, LogError, ScanFigures, read_hits

VERDICTS_FILE = "stamp-verdicts.json"
NEW_VERDICTS_PER_BUILD = 2000  # ≤ 8 s of PBKDF2 at 5,000 iterations on a loaded server


@dataclass(frozen=True)
class CheckedStamp:
    """A registered stamp found in the logs, with its serial: for the officer's report only."""

    serial: str
    issue: StampIssue
    checks: StampChecks

    @property
    def printed(self) -> str:
        return printed(self.serial)


@dataclass
class StampFigures:
    counts: StampCounts
    stamps: list[CheckedStamp] = field(default_factory=list)  # most phones first
    unknown: Counter = field(default_factory=Counter)  # product code → serials checked that no one issued
    pending: int = 0  # serials left for the next build (NEW_VERDICTS_PER_BUILD)

    @property
    def suspects(self) -> list[CheckedStamp]:
        return [stamp for stamp in self.stamps if stamp.checks.phones > self.counts.warning_phones]


def log_files(patterns: list[str], root: Path) -> list[Path]:
    """The files of `access_log` (paths or globs, relative to the folder of mkdocs.yml); LogError when
    one names no file at all (a mistyped path would otherwise count nothing, silently)."""
    found: list[Path] = []
    for pattern in patterns:
        full = Path(pattern).expanduser()
        full = full if full.is_absolute() else root / full
        matches = sorted(Path(path) for path in glob.glob(str(full)) if Path(path).is_file())
        if not matches:
            raise LogError(f"không có tệp nhật ký nào khớp với {pattern}")
        found += [path for path in matches if path not in found]
    return found


def _checks(hits: list[Hit]) -> dict[str, list[tuple[dt.datetime, bytes]]]:
    """Per well-formed serial, its checks: (time, phone) of each, a phone's requests within
    REDIRECT_WINDOW of each other being one check."""
    series: dict[tuple[str, bytes], list[dt.datetime]] = defaultdict(list)
    for hit in hits:
        if hit.serial is None:
            continue
        serial = normalise(hit.serial)
        if well_formed(serial):
            series[serial, hit.who].append(hit.time)
    checks: dict[str, list[tuple[dt.datetime, bytes]]] = defaultdict(list)
    for (serial, who), times in series.items():
        times.sort()
        previous = None
        for moment in times:
            if previous is None or moment - previous > REDIRECT_WINDOW:
                checks[serial].append((moment, who))
            previous = moment
    return checks


class Verdicts:
    """What each serial seen in the logs hashes to (the published prefix), kept between builds. The
    key is a fast hash of the site's salt and the serial: the file names no serial, and is private all
    the same (it is in the cache folder, never published nor committed)."""

    def __init__(self, path: Path | None, register: StampRegister, limit: int | None):
        self.path, self.limit, self.hashed = path, limit, 0
        self.settings = register.settings
        notes = read_notes(path)
        fresh = notes.get("salt") == self._salt_key()
        self.known: dict[str, str] = notes.get("prefixes", {}) if fresh else {}

    def _salt_key(self) -> str:
        return hashlib.sha256(self.settings.salt + str(self.settings.iterations).encode()).hexdigest()[:16]

    def prefix(self, serial: str) -> bytes | None:
        """The serial's published prefix; None when it is not hashed yet and this build's share is spent."""
        key = hashlib.sha256(self.settings.salt + serial.encode("ascii")).hexdigest()[:32]
        if key in self.known:
            return bytes.fromhex(self.known[key])
        if self.limit is not None and self.hashed >= self.limit:
            return None
        self.hashed += 1
        prefix = stamp_hash(serial, self.settings.salt, self.settings.iterations)[:PREFIX_BYTES]
        self.known[key] = prefix.hex()
        return prefix

    def save(self) -> None:
        if self.path is not None and self.hashed:
            notes = {"salt": self._salt_key(), "prefixes": self.known}
            write_whole(self.path, json.dumps(notes, separators=(",", ":")).encode("utf-8"))


def count_stamps(
    hits: list[Hit], register: StampRegister, today: dt.date, threshold: int, cache: Path | None, limit: int | None
) -> StampFigures:
    """The checks of every registered stamp in `hits`, and per product code the serials nobody issued."""
    by_hash: dict[bytes, StampChecks] = {}
    figures = StampFigures(StampCounts(True, threshold, today, by_hash))
    checks = _checks(hits)
    if not checks or register.settings is None:
        return figures
    issues = {digest[:PREFIX_BYTES]: (digest, issue) for issue in register.issues for digest in issue.hashes}
    codes = {normalise(hit.serial): hit.code for hit in hits if hit.serial}
    verdicts = Verdicts(cache, register, limit)
    for serial, found in sorted(checks.items()):
        prefix = verdicts.prefix(serial)
        if prefix is None:
            figures.pending += 1
        elif prefix not in issues:
            figures.unknown[codes[serial]] += 1
        else:
            days = [moment.date() for moment, _ in found]
            seen = StampChecks(len(found), len({who for _, who in found}), min(days), max(days))
            digest, issue = issues[prefix]
            by_hash[digest] = seen
            figures.stamps.append(CheckedStamp(serial, issue, seen))
    verdicts.save()
    figures.stamps.sort(key=lambda stamp: (-stamp.checks.phones, -stamp.checks.checks, stamp.serial))
    return figures


def stamps_in_logs(
    patterns: list[str], root: Path, site_url: str, today: dt.date, register: StampRegister, threshold: int,
    cache: Path | None, limit: int | None = NEW_VERDICTS_PER_BUILD,
) -> StampFigures:
    """The logs of `patterns` read (robots set aside, as `ocop report` does) and the stamps counted;
    LogError when a log cannot be read."""
    hits = read_hits(log_files(patterns, root), urlsplit(site_url).path or "/", ScanFigures([], [], []), today)
    return count_stamps(hits, register, today, threshold, cache, limit)
