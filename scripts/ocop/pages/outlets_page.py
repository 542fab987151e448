"""Where to buy (diem-ban/, en/where-to-buy/ …): shops, then online shops, in the order of the kinds, then
by name; without a point of sale, the producers to contact. outlets.md.j2 reads an `OutletsView`."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..model.commune import Commune
from ..model.outlet import OutletKind
from ..model.producer import Producer
from ..web.addresses import OutputFile, fairs_page_uri, language_producer_page_uri, outlets_page_uri, outlets_root
from ..web.i18n import Language, Shown
from .context import SiteContext, untranslated
from .trade import OutletView, outlet_view


def reachable(producer: Producer) -> bool:
    """Does the producer's page give a way to reach it (a phone, Zalo, e-mail, website, address or map)?
    A page asks the reader to contact a producer only then."""
    return any((producer.phone, producer.zalo, producer.email, producer.website, producer.address, producer.location))


@dataclass(frozen=True)
class ProducerContact:
    name: Shown
    href: str


@dataclass(frozen=True)
class OutletsView:
    shops: list[OutletView]
    online: list[OutletView]
    producers: list[ProducerContact]  # only those whose page gives a contact
    fairs_href: str
    description: str
    commune: Commune
    sales_system: Shown | None  # the plan's paragraph on the sales system (products/_ke-hoach.yml), when it has one
    untranslated: bool
    translation: str


TEMPLATE = "outlets.md.j2"
VIEW = OutletsView  # all TEMPLATE receives (tests/pages/test_site.py checks that it reads nothing else)


class OutletsPage:
    def __init__(self, site: SiteContext):
        self.site = site

    def build(self, language: Language) -> list[OutputFile]:
        catalogue = self.site.catalogue
        folder = outlets_root(language.code)
        outlets = sorted(catalogue.outlets.values(), key=lambda o: (list(OutletKind).index(o.model.kind), o.model.name))
        views = [outlet_view(outlet, language, folder) for outlet in outlets]
        commune, plan = self.site.settings.commune, self.site.settings.plan
        producers = [
            ProducerContact(language.text(producer.model, "name"),
                            posixpath.relpath(language_producer_page_uri(producer.slug, language.code), folder))
            for producer in sorted(catalogue.producers.values(), key=lambda producer: producer.model.name)
            if reachable(producer.model)
        ]
        view = OutletsView(
            shops=[view for view in views if not view.model.kind.online],
            online=[view for view in views if view.model.kind.online],
            producers=producers,
            fairs_href=posixpath.relpath(fairs_page_uri(language.code), folder),
            description=language.gettext(
                "Where to buy the OCOP products of %(commune)s, %(province)s: "
                "shops, points of sale and online shops."
            ) % {"commune": language.place(commune.name), "province": language.province(commune.province)},
            commune=commune,
            sales_system=language.text(plan, "sales_system") if plan is not None else None,
            untranslated=untranslated(*[text for view in views for text in view.texts]),
            translation=self.site.twin_path(language, folder + "/"),
        )
        return [OutputFile(outlets_page_uri(language.code), self.site.renderer.render(TEMPLATE, language, view=view))]
