"""How often each stamp was checked, as its page shows it: the counts published beside the stamp hashes.

The counts come from the web server's access logs (ops/stamp_counts.py reads them while the site
builds); this module holds what is published of them, and nothing else:

    /kiem-tra/h/<xx>.json    {"v": 1, "e": "…", "seen": {"<7 entry bytes, hex>": [checks, phones, "first", "last"]}}

keyed by the stamp's bucket entry, which the bucket publishes already, and only for registered stamps:
never a serial, an address or a browser. The page's settings (`count_settings`) say whether this site
counts at all (GitHub Pages keeps no logs), as of which day, above how many phones a stamp is suspect,
and the sentences the page shows, in its language, with the commune's contacts (nothing invented).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model.commune import Commune
from ..web.i18n import Language

ENTRY_BYTES = 8  # bucket byte + 7 entry bytes: the part of a stamp's hash the site publishes


@dataclass(frozen=True)
class StampChecks:
    """The checks of one stamp in the logs: requests of its address by people, and the phones behind them."""

    checks: int
    phones: int
    first: dt.date
    last: dt.date

    def published(self) -> list:
        return [self.checks, self.phones, self.first.isoformat(), self.last.isoformat()]


@dataclass(frozen=True)
class CheckCounts:
    """Every registered stamp checked at least once, by the first ENTRY_BYTES of its hash. `counted` is
    false where the site reads no access log: its pages then say they do not count."""

    counted: bool = False
    as_of: dt.date | None = None  # the last day of the logs read: the build's day
    threshold: int = 3  # more phones than this: the stamp may have been copied
    by_entry: dict[bytes, StampChecks] = field(default_factory=dict)

    def suspect(self, checks: StampChecks) -> bool:
        return checks.phones > self.threshold

    def bucket_seen(self, bucket: int) -> dict[str, list]:
        """The `seen` of bucket `bucket` (the first byte of the hash): entry bytes in hex → counts."""
        return {
            key[1:].hex(): checks.published()
            for key, checks in sorted(self.by_entry.items())
            if key[0] == bucket
        }


def _contacts(commune: Commune | None) -> str:
    """The commune's office and its phone and e-mail as mkdocs.yml gives them; only what is there."""
    if commune is None:
        return ""
    office = commune.office or commune.name
    reach = [value for value in (commune.phone, commune.email) if value]
    return f"{office} ({', '.join(reach)})" if reach else office


def count_settings(counts: CheckCounts, commune: Commune | None, language: Language) -> dict:
    """What the stamp page's script needs to show a stamp's counts, in the page's language: `{checks}`,
    `{phones}`, `{first}` and `{last}` are filled in by the script from the stamp's bucket entry."""
    _ = language.gettext
    settings: dict = {"counted": counts.counted, "threshold": counts.threshold}
    if not counts.counted:
        settings["uncounted"] = _("This site does not count the checks of a stamp (its server keeps no access log).")
        return settings
    as_of = language.date(counts.as_of) if counts.as_of else ""
    settings |= {
        "as_of": counts.as_of.isoformat() if counts.as_of else None,
        "seen": _("Checked {checks} times on {phones} different phones, first on {first} (figures up to {as_of}).")
        .replace("{as_of}", as_of),
        "unseen": _("Not checked before (figures up to {as_of}).").replace("{as_of}", as_of),
        "warning": _(
            "This stamp has been checked on {phones} different phones: it may have been copied. If you have just "
            "bought this pack, please report it to {contacts}, saying where you bought it."
        ).replace("{contacts}", _contacts(commune)),
    }
    return settings
