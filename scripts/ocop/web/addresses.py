"""Every address of the site, declared here and nowhere else.

A printed QR code lives for years: the addresses below are the site's promise to every pack, link and
bookmark (tests/baseline/addresses.txt holds them; a test compares each build with it). The page
builders (pages/) and the media files (media/) take their names from here; both layers sit above this
one (web/), so a link and the file it leads to cannot drift apart.

    san-pham/index.md                        the catalogue               /san-pham/
    san-pham/{trang,nganh,hang}/…            its further and filtered pages (see listing.py)
    san-pham/<slug>.md                       a product                   /san-pham/<slug>/
    san-pham/<slug>/qr-<slug>.svg|png        its QR code (SVG in mm, PNG at 600 dpi)
    san-pham/<slug>/nhan-qr-<slug>.pdf       an A4 sheet of its labels, to print on packaging
    san-pham/<slug>/<slug>-<n>-<width>.<ext> its photos, resized (WebP and JPEG or PNG)
    san-pham/<slug>/in-tem.md                what to print for it (QR code, labels) /san-pham/<slug>/in-tem/
    assets/images/nhom/<group>.svg           the drawing of an OCOP group, shown when a product has no photo
    co-so/index.md, co-so/<slug>.md          producers                   /co-so/, /co-so/<slug>/
    co-so/trang/<n>.md                       the directory's further pages
    co-so/<slug>/<slug>-<n>-<width>.<ext>    a producer's photos
    Q/<CODE>/index.html                      a product's short address   /Q/<CODE>/ → its page
    san-pham/<slug>/lo/<BATCH>.md            a batch of a product        /san-pham/<slug>/lo/<BATCH>/
    san-pham/<slug>/lo/<BATCH>/qr-….svg|png  the batch's QR code
    Q/<CODE>/<BATCH>/index.html              a batch's short address     /Q/<CODE>/<BATCH>/ → its page
    diem-ban/index.md                        the points of sale          /diem-ban/
    hoi-cho/index.md                         fairs, upcoming and past    /hoi-cho/
    en/products/index.md, en/products/<slug>.md     the same in English  /en/products/<slug>/
    en/producers/index.md, en/producers/<slug>.md                        /en/producers/<slug>/
    en/index.md                              the English home (hand-written)     /en/
    en/where-to-buy/, en/fairs/              where to buy and fairs in English   /en/where-to-buy/, /en/fairs/
    <lang>/products/…, <lang>/producers/…    the same in any other language with a catalogue (i18n.py)
    Q/<CODE>/kiem-tra-tem.md                 a product's stamp page      /Q/<CODE>/kiem-tra-tem/
                                             (what a stamp's address /Q/<CODE>/XXXX-XXXX-XXXX/ shows: nginx
                                             answers with it, static hosts reach it through 404.html)
    kiem-tra/index.md, en/check/index.md     type a stamp's serial       /kiem-tra/, /en/check/
    kiem-tra/h/<00..ff>.json                 the register's published hashes, by first byte
    kiem-tra/lo.json                         the issues those hashes name (product, batch, date)

The short address is what a printed QR code encodes when the product has a `code`: upper case
throughout, so that the whole text fits the QR alphanumeric mode and the code stays small.
"""
from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from ..model.certificate import EXPIRING_DAYS, CertificateStatus, certificate_status
from ..model.commune import Commune
from ..model.dates import build_date
from ..model.plan import Plan
from ..model.product import Batch
from .i18n import SOURCE, languages

CATALOGUE = "san-pham"
PRODUCERS = "co-so"
SHORT = "Q"
EDITOR = "quan-tri"  # the editor's address under `ocop serve` (ops/editor.py, EDITOR_DIR)
BATCHES = "lo"
# Under /<lang>/ in a translation (en/products/…): the same words in every language.
TRANSLATED_CATALOGUE = "products"
TRANSLATED_PRODUCERS = "producers"
TRANSLATED_OUTLETS = "where-to-buy"
TRANSLATED_FAIRS = "fairs"
PRINT = "in-tem"  # a product's page for the officer who prints its code, out of the buyer's page
# Per-pack stamps (model/stamps.py): the product's stamp page sits at the depth of a stamp's own address
# /Q/<CODE>/XXXX-XXXX-XXXX/ (its relative links stay right when a server answers that address with it);
# its name has dashes, which neither a batch code nor a serial's 12 symbols can have.
STAMP_PAGE = "kiem-tra-tem"
CHECK = "kiem-tra"  # where a buyer types a serial, and the published hashes under it
TRANSLATED_CHECK = "check"
STAMP_BUCKETS = "h"
STAMP_ISSUES = "lo.json"
ILLUSTRATIONS = "assets/images/nhom"
OUTLETS = "diem-ban"
FAIRS = "hoi-cho"
# The catalogue's lists (pages/listing.py): page n of a list is <folder>/trang/<n>.md; filters by group, rating.
PAGE_FOLDER = "trang"
GROUP_FOLDER = "nganh"
RATING_FOLDER = "hang"
# A site of several former communes (extra.commune.former_communes) lists each one's products and producers
# at <root>/xa-cu/<slug of the former commune>/ (pages/listing.py).
FORMER_FOLDER = "xa-cu"
# The drawings of the OCOP groups (one SVG a group of model/data/nhom-san-pham.yml), shown when a product
# has no photo and published as files of their own (group_illustration_uri) for print materials.
ILLUSTRATIONS_DIR = Path(__file__).parent / "illustrations"


