"""A product's page (san-pham/<slug>/, and en/products/<slug>/ …), the one its printed QR code opens, and
the short address /Q/<CODE>/ that forwards to it: product.md.j2 reads a `ProductView`.

The buyer's blocks are the same in every language: what the printed code opens, how to check a pack and
report a fake, the batches (their pages are the official, Vietnamese ones). Shared previews and linked
data are the official page's (in Vietnamese).
"""
from __future__ import annotations

import itertools
import posixpath
from dataclasses import dataclass
from datetime import date

from ..model.certificate import CertificateStatus
from ..model.commune import Commune
from ..model.entries import ProductEntry
from ..model.producer import Producer
from ..model.product import Batch, Certification, Product, Seller
from ..web.addresses import (
    CATALOGUE,
    OutputFile,
    SiteSettings,
    batch_page_uri,
    catalogue_root,
    check_page_uri,
    fairs_page_uri,
    group_illustration,
    group_illustration_uri,
    language_producer_page_uri,
    language_product_page_uri,
    outlets_page_uri,
)
from ..web.i18n import Language, Shown
from ..web.pictures import PhotoLink
from .context import SiteContext, producer_place, untranslated
from .linked_data import product_data
from .trade import FairView, OutletView, fair_view, outlet_view

RELATED = 6  # small cards of other products at the foot of a product page

# The texts of a product that a translation may give (the `<lang>:` block of its file).
PRODUCT_TEXTS = ("summary", "story", "ingredients", "net_quantity", "package_sizes", "shelf_life", "storage", "usage", "warnings")


@dataclass(frozen=True)
class Drawing:
    """The drawing of the product's OCOP group, shown when it has no photo."""

    href: str
    alt: str


@dataclass(frozen=True)
class BatchLink:
    batch: Batch
    href: str
    expired: bool


@dataclass(frozen=True)
class SellerView:
    model: Seller
    name: Shown
    address: Shown | None
    note: Shown | None


@dataclass(frozen=True)
class RelatedCard:
    """A small card of another product at the foot of the page."""

    name: Shown
    href: str
    status: CertificateStatus
    photo: PhotoLink | None
    drawing: str | None  # the group's drawing, when the product has no photo


@dataclass(frozen=True)
class ProductView:
    """What product.md.j2 (with product-retired, where-to-buy and _certificate_alert) shows."""

    p: Product
    cert: Certification | None
    status: CertificateStatus
    name: Shown
    texts: dict[str, Shown | None]  # PRODUCT_TEXTS in the page's language
    group_path: list[Shown]
    producer: Producer
    producer_name: str
    producer_href: str
    producer_place: str | None  # "xã X (trước đây xã Y)", when the site names former communes
    photos: list[PhotoLink]
    drawing: Drawing | None
    related: list[RelatedCard]
    description: str
    commune: Commune
    page_url: str  # the official page's address, the one the printed code opens
    share_url: str  # this page's address
    site_url: str
    qr_text: str
    confirmed: date | None
    image: str | None  # the shared preview (official page only)
    jsonld: object | None  # the linked data (official page only)
    translation: str
    untranslated: bool
    retired_note: Shown | None
    batches: list[BatchLink]
    outlets: list[OutletView]
    outlets_href: str
    fairs: list[FairView]
    fairs_href: str
    sellers: list[SellerView]
    stamp_check_href: str | None = None  # the page where a stamp's number is typed, when packs carry stamps


TEMPLATE = "product.md.j2"
VIEW = ProductView  # all TEMPLATE receives (tests/pages/test_site.py checks that it reads nothing else)


def product_description(entry: ProductEntry, settings: SiteSettings, language: Language) -> str:
    """The product's summary in the page's language, else a sentence made of its facts."""
    summary = language.text(entry.model, "summary")
    if summary and summary.native:
        return summary.value
    stars = settings.certificate(entry).current_stars
    values = {
        "name": language.text(entry.model, "name").value,
        "stars": stars,
        "producer": language.proper_name(entry.producer.model),
        "commune": language.place(settings.commune.name),
        "province": language.province(settings.commune.province),
    }
    if stars:
        return language.gettext("%(name)s: a %(stars)s-star OCOP product by %(producer)s, %(commune)s, "
                                "%(province)s, Vietnam.") % values
    return language.gettext("%(name)s: a product by %(producer)s, %(commune)s, %(province)s, Vietnam.") % values


