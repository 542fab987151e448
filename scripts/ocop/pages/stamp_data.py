"""What the site publishes of the stamp register (model/stamps.py), for the buyer's phone to check a serial:
never a serial, only a prefix of each stamp's slow hash, by bucket, and the issues those prefixes name.

- `kiem-tra/h/<00..ff>.json`: `{"v": 1, "e": <base64>, "seen": {…}}`, the stamps whose hash starts with
  that byte. `e` holds 9 bytes a stamp, sorted: the hash's next 7 bytes, then the issue number (2 bytes,
  big-endian) in `lo.json`. 64 bits of a 120-bit hash: an invented serial matches one by chance with odds
  of (stamps)/2⁶⁴, and nothing here is cheaper to search than guessing serials (ARCHITECTURE.md §4).
- `kiem-tra/lo.json`: the issues, by number: `{"code", "batch", "date", "sample", "name"}`.
- `seen` (the per-stamp counts of the access logs, where the site has them: `StampCounts`, filled by the
  engine from ops/): `{"<hex of the 7 entry bytes>": [checks, phones, "first day", "last day"]}`, only
  for registered stamps.

Issue numbers are given by each build, in register order: the buckets, lo.json and the stamp pages are
written together, so they need not be stable.
"""
from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..model.entries import Catalogue
from ..model.stamps import StampIssue, StampRegister
from ..web.addresses import OutputFile, stamp_bucket_uri, stamp_issues_uri

BUCKET_FORMAT = 1
ENTRY_BYTES = 9  # 7 bytes of the hash after the bucket's, 2 of the issue number
MAX_ISSUES = 1 << 16
DEFAULT_WARNING_PHONES = 3


@dataclass(frozen=True)
class StampChecks:
    """What the web server's access logs say of one registered stamp, as of the last rebuild."""

    checks: int  # GETs of its address by people (robots apart)
    phones: int  # different phones (address + browser, told apart by a hash never written)
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class StampCounts:
    """The counts a build publishes. `counted` false (the default: no `access_log:` in mkdocs.yml, as on
    GitHub Pages): the pages say that this site does not count checks. `by_hash`: the register's 15-byte
    hash of a stamp → its checks; a stamp on more than `warning_phones` phones is flagged as maybe copied."""

    counted: bool = False
    warning_phones: int = DEFAULT_WARNING_PHONES
    as_of: dt.date | None = None
    by_hash: Mapping[bytes, StampChecks] = field(default_factory=dict)


def issue_numbers(register: StampRegister) -> dict[int, StampIssue]:
    """Each issue of the register by its number in lo.json (register order)."""
    if len(register.issues) > MAX_ISSUES:
        raise ValueError(f"quá {MAX_ISSUES} lần cấp tem: cần định dạng sổ tem mới")
    return dict(enumerate(register.issues))


def stamp_data_files(register: StampRegister, catalogue: Catalogue, counts: StampCounts) -> list[OutputFile]:
    """The 256 buckets and lo.json (nothing when no stamp was ever issued)."""
    if not register:
        return []
    buckets: list[list[bytes]] = [[] for _ in range(256)]
    seen: list[dict[str, list]] = [{} for _ in range(256)]
    for number, issue in issue_numbers(register).items():
        tail = number.to_bytes(2, "big")
        for digest in issue.hashes:
            buckets[digest[0]].append(digest[1:8] + tail)
            if (checks := counts.by_hash.get(digest)) is not None:
                seen[digest[0]][digest[1:8].hex()] = [checks.checks, checks.phones, checks.first.isoformat(), checks.last.isoformat()]
    files = []
    for first, entries in enumerate(buckets):
        entries.sort()
        bucket = {"v": BUCKET_FORMAT, "e": base64.b64encode(b"".join(entries)).decode("ascii"), "seen": seen[first]}
        files.append(OutputFile(stamp_bucket_uri(first), json.dumps(bucket, separators=(",", ":"))))
    names = {entry.model.code: entry.model.name for entry in catalogue.products.values() if entry.model.code}
    issues = [
        {"code": issue.code, "batch": issue.batch, "date": issue.date.isoformat(), "sample": issue.sample, "name": names.get(issue.code, issue.code)}
        for issue in register.issues
    ]
    files.append(OutputFile(stamp_issues_uri(), json.dumps(issues, ensure_ascii=False, separators=(",", ":"))))
    return files
