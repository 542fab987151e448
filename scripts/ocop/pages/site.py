"""The Catalogue → every page the site generates (Markdown, and the short addresses' forwarding pages).

Where each page lives is declared in addresses.py; the files a page shows (photos, QR codes, label
sheets) are made by media/ and named from the same addresses. Each page names its twin in the other
language in its front matter (`translation:`, a site path), for the language switch.
"""
from __future__ import annotations

from typing import Protocol

from ..model.entries import Catalogue, PhotoFile, ProducerEntry, ProductEntry
from ..model.models import OutletKind
from .addresses import (
    BATCHES,
    CATALOGUE,
    EN_CATALOGUE,
    EN_PRODUCERS,
    FAIRS,
    OUTLETS,
    PRODUCERS,
    OutputFile,
    SiteSettings,
    batch_folder,
    batch_page_uri,
    batch_qr_stem,
    page_path,
    producer_page_uri,
    product_page_uri,
    qr_names,
    short_page_uri,
)
from .english import EnglishPages
from .linked_data import producer_data, product_data
from .listing import CATALOGUE_PAGE_SIZE, DIRECTORY_PAGE_SIZE, FacetedListings, Option, paginate
from .pictures import Photos, PublishedPhoto, published_photos
from .render import Renderer

RATINGS = {  # a card's stars_key → the rating filter it belongs to, in the order the filter shows them
    "5": Option("5-sao", "5 sao"),
    "4": Option("4-sao", "4 sao"),
    "3": Option("3-sao", "3 sao"),
    "candidate": Option("dang-chuan-bi", "Đang chuẩn bị đánh giá"),
    "expired": Option("het-hieu-luc", "Chứng nhận đã hết hiệu lực"),
}


def product_description(entry: ProductEntry, settings: SiteSettings) -> str:
    model = entry.model
    if model.summary:
        return model.summary
    stars = settings.certificate(entry).current_stars
    rating = f"sản phẩm OCOP {stars} sao" if stars else "sản phẩm"
    return f"{model.name}: {rating} của {entry.producer.model.name}, xã {settings.commune.name}, tỉnh {settings.commune.province}."


class PrintFacts(Protocol):
    """What a product page says about printing its code (version, printed size, labels a sheet), from
    media/, which lays the codes and labels out (the engine hands it over)."""

    def print_facts(self, entry: ProductEntry) -> dict: ...


