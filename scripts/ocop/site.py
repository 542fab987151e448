"""The Catalogue → every file the site generates: pages (Markdown), QR codes, photos.

Where each thing lives in the built site is decided here and nowhere else:

    san-pham/index.md                       the catalogue               /san-pham/
    san-pham/{trang,nganh,hang}/…           its further and filtered pages (see listing.py)
    san-pham/<slug>.md                      a product                   /san-pham/<slug>/
    san-pham/<slug>/qr-<slug>.svg|png       its QR code
    san-pham/<slug>/<slug>-<n>.<ext>        its photos
    co-so/index.md, co-so/<slug>.md         producers                   /co-so/, /co-so/<slug>/
    co-so/trang/<n>.md                      the directory's further pages
    co-so/<slug>/<slug>-<n>.<ext>           a producer's photos
    Q/<CODE>/index.html                     a product's short address   /Q/<CODE>/ → its page

The short address is what a printed QR code encodes when the product has a `code`: upper case
throughout, so that the whole text fits the QR alphanumeric mode and the code stays small.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from .catalogue import Catalogue, PhotoFile, ProducerEntry, ProductEntry
from .listing import FacetedListings, Option, paginate
from .models import Commune
from .qr import QrCache, QrStyle
from .render import Renderer

CATALOGUE = "san-pham"
PRODUCERS = "co-so"
SHORT = "Q"
# However many products there are, no page lists more than this (listing.py).
CATALOGUE_PAGE_SIZE = 24
DIRECTORY_PAGE_SIZE = 50
RATINGS = {  # a card's stars_key → the rating filter it belongs to, in the order the filter shows them
    "5": Option("5-sao", "5 sao"),
    "4": Option("4-sao", "4 sao"),
    "3": Option("3-sao", "3 sao"),
    "candidate": Option("dang-chuan-bi", "Đang chuẩn bị đánh giá"),
}


@dataclass(frozen=True)
class SiteSettings:
    site_url: str  # absolute, ends with "/"
    commune: Commune
    qr_style: QrStyle = field(default_factory=QrStyle)

    def product_url(self, slug: str) -> str:
        return f"{self.site_url}{CATALOGUE}/{slug}/"

    def short_url(self, *parts: str) -> str:
        """`HTTPS://HOST/Q/NM/`: scheme and host are case-insensitive, so they are upper-cased too.

        The path keeps its case (a path prefix of site_url must exist as written)."""
        scheme, _, rest = self.site_url.partition("://")
        host, _, path = rest.partition("/")
        return f"{scheme.upper()}://{host.upper()}/{path}{SHORT}/" + "".join(f"{part}/" for part in parts)

    def qr_text(self, entry) -> str:
        """What the product's QR code encodes: its short address when it has a code, else its page."""
        return self.short_url(entry.model.code) if entry.model.code else self.product_url(entry.slug)


@dataclass(frozen=True)
class OutputFile:
    """One generated file: `content` to write, or `source`, a file on disk to copy as it is."""

    uri: str
    content: str | bytes | None = None
    source: Path | None = None


@dataclass(frozen=True)
class PhotoLink:
    href: str  # relative to the page that shows it
    alt: str
    width: int
    height: int


def product_page_uri(slug: str) -> str:
    return f"{CATALOGUE}/{slug}.md"


def producer_page_uri(slug: str) -> str:
    return f"{PRODUCERS}/{slug}.md"


def _photo_files(folder: str, slug: str, photos: list[PhotoFile], fallback_alt: str) -> list[tuple[OutputFile, PhotoLink]]:
    """Photos are published under the page's own folder with stable names: <slug>-1.jpg, …"""
    result = []
    for number, photo in enumerate(photos, start=1):
        name = f"{slug}-{number}{photo.path.suffix.lower()}"
        output = OutputFile(f"{folder}/{slug}/{name}", source=photo.path)
        link = PhotoLink(f"{slug}/{name}", photo.photo.alt or fallback_alt, photo.width, photo.height)
        result.append((output, link))
    return result


def product_description(entry: ProductEntry, settings: SiteSettings) -> str:
    model = entry.model
    if model.summary:
        return model.summary
    stars = model.certification.stars if model.certification else None
    rating = f"sản phẩm OCOP {stars} sao" if stars else "sản phẩm"
    return f"{model.name}: {rating} của {entry.producer.model.name}, xã {settings.commune.name}, tỉnh {settings.commune.province}."