def short_address(site_url: str, *parts: str) -> str:
    """`HTTPS://HOST/Q/NM/`: scheme and host are case-insensitive, so they are upper-cased too.

    The path keeps its case (a path prefix of site_url must exist as written)."""
    scheme, _, rest = site_url.partition("://")
    host, _, path = rest.partition("/")
    return f"{scheme.upper()}://{host.upper()}/{path}{SHORT}/" + "".join(f"{part}/" for part in parts)


def reserved_names(*more: str) -> frozenset[str]:
    """The names a product's slug or a producer's folder may not take: the catalogue's and the
    directory's own pages (index, trang/, nganh/, hang/), and every folder the site makes at its top
    (Q/, en/, assets/, san-pham/ …), with `more` (the hand-written pages' top-level names, tin-tuc/ …)."""
    top = {CATALOGUE, PRODUCERS, SHORT, OUTLETS, FAIRS, CHECK, ILLUSTRATIONS.split("/")[0], "search", "404"}
    folders = {"index", PAGE_FOLDER, GROUP_FOLDER, RATING_FOLDER, FORMER_FOLDER, BATCHES, PRINT}
    translated = {TRANSLATED_CATALOGUE, TRANSLATED_PRODUCERS, TRANSLATED_OUTLETS, TRANSLATED_FAIRS, TRANSLATED_CHECK}
    return frozenset(top | folders | translated | {language.code for language in languages()} | set(more))


@dataclass(frozen=True)
class SiteSettings:
    site_url: str  # absolute, ends with "/"
    commune: Commune
    # The build's date: what "valid", "expired", "upcoming" and "past" are measured against.
    today: dt.date = field(default_factory=build_date)
    expiring_days: int = EXPIRING_DAYS
    favicon: str = "assets/images/favicon.png"  # the theme's, a site path (or an address on another host)
    # Data file (as shown, products/…) → the day it was last committed, where Git history exists.
    committed: dict[str, dt.date] = field(default_factory=dict, compare=False)
    preview: bool = False  # built by `ocop serve`: hints for the officer that the published site never has
    plan: Plan | None = field(default=None, compare=False)  # products/_ke-hoach.yml: its texts shown on the pages

    def product_url(self, slug: str) -> str:
        return f"{self.site_url}{CATALOGUE}/{slug}/"

    def producer_url(self, slug: str) -> str:
        return f"{self.site_url}{PRODUCERS}/{slug}/"

    def short_url(self, *parts: str) -> str:
        return short_address(self.site_url, *parts)

    def qr_text(self, entry) -> str:
        """What the product's QR code encodes: its short address when it has a code, else its page."""
        return self.short_url(entry.model.code) if entry.model.code else self.product_url(entry.slug)

    def batch_url(self, slug: str, batch: Batch) -> str:
        return f"{self.product_url(slug)}{BATCHES}/{batch.code}/"

    def batch_qr_text(self, entry, batch: Batch) -> str:
        return self.short_url(entry.model.code, batch.code) if entry.model.code else self.batch_url(entry.slug, batch)

    def as_of(self, *entries) -> dt.date | None:
        """The day the information of these products or producers was last confirmed, for the line
        "Thông tin tính đến ngày …": a file's own `verified:` date, else the day it was last committed,
        the latest of them; None when none is known. Never the build date: a site rebuilt years later
        from the same data must not call its information current (certificates are still judged on `today`)."""
        days = [entry.model.verified or self.committed.get(entry.source) for entry in entries]
        return max((day for day in days if day), default=None)

    def certificate(self, entry) -> CertificateStatus:
        return certificate_status(entry.model.certification, self.today, self.expiring_days)


@dataclass(frozen=True)
class OutputFile:
    """One generated file: `content` to write, or `source`, a file on disk to copy as it is."""

    uri: str
    content: str | bytes | None = None
    source: Path | None = None


def page_path(uri: str) -> str:
    """The site path of a Markdown file: san-pham/index.md → san-pham/, san-pham/trang/2.md → san-pham/trang/2/."""
    return uri[: -len("index.md")] if uri.endswith("index.md") else uri[: -len(".md")] + "/"


def product_page_uri(slug: str) -> str:
    return f"{CATALOGUE}/{slug}.md"


