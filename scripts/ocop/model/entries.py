"""The entries of the catalogue: each file of products/ once read and checked, with what it links to.

Shared by the readers (catalogue.py for producers and products, trade.py for outlets and fairs) and by
every layer above, so that neither reader needs the other's types.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem
from .fair import Fair
from .fields import Photo
from .outlet import Outlet
from .producer import Producer
from .product import Product
from .reader import Document


@dataclass(frozen=True)
class Subgroup:
    code: str
    path: tuple[str, ...]


@dataclass(frozen=True)
class ProductGroup:
    """Ngành hàng OCOP, with its sub-groups, as listed in data/nhom-san-pham.yml (the names in other
    languages are in the pages' message catalogues: web/i18n.py)."""

    code: str
    name: str
    subgroups: dict[str, Subgroup]


@dataclass(frozen=True)
class PhotoFile:
    photo: Photo
    path: Path
    width: int
    height: int


@dataclass
class ProducerEntry:
    slug: str
    model: Producer
    source: str
    photos: list[PhotoFile]
    products: list[ProductEntry] = field(default_factory=list)
    document: Document | None = None  # the file as read, for the line of a field in later checks


@dataclass
class ProductEntry:
    slug: str
    model: Product
    source: str
    producer: ProducerEntry
    group: ProductGroup
    subgroup: Subgroup | None
    photos: list[PhotoFile]
    document: Document | None = None  # the file as read, for the line of a field in later checks

    @property
    def group_path(self) -> tuple[str, ...]:
        return (self.group.name,) + (self.subgroup.path if self.subgroup else ())


@dataclass
class OutletEntry:
    slug: str
    model: Outlet
    source: str
    products: list[ProductEntry]


@dataclass
class FairEntry:
    slug: str
    model: Fair
    source: str
    products: list[ProductEntry]

    def is_past(self, today: dt.date) -> bool:
        return self.model.last_day < today

    def is_on(self, today: dt.date) -> bool:
        return self.model.start <= today <= self.model.last_day



@dataclass
class Catalogue:
    producers: dict[str, ProducerEntry]
    products: dict[str, ProductEntry]
    groups: dict[str, ProductGroup]
    outlets: dict[str, OutletEntry] = field(default_factory=dict)  # by file name, from products/_diem-ban/
    fairs: list[FairEntry] = field(default_factory=list)  # by start date, from products/_hoi-cho/
    # What may be a mistake but does not stop the build (an issuer that does not fit the decision):
    # `ocop check` prints them.
    warnings: list[Problem] = field(default_factory=list)

    def outlets_selling(self, slug: str) -> list[OutletEntry]:
        return [outlet for outlet in self.outlets.values() if any(p.slug == slug for p in outlet.products)]

    def fairs_showing(self, slug: str, today: dt.date) -> list[FairEntry]:
        """The fairs still to come (or on today) where the product will be shown."""
        return [fair for fair in self.fairs if not fair.is_past(today) and any(p.slug == slug for p in fair.products)]
