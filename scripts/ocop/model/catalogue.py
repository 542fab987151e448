"""The whole data set of products/, read, validated and cross-checked into one Catalogue.

Layout: one folder per producer, holding `producer.yml`, one YAML file per product and their photos:

    products/co-so-vi-du/producer.yml
    products/co-so-vi-du/nuoc-mam-vi-du.yml
    products/co-so-vi-du/chai-500ml.jpg

Folders whose name starts with `_` or `.` (the JSON Schemas live in `_schema/`) are not data.
Every problem in every file is collected before anything is raised.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml
from slugify import slugify

from .certificate import issuer_warning
from .dates import build_date
from .entries import (
    Catalogue,
    PhotoFile,
    ProducerEntry,
    ProductEntry,
    ProductGroup,
    Subgroup,
)
from .errors import DataError, Problem, did_you_mean, path_shower
from .fields import SLUG_PATTERN, Photo
from .photo_files import names_in, photo_files
from .producer import Producer
from .product import Product
from .reader import Document, read_yaml
from .trade import load_trade
from .validate import validate

PRODUCER_FILE = "producer.yml"
DATA_SUFFIXES = (".yml", ".yaml")


def load_groups() -> dict[str, ProductGroup]:
    """The OCOP product groups, kept as data so a new criteria decision needs no code change."""
    text = resources.files("ocop.model").joinpath("data/nhom-san-pham.yml").read_text(encoding="utf-8")
    groups = {}
    for code, entry in yaml.safe_load(text).items():
        subgroups = {
            sub_code: Subgroup(sub_code, tuple(sub["path"]))
            for sub_code, sub in (entry.get("subgroups") or {}).items()
        }
        groups[code] = ProductGroup(code, entry["name"], subgroups)
    return groups


def find_subgroup(group: ProductGroup, written: str) -> tuple[Subgroup, str | None]:
    """The sub-group a product names, by its code or its name; one the list does not have is kept as the
    officer wrote it (the list holds only what was checked against the criteria decision), with a doubt."""
    found = group.subgroups.get(written) or next(
        (sub for sub in group.subgroups.values() if sub.path[-1].casefold() == written.casefold()), None
    )
    if found is not None:
        return found, None
    doubt = (
        f"phân nhóm '{written}' không có trong danh mục phân nhóm của ngành '{group.name}' mà trang đã đối chiếu "
        f"với Quyết định 148/QĐ-TTg: trang ghi phân nhóm đúng như đã viết; hãy kiểm tra lại tên phân nhóm"
    )
    if group.subgroups:
        doubt += did_you_mean(written, group.subgroups, None)
    return Subgroup(written, (written,)), doubt


def load_catalogue(
    products_dir: Path, display_root: Path | None = None, resized: Callable[[Path], bool] | None = None, today: dt.date | None = None,
    printed: Collection[str] = (),
) -> Catalogue:
    """Read every file under `products_dir`; raise DataError listing every problem found.

    `resized(path)` tells whether a photo was already resized whole by an earlier build (its content
    unchanged since): such a photo is not decoded again to be checked. `today` (the build day when not
    given) is the day no decision or production may come after. `printed` are the codes already issued
    (the register): a product carrying one claims its address first, so that a clash is blamed on the
    new file, never on the product whose code is already printed."""
    today = today or build_date()
    products_dir = Path(products_dir).resolve()
    root = (display_root or products_dir.parent).resolve()
    groups = load_groups()
    shown = path_shower(root)
    if not products_dir.is_dir():
        raise DataError([Problem(shown(products_dir), None, None, "không thấy thư mục dữ liệu sản phẩm")])
    # Each folder listed once, however many photos it holds.
    reading = _Reading(products_dir, shown, functools.cache(names_in), resized)
    producers, unloaded, product_docs = _read_folders(reading)
    product_docs.sort(key=lambda item: _code_of(item[0]) not in printed)  # stable: file order otherwise
    products = _check_products(reading, product_docs, producers, unloaded, groups, today)
    outlets, fairs, found = load_trade(products_dir, products, shown)
    problems = reading.problems + found
    if problems:
        raise DataError(problems)
    return Catalogue(producers, products, groups, outlets, fairs, sorted(reading.warnings))


@dataclass
class _Reading:
    """What every step of load_catalogue shares: the folder, how a path is shown, the folders' listings
    and which photos are already resized; the problems and warnings found so far, in order."""

    products_dir: Path
    shown: Callable[[Path], str]
    listing: Callable[[Path], frozenset[str]]
    resized: Callable[[Path], bool] | None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def photos(self, photos: list[Photo], document: Document) -> tuple[list[PhotoFile], list[Problem]]:
        found_photos, found = photo_files(photos, document, self.products_dir, self.shown, self.listing, self.resized)
        self.problems += found
        return found_photos, found

    def problem(self, document: Document, name: str, message: str) -> None:
        self.problems.append(Problem(document.file, document.line_of((name,)), name, message))


def _read_folders(reading: _Reading) -> tuple[dict[str, ProducerEntry], set[str], list[tuple[Document, Path]]]:
    """Every producer folder: its producer read and checked, its products' files read (checked later).
    Also the folders left out for a problem already reported on them (a mistake in producer.yml, a
    missing producer.yml): their products name a producer that exists, so they get no second, false
    "không có cơ sở" pointing at the product's file."""
    producers: dict[str, ProducerEntry] = {}
    unloaded: set[str] = set()
    product_docs: list[tuple[Document, Path]] = []
    for entry in sorted(reading.products_dir.iterdir()):
        if entry.name.startswith((".", "_")):
            continue
        if entry.is_file():
            if _is_data_file(entry):
                reading.problems.append(
                    Problem(reading.shown(entry), None, None, "tệp phải nằm trong thư mục của một cơ sở, ví dụ products/ten-co-so/")
                )
            continue
        unloaded.add(entry.name)
        producer = _read_producer(reading, entry)
        if producer is not None:
            producers[entry.name] = producer
            unloaded.discard(entry.name)
        product_docs += _read_product_files(reading, entry)
    return producers, unloaded, product_docs


