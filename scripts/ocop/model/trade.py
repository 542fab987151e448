"""Points of sale and fairs: products/_diem-ban/*.yml and products/_hoi-cho/*.yml, checked against the products.

    products/_diem-ban/trung-tam-ocop-tinh.yml     one point of sale; the file name is its anchor on /diem-ban/
    products/_hoi-cho/hoi-cho-ocop-2025.yml        one fair or exhibition, with its dates

They live beside the producers' folders (the `_` keeps them from being read as a producer) so that
one `products/` folder holds all the data the officer edits. A product named here must exist.
"""
from __future__ import annotations

import re
from pathlib import Path

from .entries import FairEntry, OutletEntry, ProductEntry
from .errors import Problem, did_you_mean
from .fair import Fair
from .fields import SLUG_PATTERN
from .outlet import Outlet
from .reader import Document, read_yaml
from .validate import validate

OUTLETS_DIR = "_diem-ban"
FAIRS_DIR = "_hoi-cho"


def load_trade(products_dir: Path, products: dict[str, ProductEntry], shown) -> tuple[dict, list, list[Problem]]:
    """Read both folders (either may be missing: the site then says there is nothing yet)."""
    problems: list[Problem] = []
    outlets = {
        entry.slug: entry
        for entry in _entries(products_dir / OUTLETS_DIR, Outlet, OutletEntry, products, shown, problems)
    }
    fairs = sorted(
        _entries(products_dir / FAIRS_DIR, Fair, FairEntry, products, shown, problems),
        key=lambda entry: (entry.model.start, entry.slug),
    )
    return outlets, fairs, problems


def _entries(folder: Path, model, entry_class, products: dict[str, ProductEntry], shown, problems: list[Problem]):
    """Each valid file of `folder` as an entry naming the products it links (outlets and fairs alike)."""
    for document, slug in _documents(folder, shown, problems):
        item, found = validate(model, document)
        problems += found
        if item is not None:
            linked, found = _products(item.products, document, products)
            problems += found
            yield entry_class(slug, item, document.file, linked)


def _documents(folder: Path, shown, problems: list[Problem]):
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.name.startswith(".") or path.suffix not in (".yml", ".yaml"):
            continue
        if not re.fullmatch(SLUG_PATTERN, path.stem):
            problems.append(
                Problem(shown(path), None, None, "tên tệp chỉ dùng chữ thường không dấu, số và '-' (tên tệp là địa chỉ trên trang)")
            )
            continue
        document, found = read_yaml(path, shown(path))
        problems += found
        if document is not None:
            yield document, path.stem


def _products(slugs: list[str], document: Document, products: dict[str, ProductEntry]):
    linked, problems = [], []
    for index, slug in enumerate(slugs):
        entry = products.get(slug)
        if entry is None:
            problems.append(
                Problem(document.file, document.line_of(("products", index)), f"products[{index}]", unknown_product(slug, products))
            )
        elif entry not in linked:
            linked.append(entry)
    return linked, problems


def unknown_product(slug: str, products) -> str:
    """`không có sản phẩm 'nuoc-mam'; có phải ý bạn là 'nuoc-mam-vi-du'?`, shared by every reference."""
    return f"không có sản phẩm '{slug}'" + did_you_mean(slug, sorted(products), "các sản phẩm hiện có")