class SiteBuilder:
    def __init__(self, catalogue: Catalogue, settings: SiteSettings, photos: Photos, printing: PrintFacts, renderer: Renderer):
        self.catalogue = catalogue
        self.settings = settings
        self.photos = photos
        self.printing = printing
        self.renderer = renderer

    def published_photos(self, folder: str, slug: str, photos: list[PhotoFile]) -> list[PublishedPhoto]:
        return published_photos(self.photos, folder, slug, photos)

    def files(self) -> list[OutputFile]:
        """Every generated page, in both languages."""
        files: list[OutputFile] = self.catalogue_pages() + self.producer_directory()
        for entry in self.catalogue.products.values():
            files += self.product_files(entry)
            files += self.batch_files(entry)
        for producer in self.catalogue.producers.values():
            files += self.producer_files(producer)
        files += [self.outlet_directory(), self.fair_list()]
        files += EnglishPages(self).files()
        return files

    def product_files(self, entry: ProductEntry) -> list[OutputFile]:
        slug = entry.slug
        url = self.settings.product_url(slug)
        qr_text = self.settings.qr_text(entry)
        names = qr_names(slug)
        photos = self.published_photos(CATALOGUE, slug, entry.photos)
        status = self.settings.certificate(entry)
        images = [self.settings.site_url + photo.share_uri for photo in photos]
        description = product_description(entry, self.settings)
        producer_url = self.settings.producer_url(entry.producer.slug)
        printing = self.printing.print_facts(entry) | {"pdf": f"{slug}/{names['pdf']}", "pdf_name": names["pdf"]}
        page = self.renderer.render(
            "product.md.j2",
            entry=entry,
            p=entry.model,
            cert=entry.model.certification,
            producer=entry.producer.model,
            producer_href=f"../{producer_page_uri(entry.producer.slug)}",
            photos=[photo.link(f"{CATALOGUE}/{slug}/", entry.model.name) for photo in photos],
            qr={"svg": f"{slug}/{names['svg']}", "png": f"{slug}/{names['png']}", "svg_name": names["svg"], "png_name": names["png"]},
            printing=printing,
            page_url=url,
            qr_text=qr_text,
            description=description,
            commune=self.settings.commune,
            status=status,
            today=self.settings.today,
            confirmed=self.settings.as_of(entry),
            site_url=self.settings.site_url,
            batches=[
                {"batch": batch, "href": f"{slug}/{BATCHES}/{batch.code}.md", "expired": batch.is_expired(self.settings.today)}
                for batch in entry.model.batches
            ],
            image=images[0] if images else None,
            jsonld=product_data(entry, status, url, producer_url, images, description),
            translation=f"{EN_CATALOGUE}/{slug}/",
            outlets=self.catalogue.outlets_selling(slug),
            fairs=self.catalogue.fairs_showing(slug, self.settings.today),
            outlets_href=f"../{OUTLETS}/index.md",
            fairs_href=f"../{FAIRS}/index.md",
        )
        files = [OutputFile(product_page_uri(slug), page)]
        if entry.model.code:
            files.append(self.redirect((entry.model.code,), f"{CATALOGUE}/{slug}/", entry.model.name))
        return files

    def redirect(self, short_parts: tuple[str, ...], target_path: str, title: str) -> OutputFile:
        """A tiny page at /Q/<parts>/ that forwards at once to `target_path` (a site path like san-pham/x/).

        Written as plain HTML (not a themed page) so that a phone on slow data loads a few hundred bytes."""
        depth = 1 + len(short_parts)
        favicon = self.settings.favicon
        page = self.renderer.render(
            "redirect.html.j2",
            href="../" * depth + target_path,
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
                files.append(self.redirect((entry.model.code, batch.code), f"{folder}/", title))
        return files

    def producer_files(self, producer: ProducerEntry) -> list[OutputFile]:
        photos = self.published_photos(PRODUCERS, producer.slug, producer.photos)
        images = [self.settings.site_url + photo.share_uri for photo in photos]
        description = (
            f"{producer.model.name}: cơ sở sản xuất sản phẩm OCOP ở xã {self.settings.commune.name}, "
            f"tỉnh {self.settings.commune.province}."
        )
        page = self.renderer.render(
            "producer.md.j2",
            m=producer.model,
            products=producer.products,
            photos=[photo.link(f"{PRODUCERS}/{producer.slug}/", producer.model.name) for photo in photos],
            description=description,
            commune=self.settings.commune,
            statuses={product.slug: self.settings.certificate(product) for product in producer.products},
            today=self.settings.today,
            confirmed=self.settings.as_of(producer, *producer.products),
            image=images[0] if images else None,
            jsonld=producer_data(producer, self.settings.producer_url(producer.slug), images, description),
            translation=f"{EN_PRODUCERS}/{producer.slug}/",
        )
        return [OutputFile(producer_page_uri(producer.slug), page)]

    def catalogue_pages(self) -> list[OutputFile]:
        """The catalogue: every product, by group and by rating, in pages of CATALOGUE_PAGE_SIZE cards."""
        cards = []
        for entry in self.catalogue.products.values():
            if entry.model.retired:
                continue  # its page stays for the codes already printed, but it is no longer on offer
            status = self.settings.certificate(entry)
            photos = self.published_photos(CATALOGUE, entry.slug, entry.photos[:1])
            cards.append(
                {
                    "entry": entry,
                    "status": status,
                    "stars_key": status.filter_key,
                    "published_photo": photos[0] if photos else None,
                }
            )
        return self.listing_files(
            CATALOGUE,
            EN_CATALOGUE,
            "catalogue.md.j2",
            cards,
            group_of=lambda group: Option(group.code, group.name),
            ratings=RATINGS,
            photo_link=lambda card, page_url: card["published_photo"].link(page_url, card["entry"].model.name),
            today=self.settings.today,
            confirmed=self.settings.as_of(*[card["entry"] for card in cards]),
            description=f"Sản phẩm OCOP của xã {self.settings.commune.name}, tỉnh {self.settings.commune.province}.",
            commune=self.settings.commune,
        )

    def listing_files(self, root, twin_root, template, cards, group_of, ratings, photo_link, **context) -> list[OutputFile]:
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
                    template,
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

    def producer_directory(self) -> list[OutputFile]:
        """The producers, in pages of DIRECTORY_PAGE_SIZE."""
        description = (
            f"Các cơ sở sản xuất sản phẩm OCOP ở xã {self.settings.commune.name}, tỉnh {self.settings.commune.province}."
        )
        files = []
        for page in paginate(list(self.catalogue.producers.values()), PRODUCERS, DIRECTORY_PAGE_SIZE):
            content = self.renderer.render(
                "producers.md.j2",
                producers=page.items,
                up=page.up,
                page=page,
                description=description,
                commune=self.settings.commune,
                translation=EN_PRODUCERS + page_path(page.uri)[len(PRODUCERS):],
            )
            files.append(OutputFile(page.uri, content))
        return files

    def outlet_directory(self) -> OutputFile:
        outlets = sorted(
            self.catalogue.outlets.values(), key=lambda o: (list(OutletKind).index(o.model.kind), o.model.name)
        )
        page = self.renderer.render(
            "outlets.md.j2",
            shops=[outlet for outlet in outlets if not outlet.model.kind.online],
            online=[outlet for outlet in outlets if outlet.model.kind.online],
            fairs_href=f"../{FAIRS}/index.md",
            description=f"Nơi mua sản phẩm OCOP của xã {self.settings.commune.name}, tỉnh {self.settings.commune.province}: "
            "cửa hàng, điểm bán và gian hàng trực tuyến.",
            commune=self.settings.commune,
        )
        return OutputFile(f"{OUTLETS}/index.md", page)

    def fair_list(self) -> OutputFile:
        """Upcoming first (soonest on top), then past (latest on top), as of the build's date."""
        today = self.settings.today
        fairs = self.catalogue.fairs
        page = self.renderer.render(
            "fairs.md.j2",
            upcoming=[fair for fair in fairs if not fair.is_past(today)],
            past=[fair for fair in reversed(fairs) if fair.is_past(today)],
            today=today,
            outlets_href=f"../{OUTLETS}/index.md",
            description=f"Hội chợ, triển lãm có sản phẩm OCOP của xã {self.settings.commune.name}, "
            f"tỉnh {self.settings.commune.province}.",
            commune=self.settings.commune,
        )
        return OutputFile(f"{FAIRS}/index.md", page)