def _read_producer(reading: _Reading, folder: Path) -> ProducerEntry | None:
    shown = reading.shown
    producer_file = folder / PRODUCER_FILE
    if not producer_file.is_file():
        reading.problems.append(Problem(shown(folder), None, None, f"thư mục cơ sở thiếu tệp {PRODUCER_FILE}"))
        return None
    if not _is_slug(folder.name):
        reading.problems.append(
            Problem(shown(folder), None, None, "tên thư mục cơ sở chỉ dùng chữ thường không dấu, số và '-'")
        )
        return None
    document, found = read_yaml(producer_file, shown(producer_file))
    reading.problems += found
    if document is None:
        return None
    producer, found = validate(Producer, document)
    reading.problems += found
    if producer is None:
        return None
    photos, _ = reading.photos(producer.photos, document)
    return ProducerEntry(folder.name, producer, document.file, photos, document=document)


def _read_product_files(reading: _Reading, folder: Path) -> list[tuple[Document, Path]]:
    documents = []
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.name.lower().endswith(tuple(suffix + ".txt" for suffix in DATA_SUFFIXES)):
            # Windows hides known extensions, and Notepad adds .txt to "x.yml": the file would be ignored.
            reading.problems.append(
                Problem(reading.shown(path), None, None, f"tệp có đuôi .txt nên không được đọc: hãy đổi tên thành {path.stem}")
            )
        if path.is_file() and _is_data_file(path) and path.name.lower() != PRODUCER_FILE:
            document, found = read_yaml(path, reading.shown(path))
            reading.problems += found
            if document is not None:
                documents.append((document, path))
    return documents


