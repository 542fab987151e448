"""What every page builder shares: the catalogue, the settings, the photos, the renderer and the languages;
each page's twin in the other language; the short addresses' forwarding pages; the catalogue's indexes,
made once for the whole site (not once a page: a province's catalogue made that quadratic).

The page builders (`<kind>_page.py`) each make one page kind from this; site.py runs them in order.
"""
from __future__ import annotations

import collections
import functools
from dataclasses import dataclass
from ..media.images import PhotoCache, published_photos
from ..model.commune import Commune
from ..model.entries import Catalogue, PhotoFile, ProducerEntry, ProductEntry
from ..model.places import place_slug, split_unit
from ..model.producer import ProducerKind
from ..web.addresses import (
    OutputFile,
    SiteSettings,
    catalogue_root,
    fairs_root,
    outlets_root,
    producers_root,
    short_page_uri,
)
from ..web.i18n import N_, Language, Shown
from ..web.pictures import PublishedPhoto
from .listing import Option
from .render import Renderer

# How a page names a producer's kind (none for "chưa rõ", not known).
PRODUCER_KINDS = {
    ProducerKind.doanh_nghiep: N_("Enterprise"),
    ProducerKind.hop_tac_xa: N_("Cooperative"),
    ProducerKind.to_hop_tac: N_("Cooperative group"),
    ProducerKind.ho_san_xuat: N_("Household business"),
}


def producer_kind(kind: ProducerKind, language: Language) -> str | None:
    return language.gettext(PRODUCER_KINDS[kind]) if kind in PRODUCER_KINDS else None


def producer_place(producer: ProducerEntry, commune: Commune, language: Language) -> str | None:
    """Where a producer is, with the former commune its packs may still print: "xã Ví Dụ (trước đây
    xã Sơn Tây)"; None when the site names no former commune or the producer has none."""
    former = commune.former_of(producer.model.former_commune)
    if former is None:
        return None
    return language.gettext("%(current)s (formerly %(former)s)") % {
        "current": language.place(commune.current), "former": language.place(former),
    }


def formed_from(commune: Commune, language: Language) -> str | None:
    """The former communes a merged commune was formed from, in a sentence ("xã Sơn Tây, xã Sơn Lĩnh và
    thị trấn Sơn Hồng"), when it lists several (`former_communes`); None otherwise."""
    if not commune.former_communes:
        return None
    return language.names([language.place(former) for former in commune.former_communes])


def former_options(commune: Commune, language: Language) -> list[Option]:
    """The former communes as a filter's options (key: the slug in the address), when the site has several."""
    if not commune.filtered:
        return []
    options = []
    for former in commune.formers:
        unit, name = split_unit(former)
        bare = unit == "xã" and not name[:1].isdigit()  # the filter's row says "Xã cũ:" already
        options.append(Option(place_slug(former), name if bare else language.place(former)))
    return options


def former_key(producer: ProducerEntry, commune: Commune) -> str | None:
    """The slug of the producer's former commune, as former_options keys it; None when it has none."""
    former = commune.former_of(producer.model.former_commune)
    return place_slug(former) if former else None


def untranslated(*texts: Shown | None) -> bool:
    """Some text of a translated page is shown in Vietnamese (the page says it is partly in Vietnamese)."""
    return any(text is not None and not text.native for text in texts)


@dataclass(frozen=True)
class QrFiles:
    """A QR code's files, as the page links them (`svg`, `png`) and names them for download."""

    svg: str
    png: str
    svg_name: str
    png_name: str


@dataclass(frozen=True)
class RedirectView:
    """What redirect.html.j2 shows: a tiny page that forwards at once to `href`."""

    href: str
    favicon: str
    canonical: str
    title: str


REDIRECT_TEMPLATE = "redirect.html.j2"  # receives a RedirectView


class SiteContext:
    def __init__(self, catalogue: Catalogue, settings: SiteSettings, photos: PhotoCache, renderer: Renderer):
        self.catalogue = catalogue
        self.settings = settings
        self.photos = photos
        self.renderer = renderer
        self.languages = renderer.languages  # Vietnamese first
        # Each page's twin, for the language switch: the English page for a Vietnamese one, the Vietnamese
        # page for a translated one.
        others = sorted(self.languages[1:], key=lambda language: language.code != "en")
        self.twins = {language.code: self.languages[0] for language in others}
        self.twins[self.languages[0].code] = others[0] if others else self.languages[0]

    def published_photos(self, folder: str, slug: str, photos: list[PhotoFile]) -> list[PublishedPhoto]:
        return published_photos(self.photos, folder, slug, photos)

    def twin_path(self, language: Language, path: str) -> str:
        """The site path of a page's twin (for `translation:`), from the page's own path."""
        twin = self.twins[language.code]
        for root in (catalogue_root, producers_root, outlets_root, fairs_root):
            if path.startswith(root(language.code) + "/"):
                return root(twin.code) + path[len(root(language.code)):]
        raise ValueError(f"no twin for {path}")

    def redirect(self, short_parts: tuple[str, ...], target_path: str, title: str, marker: str = "") -> OutputFile:
        """A tiny page at /Q/<parts>/ that forwards at once to `target_path` (a site path like san-pham/x/).

        Written as plain HTML (not a themed page) so that a phone on slow data loads a few hundred bytes."""
        depth = 1 + len(short_parts)
        favicon = self.settings.favicon
        view = RedirectView(
            href="../" * depth + target_path + marker,
            # Named, so that a browser does not ask for /favicon.ico, which a static host answers with 404.html.
            favicon=favicon if "://" in favicon else "../" * depth + favicon.lstrip("/"),
            canonical=self.settings.site_url + target_path,
            title=title,
        )
        return OutputFile(short_page_uri(*short_parts), self.renderer.render(REDIRECT_TEMPLATE, view=view))

    @functools.cached_property
    def on_offer_by_group(self) -> dict[str, list[ProductEntry]]:
        """The catalogue's products by OCOP group, in its order: read once, not once a product page (a
        province's catalogue made this quadratic)."""
        groups: dict[str, list[ProductEntry]] = collections.defaultdict(list)
        for product in self.catalogue.products.values():
            if not product.model.retired:
                groups[product.group.code].append(product)
        return groups