class SiteBuilder:
    def __init__(self, catalogue: Catalogue, settings: SiteSettings, qr_cache: QrCache | None = None):
        self.catalogue = catalogue
        self.settings = settings
        self.qr_cache = qr_cache or QrCache(None)
        self.renderer = Renderer(self.qr_cache.folder / "templates" if self.qr_cache.folder else None)

    def files(self) -> list[OutputFile]:
        # A first build encodes every code: all at once, on every core (see QrCache.prepare).
        self.qr_cache.prepare([self.settings.qr_text(entry) for entry in self.catalogue.products.values()], self.settings.qr_style)
        files: list[OutputFile] = self.catalogue_pages() + self.producer_directory()
        for entry in self.catalogue.products.values():
            files += self.product_files(entry)
        for producer in self.catalogue.producers.values():
            files += self.producer_files(producer)
        return files

    def product_files(self, entry: ProductEntry) -> list[OutputFile]:
        slug = entry.slug
        url = self.settings.product_url(slug)
        qr_text = self.settings.qr_text(entry)
        svg_name, png_name = f"qr-{slug}.svg", f"qr-{slug}.png"
        photos = _photo_files(CATALOGUE, slug, entry.photos, entry.model.name)
        page = self.renderer.render(
            "product.md.j2",
            entry=entry,
            p=entry.model,
            cert=entry.model.certification,
            producer=entry.producer.model,
            producer_href=f"../{producer_page_uri(entry.producer.slug)}",
            photos=[link for _, link in photos],
            qr={"svg": f"{slug}/{svg_name}", "png": f"{slug}/{png_name}", "svg_name": svg_name, "png_name": png_name},
            page_url=url,
            qr_text=qr_text,
            description=product_description(entry, self.settings),
            commune=self.settings.commune,
        )
        files = [
            OutputFile(product_page_uri(slug), page),
            self.qr_file(f"{CATALOGUE}/{slug}/{svg_name}", qr_text, "svg"),
            self.qr_file(f"{CATALOGUE}/{slug}/{png_name}", qr_text, "png"),
        ] + [output for output, _ in photos]
        if entry.model.code:
            files.append(self.redirect((entry.model.code,), f"{CATALOGUE}/{slug}/", entry.model.name))
        return files

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
        page = self.renderer.render(
            "redirect.html.j2",
            href="../" * depth + target_path,
            canonical=self.settings.site_url + target_path,
            title=title,
        )
        return OutputFile(f"{SHORT}/{'/'.join(short_parts)}/index.html", page)

    def producer_files(self, producer: ProducerEntry) -> list[OutputFile]:
        photos = _photo_files(PRODUCERS, producer.slug, producer.photos, producer.model.name)
        page = self.renderer.render(
            "producer.md.j2",
            m=producer.model,
            products=producer.products,
            photos=[link for _, link in photos],
            description=f"{producer.model.name}: cơ sở sản xuất sản phẩm OCOP ở xã {self.settings.commune.name}, "
            f"tỉnh {self.settings.commune.province}.",
            commune=self.settings.commune,
        )
        return [OutputFile(producer_page_uri(producer.slug), page)] + [output for output, _ in photos]

    def catalogue_pages(self) -> list[OutputFile]:
        """The catalogue: every product, by group and by rating, in pages of CATALOGUE_PAGE_SIZE cards."""
        cards = []
        for entry in self.catalogue.products.values():
            cert = entry.model.certification
            stars_key = str(cert.stars) if cert and cert.stars else ("candidate" if cert else "")
            photo = _photo_files(CATALOGUE, entry.slug, entry.photos[:1], entry.model.name)
            cards.append({"entry": entry, "stars_key": stars_key, "photo": photo[0][1] if photo else None})
        used_groups = {entry.group.code for entry in self.catalogue.products.values()}
        listings = FacetedListings(
            CATALOGUE,
            cards,
            group_of=lambda card: Option(card["entry"].group.code, card["entry"].group.name),
            rating_of=lambda card: RATINGS.get(card["stars_key"]),
            groups=[Option(group.code, group.name) for group in self.catalogue.groups.values() if group.code in used_groups],
            ratings=[rating for key, rating in RATINGS.items() if any(card["stars_key"] == key for card in cards)],
        )
        description = f"Sản phẩm OCOP của xã {self.settings.commune.name}, tỉnh {self.settings.commune.province}."
        files = []
        for listing in listings.listings.values():
            group_links, rating_links = listings.group_links(listing), listings.rating_links(listing)
            for page in listing.pages(CATALOGUE_PAGE_SIZE):
                # Card links are written for san-pham/index.md; `page.up` leads there from deeper pages.
                cards_here = [
                    dict(card, photo=replace(card["photo"], href=page.up + card["photo"].href) if card["photo"] else None)
                    for card in page.items
                ]
                content = self.renderer.render(
                    "catalogue.md.j2",
                    cards=cards_here,
                    up=page.up,
                    page=page,
                    listing=listing,
                    group_links=group_links,
                    rating_links=rating_links,
                    description=description,
                    commune=self.settings.commune,
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
            content = self.renderer.render(
                "producers.md.j2",
                producers=page.items,
                up=page.up,
                page=page,
                description=description,
                commune=self.settings.commune,
            )
            files.append(OutputFile(page.uri, content))
        return files
