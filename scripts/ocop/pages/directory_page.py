"""The producer directory (co-so/, en/producers/ …), in pages of DIRECTORY_PAGE_SIZE: producers.md.j2
reads a `DirectoryView`. (Tested with the catalogue, in tests/pages/test_listing.py.)"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..model.commune import Commune
from ..model.entries import ProducerEntry, ProductEntry
from ..web.addresses import OutputFile, language_product_page_uri, page_path, producers_root
from ..web.i18n import Language, Shown
from .context import SiteContext, former_key, former_options, producer_kind, producer_place, untranslated
from .listing import DIRECTORY_PAGE_SIZE, Link, Listing, Option, Page, former_links, former_listings


@dataclass(frozen=True)
class DirectoryProduct:
    entry: ProductEntry
    name: Shown
    href: str  # from the directory's first page


@dataclass(frozen=True)
class DirectoryEntry:
    entry: ProducerEntry
    name: str
    kind: str | None
    place: str | None  # shown only in a site of several former communes
    products: list[DirectoryProduct]


@dataclass(frozen=True)
class DirectoryView:
    producers: list[DirectoryEntry]  # those of this page
    up: str
    page: Page[DirectoryEntry]
    former: Option | None  # the former commune this list is of (a merged commune's filter)
    former_links: list[Link]  # "all" and each former commune, when the site has several
    untranslated: bool
    description: str
    commune: Commune
    translation: str


TEMPLATE = "producers.md.j2"
VIEW = DirectoryView  # all TEMPLATE receives (tests/pages/test_site.py checks that it reads nothing else)


class DirectoryPage:
    def __init__(self, site: SiteContext):
        self.site = site

    def build(self, language: Language) -> list[OutputFile]:
        root = producers_root(language.code)
        commune = self.site.settings.commune
        description = language.gettext("Producers of OCOP products in %(commune)s, %(province)s, Vietnam.") % {
            "commune": language.place(commune.name),
            "province": language.province(commune.province),
        }
        producers = [self.entry(producer, language, root) for producer in self.site.catalogue.producers.values()]
        untranslated_names = untranslated(*[product.name for producer in producers for product in producer.products])
        everything = Listing(None, None, producers, root, root)
        formers = former_options(commune, language)
        lists = former_listings(root, producers, lambda producer: former_key(producer.entry, commune), formers)
        files = []
        for listing in [everything, *lists]:
            links = former_links(everything, lists, formers, listing) if formers else []
            for page in listing.pages(DIRECTORY_PAGE_SIZE):
                view = DirectoryView(
                    producers=page.items,
                    up=page.up,
                    page=page,
                    former=listing.former,
                    former_links=links,
                    untranslated=untranslated_names,
                    description=description,
                    commune=commune,
                    translation=self.site.twin_path(language, page_path(page.uri)),
                )
                files.append(OutputFile(page.uri, self.site.renderer.render(TEMPLATE, language, view=view)))
        return files

    def entry(self, producer: ProducerEntry, language: Language, root: str) -> DirectoryEntry:
        commune = self.site.settings.commune
        return DirectoryEntry(
            entry=producer,
            name=language.proper_name(producer.model),
            kind=producer_kind(producer.model.kind, language),
            place=producer_place(producer, commune, language) if commune.filtered else None,
            products=[
                DirectoryProduct(entry, language.text(entry.model, "name"),
                                 posixpath.relpath(language_product_page_uri(entry.slug, language.code), root))
                for entry in producer.products
            ],
        )
