"""Dates: the forms a data file or a post may write a day in; today's date as the commune sees it,
fixed by SOURCE_DATE_EPOCH for reproducible builds.

Every file takes the same two forms: 31/05/2024 (the Vietnamese way) and 2024-05-31 (YAML's own date).

Whether a certificate is still valid, a fair upcoming or past, and the date of a new post are all
measured against this one date. Vietnam keeps UTC+7 all year (no summer time), so a fixed offset
needs no time-zone database on Windows.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path

from .errors import DataError, Problem
from .reader import YamlValue

VIETNAM = dt.timezone(dt.timedelta(hours=7))
DATE_FORMS = "31/05/2024 hoặc 2024-05-31"
# Day/month/year as Vietnamese write it; YAML itself reads only 2024-05-31 as a date.
VIETNAMESE_DAY = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")


def parse_day(value: YamlValue) -> YamlValue:
    """A day in one of the `DATE_FORMS` (YAML has already read 2024-05-31 as a date); date-times give
    their day. The message never repeats the value: the caller quotes it as the officer wrote it."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, (int, float)):  # pydantic would read 20240601 as seconds since 1970
        raise ValueError(f"không phải ngày (viết {DATE_FORMS})")
    if isinstance(value, str):
        match = VIETNAMESE_DAY.fullmatch(value.strip())
        if match is None:
            raise ValueError(f"không phải ngày (viết {DATE_FORMS})")
        day, month, year = (int(part) for part in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise ValueError("ngày không có thật") from None
    return value


def iso_days(line: str) -> str:
    """`line` with each day written 31/05/2024 rewritten 2024-05-31 (for readers that take only YAML dates)."""
    def iso(match: re.Match) -> str:
        day, month, year = (int(part) for part in match.groups())
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return match.group(0)
    return VIETNAMESE_DAY.sub(iso, line)


def build_date(environ: dict | None = None) -> dt.date:
    """Today in Vietnam, or the day `SOURCE_DATE_EPOCH` (seconds since 1970, UTC) falls on there."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return dt.datetime.now(VIETNAM).date()
    try:
        return dt.datetime.fromtimestamp(int(value), VIETNAM).date()
    except (ValueError, OverflowError, OSError):
        raise DataError(
            [Problem("SOURCE_DATE_EPOCH", None, None, f"biến môi trường phải là số giây kể từ 1/1/1970 (đang ghi: {value!r})")]
        ) from None


def last_commit_dates(folder: Path) -> dict[Path, dt.date]:
    """The day (in Vietnam) each file under `folder` was last committed, from one `git log` for all of
    them (a province may have thousands of files). Empty where there is no Git, no repository or no
    history. In a shallow clone the oldest commit fetched stands for all history before it, so a file
    last seen there has no known date (the daily workflow fetches the whole history)."""
    folder = Path(folder).resolve()
    try:
        result = subprocess.run(
            ["git", "-c", "core.quotePath=false", "log", "--format=%x00%ct %d", "--name-only", "--no-renames",
             "--relative", "--", "."],
            cwd=folder, capture_output=True, timeout=120,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[Path, dt.date] = {}
    day, boundary = None, False
    for line in result.stdout.decode("utf-8", "replace").splitlines():
        if line.startswith("\0"):
            stamp, _, decoration = line[1:].partition(" ")
            day = dt.datetime.fromtimestamp(int(stamp), VIETNAM).date()
            boundary = "grafted" in decoration
        elif line and day is not None:
            path = folder / line
            if path not in dates:  # newest first: the first commit that names a file is its last one
                dates[path] = None if boundary else day
    return {path: day for path, day in dates.items() if day is not None}
