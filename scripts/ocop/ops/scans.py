"""Scans of the printed QR codes, counted from the web server's own access logs: `ocop report --access-log`.

    access.log  access.log.1  access.log.2.gz …    nginx or Apache, combined or common format, any order

A scan is a GET of a short address `/Q/<CODE>/` (or a batch's `/Q/<CODE>/<BATCH>/`, or a stamp's
`/Q/<CODE>/<SERIAL>/`, which is a scan of its product too), in any letter case, answered 2xx or 3xx. A redirect and the request it leads to (`http://` → `https://`, `/Q/NM` →
`/Q/NM/`) come from one visitor within a minute: they count once. A visitor is a one-way hash of the
address and the user agent, salted afresh each run and kept only in memory; the daily hash (the day
added) counts distinct visitors, so no one is followed from day to day. Robots are set aside and
counted apart (`is_robot`): crawlers, the link previews of chat apps, HTTP tools and scanners. A line
dated outside the site's lifetime (before 2020, or after the build day) is not understood: skipped.

A code that was never issued, or whose product is retired, is listed apart whatever the server
answered (a code never issued gets a 404): printed by no one the commune knows, it points at fake
packaging or a misprint. Months and days are Vietnam's (UTC+7), whatever the server's zone.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import gzip
import hashlib
import re
import secrets
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..model.dates import VIETNAM

# What fetches a short address with no person behind it, beyond the crawlers of JayBizzle's
# Crawler-Detect list (the `crawlerdetect` package). Checked against crawlerdetect 0.4.2: it misses the
# link previews of Zalo and Viber and a log line with no user agent; it knows the rest of this list
# today, which is kept here all the same, so that a change in its list cannot make them count. Each is a
# expression, searched in the user agent without regard to case. The in-app browsers of Zalo, Messenger
# (FBAN/Orca) and Viber are people who scanned or tapped: they name the app after a phone browser's
# "Mozilla/5.0 (Linux; Android …" or "(iPhone …", so a chat app counts as a robot only without one.
EXTRA_ROBOTS = (
    r"bot|crawler|spider|preview",  # the words fetchers name themselves by (Googlebot, YandexSpider, …)
    r"facebookexternalhit|facebookcatalog|meta-external(?:agent|fetcher)|facebot",  # Facebook, Messenger, Instagram
    r"whatsapp|telegrambot|twitterbot|discordbot|skypeuripreview|slackbot|linkedinbot",
    r"^(?!mozilla/5\.0 \((?:linux; android|iphone|ipad)).*\b(?:zalo|viber|telegram|messenger)",  # chat apps' fetchers
    r"\b(?:curl|wget|python-requests|python-urllib|python-httpx|aiohttp|go-http-client|okhttp|axios|node-fetch|"
    r"undici|java/|apache-httpclient|libwww-perl|httpie|postmanruntime|insomnia|powershell|guzzlehttp)",
    r"headlesschrome|phantomjs|puppeteer|playwright|selenium|lighthouse|pagespeed|google-inspectiontool",
    r"zgrab|nmap|masscan|censys|shodan|expanse|internet-measurement|nuclei|nikto|sqlmap|netcraft|paloalto",
)
_EXTRA_ROBOTS = re.compile("|".join(f"(?:{pattern})" for pattern in EXTRA_ROBOTS), re.IGNORECASE)
# The first day a scan of this site can be dated: no commune printed these codes before the programme's
# current phase (Quyết định 919/QĐ-TTg, 2022); 2020 leaves room for a server's clock set a little wrong.
FIRST_SCAN_DAY = dt.date(2020, 1, 1)
REDIRECT_WINDOW = dt.timedelta(minutes=1)

# `%h %l %u [%t] "%r" %>s %b`, then, in the combined format, `"%{Referer}i" "%{User-agent}i"`.
_QUOTED = r'"((?:[^"\\]|\\.)*)"'
_LINE = re.compile(
    rf'^(\S+) \S+ \S+ \[([^\]]+)\] {_QUOTED} (\d{{3}}) (?:\d+|-)(?: {_QUOTED} {_QUOTED})?'
)
_MONTHS = {name: number for number, name in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), start=1)}
_TIME = re.compile(r"^(\d{2})/([A-Z][a-z]{2})/(\d{4}):(\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$")
_CODE = r"([A-Za-z0-9]{1,20})"
_SCHEME_HOST = re.compile(r"^[A-Za-z]+://[^/]*")
# A stamp's serial as printed (`XXXX-XXXX-XXXX`) or typed without its dashes, in any case (model/stamps.py).
_SERIAL = r"[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}"
_WHOLE_SERIAL = re.compile(_SERIAL)


@functools.lru_cache(maxsize=65536)  # a server sees few browsers many times: a long log is read once a night
def is_robot(agent: str | None) -> bool:
    """Whether a user agent is a robot rather than a person's phone: a crawler of crawlerdetect's list,
    one of EXTRA_ROBOTS, or a combined-format line with no user agent at all ("-" or empty: every phone
    browser sends one). None (a common-format line, which records no user agent) cannot be told: a person."""
    if agent is None:
        return False
    agent = agent.strip()
    if agent in ("", "-"):
        return True
    return bool(_EXTRA_ROBOTS.search(agent)) or _crawler_detect().is_crawler(agent)


@functools.lru_cache(maxsize=1)
def _crawler_detect():
    from crawlerdetect import CrawlerDetect

    return CrawlerDetect()


class LogError(Exception):
    """A log that cannot be read at all (missing, not a file, a broken .gz): nothing is counted."""


@dataclass(frozen=True)
class Hit:
    time: dt.datetime  # in Vietnam
    code: str  # upper case
    status: int
    who: bytes  # address and user agent, hashed with this run's salt
    daily: bytes  # the same with the day: one visitor a day
    serial: str | None = None  # a stamp's address: its serial as written there, upper case, without dashes


@dataclass(frozen=True)
class CodeMonth:
    code: str
    month: str  # YYYY-MM
    scans: int
    visitors: int


@dataclass(frozen=True)
class StrayCode:
    """A scanned code that no product prints today: never issued, or its product retired."""

    code: str
    retired: bool
    scans: int
    first: dt.date
    last: dt.date


@dataclass
class ScanFigures:
    rows: list[CodeMonth]  # every issued code × every month the logs cover, zeros included
    strays: list[StrayCode]
    months: list[str]
    files: int = 0
    lines: int = 0
    robots: Counter = field(default_factory=Counter)  # (code, YYYY-MM) → requests for /Q/ by robots, set aside
    repeated: int = 0  # lines already read from another file (a rotation given twice, plain and .gz)
    skipped: list[tuple[str, int]] = field(default_factory=list)  # (file, line) of lines not understood

    @property
    def robot_hits(self) -> int:
        return sum(self.robots.values())


def _time(text: str) -> dt.datetime | None:
    match = _TIME.match(text)
    if not match or match[2] not in _MONTHS:
        return None
    day, _, year, hour, minute, second, sign, off_h, off_m = match.groups()
    offset = dt.timedelta(hours=int(off_h), minutes=int(off_m)) * (1 if sign == "+" else -1)
    try:
        moment = dt.datetime(int(year), _MONTHS[match[2]], int(day), int(hour), int(minute), int(second),
                             tzinfo=dt.timezone(offset))
        return moment.astimezone(VIETNAM)
    except (ValueError, OverflowError):  # 31 February; 31/Dec/9999 +0000 is in year 10000 in Vietnam
        return None


def _lines(path: Path):
    """The text lines of a plain or gzip log (told by its first bytes, not its name)."""
    try:
        with open(path, "rb") as probe:
            compressed = probe.read(2) == b"\x1f\x8b"
        opener = gzip.open if compressed else open
        with opener(path, "rb") as stream:
            for raw in stream:
                yield raw.decode("utf-8", "replace").rstrip("\r\n")
    except FileNotFoundError:
        raise LogError(f"không thấy tệp nhật ký {path}") from None
    except IsADirectoryError:
        raise LogError(f"{path} là một thư mục, không phải tệp nhật ký") from None
    except (OSError, EOFError, zlib.error) as error:
        raise LogError(f"không đọc được tệp nhật ký {path} ({getattr(error, 'strerror', None) or error})") from None


def read_hits(
    paths: list[Path], site_path: str = "/", figures: ScanFigures | None = None, last_day: dt.date | None = None
) -> list[Hit]:
    """Every request for a short address by something that is not a robot, with the counts of lines
    read, skipped and of robots kept in `figures`. `site_path` is the path of site_url (`/` or `/ocop/`);
    a line dated before FIRST_SCAN_DAY or after `last_day` (the build day) is skipped as not understood."""
    figures = figures if figures is not None else ScanFigures([], [], [])
    short = re.compile(rf"^{re.escape(site_path)}[Qq]/{_CODE}(?:/({_SERIAL}|[A-Za-z0-9]{{1,20}}))?/?$")
    salt = secrets.token_bytes(16)
    hits: list[Hit] = []
    earlier: set[bytes] = set()  # the lines of the files read before this one, hashed
    for path in paths:
        figures.files += 1
        this_file: set[bytes] = set()
        for number, line in enumerate(_lines(Path(path)), start=1):
            if not line.strip():
                continue
            figures.lines += 1
            fingerprint = hashlib.blake2b(line.encode(), key=salt, digest_size=16).digest()
            if fingerprint in earlier:
                figures.repeated += 1
                continue
            this_file.add(fingerprint)
            match = _LINE.match(line)
            moment = _time(match[2]) if match else None
            if moment is None or not FIRST_SCAN_DAY <= moment.date() <= (last_day or moment.date()):
                figures.skipped.append((str(path), number))
                continue
            address, _, request, status, _, agent = match.groups()
            parts = request.split(" ")
            if len(parts) < 2 or parts[0] != "GET":
                continue
            target = _SCHEME_HOST.sub("", parts[1]).split("?", 1)[0].split("#", 1)[0]
            found = short.match(target)
            if not found:
                continue
            if is_robot(agent):
                figures.robots[found[1].upper(), moment.strftime("%Y-%m")] += 1
                continue
            agent = agent or ""
            person = f"{address}\x00{agent}".encode()
            who = hashlib.blake2b(person, key=salt, digest_size=16).digest()
            daily = hashlib.blake2b(moment.date().isoformat().encode() + b"\x00" + person, key=salt, digest_size=16).digest()
            hits.append(Hit(moment, found[1].upper(), int(status), who, daily, _serial(found[2])))
        earlier |= this_file
    return hits


def _serial(segment: str | None) -> str | None:
    """The serial of a stamp's address (12 letters and digits, dashes as printed or none); a batch code
    of 12 letters looks the same here, and is told apart by the register, not by its shape."""
    if segment and _WHOLE_SERIAL.fullmatch(segment):
        return segment.replace("-", "").upper()
    return None


def _scans(hits: list[Hit]) -> list[Hit]:
    """The hits that are scans of their own: a request following a redirect of the same visitor for
    the same code within a minute is that redirect's scan, not another."""
    by_visitor: dict[tuple[bytes, str], list[Hit]] = defaultdict(list)
    for hit in hits:
        by_visitor[hit.who, hit.code].append(hit)
    counted = []
    for series in by_visitor.values():
        series.sort(key=lambda hit: hit.time)
        redirected_at = None
        for hit in series:
            follows = redirected_at is not None and hit.time - redirected_at <= REDIRECT_WINDOW
            if not follows:
                counted.append(hit)
            redirected_at = hit.time if 300 <= hit.status < 400 else None
    return counted