def _check_products(
    reading: _Reading, product_docs: list[tuple[Document, Path]], producers: dict[str, ProducerEntry],
    unloaded: set[str], groups: dict[str, ProductGroup], today: dt.date,
) -> dict[str, ProductEntry]:
    """Each product validated and cross-checked: its address and code unique, its producer and group
    existing; those without a problem become the catalogue's entries, in the order given."""
    products: dict[str, ProductEntry] = {}
    lowered: dict[str, str] = {}
    codes: dict[str, tuple[str, int | None]] = {}
    for document, _ in product_docs:
        product, found = validate(Product, document, today)
        reading.problems += found
        if product is None:
            continue
        doubt = issuer_warning(product.certification) if product.certification else None
        if doubt:
            reading.warnings.append(
                Problem(document.file, document.line_of(("certification", "issuer")), "certification.issuer", doubt)
            )
        slug = _claim_slug(reading, product, document, lowered)
        _claim_code(reading, product, document, codes)
        producer = _producer_of(reading, product, document, producers, unloaded)
        group, subgroup = _group_of(reading, product, document, groups)
        photos, found = reading.photos(product.photos, document)
        if slug is None or producer is None or group is None or found:
            continue
        entry = ProductEntry(slug, product, document.file, producer, group, subgroup, photos, document)
        products[slug] = entry
        producer.products.append(entry)
    return products


def _claim_slug(reading: _Reading, product: Product, document: Document, lowered: dict[str, str]) -> str | None:
    """The product's address, or None when it has none or another product has it already."""
    # The backend is named: "auto" tries to import another package first, failing at every call (most
    # of slugify's time), and a product's address must not depend on which packages are installed.
    slug = product.slug or slugify(product.name, max_length=80, word_boundary=True, backend="text-unidecode")
    if not slug:
        reading.problem(
            document, "name",
            "tên không có chữ cái hay chữ số nào để tạo địa chỉ trang: hãy ghi trường slug, ví dụ slug: nuoc-mam",
        )
        return None
    if slug in lowered:
        reading.problem(
            document, "slug" if product.slug else "name",
            f"địa chỉ trang '{slug}' trùng với sản phẩm trong {lowered[slug]}; hãy ghi trường slug khác",
        )
        return None
    lowered[slug] = document.file
    return slug


def _claim_code(reading: _Reading, product: Product, document: Document, codes: dict[str, tuple[str, int | None]]) -> None:
    if product.code is None:
        return
    if product.code not in codes:
        codes[product.code] = (document.file, document.line_of(("code",)))
        return
    # One code, one product: say it in both files, so whichever the officer opens shows it.
    first_file, first_line = codes[product.code]
    here = (document.file, document.line_of(("code",)))
    for (file, line), other in ((here, first_file), ((first_file, first_line), here[0])):
        reading.problems.append(
            Problem(
                file, line, "code",
                f"mã ngắn '{product.code}' trùng với sản phẩm trong {other}: mỗi mã QR chỉ dẫn tới một sản phẩm",
            )
        )


def _producer_of(
    reading: _Reading, product: Product, document: Document, producers: dict[str, ProducerEntry], unloaded: set[str]
) -> ProducerEntry | None:
    producer = producers.get(product.producer)
    if producer is None and product.producer not in unloaded:
        reading.problem(
            document, "producer",
            f"không có cơ sở '{product.producer}' (cần thư mục products/{product.producer}/ có {PRODUCER_FILE})"
            + did_you_mean(product.producer, sorted(producers.keys() | unloaded), "các cơ sở hiện có"),
        )
    return producer


def _group_of(
    reading: _Reading, product: Product, document: Document, groups: dict[str, ProductGroup]
) -> tuple[ProductGroup | None, Subgroup | None]:
    group = groups.get(product.group) or next((g for g in groups.values() if g.name == product.group), None)
    if group is None:
        reading.problem(document, "group", f"không có ngành '{product.group}'" + did_you_mean(product.group, groups))
        return None, None
    if product.subgroup is None:
        return group, None
    subgroup, doubt = find_subgroup(group, product.subgroup)
    if doubt:
        reading.warnings.append(Problem(document.file, document.line_of(("subgroup",)), "subgroup", doubt))
    return group, subgroup


def _is_data_file(path: Path) -> bool:
    return path.suffix.lower() in DATA_SUFFIXES


def _code_of(document: Document) -> str | None:
    data = document.data
    return str(data.get("code")) if isinstance(data, dict) and data.get("code") is not None else None


def _is_slug(name: str) -> bool:
    return re.fullmatch(SLUG_PATTERN, name) is not None
