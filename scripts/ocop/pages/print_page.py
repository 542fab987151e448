"""What to print for a product, on a page of its own (san-pham/<slug>/in-tem/), out of the search: the
buyer's page keeps only the address its code encodes. product-print-page.md.j2 reads a `PrintPageView`."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..media.assets import MediaFiles
from ..model.entries import ProductEntry
from ..model.product import Product
from ..web.addresses import CATALOGUE, OutputFile, group_illustration_uri, print_page_uri, qr_names
from .context import QrFiles, SiteContext


@dataclass(frozen=True)
class PrintPageView:
    entry: ProductEntry
    p: Product
    printing: dict  # MediaFiles.print_facts, with the label sheet's PDF (`pdf`, `pdf_name`)
    qr: QrFiles
    qr_text: str
    product_href: str
    drawing_href: str


TEMPLATE = "product-print-page.md.j2"
VIEW = PrintPageView  # all TEMPLATE receives (tests/pages/test_site.py checks that it reads nothing else)


class PrintPage:
    def __init__(self, site: SiteContext, printing: MediaFiles):
        self.site = site
        self.printing = printing

    def build(self, entry: ProductEntry) -> list[OutputFile]:
        slug = entry.slug
        names = qr_names(slug)
        view = PrintPageView(
            entry=entry,
            p=entry.model,
            printing=self.printing.print_facts(entry) | {"pdf": names["pdf"], "pdf_name": names["pdf"]},
            qr=QrFiles(names["svg"], names["png"], names["svg"], names["png"]),
            qr_text=self.site.settings.qr_text(entry),
            product_href=f"../{slug}.md",
            drawing_href=posixpath.relpath(group_illustration_uri(entry.group.code), f"{CATALOGUE}/{slug}"),
        )
        return [OutputFile(print_page_uri(slug), self.site.renderer.render(TEMPLATE, view=view))]
