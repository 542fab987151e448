"""The Catalogue → every file the site generates: pages (Markdown), QR codes, photos.

Where each thing lives in the built site is decided here and nowhere else:

    san-pham/index.md                       the catalogue               /san-pham/
    san-pham/<slug>.md                      a product                   /san-pham/<slug>/
    san-pham/<slug>/qr-<slug>.svg|png       its QR code (SVG in mm, PNG at 600 dpi)
    san-pham/<slug>/nhan-qr-<slug>.pdf      an A4 sheet of its labels, to print on packaging
    san-pham/<slug>/<slug>-<n>.<ext>        its photos
    co-so/index.md, co-so/<slug>.md         producers                   /co-so/, /co-so/<slug>/
    co-so/<slug>/<slug>-<n>.<ext>           a producer's photos
    Q/<CODE>/index.html                     a product's short address   /Q/<CODE>/ → its page

The short address is what a printed QR code encodes when the product has a `code`: upper case
throughout, so that the whole text fits the QR alphanumeric mode and the code stays small.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .catalogue import Catalogue, PhotoFile, ProducerEntry, ProductEntry
from .labels import Label, LabelSize, cache_key, format_mm, labels_per_page, readable_address, sheet_pdf
from .models import Commune
from .qr import QrCache, QrStyle
from .render import Renderer

CATALOGUE = "san-pham"
PRODUCERS = "co-so"
SHORT = "Q"


@dataclass(frozen=True)
class SiteSettings:
    site_url: str  # absolute, ends with "/"
    commune: Commune
    qr_style: QrStyle = field(default_factory=QrStyle)
    label_size: LabelSize = field(default_factory=LabelSize)

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
        self.renderer = Renderer()

    def files(self) -> list[OutputFile]:
        files: list[OutputFile] = [self.catalogue_page(), self.producer_directory()]
        for entry in self.catalogue.products.values():
            files += self.product_files(entry)
        for producer in self.catalogue.producers.values():
            files += self.producer_files(producer)
        return files

    def product_files(self, entry: ProductEntry) -> list[OutputFile]:
        slug = entry.slug
        url = self.settings.product_url(slug)
        qr_text = self.settings.qr_text(entry)
        style = self.settings.qr_style
        svg_name, png_name, pdf_name = f"qr-{slug}.svg", f"qr-{slug}.png", f"nhan-qr-{slug}.pdf"
        photos = _photo_files(CATALOGUE, slug, entry.photos, entry.model.name)
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
        page = self.renderer.render(
            "product.md.j2",
            entry=entry,
            p=entry.model,
            cert=entry.model.certification,
            producer=entry.producer.model,
            producer_href=f"../{producer_page_uri(entry.producer.slug)}",
            photos=[link for _, link in photos],
            qr={"svg": f"{slug}/{svg_name}", "png": f"{slug}/{png_name}", "svg_name": svg_name, "png_name": png_name},
            printing=printing,
            page_url=url,
            qr_text=qr_text,
            description=product_description(entry, self.settings),
            commune=self.settings.commune,
        )
        files = [
            OutputFile(product_page_uri(slug), page),
            OutputFile(f"{CATALOGUE}/{slug}/{svg_name}", self.qr_cache.get(qr_text, "svg", style)),
            OutputFile(f"{CATALOGUE}/{slug}/{png_name}", self.qr_cache.get(qr_text, "png", style)),
        ] + [output for output, _ in photos]
        if not entry.model.retired:
            files.append(OutputFile(f"{CATALOGUE}/{slug}/{pdf_name}", self.label_sheet(entry)))
        if entry.model.code:
            files.append(self.redirect((entry.model.code,), f"{CATALOGUE}/{slug}/", entry.model.name))
        return files

    def label(self, entry: ProductEntry) -> Label:
        cert = entry.model.certification
        qr_text = self.settings.qr_text(entry)
        return Label(qr_text, entry.model.name, entry.model.code, cert.stars if cert else None, readable_address(qr_text))

    def label_sheet(self, entry: ProductEntry) -> bytes:
        """A full A4 page of one product's labels, kept in the cache like the codes."""
        size, style = self.settings.label_size, self.settings.qr_style
        labels = [self.label(entry)] * labels_per_page(size)
        return self.qr_cache.stored(cache_key(labels, size, style), "pdf", lambda: sheet_pdf(labels, size, style, entry.model.name))

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

    def catalogue_page(self) -> OutputFile:
        cards = []
        for entry in self.catalogue.products.values():
            if entry.model.retired:
                continue  # its page stays for the codes already printed, but it is no longer on offer
            cert = entry.model.certification
            stars_key = str(cert.stars) if cert and cert.stars else ("candidate" if cert else "")
            photo = _photo_files(CATALOGUE, entry.slug, entry.photos[:1], entry.model.name)
            cards.append({"entry": entry, "stars_key": stars_key, "photo": photo[0][1] if photo else None})
        used_groups = {card["entry"].group.code for card in cards}
        page = self.renderer.render(
            "catalogue.md.j2",
            cards=cards,
            groups=[group for group in self.catalogue.groups.values() if group.code in used_groups],
            description=f"Sản phẩm OCOP của xã {self.settings.commune.name}, tỉnh {self.settings.commune.province}.",
            commune=self.settings.commune,
        )
        return OutputFile(f"{CATALOGUE}/index.md", page)

    def producer_directory(self) -> OutputFile:
        page = self.renderer.render(
            "producers.md.j2",
            producers=list(self.catalogue.producers.values()),
            description=f"Các cơ sở sản xuất sản phẩm OCOP ở xã {self.settings.commune.name}, "
            f"tỉnh {self.settings.commune.province}.",
            commune=self.settings.commune,
        )
        return OutputFile(f"{PRODUCERS}/index.md", page)
