"""The theme's words around a translated page: the menu (tabs, and the drawer on a phone), the site's
name in the header and the window's title, and the footer, in the page's language.

Material draws the menu from `nav:` of mkdocs.yml and the header from `site_name`, both Vietnamese, on
every page. The theme's overrides (engine/theme/partials/tabs.html, nav.html, header.html, copyright.html)
draw a translated page (front matter `language: en`) from what this module makes instead; they cannot
look the words up themselves (no gettext in the overrides: Zensical's MiniJinja renders them too), so
the engine puts them into the settings, `config.extra.ocop_chrome`, keyed by language. The Vietnamese
pages find no entry and keep Material's menu from mkdocs.yml.

The menu leads to the translated counterparts of the Vietnamese tabs that have one (addresses.py) and
lists only those the build has: a page not made (yet) is not linked, so the site check never meets a
menu link to nowhere. The Vietnamese tabs without a translation (the plan, news, tourism, legal texts)
are left out; each such page says so itself when reached.
"""
from __future__ import annotations

from collections.abc import Callable, Collection

from ..model.commune import Commune
from ..web.addresses import catalogue_root, fairs_root, home_url, outlets_root, producers_root
from ..web.i18n import N_, Language

CHROME = "ocop_chrome"  # the key under `extra` of the settings where the overrides find it

# The menu of a translated page after its home, in the order of the Vietnamese tabs: (label, the folder
# of the page in a language).
MENU: tuple[tuple[str, Callable[[str], str]], ...] = (
    (N_("OCOP products"), catalogue_root),
    (N_("Producers"), producers_root),
    (N_("Where to buy"), outlets_root),
    (N_("Fairs and exhibitions"), fairs_root),
)


def language_chrome(language: Language, commune: Commune, published: Collection[str]) -> dict:
    """What the theme shows around a page in `language`; `published` holds the site paths of the
    pages the build has (en/, en/products/, …)."""
    code = language.code
    addresses = [(N_("Home"), home_url(code))] + [(label, f"{folder(code)}/") for label, folder in MENU]
    menu = [{"title": language.gettext(label), "url": url} for label, url in addresses if url in published]
    return {
        "site_name": language.gettext("%(commune)s OCOP products") % {"commune": commune.name},
        "home": home_url(language.code),
        "menu": menu,
        "staff_guide": language.gettext("Guide for the commune's staff (in Vietnamese)"),
    }


def theme_chrome(languages: list[Language], commune: Commune, published: Collection[str]) -> dict[str, dict]:
    """`config.extra.ocop_chrome`: the chrome of every translated language (not of Vietnamese, whose
    pages keep Material's menu from mkdocs.yml)."""
    return {
        language.code: language_chrome(language, commune, published)
        for language in languages
        if language.translated
    }