class ProductPage:
    def __init__(self, site: SiteContext, stamped: frozenset[str] = frozenset()):
        self.site = site
        self.settings = site.settings
        self.stamped = stamped  # the codes of the products whose packs carry per-pack stamps

    def build(self, entry: ProductEntry, language: Language) -> list[OutputFile]:
        """A product's page in `language`; with the official (Vietnamese) one, its short address."""
        model = entry.model
        page = self.site.renderer.render(TEMPLATE, language, view=self.view(entry, language))
        files = [OutputFile(language_product_page_uri(entry.slug, language.code), page)]
        if not language.translated and model.code:
            # "?qr": the product page reads it and puts "check the pack" first (engine/theme/assets/javascripts/buyer.js).
            files.append(self.site.redirect((model.code,), f"{CATALOGUE}/{entry.slug}/", model.name, marker="?qr"))
        return files

    def view(self, entry: ProductEntry, language: Language) -> ProductView:
        slug, model, settings = entry.slug, entry.model, self.settings
        official = not language.translated
        folder = catalogue_root(language.code)
        url = settings.product_url(slug)
        name = language.text(model, "name")
        texts = {field: language.text(model, field) for field in PRODUCT_TEXTS}
        group_path = language.group_path(entry)
        photos = self.site.published_photos(CATALOGUE, slug, entry.photos)
        status = settings.certificate(entry)
        images = [settings.site_url + photo.share_uri for photo in photos]
        description = product_description(entry, settings, language)
        outlets = [outlet_view(outlet, language, folder) for outlet in self.site.catalogue.outlets_selling(slug)]
        fairs = [fair_view(fair, language, folder) for fair in self.site.catalogue.fairs_showing(slug, settings.today)]
        sellers = [SellerView(seller, language.text(seller, "name"), language.text(seller, "address"), language.text(seller, "note"))
                   for seller in model.where_to_buy]
        return ProductView(
            p=model,
            cert=model.certification,
            status=status,
            name=name,
            texts=texts,
            group_path=group_path,
            producer=entry.producer.model,
            producer_name=language.proper_name(entry.producer.model),
            producer_href=posixpath.relpath(language_producer_page_uri(entry.producer.slug, language.code), folder),
            producer_place=producer_place(entry.producer, settings.commune, language),
            photos=[photo.link(f"{folder}/{slug}/", name.value, language.code) for photo in photos],
            drawing=None if photos else self.drawing(entry, language, folder),
            related=self.related_cards(entry, language),
            description=description,
            commune=settings.commune,
            page_url=url,
            share_url=settings.site_url + f"{folder}/{slug}/",
            site_url=settings.site_url,
            qr_text=settings.qr_text(entry),
            confirmed=settings.as_of(entry),
            image=images[0] if official and images else None,
            jsonld=product_data(entry, status, url, settings.producer_url(entry.producer.slug), images, description) if official else None,
            translation=self.site.twin_path(language, f"{folder}/{slug}/"),
            untranslated=untranslated(name, *texts.values(), *group_path, *[seller.note for seller in sellers],
                                      *[text for item in outlets + fairs for text in item.texts]),
            retired_note=Shown(model.retired.note, official) if model.retired else None,
            batches=self.batch_links(entry, folder),
            outlets=outlets,
            outlets_href=posixpath.relpath(outlets_page_uri(language.code), folder),
            fairs=fairs,
            fairs_href=posixpath.relpath(fairs_page_uri(language.code), folder),
            sellers=sellers,
            stamp_check_href=posixpath.relpath(check_page_uri(language.code), folder)
            if model.code in self.stamped and not model.retired else None,
        )

    def drawing(self, entry: ProductEntry, language: Language, folder: str) -> Drawing | None:
        if not group_illustration(entry.group.code):
            return None
        return Drawing(
            href=posixpath.relpath(group_illustration_uri(entry.group.code), folder),
            alt=language.gettext("Drawing of the %(group)s group: this product has no photo yet")
            % {"group": language.group_name(entry.group.name).value},
        )

    def batch_links(self, entry: ProductEntry, folder: str) -> list[BatchLink]:
        today = self.settings.today
        return [BatchLink(batch, posixpath.relpath(batch_page_uri(entry.slug, batch), folder), batch.is_expired(today))
                for batch in entry.model.batches]

    def related_cards(self, entry: ProductEntry, language: Language) -> list[RelatedCard]:
        folder = catalogue_root(language.code)
        page_url_here = f"{folder}/{entry.slug}/"
        cards = []
        for other in self.related(entry):
            other_photos = self.site.published_photos(CATALOGUE, other.slug, other.photos[:1])
            other_name = language.text(other.model, "name")
            cards.append(RelatedCard(
                name=other_name,
                href=posixpath.relpath(language_product_page_uri(other.slug, language.code), folder),
                status=self.settings.certificate(other),
                photo=other_photos[0].link(page_url_here, other_name.value, language.code) if other_photos else None,
                drawing=posixpath.relpath(group_illustration_uri(other.group.code), folder)
                if not other_photos and group_illustration(other.group.code) else None,
            ))
        return cards

    def related(self, entry: ProductEntry, limit: int = RELATED) -> list[ProductEntry]:
        """More from the same producer, then from the same OCOP group, still on offer: small cards."""
        chosen: dict[str, ProductEntry] = {}
        for other in itertools.chain(entry.producer.products, self.site.on_offer_by_group[entry.group.code]):
            if len(chosen) == limit:
                break
            if other.slug != entry.slug and not other.model.retired:
                chosen.setdefault(other.slug, other)
        return list(chosen.values())
