"""The Catalogue → every page the site generates (Markdown, and the short addresses' forwarding pages):
the page builders run in order.

Where each page lives is declared in addresses.py; the files a page shows (photos, QR codes, label
sheets) are made by media/ and named from the same addresses. Each product, each producer, the
catalogue and the producer directory are made in every language that has a message catalogue
(i18n.py), from one template each: the Vietnamese pages are the official ones, the others are their
translations, made from the `<lang>:` blocks of the YAML files. Each page names its twin in the other
language in its front matter (`translation:`, a site path), for the language switch (Vietnamese ↔
English: the theme's switch offers those two).

Our own generator rather than an i18n plugin (mkdocs-static-i18n does not work with Material's blog):
the pages are ordinary generated Markdown files, outside the navigation.

One builder a page kind, as Pelican has one generator a content kind: `<kind>_page.py` (product, print,
batch, producer, catalogue, directory, outlets, fairs), each with one `build(...) -> list[OutputFile]`
and a frozen view dataclass, which is all its template receives (`view.x`: a renamed field fails the
build, the templates' undefined is strict). What they share (the catalogue and its indexes made once,
the settings, the renderer, the twins, the short addresses) is context.py's `SiteContext`. The home page
and the other hand-written pages are not generated: their markers are expanded by markers.py.
"""
from __future__ import annotations

from ..media.assets import MediaFiles
from ..media.images import PhotoCache
from ..model.entries import Catalogue, PhotoFile
from ..model.stamps import StampRegister
from ..web.addresses import OutputFile, SiteSettings, group_illustration, group_illustration_uri
from ..web.i18n import Language
from ..web.pictures import PublishedPhoto
from .batch_page import BatchPage
from .catalogue_page import CataloguePage
from .check_page import CheckPage
from .context import SiteContext
from .directory_page import DirectoryPage
from .fairs_page import FairsPage
from .outlets_page import OutletsPage
from .print_page import PrintPage
from .producer_page import ProducerPage
from .product_page import ProductPage
from .render import Renderer
from .stamp_data import StampCounts, stamp_data_files
from .stamp_page import StampPage


class SiteBuilder:
    def __init__(
        self,
        catalogue: Catalogue,
        settings: SiteSettings,
        photos: PhotoCache,
        printing: MediaFiles,
        renderer: Renderer,
        stamps: StampRegister | None = None,
        stamp_counts: StampCounts | None = None,
    ):
        self.site = SiteContext(catalogue, settings, photos, renderer)
        self.stamps = stamps or StampRegister()  # per-pack stamps issued (model/stamps.py)
        self.stamp_counts = stamp_counts or StampCounts()  # their checks, where the access logs are read
        self.catalogue = catalogue
        self.settings = settings
        self.renderer = renderer
        self.languages = self.site.languages  # Vietnamese first
        self.products = ProductPage(self.site, frozenset(issue.code for issue in self.stamps.issues if not issue.sample))
        self.print_pages = PrintPage(self.site, printing)
        self.batches = BatchPage(self.site)
        self.producers = ProducerPage(self.site)
        self.catalogue_pages = CataloguePage(self.site)
        self.directory = DirectoryPage(self.site)
        self.outlets = OutletsPage(self.site)
        self.fairs = FairsPage(self.site)
        self.stamp_pages = StampPage(self.site, self.stamps, self.stamp_counts)
        self.check_pages = CheckPage(self.site, self.stamps)

    def published_photos(self, folder: str, slug: str, photos: list[PhotoFile]) -> list[PublishedPhoto]:
        return self.site.published_photos(folder, slug, photos)

    def files(self) -> list[OutputFile]:
        """Every generated page, in every language (batches and print pages: in Vietnamese only)."""
        files: list[OutputFile] = []
        for language in self.languages:
            files += self.language_files(language)
        for group in self.catalogue.groups:
            if drawing := group_illustration(group):
                files.append(OutputFile(group_illustration_uri(group), source=drawing))
        return files + stamp_data_files(self.stamps, self.catalogue, self.stamp_counts)

    def language_files(self, language: Language) -> list[OutputFile]:
        files = self.catalogue_pages.build(language) + self.directory.build(language)
        official = not language.translated
        for entry in self.catalogue.products.values():
            files += self.products.build(entry, language)
            if official and not entry.model.retired:
                files += self.print_pages.build(entry)
            if official:
                files += self.batches.build(entry) + self.stamp_pages.build(entry)
        for producer in self.catalogue.producers.values():
            files += self.producers.build(producer, language)
        return files + self.outlets.build(language) + self.fairs.build(language) + self.check_pages.build(language)
