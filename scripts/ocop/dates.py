"""Today's date, as the commune sees it, fixed by SOURCE_DATE_EPOCH for reproducible builds.

A fair is "upcoming" or "past" and a new post is dated relative to this one date. Vietnam keeps
UTC+7 all year (no summer time), so a fixed offset needs no time-zone database on Windows.
"""
from __future__ import annotations

import datetime as dt
import os

VIETNAM = dt.timezone(dt.timedelta(hours=7))


def today() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), VIETNAM).date()
    return dt.datetime.now(VIETNAM).date()

