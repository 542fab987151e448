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

from .product import Certification

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



# Who recognises an OCOP product (GUIDE §2): the district (UBND huyện) rated 3 stars under Decision
# 148/QĐ-TTg of 24/02/2023 until districts were abolished on 1/7/2025, after which the province (UBND
# tỉnh) rates 3 and 4 stars (Decision 1489/QĐ-TTg); 5 stars are recognised centrally. Only what these
# facts settle is checked; an issuer the words below do not place, or a period they do not cover (4
# stars before 1/7/2025, anything before 24/02/2023), is left alone. A mismatch is only a warning:
# the officer copies the issuer from the decision itself, which may know better.
CRITERIA_148 = dt.date(2023, 2, 24)
DISTRICTS_ABOLISHED = dt.date(2025, 7, 1)
DISTRICT, PROVINCE, CENTRAL = "cấp huyện", "cấp tỉnh", "cấp trung ương"
_LEVEL_WORDS = (  # in this order: "UBND huyện Ví Dụ, tỉnh Ví Dụ" is a district
    (CENTRAL, ("thủ tướng", "chính phủ", "trung ương", "bộ nông nghiệp", "bộ trưởng")),
    (DISTRICT, ("huyện", "thị xã", "quận")),
    (PROVINCE, ("tỉnh",)),
)


def issuing_level(issuer: str) -> str | None:
    text = issuer.casefold()
    return next((level for level, words in _LEVEL_WORDS if any(word in text for word in words)), None)


def issuer_warning(certification: Certification) -> str | None:
    """Why the issuer does not fit the stars or the date of the decision, or None."""
    if certification.candidate or not certification.stars or not certification.issuer:
        return None
    level = issuing_level(certification.issuer)
    stars, day = certification.stars, certification.date
    if level is None:
        return None
    if stars == 5 and level != CENTRAL:
        reason = "sản phẩm 5 sao do cấp trung ương công nhận"
    elif stars < 5 and level == CENTRAL:
        reason = "cấp trung ương chỉ công nhận sản phẩm 5 sao"
    elif day is not None and day >= DISTRICTS_ABOLISHED and level == DISTRICT:
        reason = "từ 1/7/2025 không còn cấp huyện: sản phẩm 3–4 sao do UBND tỉnh công nhận (Quyết định 1489/QĐ-TTg)"
    elif stars == 3 and day is not None and CRITERIA_148 <= day < DISTRICTS_ABOLISHED and level == PROVINCE:
        reason = "từ 24/02/2023 đến 30/6/2025 sản phẩm 3 sao do UBND cấp huyện công nhận (Quyết định 148/QĐ-TTg)"
    else:
        return None
    dated = f" ngày {day.strftime('%d/%m/%Y')}" if day else ""
    return (
        f"quyết định {stars} sao{dated} do '{certification.issuer}' ({level}) cấp, nhưng {reason}; "
        "hãy đối chiếu với quyết định (chỉ là cảnh báo, trang web vẫn được tạo)"
    )