def count_scans(hits: list[Hit], read: ScanFigures, issued: set[str], retired: set[str], month: str | None = None) -> ScanFigures:
    """Scans and visitors per issued code and month (only `month`, YYYY-MM, when given); codes not
    issued or retired, apart. `read` is what `read_hits` filled in: files, lines, robots, skipped."""
    live = issued - retired
    answered = [hit for hit in hits if hit.code not in live or 200 <= hit.status < 400]
    counted = [hit for hit in _scans(answered) if month is None or hit.time.strftime("%Y-%m") == month]
    months = [month] if month else sorted({hit.time.strftime("%Y-%m") for hit in hits})
    scans, visitors = defaultdict(int), defaultdict(set)
    strays: dict[str, list[Hit]] = defaultdict(list)
    for hit in counted:
        if hit.code in live:
            key = (hit.code, hit.time.strftime("%Y-%m"))
            scans[key] += 1
            visitors[key].add(hit.daily)
        else:
            strays[hit.code].append(hit)
    rows = [CodeMonth(code, when, scans[code, when], len(visitors[code, when])) for code in sorted(live) for when in months]
    stray_codes = [
        StrayCode(code, code in retired, len(found), min(h.time for h in found).date(), max(h.time for h in found).date())
        for code, found in sorted(strays.items(), key=lambda item: (-len(item[1]), item[0]))
    ]
    robots = Counter({key: count for key, count in read.robots.items() if month is None or key[1] == month})
    return ScanFigures(rows, stray_codes, months, read.files, read.lines, robots, read.repeated, read.skipped)


def scans_in_logs(
    logs: list[Path], site_url: str, today: dt.date, issued: set[str], retired: set[str], month: str | None = None
) -> ScanFigures:
    """The logs read (`read_hits`) and counted (`count_scans`) for the site at `site_url` up to `today`;
    LogError when a log cannot be read. Lines not understood are in `skipped`."""
    read = ScanFigures([], [], [])
    hits = read_hits(logs, urlsplit(site_url).path or "/", read, today)
    return count_scans(hits, read, issued, retired, month)


def write_scans_csv(figures: ScanFigures, path: Path, separator: str = ",") -> None:
    """`code,month,scans,visitors,robots` (the requests of robots set aside), UTF-8 with a BOM so that
    Excel reads it as UTF-8."""
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, delimiter=separator)
        writer.writerow(["code", "month", "scans", "visitors", "robots"])
        for row in figures.rows:
            writer.writerow([row.code, row.month, row.scans, row.visitors, figures.robots[row.code, row.month]])
