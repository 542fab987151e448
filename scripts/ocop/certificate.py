"""What an OCOP certificate means on a given day: valid, expiring soon, expired, undated, candidate.

A certification is valid for 36 months from the date of its decision, unless the data gives
`valid_until`. The months are counted as Bộ luật Dân sự 2015 counts a period (Điều 147, 148): from the
day after the decision to the end of the corresponding day 36 months later, or the last day of that
month when it has no such day. A decision of 01/06/2024 is therefore valid through 01/06/2027 and no
longer valid from 02/06/2027; `valid_until` in the data likewise names the last valid day.

"Today" is the day the site is built, in Vietnam's time zone, or the day `SOURCE_DATE_EPOCH` names:
a static page tells the truth as of its build, so the site is rebuilt every day (see README).
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import Enum

from .models import Certification

VALIDITY_MONTHS = 36
EXPIRING_DAYS = 90


def add_months(day: dt.date, months: int) -> dt.date:
    """The corresponding day `months` later; the month's last day when it is shorter (29/02 → 28/02)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class State(str, Enum):
    VALID = "valid"  # stars may be used
    EXPIRING = "expiring"  # still valid, ends within the expiring-soon window
    EXPIRED = "expired"  # the stars and the OCOP mark may no longer be used
    UNDATED = "undated"  # stars known, the decision's date is not: validity cannot be told
    CANDIDATE = "candidate"  # being prepared for rating, no stars yet
    NONE = "none"  # the data says nothing about OCOP


@dataclass(frozen=True)
class CertificateStatus:
    state: State
    certification: Certification | None = None
    valid_until: dt.date | None = None  # the last valid day
    days_left: int | None = None  # from today to valid_until; 0 on the last valid day

    @property
    def stars(self) -> int | None:
        return self.certification.stars if self.certification else None

    @property
    def current_stars(self) -> int | None:
        """The stars the product may show today; None once expired."""
        return self.stars if self.state in (State.VALID, State.EXPIRING, State.UNDATED) else None

    @property
    def is_valid(self) -> bool:
        """Known to be valid today (an undated certificate is not known to be)."""
        return self.state in (State.VALID, State.EXPIRING)

    @property
    def expired_from(self) -> dt.date | None:
        return self.valid_until + dt.timedelta(days=1) if self.valid_until else None

    @property
    def filter_key(self) -> str:
        """The catalogue filter this product answers to: its current stars, expired or candidate."""
        if self.current_stars:
            return str(self.current_stars)
        return {State.EXPIRED: "expired", State.CANDIDATE: "candidate"}.get(self.state, "")


def valid_until(certification: Certification) -> dt.date | None:
    if certification.valid_until:
        return certification.valid_until
    if certification.date:
        return add_months(certification.date, VALIDITY_MONTHS)
    return None


def certificate_status(certification: Certification | None, today: dt.date, expiring_days: int = EXPIRING_DAYS) -> CertificateStatus:
    if certification is None:
        return CertificateStatus(State.NONE)
    if certification.candidate:
        return CertificateStatus(State.CANDIDATE, certification)
    until = valid_until(certification)
    if until is None:
        return CertificateStatus(State.UNDATED, certification)
    days_left = (until - today).days
    if days_left < 0:
        state = State.EXPIRED
    elif days_left <= expiring_days:
        state = State.EXPIRING
    else:
        state = State.VALID
    return CertificateStatus(state, certification, until, days_left)

