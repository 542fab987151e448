"""The languages of the generated pages: one message catalogue per language, and what a page shows in it.

Below media/ and pages/ (web/): the print files (media/cards.py) say the same words as the pages.

Every string of a page that differs by language is looked up in `locale/<lang>/LC_MESSAGES/ocop.po`
(gettext, read with Babel when the build starts: nothing to compile, on a fresh clone as on Windows).
The convention: a message's id is its English text (`msgid "Product details"`), so the `en` catalogue
only translates the strings of the data (see below), and the `vi` catalogue translates everything.
The strings of the data files have their Vietnamese text as id, under a context, because that is the
language they are written in: the OCOP product groups of model/data/nhom-san-pham.yml are
`msgctxt "product group"`, their names in the other languages are in those languages' catalogues.

Vietnamese is the language of the data and of the official pages, those the printed QR codes open
(addresses in addresses.py); every other language has *translated* pages, made from the `<lang>:`
blocks of the YAML files, under /<lang>/ (`en/products/…`). Each language with a catalogue in
locale/ gets its pages: adding a language is adding its catalogue (and, for the texts of the data,
`<lang>:` blocks in the YAML files, which the data model has to accept).

On a translated page a text of the data without a translation is shown in Vietnamese, marked as such
(`Shown.native` is false: the template adds `lang="vi"` and a "(Vietnamese)" mark), and the page
says at the top that it is partly in Vietnamese: a tourist is never shown an invented text.

A new string in a template or a page builder is added to each catalogue by hand (tests/web/test_i18n.py
names any that lacks its Vietnamese, or that no page uses any more; `pybabel extract -F web/locale/babel.cfg
-k N_ .` in scripts/ocop/ lists them). Not `pybabel update`: it would make the product groups' entries obsolete, as no code names them.

The templates get `_()`, `gettext`, `ngettext`, `pgettext` and `{% trans %}` (jinja2.ext.i18n, see
pages/render.py): the Markdown they write carries its strings already translated. The theme's overrides
(overrides/) never call gettext: they are also rendered by Zensical's MiniJinja.
"""
from __future__ import annotations

import datetime as dt
import functools
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

from ..model.places import province_split, split_unit

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "ocop"
SOURCE = "vi"  # the language of the data and of the official pages
GROUP = "product group"  # the context of the product groups' names (data/nhom-san-pham.yml)


def N_(message: str) -> str:
    """Marks a message to translate later, where the language is not known yet (pybabel finds it)."""
    return message


# How a page names a place by its unit word (model/places.py): "xã Sơn Tây" / "Sơn Tây commune", "phường 12" /
# "Ward 12"; a province or a city: "tỉnh Hà Tĩnh" / "Hà Tĩnh province", "thành phố Huế" / "Huế city".
PLACE_UNITS = {
    "xã": N_("%(name)s commune"),
    "phường": N_("%(name)s ward"),
    "thị trấn": N_("%(name)s township"),
    "đặc khu": N_("%(name)s special zone"),
    "tỉnh": N_("%(name)s province"),
    "thành phố": N_("%(name)s city"),
}
NUMBERED_UNITS = {"xã": N_("Commune %(name)s"), "phường": N_("Ward %(name)s")}  # "xã 7", "Phường 12"


@dataclass(frozen=True)
class Shown:
    """A text as a page shows it: in the page's language (`native`), or the Vietnamese when it has no
    translation in that language."""

    value: Any
    native: bool


@dataclass(frozen=True)
class Language:
    code: str
    translations: Translations

    @property
    def translated(self) -> bool:
        """A page in this language is a translation of the Vietnamese one."""
        return self.code != SOURCE

    # What the templates call (render.py): the page's strings.
    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self.translations.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self.translations.npgettext(context, singular, plural, n)

    def date(self, value: dt.date) -> str:
        """A day as this language writes it: the pattern is a message (vi: 01/07/2025, en: 1 July 2025)."""
        return format_date(value, self.pgettext("date format", "d MMMM y"), locale=self._locale)

    def number(self, value: int) -> str:
        """An amount with this language's digit grouping (vi: 150.000, en: 150,000)."""
        return format_decimal(value, locale=self._locale)

    def place(self, text: str) -> str:
        """A commune, ward, township or special zone with its unit word in this language (the name may
        carry the word or not: "Sơn Tây" is a xã): "xã Sơn Tây", "Sơn Tây commune", "phường 12", "Ward 12"."""
        unit, name = split_unit(text)
        numbered = NUMBERED_UNITS.get(unit) if name[:1].isdigit() else None
        return self.gettext(numbered or PLACE_UNITS[unit]) % {"name": name}

    def province(self, text: str) -> str:
        """A province or a centrally-run city with its word: "tỉnh Hà Tĩnh", "Hà Tĩnh province", "thành phố Huế"."""
        unit, name = province_split(text)
        return self.gettext(PLACE_UNITS[unit]) % {"name": name}

    def names(self, items: list[str]) -> str:
        """Names in a sentence, as this language lists them (vi: A, B và C; en: A, B, and C)."""
        return format_list(items, locale=self._locale)

    @functools.cached_property
    def _locale(self) -> Locale:
        try:
            return Locale.parse(self.code)
        except (UnknownLocaleError, ValueError):
            return Locale.parse("en")

    # The texts of the data, as a page in this language shows them.
    def text(self, model, name: str) -> Shown | None:
        """Field `name` of a product, a producer or a photo: its translation in the `<lang>:` block of
        its YAML file, else the Vietnamese, marked; None when it has neither."""
        original = getattr(model, name)
        if not self.translated:
            return Shown(original, True) if original else None
        block = getattr(model, self.code, None)
        translation = getattr(block, name, None) if block is not None else None
        if translation:
            return Shown(translation, True)
        return Shown(original, False) if original else None

    def proper_name(self, model) -> str:
        """A producer's name is a proper name: shown as it is unless a form in this language is given."""
        shown = self.text(model, "name")
        return shown.value

    def group_name(self, name: str) -> Shown:
        """A product group's (or sub-group's) Vietnamese name, in this language from its catalogue."""
        translation = self.pgettext(GROUP, name)
        return Shown(translation, not self.translated or translation != name)

    def group_path(self, entry) -> list[Shown]:
        """The product's group, then its sub-group (a path of Vietnamese names, translated as one)."""
        path = [self.group_name(entry.group.name)]
        if entry.subgroup:
            path.append(self.group_name(" › ".join(entry.subgroup.path)))
        return path


@functools.lru_cache(maxsize=None)
def _catalogue(path: Path) -> Translations:
    """A catalogue as gettext reads it: the .po compiled in memory (fuzzy entries left out)."""
    with path.open("rb") as file:
        catalog = read_po(file, locale=path.parent.parent.name, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def languages(locale_dir: Path = LOCALE_DIR) -> list[Language]:
    """Every language that has a catalogue in `locale_dir`, Vietnamese first."""
    codes = sorted(path.parent.parent.name for path in locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    if SOURCE not in codes:
        raise FileNotFoundError(f"no Vietnamese catalogue in {locale_dir}")
    codes.sort(key=lambda code: code != SOURCE)
    return [Language(code, _catalogue(locale_dir / code / "LC_MESSAGES" / f"{DOMAIN}.po")) for code in codes]


@functools.lru_cache(maxsize=None)
def language_of(code: str, locale_dir: Path = LOCALE_DIR) -> Language:
    """The language `code` (vi, en, …) with its catalogue (looked up once: a brochure asks for each card)."""
    for language in languages(locale_dir):
        if language.code == code:
            return language
    raise ValueError(f"no catalogue for the language {code!r} in {locale_dir}")
