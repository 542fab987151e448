"""Points of sale and fairs as a page shows them (the product page, "Where to buy", the fairs page), in
the page's language, their products linked from the page's folder.

Names and addresses are proper names (kept, said to be Vietnamese on a translated page); the other texts
are shown in Vietnamese, marked, until the data has translations of them.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..model.entries import FairEntry, OutletEntry, ProductEntry
from ..model.fair import Fair
from ..model.outlet import Outlet, OutletKind
from ..web.addresses import language_product_page_uri
from ..web.i18n import N_, Language, Shown

# How a page names a point of sale's kind (the enum's value is the Vietnamese, the catalogues translate).
OUTLET_KINDS = {
    OutletKind.trung_tam_ocop: N_("OCOP centre"),
    OutletKind.sieu_thi: N_("supermarket"),
    OutletKind.cho: N_("market"),
    OutletKind.khach_san: N_("hotel"),
    OutletKind.nha_hang: N_("restaurant"),
    OutletKind.san_bay: N_("airport"),
    OutletKind.quay_gioi_thieu: N_("product showcase counter"),
    OutletKind.cua_hang_co_so: N_("producer's own shop"),
    OutletKind.shopee: N_("Shopee"),
    OutletKind.facebook: N_("Facebook"),
    OutletKind.zalo: N_("Zalo"),
    OutletKind.truc_tuyen: N_("other online shop"),
    OutletKind.khac: N_("other"),
}


@dataclass(frozen=True)
class ProductLink:
    name: Shown
    href: str


@dataclass(frozen=True)
class OutletView:
    slug: str
    model: Outlet
    name: Shown
    kind: str
    address: Shown | None
    hours: Shown | None
    note: Shown | None
    texts: list[Shown]  # the texts shown in Vietnamese until translated (hours, note)
    products: list[ProductLink]


@dataclass(frozen=True)
class FairView:
    slug: str
    model: Fair
    entry: FairEntry
    name: Shown
    place: Shown | None
    organizer: Shown | None
    booth: Shown | None
    description: Shown | None
    texts: list[Shown]  # the texts shown in Vietnamese until translated (booth, description)
    products: list[ProductLink]


def product_links(products: list[ProductEntry], language: Language, folder: str) -> list[ProductLink]:
    return [
        ProductLink(language.text(entry.model, "name"),
                    posixpath.relpath(language_product_page_uri(entry.slug, language.code), folder))
        for entry in products
    ]


def outlet_view(outlet: OutletEntry, language: Language, folder: str) -> OutletView:
    """A point of sale as a page in `language` shows it, its products linked from the page in `folder`."""
    model = outlet.model
    texts = {name: language.text(model, name) for name in ("hours", "note")}
    return OutletView(
        slug=outlet.slug,
        model=model,
        name=language.text(model, "name"),
        kind=language.gettext(OUTLET_KINDS[model.kind]),
        address=language.text(model, "address"),
        **texts,
        texts=[text for text in texts.values() if text],
        products=product_links(outlet.products, language, folder),
    )


def fair_view(fair: FairEntry, language: Language, folder: str) -> FairView:
    model = fair.model
    texts = {name: language.text(model, name) for name in ("booth", "description")}
    return FairView(
        slug=fair.slug,
        model=model,
        entry=fair,
        name=language.text(model, "name"),
        place=language.text(model, "place"),
        organizer=language.text(model, "organizer"),
        **texts,
        texts=[text for text in texts.values() if text],
        products=product_links(fair.products, language, folder),
    )
