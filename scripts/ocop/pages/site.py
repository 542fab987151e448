"""The Catalogue → every page the site generates (Markdown, and the short addresses' forwarding pages).

Where each page lives is declared in addresses.py; the files a page shows (photos, QR codes, label
sheets) are made by media/ and named from the same addresses. Each product, each producer, the
catalogue and the producer directory are made in every language that has a message catalogue
(i18n.py), from one template each: the Vietnamese pages are the official ones, the others are their
translations, made from the `<lang>:` blocks of the YAML files. Each page names its twin in the other
language in its front matter (`translation:`, a site path), for the language switch (Vietnamese ↔
English: the theme's switch offers those two).

Our own generator rather than an i18n plugin (mkdocs-static-i18n does not work with Material's blog):
the pages are ordinary generated Markdown files, outside the navigation.
"""
from __future__ import annotations

import collections
import functools
import itertools
import posixpath

from ..media.assets import MediaFiles
from ..media.images import PhotoCache, published_photos
from ..model.entries import Catalogue, FairEntry, OutletEntry, PhotoFile, ProducerEntry, ProductEntry
from ..model.models import OutletKind, ProducerKind
from ..web.addresses import (
    CATALOGUE,
    PRODUCERS,
    OutputFile,
    SiteSettings,
    batch_folder,
    batch_page_uri,
    batch_qr_stem,
    catalogue_root,
    fairs_page_uri,
    fairs_root,
    group_illustration,
    group_illustration_uri,
    language_producer_page_uri,
    language_product_page_uri,
    outlets_page_uri,
    outlets_root,
    page_path,
    print_page_uri,
    producer_page_uri,
    producers_root,
    qr_names,
    short_page_uri,
)
from ..web.i18n import N_, Language, Shown
from ..web.pictures import PublishedPhoto
from .linked_data import producer_data, product_data
from .listing import (
    CATALOGUE_PAGE_SIZE,
    DIRECTORY_PAGE_SIZE,
    FacetedListings,
    Option,
    paginate,
)
from .render import Renderer

RELATED = 6  # small cards of other products at the foot of a product page

# A card's stars_key → the rating filter it belongs to, in the order the filter shows them: the key is
# in the address (the same in every language), the label a message of the catalogues.
RATINGS = {
    "5": Option("5-sao", N_("5 stars")),
    "4": Option("4-sao", N_("4 stars")),
    "3": Option("3-sao", N_("3 stars")),
    "candidate": Option("dang-chuan-bi", N_("Being prepared for assessment")),
    "expired": Option("het-hieu-luc", N_("Certification expired")),
}

# How a page names a producer's kind (none for "chưa rõ", not known).
PRODUCER_KINDS = {
    ProducerKind.doanh_nghiep: N_("Enterprise"),
    ProducerKind.hop_tac_xa: N_("Cooperative"),
    ProducerKind.to_hop_tac: N_("Cooperative group"),
    ProducerKind.ho_san_xuat: N_("Household business"),
}


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


def producer_kind(kind: ProducerKind, language: Language) -> str | None:
    return language.gettext(PRODUCER_KINDS[kind]) if kind in PRODUCER_KINDS else None


def product_description(entry: ProductEntry, settings: SiteSettings, language: Language) -> str:
    """The product's summary in the page's language, else a sentence made of its facts."""
    summary = language.text(entry.model, "summary")
    if summary and summary.native:
        return summary.value
    stars = settings.certificate(entry).current_stars
    values = {
        "name": language.text(entry.model, "name").value,
        "stars": stars,
        "producer": language.proper_name(entry.producer.model),
        "commune": settings.commune.name,
        "province": settings.commune.province,
    }
    if stars:
        return language.gettext("%(name)s: a %(stars)s-star OCOP product by %(producer)s, %(commune)s commune, "
                                "%(province)s province, Vietnam.") % values
    return language.gettext("%(name)s: a product by %(producer)s, %(commune)s commune, %(province)s province, Vietnam.") % values


def reachable(producer) -> bool:
    """Does the producer's page give a way to reach it (a phone, Zalo, e-mail, website, address or map)?
    A page asks the reader to contact a producer only then."""
    return any((producer.phone, producer.zalo, producer.email, producer.website, producer.address, producer.location))


