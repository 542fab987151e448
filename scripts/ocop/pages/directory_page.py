"""The producer directory (co-so/, en/producers/ …), in pages of DIRECTORY_PAGE_SIZE: producers.md.j2
reads a `DirectoryView`. (Tested with the catalogue, in tests/pages/test_listing.py.)"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..model.commune import Commune
from ..model.entries import ProducerEntry, ProductEntry
from ..web.addresses import OutputFile, language_product_page_uri, page_path, producers_root
from ..web.i18n import Language, Shown
from .context import SiteContext, producer_kind, untranslated
from .listing import DIRECTORY_PAGE_SIZE, Page, paginate


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
    products: list[DirectoryProduct]


@dataclass(frozen=True)
class DirectoryView:
    producers: list[DirectoryEntry]  # those of this page
    up: str
    page: Page[DirectoryEntry]
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
        description = language.gettext("Producers of OCOP products in %(commune)s commune, %(province)s province, Vietnam.") % {
            "commune": commune.name,
            "province": commune.province,
        }
        producers = [self.entry(producer, language, root) for producer in self.site.catalogue.producers.values()]
        untranslated_names = untranslated(*[product.name for producer in producers for product in producer.products])
        files = []
        for page in paginate(producers, root, DIRECTORY_PAGE_SIZE):
            view = DirectoryView(
                producers=page.items,
                up=page.up,
                page=page,
                untranslated=untranslated_names,
                description=description,
                commune=commune,
                translation=self.site.twin_path(language, page_path(page.uri)),
            )
            files.append(OutputFile(page.uri, self.site.renderer.render(TEMPLATE, language, view=view)))
        return files

    @staticmethod
    def entry(producer: ProducerEntry, language: Language, root: str) -> DirectoryEntry:
        return DirectoryEntry(
            entry=producer,
            name=language.proper_name(producer.model),
            kind=producer_kind(producer.model.kind, language),
            products=[
                DirectoryProduct(entry, language.text(entry.model, "name"),
                                 posixpath.relpath(language_product_page_uri(entry.slug, language.code), root))
                for entry in producer.products
            ],
        )
