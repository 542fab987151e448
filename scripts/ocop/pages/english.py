"""The English pages for tourists, under /en/: each product, each producer, the catalogue, the directory.

They are made from the `en:` translations in the YAML files. A text without a translation is shown in
Vietnamese, marked as such (and `lang="vi"`, so that a screen reader reads it as Vietnamese), and the
page says at the top that it is partly in Vietnamese: a tourist is never shown an invented text.

Our own generator rather than an i18n plugin (mkdocs-static-i18n does not work with Material's blog):
the pages are ordinary generated Markdown files, outside the navigation like their Vietnamese twins,
and each names its twin in its front matter (`translation:`) for the language switch.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model.entries import ProducerEntry, ProductEntry
from .listing import Option, paginate
from .addresses import (
    CATALOGUE,
    EN_CATALOGUE,
    EN_PRODUCERS,
    PRODUCERS,
    OutputFile,
    en_producer_page_uri,
    en_product_page_uri,
    page_path,
)
from .listing import DIRECTORY_PAGE_SIZE

# The same rating filters as the Vietnamese catalogue (site.RATINGS): the same keys, so the same addresses.
RATINGS_EN = {
    "5": Option("5-sao", "5 stars"),
    "4": Option("4-sao", "4 stars"),
    "3": Option("3-sao", "3 stars"),
    "candidate": Option("dang-chuan-bi", "Being prepared for assessment"),
    "expired": Option("het-hieu-luc", "Certification expired"),
}

PRODUCER_KINDS = {
    "doanh nghiệp": "Enterprise",
    "hợp tác xã": "Cooperative",
    "tổ hợp tác": "Cooperative group",
    "hộ sản xuất kinh doanh": "Household business",
}


@dataclass(frozen=True)
class Shown:
    """A text as the English page shows it: its translation, or the Vietnamese when there is none."""

    value: Any
    english: bool


def shown(english: Any, vietnamese: Any) -> Shown | None:
    if english:
        return Shown(english, True)
    return Shown(vietnamese, False) if vietnamese else None


def product_name(entry: ProductEntry) -> Shown:
    return shown(entry.model.en and entry.model.en.name, entry.model.name)


def producer_name(producer: ProducerEntry) -> str:
    """A producer's name is a proper name: shown as it is unless an English form is given."""
    return (producer.model.en and producer.model.en.name) or producer.model.name


def group_path(entry: ProductEntry) -> list[Shown]:
    path = [shown(entry.group.name_en, entry.group.name)]
    if entry.subgroup:
        path.append(shown(entry.subgroup.name_en, " › ".join(entry.subgroup.path)))
    return path


