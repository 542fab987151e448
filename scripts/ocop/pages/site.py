"""The Catalogue → every file the site generates: pages (Markdown), QR codes, photos.

Where each thing lives in the built site is decided here and nowhere else:

    san-pham/index.md                       the catalogue               /san-pham/
    san-pham/{trang,nganh,hang}/…           its further and filtered pages (see listing.py)
    san-pham/<slug>.md                      a product                   /san-pham/<slug>/
    san-pham/<slug>/qr-<slug>.svg|png       its QR code (SVG in mm, PNG at 600 dpi)
    san-pham/<slug>/nhan-qr-<slug>.pdf      an A4 sheet of its labels, to print on packaging
    san-pham/<slug>/<slug>-<n>-<width>.<ext> its photos, resized (WebP and JPEG or PNG)
    co-so/index.md, co-so/<slug>.md         producers                   /co-so/, /co-so/<slug>/
    co-so/trang/<n>.md                      the directory's further pages
    co-so/<slug>/<slug>-<n>-<width>.<ext>   a producer's photos
    Q/<CODE>/index.html                     a product's short address   /Q/<CODE>/ → its page
    san-pham/<slug>/lo/<BATCH>.md           a batch of a product        /san-pham/<slug>/lo/<BATCH>/
    san-pham/<slug>/lo/<BATCH>/qr-….svg|png the batch's QR code
    Q/<CODE>/<BATCH>/index.html             a batch's short address     /Q/<CODE>/<BATCH>/ → its page
    diem-ban/index.md                       the points of sale          /diem-ban/
    hoi-cho/index.md                        fairs, upcoming and past    /hoi-cho/
    en/products/index.md, en/products/<slug>.md     the same in English     /en/products/<slug>/
    en/producers/index.md, en/producers/<slug>.md                           /en/producers/<slug>/

Each page names its twin in the other language in its front matter (`translation:`, a site path),
for the language switch. English pages show the photos published with the Vietnamese pages.

The short address is what a printed QR code encodes when the product has a `code`: upper case
throughout, so that the whole text fits the QR alphanumeric mode and the code stays small.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.utils import get_relative_url

from ..model.entries import Catalogue, PhotoFile, ProducerEntry, ProductEntry
from ..model.certificate import EXPIRING_DAYS, CertificateStatus, certificate_status
from ..model.dates import build_date
from ..media import prepare
from ..model.errors import DataError, Problem
from ..media.images import MODERN, PhotoCache, Picture
from ..media.labels import Label, LabelError, LabelSize, format_mm, labels_per_page, page_file, page_is_cached, page_of, readable_address
from .linked_data import producer_data, product_data
from .listing import FacetedListings, Option, paginate
from ..model.models import Batch, Commune, OutletKind
from ..media.qr import QrCache, QrStyle
from .render import Later, Renderer

CATALOGUE = "san-pham"
PRODUCERS = "co-so"
SHORT = "Q"
BATCHES = "lo"
EN_CATALOGUE = "en/products"
EN_PRODUCERS = "en/producers"
OUTLETS = "diem-ban"
FAIRS = "hoi-cho"
# However many products there are, no page lists more than this (listing.py).
CATALOGUE_PAGE_SIZE = 24
DIRECTORY_PAGE_SIZE = 50
RATINGS = {  # a card's stars_key → the rating filter it belongs to, in the order the filter shows them
    "5": Option("5-sao", "5 sao"),
    "4": Option("4-sao", "4 sao"),
    "3": Option("3-sao", "3 sao"),
    "candidate": Option("dang-chuan-bi", "Đang chuẩn bị đánh giá"),
    "expired": Option("het-hieu-luc", "Chứng nhận đã hết hiệu lực"),
}


@dataclass(frozen=True)
class SiteSettings:
    site_url: str  # absolute, ends with "/"
    commune: Commune
    qr_style: QrStyle = field(default_factory=QrStyle)
    # The build's date: what "valid", "expired", "upcoming" and "past" are measured against.
    today: dt.date = field(default_factory=build_date)
    expiring_days: int = EXPIRING_DAYS
    label_size: LabelSize = field(default_factory=LabelSize)
    favicon: str = "assets/images/favicon.png"  # the theme's, a site path (or an address on another host)
    # Data file (as shown, products/…) → the day it was last committed, where Git history exists.
    committed: dict[str, dt.date] = field(default_factory=dict, compare=False)

    def product_url(self, slug: str) -> str:
        return f"{self.site_url}{CATALOGUE}/{slug}/"

    def producer_url(self, slug: str) -> str:
        return f"{self.site_url}{PRODUCERS}/{slug}/"

    def short_url(self, *parts: str) -> str:
        """`HTTPS://HOST/Q/NM/`: scheme and host are case-insensitive, so they are upper-cased too.

        The path keeps its case (a path prefix of site_url must exist as written)."""
        scheme, _, rest = self.site_url.partition("://")
        host, _, path = rest.partition("/")
        return f"{scheme.upper()}://{host.upper()}/{path}{SHORT}/" + "".join(f"{part}/" for part in parts)

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
    """One generated file: `content` to write, or `source`, a file on disk to copy as it is. A page's
    content may be Markdown still to render (`Later`: product, producer, batch, English and catalogue pages)."""

    uri: str
    content: str | bytes | Later | None = None
    source: Path | None = None

    def text(self) -> str | bytes | None:
        """The content, rendered."""
        return self.content.text() if isinstance(self.content, Later) else self.content


@dataclass(frozen=True)
class PhotoLink:
    """A photo as one page shows it: every address is relative to that page's own address.

    The photo is written as raw HTML (`<picture>`), which MkDocs does not rewrite, so the addresses are
    those of the built site (directory URLs, as the printed QR codes require), not of the Markdown files."""

    alt: str
    width: int
    height: int
    src: str  # the fallback at its middle width
    srcset: str  # the fallback at every width
    sources: tuple[tuple[str, str], ...]  # (MIME type, srcset) of each modern format, preferred first


@dataclass(frozen=True)
class PublishedPhoto:
    """A photo's renditions and where each is published (`uris`, in the order of `picture.renditions`)."""

    photo: PhotoFile
    picture: Picture
    uris: tuple[str, ...]

    def files(self) -> list[OutputFile]:
        return [OutputFile(uri, source=r.path) for uri, r in zip(self.uris, self.picture.renditions)]

    def _fallbacks(self) -> list[tuple[int, str]]:
        return sorted((r.width, uri) for uri, r in zip(self.uris, self.picture.renditions) if r.format == self.picture.fallback)

    @property
    def share_uri(self) -> str:
        """The largest rendition in the fallback format (JPEG or PNG), the one every sharing preview reads."""
        return self._fallbacks()[-1][1]

    @property
    def small_uri(self) -> str:
        """The smallest rendition in the fallback format, for a small card inside a hand-written page."""
        return self._fallbacks()[0][1]

    def link(self, page_url: str, fallback_alt: str, english: bool = False) -> PhotoLink:
        """`fallback_alt` (the product's or producer's name) describes a photo that has no description."""
        photo = self.photo.photo
        alt = (photo.en.alt if photo.en else None) if english else photo.alt
        by_format: dict[str, list[str]] = {}
        for uri, rendition in zip(self.uris, self.picture.renditions):
            by_format.setdefault(rendition.format, []).append(f"{get_relative_url(uri, page_url)} {rendition.width}w")
        fallback = by_format.pop(self.picture.fallback)
        middle = fallback[(len(fallback) - 1) // 2].rsplit(" ", 1)[0]
        sources = tuple((MODERN[fmt], ", ".join(items)) for fmt, items in by_format.items())
        return PhotoLink(
            alt or fallback_alt, self.picture.width, self.picture.height, middle, ", ".join(fallback), sources
        )


def page_path(uri: str) -> str:
    """The site path of a Markdown file: san-pham/index.md → san-pham/, san-pham/trang/2.md → san-pham/trang/2/."""
    return uri[: -len("index.md")] if uri.endswith("index.md") else uri[: -len(".md")] + "/"


def product_page_uri(slug: str) -> str:
    return f"{CATALOGUE}/{slug}.md"


def producer_page_uri(slug: str) -> str:
    return f"{PRODUCERS}/{slug}.md"


def en_product_page_uri(slug: str) -> str:
    return f"{EN_CATALOGUE}/{slug}.md"


def en_producer_page_uri(slug: str) -> str:
    return f"{EN_PRODUCERS}/{slug}.md"


def batch_page_uri(slug: str, batch: Batch) -> str:
    return f"{CATALOGUE}/{slug}/{BATCHES}/{batch.code}.md"


def product_description(entry: ProductEntry, settings: SiteSettings) -> str:
    model = entry.model
    if model.summary:
        return model.summary
    stars = settings.certificate(entry).current_stars
    rating = f"sản phẩm OCOP {stars} sao" if stars else "sản phẩm"
    return f"{model.name}: {rating} của {entry.producer.model.name}, xã {settings.commune.name}, tỉnh {settings.commune.province}."


class SiteBuilder:
    def __init__(
        self, catalogue: Catalogue, settings: SiteSettings, qr_cache: QrCache | None = None,
        photo_cache: PhotoCache | None = None,
    ):
        self.catalogue = catalogue
        self.settings = settings
        self.qr_cache = qr_cache or QrCache(None)
        self.photo_cache = photo_cache or PhotoCache(None)
        self.renderer = Renderer(self.qr_cache.disk.folder / "templates" if self.qr_cache.disk.folder else None)

    def published_photos(self, folder: str, slug: str, photos: list[PhotoFile]) -> list[PublishedPhoto]:
        """Photos are published under the page's own folder with stable names: <slug>-1-800.webp, …"""
        result = []
        for number, photo in enumerate(photos, start=1):
            picture = self.photo_cache.picture(photo.path)
            uris = tuple(f"{folder}/{slug}/{slug}-{number}-{r.width}.{r.extension}" for r in picture.renditions)
            result.append(PublishedPhoto(photo, picture, uris))
        return result

    def files(self) -> list[OutputFile]:
        # A first build resizes every photo and encodes every code: all at once, on every core.
        prepare.run(self.missing_work(), prepare.Caches(self.qr_cache, self.photo_cache, self.settings.qr_style, self.settings.label_size))
        files: list[OutputFile] = self.catalogue_pages() + self.producer_directory()
        for entry in self.catalogue.products.values():
            files += self.product_files(entry)
            files += self.batch_files(entry)
        for producer in self.catalogue.producers.values():
            files += self.producer_files(producer)
        files += [self.outlet_directory(), self.fair_list()]
        from .english import EnglishPages  # built on this builder (its photos, its renderer)

        files += EnglishPages(self).files()
        self.photo_cache.save()
        return files

    def product_files(self, entry: ProductEntry) -> list[OutputFile]:
        slug = entry.slug
        url = self.settings.product_url(slug)
        qr_text = self.settings.qr_text(entry)
        style = self.settings.qr_style
        svg_name, png_name, pdf_name = f"qr-{slug}.svg", f"qr-{slug}.png", f"nhan-qr-{slug}.pdf"
        photos = self.published_photos(CATALOGUE, slug, entry.photos)
        status = self.settings.certificate(entry)
        images = [self.settings.site_url + photo.share_uri for photo in photos]
        description = product_description(entry, self.settings)
        producer_url = self.settings.producer_url(entry.producer.slug)
        info = self.qr_cache.describe(qr_text, style)
        printing = {
            "pdf": f"{slug}/{pdf_name}",
            "pdf_name": pdf_name,
            "per_page": labels_per_page(self.settings.label_size),
            "label_size": str(self.settings.label_size),
            "module": format_mm(style.module_mm),
            "size": format_mm(info.size_mm(style.module_mm, style.border)),
            "version": info.version,
            "level": info.level,
        }
        page = self.renderer.later(
            "product.md.j2",
            entry=entry,
            p=entry.model,
            cert=entry.model.certification,
            producer=entry.producer.model,
            producer_href=f"../{producer_page_uri(entry.producer.slug)}",
            photos=[photo.link(f"{CATALOGUE}/{slug}/", entry.model.name) for photo in photos],
            qr={"svg": f"{slug}/{svg_name}", "png": f"{slug}/{png_name}", "svg_name": svg_name, "png_name": png_name},
            printing=printing,
            page_url=url,
            qr_text=qr_text,
            description=description,
            commune=self.settings.commune,
            status=status,
            today=self.settings.today,
            confirmed=self.settings.as_of(entry),
            site_url=self.settings.site_url,
            batches=[
                {"batch": batch, "href": f"{slug}/{BATCHES}/{batch.code}.md", "expired": batch.is_expired(self.settings.today)}
                for batch in entry.model.batches
            ],
            image=images[0] if images else None,
            jsonld=product_data(entry, status, url, producer_url, images, description),
            translation=f"{EN_CATALOGUE}/{slug}/",
            outlets=self.catalogue.outlets_selling(slug),
            fairs=self.catalogue.fairs_showing(slug, self.settings.today),
            outlets_href=f"../{OUTLETS}/index.md",
            fairs_href=f"../{FAIRS}/index.md",
        )
        files = [
            OutputFile(product_page_uri(slug), page),
            self.qr_file(f"{CATALOGUE}/{slug}/{svg_name}", qr_text, "svg"),
            self.qr_file(f"{CATALOGUE}/{slug}/{png_name}", qr_text, "png"),
        ] + [output for photo in photos for output in photo.files()]
        if not entry.model.retired and entry.model.code:  # without a short code, nothing is meant for print
            files.append(self.label_sheet(f"{CATALOGUE}/{slug}/{pdf_name}", entry))
        if entry.model.code:
            files.append(self.redirect((entry.model.code,), f"{CATALOGUE}/{slug}/", entry.model.name))
        return files

    def label(self, entry: ProductEntry) -> Label:
        # Only stars the product may show today: an expired certificate prints none.
        stars = self.settings.certificate(entry).current_stars
        qr_text = self.settings.qr_text(entry)
        return Label(qr_text, entry.model.name, entry.model.code, stars, readable_address(qr_text))

    def label_sheet(self, uri: str, entry: ProductEntry) -> OutputFile:
        """A full A4 page of one product's labels, kept in the cache like the codes (and copied from there)."""
        label, size, style = self.label(entry), self.settings.label_size, self.settings.qr_style
        try:
            source = page_file(self.qr_cache, label, size, style)
            return OutputFile(uri, source=source) if source is not None else OutputFile(uri, page_of(label, size, style))
        except LabelError as error:  # the label size of mkdocs.yml, or a site address too long for it
            raise DataError([Problem(entry.source, None, None, f"không tạo được tờ nhãn in: {error}")]) from None

    def missing_work(self) -> prepare.Work:
        """The photos, codes and label sheets of this build that are not in the cache yet."""
        size, style = self.settings.label_size, self.settings.qr_style
        work = prepare.Work()
        photos = {photo.path for entry in self.catalogue.products.values() for photo in entry.photos}
        photos |= {photo.path for producer in self.catalogue.producers.values() for photo in producer.photos}
        work.photos = [path for path in sorted(photos) if not self.photo_cache.is_cached(path)]
        texts = []
        for entry in self.catalogue.products.values():
            texts.append(self.settings.qr_text(entry))
            texts += [self.settings.batch_qr_text(entry, batch) for batch in entry.model.batches]
            if not entry.model.retired and entry.model.code:
                label = self.label(entry)
                if not page_is_cached(self.qr_cache, label, size, style):
                    work.sheets.append(label)
        work.codes = [text for text in dict.fromkeys(texts) if not self.qr_cache.is_cached(text, style)]
        return work

    def qr_file(self, uri: str, text: str, kind: str) -> OutputFile:
        """A QR code, copied from the cache by MkDocs (thousands of codes are not read into memory)."""
        source = self.qr_cache.file(text, kind, self.settings.qr_style)
        if source is not None:
            return OutputFile(uri, source=source)
        return OutputFile(uri, self.qr_cache.get(text, kind, self.settings.qr_style))

    def redirect(self, short_parts: tuple[str, ...], target_path: str, title: str) -> OutputFile:
        """A tiny page at /Q/<parts>/ that forwards at once to `target_path` (a site path like san-pham/x/).

        Written as plain HTML (not a themed page) so that a phone on slow data loads a few hundred bytes."""
        depth = 1 + len(short_parts)
        favicon = self.settings.favicon
        page = self.renderer.render(
            "redirect.html.j2",
            href="../" * depth + target_path,
            # Named, so that a browser does not ask for /favicon.ico, which a static host answers with 404.html.
            favicon=favicon if "://" in favicon else "../" * depth + favicon.lstrip("/"),
            canonical=self.settings.site_url + target_path,
            title=title,
        )
        return OutputFile(f"{SHORT}/{'/'.join(short_parts)}/index.html", page)

    def batch_files(self, entry: ProductEntry) -> list[OutputFile]:
        """Each batch: its page, its QR code and, when the product has a code, its short address."""
        files = []
        slug, style = entry.slug, self.settings.qr_style
        photos = self.published_photos(CATALOGUE, slug, entry.photos[:1])
        for batch in entry.model.batches:
            qr_text = self.settings.batch_qr_text(entry, batch)
            stem = f"qr-{slug}-{BATCHES}-{batch.code}"
            folder = f"{CATALOGUE}/{slug}/{BATCHES}/{batch.code}"
            title = f"{entry.model.name}, lô {batch.code}"
            page = self.renderer.later(
                "batch.md.j2",
                entry=entry,
                p=entry.model,
                batch=batch,
                expired=batch.is_expired(self.settings.today),
                status=self.settings.certificate(entry),
                producer=entry.producer.model,
                product_href=f"../../{slug}.md",
                producer_href=f"../../../{producer_page_uri(entry.producer.slug)}",
                photos=[photo.link(f"{folder}/", entry.model.name) for photo in photos],
                qr={"svg": f"{batch.code}/{stem}.svg", "png": f"{batch.code}/{stem}.png", "svg_name": f"{stem}.svg", "png_name": f"{stem}.png"},
                qr_text=qr_text,
                page_url=self.settings.batch_url(slug, batch),
                product_url=self.settings.product_url(slug),
                site_url=self.settings.site_url,
                today=self.settings.today,
                confirmed=self.settings.as_of(entry),
                commune=self.settings.commune,
                description=f"{title}: ngày sản xuất, hạn sử dụng, nguồn gốc nguyên liệu, cơ sở sản xuất.",
                image=self.settings.site_url + photos[0].share_uri if photos else None,
            )
            files += [
                OutputFile(batch_page_uri(slug, batch), page),
                OutputFile(f"{folder}/{stem}.svg", self.qr_cache.get(qr_text, "svg", style)),
                OutputFile(f"{folder}/{stem}.png", self.qr_cache.get(qr_text, "png", style)),
            ]
            if entry.model.code:
                files.append(self.redirect((entry.model.code, batch.code), f"{folder}/", title))
        return files

    def producer_files(self, producer: ProducerEntry) -> list[OutputFile]:
        photos = self.published_photos(PRODUCERS, producer.slug, producer.photos)
        images = [self.settings.site_url + photo.share_uri for photo in photos]
        description = (
            f"{producer.model.name}: cơ sở sản xuất sản phẩm OCOP ở xã {self.settings.commune.name}, "
            f"tỉnh {self.settings.commune.province}."
        )
        page = self.renderer.later(
            "producer.md.j2",
            m=producer.model,
            products=producer.products,
            photos=[photo.link(f"{PRODUCERS}/{producer.slug}/", producer.model.name) for photo in photos],
            description=description,
            commune=self.settings.commune,
            statuses={product.slug: self.settings.certificate(product) for product in producer.products},
            today=self.settings.today,
            confirmed=self.settings.as_of(producer, *producer.products),
            image=images[0] if images else None,
            jsonld=producer_data(producer, self.settings.producer_url(producer.slug), images, description),
            translation=f"{EN_PRODUCERS}/{producer.slug}/",
        )
        return [OutputFile(producer_page_uri(producer.slug), page)] + [output for photo in photos for output in photo.files()]

    def catalogue_pages(self) -> list[OutputFile]:
        """The catalogue: every product, by group and by rating, in pages of CATALOGUE_PAGE_SIZE cards."""
        cards = []
        for entry in self.catalogue.products.values():
            if entry.model.retired:
                continue  # its page stays for the codes already printed, but it is no longer on offer
            status = self.settings.certificate(entry)
            photos = self.published_photos(CATALOGUE, entry.slug, entry.photos[:1])
            cards.append(
                {
                    "entry": entry,
                    "status": status,
                    "stars_key": status.filter_key,
                    "published_photo": photos[0] if photos else None,
                }
            )
        return self.listing_files(
            CATALOGUE,
            EN_CATALOGUE,
            "catalogue.md.j2",
            cards,
            group_of=lambda group: Option(group.code, group.name),
            ratings=RATINGS,
            photo_link=lambda card, page_url: card["published_photo"].link(page_url, card["entry"].model.name),
            today=self.settings.today,
            confirmed=self.settings.as_of(*[card["entry"] for card in cards]),
            description=f"Sản phẩm OCOP của xã {self.settings.commune.name}, tỉnh {self.settings.commune.province}.",
            commune=self.settings.commune,
        )

    def listing_files(self, root, twin_root, template, cards, group_of, ratings, photo_link, **context) -> list[OutputFile]:
        """The catalogue under `root`, in pages of CATALOGUE_PAGE_SIZE, one list for each group, rating and
        both (listing.py); each page names its twin under `twin_root`, the catalogue in the other language."""
        used = {card["entry"].group.code for card in cards}
        listings = FacetedListings(
            root,
            cards,
            group_of=lambda card: group_of(card["entry"].group),
            rating_of=lambda card: ratings.get(card["stars_key"]),
            groups=[group_of(group) for group in self.catalogue.groups.values() if group.code in used],
            ratings=[rating for key, rating in ratings.items() if any(card["stars_key"] == key for card in cards)],
        )
        files = []
        for listing in listings.listings.values():
            group_links, rating_links = listings.group_links(listing), listings.rating_links(listing)
            for page in listing.pages(CATALOGUE_PAGE_SIZE):
                page_url = page_path(page.uri)
                cards_here = [
                    dict(card, photo=photo_link(card, page_url) if card["published_photo"] else None) for card in page.items
                ]
                content = self.renderer.later(
                    template,
                    cards=cards_here,
                    up=page.up,
                    page=page,
                    listing=listing,
                    group_links=group_links,
                    rating_links=rating_links,
                    translation=twin_root + page_url[len(root):],
                    **context,
                )
                files.append(OutputFile(page.uri, content))
        return files

    def producer_directory(self) -> list[OutputFile]:
        """The producers, in pages of DIRECTORY_PAGE_SIZE."""
        description = (
            f"Các cơ sở sản xuất sản phẩm OCOP ở xã {self.settings.commune.name}, tỉnh {self.settings.commune.province}."
        )
        files = []
        for page in paginate(list(self.catalogue.producers.values()), PRODUCERS, DIRECTORY_PAGE_SIZE):
            content = self.renderer.later(
                "producers.md.j2",
                producers=page.items,
                up=page.up,
                page=page,
                description=description,
                commune=self.settings.commune,
                translation=EN_PRODUCERS + page_path(page.uri)[len(PRODUCERS):],
            )
            files.append(OutputFile(page.uri, content))
        return files

    def outlet_directory(self) -> OutputFile:
        outlets = sorted(
            self.catalogue.outlets.values(), key=lambda o: (list(OutletKind).index(o.model.kind), o.model.name)
        )
        page = self.renderer.render(
            "outlets.md.j2",
            shops=[outlet for outlet in outlets if not outlet.model.kind.online],
            online=[outlet for outlet in outlets if outlet.model.kind.online],
            fairs_href=f"../{FAIRS}/index.md",
            description=f"Nơi mua sản phẩm OCOP của xã {self.settings.commune.name}, tỉnh {self.settings.commune.province}: "
            "cửa hàng, điểm bán và gian hàng trực tuyến.",
            commune=self.settings.commune,
        )
        return OutputFile(f"{OUTLETS}/index.md", page)

    def fair_list(self) -> OutputFile:
        """Upcoming first (soonest on top), then past (latest on top), as of the build's date."""
        today = self.settings.today
        fairs = self.catalogue.fairs
        page = self.renderer.render(
            "fairs.md.j2",
            upcoming=[fair for fair in fairs if not fair.is_past(today)],
            past=[fair for fair in reversed(fairs) if fair.is_past(today)],
            today=today,
            outlets_href=f"../{OUTLETS}/index.md",
            description=f"Hội chợ, triển lãm có sản phẩm OCOP của xã {self.settings.commune.name}, "
            f"tỉnh {self.settings.commune.province}.",
            commune=self.settings.commune,
        )
        return OutputFile(f"{FAIRS}/index.md", page)
