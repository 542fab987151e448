"""The catalogue (san-pham/, en/products/ …): every product still on offer, by group and by rating, in pages
of CATALOGUE_PAGE_SIZE cards, one list for each group, rating and both (listing.py): catalogue.md.j2 reads a
`CatalogueView`. (Tested in tests/pages/test_listing.py.)"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from ..model.certificate import CertificateStatus
from ..model.commune import Commune
from ..model.entries import ProductEntry
from ..web.addresses import CATALOGUE, EDITOR, OutputFile, catalogue_root, page_path
from ..web.i18n import N_, Language, Shown
from ..web.pictures import PhotoLink, PublishedPhoto
from .context import SiteContext, formed_from, former_key, former_options, untranslated
from .listing import CATALOGUE_PAGE_SIZE, FacetedListings, Link, Listing, Option, Page, former_links, former_listings

# A card's stars_key → the rating filter it belongs to, in the order the filter shows them: the key is
# in the address (the same in every language), the label a message of the catalogues.
RATINGS = {
    "5": Option("5-sao", N_("5 stars")),
    "4": Option("4-sao", N_("4 stars")),
    "3": Option("3-sao", N_("3 stars")),
    "candidate": Option("dang-chuan-bi", N_("Being prepared for assessment")),
    "expired": Option("het-hieu-luc", N_("Certification expired")),
}


@dataclass(frozen=True)
class CatalogueCard:
    entry: ProductEntry
    name: Shown
    group: Shown
    producer: str
    status: CertificateStatus
    stars_key: str
    published_photo: PublishedPhoto | None
    photo: PhotoLink | None = None  # linked from the page the card is on


@dataclass(frozen=True)
class CatalogueView:
    cards: list[CatalogueCard]
    up: str
    page: Page[CatalogueCard]
    listing: Listing[CatalogueCard]
    group_links: list[Link]
    rating_links: list[Link]
    former_links: list[Link]  # "all" and each former commune, when the site has several
    formed_from: str | None  # the former communes in a sentence, for the intro of a merged commune's catalogue
    translation: str
    untranslated: bool
    confirmed: date | None
    description: str
    commune: Commune
    editor: str | None  # in the officer's preview, the editor's address from this page (an empty catalogue links it)


TEMPLATE = "catalogue.md.j2"
VIEW = CatalogueView  # all TEMPLATE receives (tests/pages/test_site.py checks that it reads nothing else)


class CataloguePage:
    def __init__(self, site: SiteContext):
        self.site = site

    def build(self, language: Language) -> list[OutputFile]:
        root = catalogue_root(language.code)
        twin_root = self.site.twin_path(language, root + "/")[:-1]
        cards = self.cards(language)
        listings = self.listings(root, cards, language)
        settings = self.site.settings
        common = dict(
            untranslated=untranslated(*[card.name for card in cards], *[card.group for card in cards]),
            confirmed=settings.as_of(*[card.entry for card in cards]),
            description=language.gettext("OCOP products of %(commune)s, %(province)s, Vietnam.")
            % {"commune": language.place(settings.commune.name), "province": language.province(settings.commune.province)},
            commune=settings.commune,
            formed_from=formed_from(settings.commune, language),
        )
        formers = former_options(settings.commune, language)
        lists = former_listings(root, cards, lambda card: former_key(card.entry.producer, settings.commune), formers)
        everything = listings.listings[(None, None)]
        files = []
        for listing in [*listings.listings.values(), *lists]:
            group_links, rating_links = self.links(listings, listing)
            common["former_links"] = former_links(everything, lists, formers, listing) if formers else []
            for page in listing.pages(CATALOGUE_PAGE_SIZE):
                page_url = page_path(page.uri)
                view = CatalogueView(
                    cards=[self.placed(card, page_url, language) for card in page.items],
                    up=page.up,
                    page=page,
                    listing=listing,
                    group_links=group_links,
                    rating_links=rating_links,
                    translation=twin_root + page_url[len(root):],
                    editor="../" * page_url.count("/") + EDITOR + "/" if settings.preview else None,
                    **common,
                )
                files.append(OutputFile(page.uri, self.site.renderer.render(TEMPLATE, language, view=view)))
        return files

    def cards(self, language: Language) -> list[CatalogueCard]:
        cards = []
        for entry in self.site.catalogue.products.values():
            if entry.model.retired:
                continue  # its page stays for the codes already printed, but it is no longer on offer
            status = self.site.settings.certificate(entry)
            photos = self.site.published_photos(CATALOGUE, entry.slug, entry.photos[:1])
            cards.append(CatalogueCard(
                entry=entry,
                name=language.text(entry.model, "name"),
                group=language.group_name(entry.group.name),
                producer=language.proper_name(entry.producer.model),
                status=status,
                stars_key=status.filter_key,
                published_photo=photos[0] if photos else None,
            ))
        return cards

    def listings(self, root: str, cards: list[CatalogueCard], language: Language) -> FacetedListings[CatalogueCard]:
        ratings = {key: Option(option.key, language.gettext(option.label)) for key, option in RATINGS.items()}

        def group_of(group) -> Option:
            return Option(group.code, language.group_name(group.name).value)

        used = {card.entry.group.code for card in cards}
        return FacetedListings(
            root,
            cards,
            group_of=lambda card: group_of(card.entry.group),
            rating_of=lambda card: ratings.get(card.stars_key),
            groups=[group_of(group) for group in self.site.catalogue.groups.values() if group.code in used],
            ratings=[rating for key, rating in ratings.items() if any(card.stars_key == key for card in cards)],
        )

    @staticmethod
    def links(listings: FacetedListings[CatalogueCard], listing: Listing[CatalogueCard]) -> tuple[list[Link], list[Link]]:
        """The group and rating filters from a page of `listing`; from a former commune's list (not crossed with
        them) they lead to the whole catalogue's lists, none marked as the current one."""
        if listing.former is None:
            return listings.group_links(listing), listings.rating_links(listing)
        everything = listings.listings[(None, None)]
        return tuple(
            [dataclasses.replace(link, current=False) for link in links]
            for links in (listings.group_links(everything), listings.rating_links(everything))
        )

    @staticmethod
    def placed(card: CatalogueCard, page_url: str, language: Language) -> CatalogueCard:
        """The card with its photo linked from the page at `page_url`."""
        if card.published_photo is None:
            return card
        return dataclasses.replace(card, photo=card.published_photo.link(page_url, card.name.value, language.code))
