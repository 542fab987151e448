"""What to print for a product, on a page of its own (san-pham/<slug>/in-tem/), out of the search: the
buyer's page keeps only the address its code encodes. product-print-page.md.j2 reads a `PrintPageView`."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Protocol

from ..model.entries import ProductEntry
from ..model.models import Product
from .addresses import CATALOGUE, OutputFile, group_illustration_uri, print_page_uri, qr_names
from .context import QrFiles, SiteContext


class PrintFacts(Protocol):
    """What a product page says about printing its code (version, printed size, labels a sheet), from
    media/, which lays the codes and labels out (the engine hands it over)."""

    def print_facts(self, entry: ProductEntry) -> dict: ...


@dataclass(frozen=True)
class PrintPageView:
    entry: ProductEntry
    p: Product
    printing: dict  # PrintFacts.print_facts, with the label sheet's PDF (`pdf`, `pdf_name`)
    qr: QrFiles
    qr_text: str
    product_href: str
    drawing_href: str


TEMPLATE = "product-print-page.md.j2"
VIEW = PrintPageView  # all TEMPLATE receives (tests/pages/test_site.py checks that it reads nothing else)


class PrintPage:
    def __init__(self, site: SiteContext, printing: PrintFacts):
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