class EnglishPages:
    def __init__(self, builder):  # the SiteBuilder: its photos, its renderer and its listing pages
        self.builder = builder
        self.settings = builder.settings
        self.commune = builder.settings.commune

    def files(self) -> list[OutputFile]:
        catalogue = self.builder.catalogue
        files = self.catalogue_pages() + self.producer_directory()
        files += [self.product_page(entry) for entry in catalogue.products.values()]
        files += [self.producer_page(producer) for producer in catalogue.producers.values()]
        return files

    def _render(self, template: str, **context) -> str:
        return self.builder.renderer.render(template, commune=self.commune, **context)

    def product_page(self, entry: ProductEntry) -> OutputFile:
        model = entry.model
        english = model.en
        texts = {
            name: shown(getattr(english, name, None) if english else None, getattr(model, name))
            for name in ("summary", "story", "ingredients", "net_quantity", "package_sizes", "shelf_life", "storage",
                         "usage", "warnings")
        }
        name = product_name(entry)
        cert = model.certification
        status = self.settings.certificate(entry)
        photos = [
            photo.link(f"{EN_CATALOGUE}/{entry.slug}/", name.value, english=True)
            for photo in self.builder.published_photos(CATALOGUE, entry.slug, entry.photos)
        ]
        untranslated = not name.english or any(text and not text.english for text in texts.values())
        untranslated |= any(not part.english for part in group_path(entry))
        stars = f"a {status.current_stars}-star OCOP product" if status.current_stars else "a product"
        description = (texts["summary"].value if texts["summary"] and texts["summary"].english else
                       f"{name.value}: {stars} by {producer_name(entry.producer)}, {self.commune.name} commune, "
                       f"{self.commune.province} province, Vietnam.")
        page = self._render(
            "product.en.md.j2",
            entry=entry,
            p=model,
            cert=cert,
            status=status,
            name=name,
            texts=texts,
            group_path=group_path(entry),
            producer_name=producer_name(entry.producer),
            producer_href=f"../producers/{entry.producer.slug}.md",
            photos=photos,
            untranslated=untranslated,
            description=description,
            translation=f"{CATALOGUE}/{entry.slug}/",
        )
        return OutputFile(en_product_page_uri(entry.slug), page)

    def producer_page(self, producer: ProducerEntry) -> OutputFile:
        model = producer.model
        description = shown(model.en and model.en.description, model.description)
        photos = [
            photo.link(f"{EN_PRODUCERS}/{producer.slug}/", producer_name(producer), english=True)
            for photo in self.builder.published_photos(PRODUCERS, producer.slug, producer.photos)
        ]
        products = [
            {"entry": entry, "name": product_name(entry), "status": self.settings.certificate(entry)}
            for entry in producer.products
        ]
        page = self._render(
            "producer.en.md.j2",
            m=model,
            name=producer_name(producer),
            kind=PRODUCER_KINDS.get(model.kind.value),
            about=description,
            photos=photos,
            products=products,
            untranslated=(description is not None and not description.english)
            or any(not product["name"].english for product in products),
            description=f"{producer_name(producer)}: a producer of OCOP products in {self.commune.name} commune, "
            f"{self.commune.province} province, Vietnam.",
            translation=f"{PRODUCERS}/{producer.slug}/",
        )
        return OutputFile(en_producer_page_uri(producer.slug), page)

    def catalogue_pages(self) -> list[OutputFile]:
        """The same lists as the Vietnamese catalogue (site.SiteBuilder.listing_files), in English."""
        catalogue = self.builder.catalogue
        cards = []
        for entry in catalogue.products.values():
            if entry.model.retired:
                continue  # as in the Vietnamese catalogue: its page stays, it is no longer on offer
            status = self.settings.certificate(entry)
            photos = self.builder.published_photos(CATALOGUE, entry.slug, entry.photos[:1])
            cards.append({
                "entry": entry,
                "name": product_name(entry),
                "group": shown(entry.group.name_en, entry.group.name),
                "producer": producer_name(entry.producer),
                "status": status,
                "stars_key": status.filter_key,
                "published_photo": photos[0] if photos else None,
            })
        return self.builder.listing_files(
            EN_CATALOGUE,
            CATALOGUE,
            "catalogue.en.md.j2",
            cards,
            group_of=lambda group: Option(group.code, group.name_en or group.name),
            ratings=RATINGS_EN,
            photo_link=lambda card, page_url: card["published_photo"].link(page_url, card["name"].value, english=True),
            untranslated=any(not card["name"].english or not card["group"].english for card in cards),
            description=f"OCOP products of {self.commune.name} commune, {self.commune.province} province, Vietnam.",
            commune=self.commune,
        )

    def producer_directory(self) -> list[OutputFile]:
        """The producers, in pages of DIRECTORY_PAGE_SIZE, like the Vietnamese directory."""
        producers = [
            {
                "entry": producer,
                "name": producer_name(producer),
                "kind": PRODUCER_KINDS.get(producer.model.kind.value),
                "products": [{"entry": entry, "name": product_name(entry)} for entry in producer.products],
            }
            for producer in self.builder.catalogue.producers.values()
        ]
        untranslated = any(not product["name"].english for producer in producers for product in producer["products"])
        files = []
        for page in paginate(producers, EN_PRODUCERS, DIRECTORY_PAGE_SIZE):
            content = self._render(
                "producers.en.md.j2",
                producers=page.items,
                up=page.up,
                page=page,
                untranslated=untranslated,
                description=f"Producers of OCOP products in {self.commune.name} commune, {self.commune.province} province, Vietnam.",
                translation=PRODUCERS + page_path(page.uri)[len(EN_PRODUCERS):],
            )
            files.append(OutputFile(page.uri, content))
        return files
