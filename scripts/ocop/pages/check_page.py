"""Where a buyer types the number printed under a stamp's QR code: /kiem-tra/ and /en/check/
(check-page.md.j2 reads a `CheckPageView`). engine/theme/assets/javascripts/stamp.js checks the number there,
corrects one mistyped character (never on a scanned address, stamp_page.py) and opens the stamp's own
address. Made only once some stamp was issued (model/stamps.py)."""
from __future__ import annotations

from dataclasses import dataclass

from ..model.commune import Commune
from ..model.stamps import StampRegister
from ..web.addresses import OutputFile, check_page_uri, page_path
from ..web.i18n import N_, Language
from .context import SiteContext
from .stamp_page import key_data, script_texts


@dataclass(frozen=True)
class CheckPageView:
    """What check-page.md.j2 shows: the form, and the script's data."""

    translation: str
    commune: Commune
    description: str
    data: dict


DESCRIPTION = N_("Check the number of a stamp issued by %(commune)s")
TEMPLATE = "check-page.md.j2"
VIEW = CheckPageView  # all TEMPLATE receives (tests/pages/test_site.py checks that it reads nothing else)


class CheckPage:
    """/kiem-tra/ and /en/check/: type a serial."""

    def __init__(self, site: SiteContext, register: StampRegister):
        self.site = site
        self.register = register

    def build(self, language: Language) -> list[OutputFile]:
        if not self.register or not self.register.settings:
            return []
        uri = check_page_uri(language.code)
        page = page_path(uri)
        twin = self.site.twins[language.code]
        data = key_data(self.register, page) | {
            "lang": language.code,
            "commune": self.site.settings.commune.name,
            "texts": script_texts([language], self.site.settings.commune.name),
        }
        commune = self.site.settings.commune
        view = CheckPageView(
            translation=page_path(check_page_uri(twin.code)),
            commune=commune,
            description=language.gettext(DESCRIPTION) % {"commune": language.place(commune.name)},
            data=data,
        )
        return [OutputFile(uri, self.site.renderer.render(TEMPLATE, language, view=view))]

