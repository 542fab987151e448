"""The Catalogue → every file the site generates: pages (Markdown), QR codes, photos.

Where each thing lives in the built site is decided here and nowhere else:

    san-pham/index.md                       the catalogue               /san-pham/
    san-pham/<slug>.md                      a product                   /san-pham/<slug>/
    san-pham/<slug>/qr-<slug>.svg|png       its QR code
    san-pham/<slug>/<slug>-<n>-<width>.<ext> its photos, resized (AVIF, WebP and JPEG or PNG)
    co-so/index.md, co-so/<slug>.md         producers                   /co-so/, /co-so/<slug>/
    co-so/<slug>/<slug>-<n>-<width>.<ext>   a producer's photos
    Q/<CODE>/index.html                     a product's short address   /Q/<CODE>/ → its page
    en/products/index.md, en/products/<slug>.md     the same in English     /en/products/<slug>/
    en/producers/index.md, en/producers/<slug>.md                           /en/producers/<slug>/

Each page names its twin in the other language in its front matter (`translation:`, a site path),
for the language switch. English pages show the photos published with the Vietnamese pages.

The short address is what a printed QR code encodes when the product has a `code`: upper case
throughout, so that the whole text fits the QR alphanumeric mode and the code stays small.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.utils import get_relative_url

from .catalogue import Catalogue, PhotoFile, ProducerEntry, ProductEntry
from .images import MODERN, PhotoCache, Picture
from .models import Commune
from .qr import QrCache, QrStyle
from .render import Renderer

CATALOGUE = "san-pham"
PRODUCERS = "co-so"
SHORT = "Q"
EN_CATALOGUE = "en/products"
EN_PRODUCERS = "en/producers"


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


def product_page_uri(slug: str) -> str:
    return f"{CATALOGUE}/{slug}.md"


def producer_page_uri(slug: str) -> str:
    return f"{PRODUCERS}/{slug}.md"


def en_product_page_uri(slug: str) -> str:
    return f"{EN_CATALOGUE}/{slug}.md"


def en_producer_page_uri(slug: str) -> str:
    return f"{EN_PRODUCERS}/{slug}.md"


def product_description(entry: ProductEntry, settings: SiteSettings) -> str:
    model = entry.model
    if model.summary:
        return model.summary
    stars = model.certification.stars if model.certification else None
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
        self.renderer = Renderer()

    def published_photos(self, folder: str, slug: str, photos: list[PhotoFile]) -> list[PublishedPhoto]:
        """Photos are published under the page's own folder with stable names: <slug>-1-800.webp, …"""
        result = []
        for number, photo in enumerate(photos, start=1):
            picture = self.photo_cache.picture(photo.path)
            uris = tuple(f"{folder}/{slug}/{slug}-{number}-{r.width}.{r.extension}" for r in picture.renditions)
            result.append(PublishedPhoto(photo, picture, uris))
        return result

    def files(self) -> list[OutputFile]:
        files: list[OutputFile] = [self.catalogue_page(), self.producer_directory()]
        for entry in self.catalogue.products.values():
            files += self.product_files(entry)
        for producer in self.catalogue.producers.values():
            files += self.producer_files(producer)
        from .english import EnglishPages  # built on this builder (its photos, its renderer)

        files += EnglishPages(self).files()
        return files

    def product_files(self, entry: ProductEntry) -> list[OutputFile]:
        slug = entry.slug
        url = self.settings.product_url(slug)
        qr_text = self.settings.qr_text(entry)
        style = self.settings.qr_style
        svg_name, png_name = f"qr-{slug}.svg", f"qr-{slug}.png"
        photos = self.published_photos(CATALOGUE, slug, entry.photos)
        page = self.renderer.render(
            "product.md.j2",
            entry=entry,
            p=entry.model,
            cert=entry.model.certification,
            producer=entry.producer.model,
            producer_href=f"../{producer_page_uri(entry.producer.slug)}",
            photos=[photo.link(f"{CATALOGUE}/{slug}/", entry.model.name) for photo in photos],
            qr={"svg": f"{slug}/{svg_name}", "png": f"{slug}/{png_name}", "svg_name": svg_name, "png_name": png_name},
            page_url=url,
            qr_text=qr_text,
            description=product_description(entry, self.settings),
            commune=self.settings.commune,
            translation=f"{EN_CATALOGUE}/{slug}/",
        )
        files = [
            OutputFile(product_page_uri(slug), page),
            OutputFile(f"{CATALOGUE}/{slug}/{svg_name}", self.qr_cache.get(qr_text, "svg", style)),
            OutputFile(f"{CATALOGUE}/{slug}/{png_name}", self.qr_cache.get(qr_text, "png", style)),
        ] + [output for photo in photos for output in photo.files()]
        if entry.model.code:
            files.append(self.redirect((entry.model.code,), f"{CATALOGUE}/{slug}/", entry.model.name))
        return files

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
        photos = self.published_photos(PRODUCERS, producer.slug, producer.photos)
        page = self.renderer.render(
            "producer.md.j2",
            m=producer.model,
            products=producer.products,
            photos=[photo.link(f"{PRODUCERS}/{producer.slug}/", producer.model.name) for photo in photos],
            description=f"{producer.model.name}: cơ sở sản xuất sản phẩm OCOP ở xã {self.settings.commune.name}, "
            f"tỉnh {self.settings.commune.province}.",
            commune=self.settings.commune,
            translation=f"{EN_PRODUCERS}/{producer.slug}/",
        )
        return [OutputFile(producer_page_uri(producer.slug), page)] + [output for photo in photos for output in photo.files()]

    def catalogue_page(self) -> OutputFile:
        cards = []
        for entry in self.catalogue.products.values():
            cert = entry.model.certification
            stars_key = str(cert.stars) if cert and cert.stars else ("candidate" if cert else "")
            photo = self.published_photos(CATALOGUE, entry.slug, entry.photos[:1])
            cards.append({"entry": entry, "stars_key": stars_key, "photo": photo[0].link(f"{CATALOGUE}/", entry.model.name) if photo else None})
        used_groups = {entry.group.code for entry in self.catalogue.products.values()}
        page = self.renderer.render(
            "catalogue.md.j2",
            cards=cards,
            groups=[group for group in self.catalogue.groups.values() if group.code in used_groups],
            description=f"Sản phẩm OCOP của xã {self.settings.commune.name}, tỉnh {self.settings.commune.province}.",
            commune=self.settings.commune,
            translation=f"{EN_CATALOGUE}/",
        )
        return OutputFile(f"{CATALOGUE}/index.md", page)

    def producer_directory(self) -> OutputFile:
        page = self.renderer.render(
            "producers.md.j2",
            producers=list(self.catalogue.producers.values()),
            description=f"Các cơ sở sản xuất sản phẩm OCOP ở xã {self.settings.commune.name}, "
            f"tỉnh {self.settings.commune.province}.",
            commune=self.settings.commune,
            translation=f"{EN_PRODUCERS}/",
        )
        return OutputFile(f"{PRODUCERS}/index.md", page)
