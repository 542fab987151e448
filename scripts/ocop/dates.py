"""Today's date as the commune sees it, fixed by SOURCE_DATE_EPOCH for reproducible builds.

Whether a certificate is still valid, a fair upcoming or past, and the date of a new post are all
measured against this one date. Vietnam keeps UTC+7 all year (no summer time), so a fixed offset
needs no time-zone database on Windows.
"""
from __future__ import annotations

import datetime as dt
import os

from .errors import DataError, Problem

VIETNAM = dt.timezone(dt.timedelta(hours=7))


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
