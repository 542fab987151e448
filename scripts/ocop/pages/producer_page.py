"""A producer's page (co-so/<slug>/, and en/producers/<slug>/ …): producer.md.j2 reads a `ProducerView`."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import date

from ..model.certificate import CertificateStatus
from ..model.entries import ProducerEntry, ProductEntry
from ..model.producer import Producer
from ..web.addresses import PRODUCERS, OutputFile, language_producer_page_uri, language_product_page_uri, producers_root
from ..web.i18n import Language, Shown
from ..web.pictures import PhotoLink
from .context import SiteContext, producer_kind, producer_place, untranslated
from .linked_data import producer_data


@dataclass(frozen=True)
class ProducerProduct:
    """One of the producer's products, as its page lists it."""

    entry: ProductEntry
    name: Shown
    status: CertificateStatus
    href: str


@dataclass(frozen=True)
class ProducerView:
    m: Producer
    name: str
    kind: str | None
    place: str | None  # "xã X (trước đây xã Y)", when the site names former communes
    about: Shown | None
    products: list[ProducerProduct]
    photos: list[PhotoLink]
    description: str
    untranslated: bool
    confirmed: date | None
    image: str | None  # the shared preview (official page only)
    jsonld: object | None  # the linked data (official page only)
    translation: str


TEMPLATE = "producer.md.j2"
VIEW = ProducerView  # all TEMPLATE receives (tests/pages/test_site.py checks that it reads nothing else)


class ProducerPage:
    def __init__(self, site: SiteContext):
        self.site = site

    def build(self, producer: ProducerEntry, language: Language) -> list[OutputFile]:
        page = self.site.renderer.render(TEMPLATE, language, view=self.view(producer, language))
        return [OutputFile(language_producer_page_uri(producer.slug, language.code), page)]

    def view(self, producer: ProducerEntry, language: Language) -> ProducerView:
        settings = self.site.settings
        model = producer.model
        official = not language.translated
        folder = producers_root(language.code)
        name = language.proper_name(model)
        about = language.text(model, "description")
        photos = self.site.published_photos(PRODUCERS, producer.slug, producer.photos)
        images = [settings.site_url + photo.share_uri for photo in photos]
        description = language.gettext(
            "%(name)s: a producer of OCOP products in %(commune)s, %(province)s, Vietnam."
        ) % {"name": name, "commune": language.place(settings.commune.name), "province": language.province(settings.commune.province)}
        products = [
            ProducerProduct(
                entry=entry,
                name=language.text(entry.model, "name"),
                status=settings.certificate(entry),
                href=posixpath.relpath(language_product_page_uri(entry.slug, language.code), folder),
            )
            for entry in producer.products
        ]
        return ProducerView(
            m=model,
            name=name,
            kind=producer_kind(model.kind, language),
            place=producer_place(producer, settings.commune, language),
            about=about,
            products=products,
            photos=[photo.link(f"{folder}/{producer.slug}/", name, language.code) for photo in photos],
            description=description,
            untranslated=untranslated(about, *[product.name for product in products]),
            confirmed=settings.as_of(producer, *producer.products),
            image=images[0] if official and images else None,
            jsonld=producer_data(producer, settings.producer_url(producer.slug), images, description) if official else None,
            translation=self.site.twin_path(language, f"{folder}/{producer.slug}/"),
        )