def producer_page_uri(slug: str) -> str:
    return f"{PRODUCERS}/{slug}.md"


def _in_language(lang: str, folder: str, translated: str) -> str:
    """A folder of the site in a language: `folder` in Vietnamese, <lang>/`translated` in a translation
    (the same words in every translation)."""
    return folder if lang == SOURCE else f"{lang}/{translated}"


def catalogue_root(lang: str) -> str:
    """The catalogue's folder in a language: san-pham, en/products."""
    return _in_language(lang, CATALOGUE, TRANSLATED_CATALOGUE)


def producers_root(lang: str) -> str:
    return _in_language(lang, PRODUCERS, TRANSLATED_PRODUCERS)


def home_url(lang: str) -> str:
    """The home page's site path in a language: "" (the Vietnamese home), en/."""
    return "" if lang == SOURCE else f"{lang}/"


def language_product_page_uri(slug: str, lang: str) -> str:
    return f"{catalogue_root(lang)}/{slug}.md"


def language_producer_page_uri(slug: str, lang: str) -> str:
    return f"{producers_root(lang)}/{slug}.md"


def outlets_root(lang: str) -> str:
    """Where to buy in a language: diem-ban, en/where-to-buy."""
    return _in_language(lang, OUTLETS, TRANSLATED_OUTLETS)


def fairs_root(lang: str) -> str:
    """The fairs in a language: hoi-cho, en/fairs."""
    return _in_language(lang, FAIRS, TRANSLATED_FAIRS)


def outlets_page_uri(lang: str) -> str:
    return f"{outlets_root(lang)}/index.md"


def fairs_page_uri(lang: str) -> str:
    return f"{fairs_root(lang)}/index.md"


def print_page_uri(slug: str) -> str:
    """What to print for a product (its QR code, label sheet): san-pham/<slug>/in-tem.md."""
    return f"{CATALOGUE}/{slug}/{PRINT}.md"


def group_illustration_uri(group: str) -> str:
    """The drawing of an OCOP group (web/illustrations/<group>.svg), also for print materials."""
    return f"{ILLUSTRATIONS}/{group}.svg"


def group_illustration(group: str) -> Path | None:
    """The drawing of an OCOP group as a file (web/illustrations/<group>.svg), when there is one."""
    path = ILLUSTRATIONS_DIR / f"{group}.svg"
    return path if path.is_file() else None


def batch_page_uri(slug: str, batch: Batch) -> str:
    return f"{CATALOGUE}/{slug}/{BATCHES}/{batch.code}.md"


def photo_uri(folder: str, slug: str, number: int, width: int, extension: str) -> str:
    """A photo's rendition, under its page's own folder with a stable name: co-so/x/x-1-800.webp."""
    return f"{folder}/{slug}/{slug}-{number}-{width}.{extension}"


def qr_names(slug: str) -> dict[str, str]:
    """The file names of a product's QR code (SVG, PNG) and label sheet, beside its page."""
    return {"svg": f"qr-{slug}.svg", "png": f"qr-{slug}.png", "pdf": f"nhan-qr-{slug}.pdf"}


def batch_folder(slug: str, batch: Batch) -> str:
    return f"{CATALOGUE}/{slug}/{BATCHES}/{batch.code}"


def batch_qr_stem(slug: str, batch: Batch) -> str:
    return f"qr-{slug}-{BATCHES}-{batch.code}"


def stamp_page_uri(code: str) -> str:
    """A product's stamp page: Q/NM/kiem-tra-tem.md, /Q/NM/kiem-tra-tem/."""
    return f"{SHORT}/{code}/{STAMP_PAGE}.md"


def check_root(lang: str) -> str:
    """Where a buyer types a serial: kiem-tra, en/check."""
    return _in_language(lang, CHECK, TRANSLATED_CHECK)


def check_page_uri(lang: str) -> str:
    return f"{check_root(lang)}/index.md"


def stamp_bucket_uri(first_byte: int) -> str:
    """The published hashes whose first byte is `first_byte`: kiem-tra/h/0a.json."""
    return f"{CHECK}/{STAMP_BUCKETS}/{first_byte:02x}.json"


def stamp_issues_uri() -> str:
    return f"{CHECK}/{STAMP_ISSUES}"


def short_page_uri(*parts: str) -> str:
    """The forwarding page of a short address: Q/NM/index.html, Q/NM/L2406A/index.html."""
    return f"{SHORT}/{'/'.join(parts)}/index.html"


def relative_url(url: str, other: str) -> str:
    """`url` as a link written on the page at `other` (both site paths), as MkDocs writes links."""
    if other != ".":
        head, tail = posixpath.split(other)
        other = head if "." in tail else other
    relative = posixpath.relpath("/" + url, "/" + other)
    return relative + "/" if url.endswith("/") else relative
