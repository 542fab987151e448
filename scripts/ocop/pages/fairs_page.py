"""Fairs and exhibitions (hoi-cho/, en/fairs/ …): upcoming first (soonest on top), then past (latest on top),
as of the build's date. fairs.md.j2 reads a `FairsView`."""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import date

from ..model.commune import Commune
from ..web.addresses import OutputFile, fairs_page_uri, fairs_root, outlets_page_uri
from ..web.i18n import Language, Shown
from .context import SiteContext, untranslated
from .trade import FairView, fair_view


@dataclass(frozen=True)
class FairsView:
    upcoming: list[FairView]
    past: list[FairView]
    today: date
    outlets_href: str
    description: str
    commune: Commune
    trade_promotion: Shown | None  # the plan's sentence on fairs (products/_ke-hoach.yml), when it has one
    untranslated: bool
    translation: str


TEMPLATE = "fairs.md.j2"
VIEW = FairsView  # all TEMPLATE receives (tests/pages/test_site.py checks that it reads nothing else)


class FairsPage:
    def __init__(self, site: SiteContext):
        self.site = site

    def build(self, language: Language) -> list[OutputFile]:
        today = self.site.settings.today
        folder = fairs_root(language.code)
        fairs = self.site.catalogue.fairs
        upcoming = [fair_view(fair, language, folder) for fair in fairs if not fair.is_past(today)]
        past = [fair_view(fair, language, folder) for fair in reversed(fairs) if fair.is_past(today)]
        commune, plan = self.site.settings.commune, self.site.settings.plan
        view = FairsView(
            upcoming=upcoming,
            past=past,
            today=today,
            outlets_href=posixpath.relpath(outlets_page_uri(language.code), folder),
            description=language.gettext(
                "Fairs and exhibitions showing the OCOP products of %(commune)s, %(province)s."
            ) % {"commune": language.place(commune.name), "province": language.province(commune.province)},
            commune=commune,
            trade_promotion=language.text(plan, "trade_promotion") if plan is not None else None,
            untranslated=untranslated(*[text for view in upcoming + past for text in view.texts]),
            translation=self.site.twin_path(language, folder + "/"),
        )
        return [OutputFile(fairs_page_uri(language.code), self.site.renderer.render(TEMPLATE, language, view=view))]