def untranslated(*texts: Shown | None) -> bool:
    """Some text of a translated page is shown in Vietnamese (the page says it is partly in Vietnamese)."""
    return any(text is not None and not text.native for text in texts)


# The texts of a product that a translation may give (the `<lang>:` block of its file).
PRODUCT_TEXTS = ("summary", "story", "ingredients", "net_quantity", "package_sizes", "shelf_life", "storage", "usage", "warnings")


class SiteBuilder:
    def __init__(self, catalogue: Catalogue, settings: SiteSettings, photos: PhotoCache, printing: MediaFiles, renderer: Renderer):
        self.catalogue = catalogue
        self.settings = settings
        self.photos = photos
        self.printing = printing
        self.renderer = renderer
        self.languages = renderer.languages  # Vietnamese first
        # Each page's twin, for the language switch: the English page for a Vietnamese one, the Vietnamese
        # page for a translated one.
        others = sorted(self.languages[1:], key=lambda language: language.code != "en")
        self.twins = {language.code: self.languages[0] for language in others}
        self.twins[self.languages[0].code] = others[0] if others else self.languages[0]

    def published_photos(self, folder: str, slug: str, photos: list[PhotoFile]) -> list[PublishedPhoto]:
        return published_photos(self.photos, folder, slug, photos)

    def files(self) -> list[OutputFile]:
        """Every generated page, in every language (batches: in Vietnamese only)."""
        files: list[OutputFile] = []
        for language in self.languages:
            files += self.catalogue_pages(language) + self.producer_directory(language)
            for entry in self.catalogue.products.values():
                files += self.product_files(entry, language)
                if not language.translated:
                    files += self.batch_files(entry)
            for producer in self.catalogue.producers.values():
                files += self.producer_files(producer, language)
            files += [self.outlet_directory(language), self.fair_list(language)]
        for group in self.catalogue.groups:
            if drawing := group_illustration(group):
                files.append(OutputFile(group_illustration_uri(group), source=drawing))
        return files

    def twin_path(self, language: Language, path: str) -> str:
        """The site path of a page's twin (for `translation:`), from the page's own path."""
        twin = self.twins[language.code]
        for root in (catalogue_root, producers_root, outlets_root, fairs_root):
            if path.startswith(root(language.code) + "/"):
                return root(twin.code) + path[len(root(language.code)):]
        raise ValueError(f"no twin for {path}")

    def product_files(self, entry: ProductEntry, language: Language) -> list[OutputFile]:
        """A product's page in `language`; with the official (Vietnamese) one, its short address."""
        slug = entry.slug
        model = entry.model
        official = not language.translated
        folder = catalogue_root(language.code)
        url = self.settings.product_url(slug)
        name = language.text(model, "name")
        texts = {field: language.text(model, field) for field in PRODUCT_TEXTS}
        group_path = language.group_path(entry)
        photos = self.published_photos(CATALOGUE, slug, entry.photos)
        status = self.settings.certificate(entry)
        images = [self.settings.site_url + photo.share_uri for photo in photos]
        description = product_description(entry, self.settings, language)
        context = {}
        drawing = None
        if not photos and group_illustration(entry.group.code):
            drawing = {
                "href": posixpath.relpath(group_illustration_uri(entry.group.code), folder),
                "alt": language.gettext("Drawing of the %(group)s group: this product has no photo yet")
                % {"group": language.group_name(entry.group.name).value},
            }
        producer_url = self.settings.producer_url(entry.producer.slug)
        outlets = [self.outlet_view(outlet, language, folder) for outlet in self.catalogue.outlets_selling(slug)]
        fairs = [self.fair_view(fair, language, folder) for fair in self.catalogue.fairs_showing(slug, self.settings.today)]
        # The buyer's blocks are the same in every language: what the printed code opens, how to check a
        # pack and report a fake, the batches (their pages are the official, Vietnamese ones).
        context = dict(
            page_url=url,
            qr_text=self.settings.qr_text(entry),
            confirmed=self.settings.as_of(entry),
            site_url=self.settings.site_url,
            batches=[
                {
                    "batch": batch,
                    "href": posixpath.relpath(batch_page_uri(slug, batch), folder),
                    "expired": batch.is_expired(self.settings.today),
                }
                for batch in model.batches
            ],
            outlets=outlets,
            fairs=fairs,
            fairs_href=posixpath.relpath(fairs_page_uri(language.code), folder),
            sellers=[
                {"model": seller, "name": language.text(seller, "name"), "address": language.text(seller, "address"),
                 "note": language.text(seller, "note")}
                for seller in model.where_to_buy
            ],
        )
        page_url_here = f"{folder}/{slug}/"
        related = []
        for other in self.related(entry):
            other_photos = self.published_photos(CATALOGUE, other.slug, other.photos[:1])
            other_name = language.text(other.model, "name")
            related.append(
                {
                    "name": other_name,
                    "href": posixpath.relpath(language_product_page_uri(other.slug, language.code), folder),
                    "status": self.settings.certificate(other),
                    "photo": other_photos[0].link(page_url_here, other_name.value, language.code) if other_photos else None,
                    "drawing": posixpath.relpath(group_illustration_uri(other.group.code), folder)
                    if not other_photos and group_illustration(other.group.code) else None,
                }
            )
        page = self.renderer.render(
            "product.md.j2",
            language,
            entry=entry,
            p=model,
            cert=model.certification,
            status=status,
            name=name,
            texts=texts,
            group_path=group_path,
            producer=entry.producer.model,
            producer_name=language.proper_name(entry.producer.model),
            producer_href=posixpath.relpath(language_producer_page_uri(entry.producer.slug, language.code), folder),
            photos=[photo.link(f"{folder}/{slug}/", name.value, language.code) for photo in photos],
            drawing=drawing,
            related=related,
            share_url=self.settings.site_url + f"{folder}/{slug}/",
            outlets_href=posixpath.relpath(outlets_page_uri(language.code), folder),
            description=description,
            commune=self.settings.commune,
            # Shared previews and linked data: the official page's (in Vietnamese).
            image=images[0] if official and images else None,
            jsonld=product_data(entry, status, url, producer_url, images, description) if official else None,
            translation=self.twin_path(language, f"{folder}/{slug}/"),
            untranslated=untranslated(name, *texts.values(), *group_path, *[seller["note"] for seller in context["sellers"]],
                                      *[text for item in outlets + fairs for text in item["texts"]]),
            retired_note=Shown(model.retired.note, official) if model.retired else None,
            **context,
        )
        files = [OutputFile(language_product_page_uri(slug, language.code), page)]
        if official and model.code:
            # "?qr": the product page reads it and puts "check the pack" first (docs/assets/javascripts/buyer.js).
            files.append(self.redirect((model.code,), f"{CATALOGUE}/{slug}/", model.name, marker="?qr"))
        if official and not model.retired:
            files.append(self.print_page(entry))
        return files

    def related(self, entry: ProductEntry, limit: int = RELATED) -> list[ProductEntry]:
        """More from the same producer, then from the same OCOP group, still on offer: small cards."""
        chosen: dict[str, ProductEntry] = {}
        for other in itertools.chain(entry.producer.products, self._on_offer_by_group[entry.group.code]):
            if len(chosen) == limit:
                break
            if other.slug != entry.slug and not other.model.retired:
                chosen.setdefault(other.slug, other)
        return list(chosen.values())

    @functools.cached_property
    def _on_offer_by_group(self) -> dict[str, list[ProductEntry]]:
        """The catalogue's products by OCOP group, in its order: read once, not once a product page (a
        province's catalogue made this quadratic)."""
        groups: dict[str, list[ProductEntry]] = collections.defaultdict(list)
        for product in self.catalogue.products.values():
            if not product.model.retired:
                groups[product.group.code].append(product)
        return groups

    def print_page(self, entry: ProductEntry) -> OutputFile:
        """What to print for a product, on a page of its own (/san-pham/<slug>/in-tem/), out of the search:
        the buyer's page keeps only the address its code encodes."""
        slug = entry.slug
        names = qr_names(slug)
        folder = f"{CATALOGUE}/{slug}"
        page = self.renderer.render(
            "product-print-page.md.j2",
            entry=entry,
            p=entry.model,
            printing=self.printing.print_facts(entry) | {"pdf": names["pdf"], "pdf_name": names["pdf"]},
            qr={"svg": names["svg"], "png": names["png"], "svg_name": names["svg"], "png_name": names["png"]},
            qr_text=self.settings.qr_text(entry),
            product_href=f"../{slug}.md",
            drawing_href=posixpath.relpath(group_illustration_uri(entry.group.code), folder),
        )
        return OutputFile(print_page_uri(slug), page)

    def redirect(self, short_parts: tuple[str, ...], target_path: str, title: str, marker: str = "") -> OutputFile:
        """A tiny page at /Q/<parts>/ that forwards at once to `target_path` (a site path like san-pham/x/).

        Written as plain HTML (not a themed page) so that a phone on slow data loads a few hundred bytes."""
        depth = 1 + len(short_parts)
        favicon = self.settings.favicon
        page = self.renderer.render(
            "redirect.html.j2",
            href="../" * depth + target_path + marker,
            # Named, so that a browser does not ask for /favicon.ico, which a static host answers with 404.html.
            favicon=favicon if "://" in favicon else "../" * depth + favicon.lstrip("/"),
            canonical=self.settings.site_url + target_path,
            title=title,
        )
        return OutputFile(short_page_uri(*short_parts), page)

    def batch_files(self, entry: ProductEntry) -> list[OutputFile]:
        """Each batch: its page, its QR code and, when the product has a code, its short address."""
        files = []
        slug = entry.slug
        photos = self.published_photos(CATALOGUE, slug, entry.photos[:1])
        for batch in entry.model.batches:
            qr_text = self.settings.batch_qr_text(entry, batch)
            stem = batch_qr_stem(slug, batch)
            folder = batch_folder(slug, batch)
            title = f"{entry.model.name}, lô {batch.code}"
            page = self.renderer.render(
                "batch.md.j2",
                entry=entry,
                p=entry.model,
                batch=batch,
                expired=batch.is_expired(self.settings.today),
                status=self.settings.certificate(entry),
                producer=entry.producer.model,
                product_href=f"../../{slug}.md",
                producer_href=f"../../../{producer_page_uri(entry.producer.slug)}",
                photos=[photo.link(f"{folder}/", entry.model.name) for photo in photos],
                qr={"svg": f"{batch.code}/{stem}.svg", "png": f"{batch.code}/{stem}.png", "svg_name": f"{stem}.svg", "png_name": f"{stem}.png"},
                qr_text=qr_text,
                page_url=self.settings.batch_url(slug, batch),
                product_url=self.settings.product_url(slug),
                site_url=self.settings.site_url,
                today=self.settings.today,
                confirmed=self.settings.as_of(entry),
                commune=self.settings.commune,
                description=f"{title}: ngày sản xuất, hạn sử dụng, nguồn gốc nguyên liệu, cơ sở sản xuất.",
                image=self.settings.site_url + photos[0].share_uri if photos else None,
            )
            files.append(OutputFile(batch_page_uri(slug, batch), page))
            if entry.model.code:
                # "?qr", as a product's code: the batch page puts checking the pack first (buyer.js).
                files.append(self.redirect((entry.model.code, batch.code), f"{folder}/", title, marker="?qr"))
        return files

    def producer_files(self, producer: ProducerEntry, language: Language) -> list[OutputFile]:
        model = producer.model
        official = not language.translated
        folder = producers_root(language.code)
        name = language.proper_name(model)
        about = language.text(model, "description")
        photos = self.published_photos(PRODUCERS, producer.slug, producer.photos)
        images = [self.settings.site_url + photo.share_uri for photo in photos]
        description = language.gettext(
            "%(name)s: a producer of OCOP products in %(commune)s commune, %(province)s province, Vietnam."
        ) % {"name": name, "commune": self.settings.commune.name, "province": self.settings.commune.province}
        products = [
            {
                "entry": entry,
                "name": language.text(entry.model, "name"),
                "status": self.settings.certificate(entry),
                "href": posixpath.relpath(language_product_page_uri(entry.slug, language.code), folder),
            }
            for entry in producer.products
        ]
        page = self.renderer.render(
            "producer.md.j2",
            language,
            m=model,
            name=name,
            kind=producer_kind(model.kind, language),
            about=about,
            products=products,
            photos=[photo.link(f"{folder}/{producer.slug}/", name, language.code) for photo in photos],
            description=description,
            untranslated=untranslated(about, *[product["name"] for product in products]),
            confirmed=self.settings.as_of(producer, *producer.products),
            image=images[0] if official and images else None,
            jsonld=producer_data(producer, self.settings.producer_url(producer.slug), images, description) if official else None,
            translation=self.twin_path(language, f"{folder}/{producer.slug}/"),
        )
        return [OutputFile(language_producer_page_uri(producer.slug, language.code), page)]

    def catalogue_pages(self, language: Language) -> list[OutputFile]:
        """The catalogue: every product, by group and by rating, in pages of CATALOGUE_PAGE_SIZE cards."""
        root = catalogue_root(language.code)
        cards = []
        for entry in self.catalogue.products.values():
            if entry.model.retired:
                continue  # its page stays for the codes already printed, but it is no longer on offer
            status = self.settings.certificate(entry)
            photos = self.published_photos(CATALOGUE, entry.slug, entry.photos[:1])
            cards.append(
                {
                    "entry": entry,
                    "name": language.text(entry.model, "name"),
                    "group": language.group_name(entry.group.name),
                    "producer": language.proper_name(entry.producer.model),
                    "status": status,
                    "stars_key": status.filter_key,
                    "published_photo": photos[0] if photos else None,
                }
            )
        ratings = {key: Option(option.key, language.gettext(option.label)) for key, option in RATINGS.items()}
        return self.listing_files(
            root,
            self.twin_path(language, root + "/")[:-1],
            cards,
            language,
            group_of=lambda group: Option(group.code, language.group_name(group.name).value),
            ratings=ratings,
            photo_link=lambda card, page_url: card["published_photo"].link(page_url, card["name"].value, language.code),
            untranslated=untranslated(*[card["name"] for card in cards], *[card["group"] for card in cards]),
            confirmed=self.settings.as_of(*[card["entry"] for card in cards]),
            description=language.gettext("OCOP products of %(commune)s commune, %(province)s province, Vietnam.")
            % {"commune": self.settings.commune.name, "province": self.settings.commune.province},
            commune=self.settings.commune,
        )

    def listing_files(self, root, twin_root, cards, language, group_of, ratings, photo_link, **context) -> list[OutputFile]:
        """The catalogue under `root`, in pages of CATALOGUE_PAGE_SIZE, one list for each group, rating and
        both (listing.py); each page names its twin under `twin_root`, the catalogue in the other language."""
        used = {card["entry"].group.code for card in cards}
        listings = FacetedListings(
            root,
            cards,
            group_of=lambda card: group_of(card["entry"].group),
            rating_of=lambda card: ratings.get(card["stars_key"]),
            groups=[group_of(group) for group in self.catalogue.groups.values() if group.code in used],
            ratings=[rating for key, rating in ratings.items() if any(card["stars_key"] == key for card in cards)],
        )
        files = []
        for listing in listings.listings.values():
            group_links, rating_links = listings.group_links(listing), listings.rating_links(listing)
            for page in listing.pages(CATALOGUE_PAGE_SIZE):
                page_url = page_path(page.uri)
                cards_here = [
                    dict(card, photo=photo_link(card, page_url) if card["published_photo"] else None) for card in page.items
                ]
                content = self.renderer.render(
                    "catalogue.md.j2",
                    language,
                    cards=cards_here,
                    up=page.up,
                    page=page,
                    listing=listing,
                    group_links=group_links,
                    rating_links=rating_links,
                    translation=twin_root + page_url[len(root):],
                    **context,
                )
                files.append(OutputFile(page.uri, content))
        return files

    def producer_directory(self, language: Language) -> list[OutputFile]:
        """The producers, in pages of DIRECTORY_PAGE_SIZE."""
        root = producers_root(language.code)
        description = language.gettext("Producers of OCOP products in %(commune)s commune, %(province)s province, Vietnam.") % {
            "commune": self.settings.commune.name,
            "province": self.settings.commune.province,
        }
        producers = [
            {
                "entry": producer,
                "name": language.proper_name(producer.model),
                "kind": producer_kind(producer.model.kind, language),
                "products": [
                    {
                        "entry": entry,
                        "name": language.text(entry.model, "name"),
                        "href": posixpath.relpath(language_product_page_uri(entry.slug, language.code), root),
                    }
                    for entry in producer.products
                ],
            }
            for producer in self.catalogue.producers.values()
        ]
        untranslated_names = untranslated(*[product["name"] for producer in producers for product in producer["products"]])
        files = []
        for page in paginate(producers, root, DIRECTORY_PAGE_SIZE):
            content = self.renderer.render(
                "producers.md.j2",
                language,
                producers=page.items,
                up=page.up,
                page=page,
                untranslated=untranslated_names,
                description=description,
                commune=self.settings.commune,
                translation=self.twin_path(language, page_path(page.uri)),
            )
            files.append(OutputFile(page.uri, content))
        return files

    def outlet_view(self, outlet: OutletEntry, language: Language, folder: str) -> dict:
        """A point of sale as a page in `language` shows it, its products linked from the page in `folder`.

        Names and addresses are proper names (kept, said to be Vietnamese on a translated page); the
        other texts are shown in Vietnamese, marked, until the data has translations of them."""
        model = outlet.model
        texts = {name: language.text(model, name) for name in ("hours", "note")}
        return {
            "slug": outlet.slug,
            "model": model,
            "name": language.text(model, "name"),
            "kind": language.gettext(OUTLET_KINDS[model.kind]),
            "address": language.text(model, "address"),
            **texts,
            "texts": [text for text in texts.values() if text],
            "products": self.product_links(outlet.products, language, folder),
        }

    def fair_view(self, fair: FairEntry, language: Language, folder: str) -> dict:
        model = fair.model
        texts = {name: language.text(model, name) for name in ("booth", "description")}
        return {
            "slug": fair.slug,
            "model": model,
            "entry": fair,
            "name": language.text(model, "name"),
            "place": language.text(model, "place"),
            "organizer": language.text(model, "organizer"),
            **texts,
            "texts": [text for text in texts.values() if text],
            "products": self.product_links(fair.products, language, folder),
        }

    def product_links(self, products: list[ProductEntry], language: Language, folder: str) -> list[dict]:
        return [
            {"name": language.text(entry.model, "name"),
             "href": posixpath.relpath(language_product_page_uri(entry.slug, language.code), folder)}
            for entry in products
        ]

    def outlet_directory(self, language: Language) -> OutputFile:
        """Where to buy: shops, then online shops, in the order of the kinds, then by name."""
        folder = outlets_root(language.code)
        outlets = sorted(
            self.catalogue.outlets.values(), key=lambda o: (list(OutletKind).index(o.model.kind), o.model.name)
        )
        views = [self.outlet_view(outlet, language, folder) for outlet in outlets]
        commune = self.settings.commune
        # Without a point of sale, the producers to contact: only those whose page gives a contact.
        producers = [
            {
                "name": language.text(producer.model, "name"),
                "href": posixpath.relpath(language_producer_page_uri(producer.slug, language.code), folder),
            }
            for producer in sorted(self.catalogue.producers.values(), key=lambda producer: producer.model.name)
            if reachable(producer.model)
        ]
        page = self.renderer.render(
            "outlets.md.j2",
            language,
            shops=[view for view in views if not view["model"].kind.online],
            online=[view for view in views if view["model"].kind.online],
            producers=producers,
            fairs_href=posixpath.relpath(fairs_page_uri(language.code), folder),
            description=language.gettext(
                "Where to buy the OCOP products of %(commune)s commune, %(province)s province: "
                "shops, points of sale and online shops."
            ) % {"commune": commune.name, "province": commune.province},
            commune=commune,
            untranslated=untranslated(*[text for view in views for text in view["texts"]]),
            translation=self.twin_path(language, folder + "/"),
        )
        return OutputFile(outlets_page_uri(language.code), page)

    def fair_list(self, language: Language) -> OutputFile:
        """Upcoming first (soonest on top), then past (latest on top), as of the build's date."""
        today = self.settings.today
        folder = fairs_root(language.code)
        fairs = self.catalogue.fairs
        upcoming = [self.fair_view(fair, language, folder) for fair in fairs if not fair.is_past(today)]
        past = [self.fair_view(fair, language, folder) for fair in reversed(fairs) if fair.is_past(today)]
        commune = self.settings.commune
        page = self.renderer.render(
            "fairs.md.j2",
            language,
            upcoming=upcoming,
            past=past,
            today=today,
            outlets_href=posixpath.relpath(outlets_page_uri(language.code), folder),
            description=language.gettext(
                "Fairs and exhibitions showing the OCOP products of %(commune)s commune, %(province)s province."
            ) % {"commune": commune.name, "province": commune.province},
            commune=commune,
            untranslated=untranslated(*[text for view in upcoming + past for text in view["texts"]]),
            translation=self.twin_path(language, folder + "/"),
        )
        return OutputFile(fairs_page_uri(language.code), page)
