"""The whole data set of products/, read, validated and cross-checked into one Catalogue.

Layout: one folder per producer, holding `producer.yml`, one YAML file per product and their photos:

    products/nam-quyen/producer.yml
    products/nam-quyen/nuoc-mam-nam-quyen.yml
    products/nam-quyen/chai-500ml.jpg

Folders whose name starts with `_` or `.` (the JSON Schemas live in `_schema/`) are not data.
Every problem in every file is collected before anything is raised.
"""
from __future__ import annotations

import datetime as dt
import functools
import os
import re
import warnings
from collections.abc import Callable, Collection
from importlib import resources
from pathlib import Path

import yaml
from PIL import Image, UnidentifiedImageError
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
from .errors import DataError, Problem, did_you_mean, path_shower, thousands
from .models import SLUG_PATTERN, Photo, Producer, Product
from .reader import Document, read_yaml
from .trade import load_trade
from .validate import validate

PRODUCER_FILE = "producer.yml"
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp"}
MAX_PHOTO_BYTES = 20_000_000
PHOTO_ELSEWHERE = (
    "ảnh phải là tệp ảnh chụp đặt trong thư mục của cơ sở, không phải địa chỉ trên trang web khác ({file}): "
    "trang web của xã không tải gì từ nơi khác; hãy tải ảnh về máy rồi chọn ảnh bằng nút Duyệt tệp của trình soạn thảo"
)
MAX_PHOTO_PIXELS = 50_000_000  # a 50-megapixel phone photo; larger ones only slow every visitor down
# The longest side WebP can encode (JPEG's is 65,535). A longer photo (a stitched phone screenshot,
# 1080 × 17,000) is published narrower so that its height fits (media/images.py); one so long and thin
# that even a width of one point would not fit is refused.
MAX_PHOTO_SIDE = 16383


def too_long_and_thin(width: int, height: int) -> str | None:
    """Why a `width` × `height` photo cannot be published at any width, or None when it can."""
    if max(width, height) <= MAX_PHOTO_SIDE * min(width, height):
        return None
    return (
        f"ảnh quá dài và hẹp ({thousands(width)} × {thousands(height)} điểm ảnh): cạnh dài được gấp tối đa "
        f"{thousands(MAX_PHOTO_SIDE)} lần cạnh ngắn; hãy cắt ảnh thành nhiều ảnh"
    )
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
    problems: list[Problem] = []
    groups = load_groups()

    shown = path_shower(root)
    listing = functools.cache(_names_in)  # each folder listed once, however many photos it holds

    if not products_dir.is_dir():
        raise DataError([Problem(shown(products_dir), None, None, "không thấy thư mục dữ liệu sản phẩm")])

    producers: dict[str, ProducerEntry] = {}
    # Producer folders left out for a problem already reported on them (a mistake in producer.yml, a
    # missing producer.yml): their products name a producer that exists, so they get no second,
    # false "không có cơ sở" pointing at the product's file.
    unloaded: set[str] = set()
    product_docs: list[tuple[Document, Path]] = []
    for entry in sorted(products_dir.iterdir()):
        if entry.name.startswith((".", "_")):
            continue
        if entry.is_file():
            if _is_data_file(entry):
                problems.append(
                    Problem(shown(entry), None, None, "tệp phải nằm trong thư mục của một cơ sở, ví dụ products/ten-co-so/")
                )
            continue
        unloaded.add(entry.name)
        producer_file = entry / PRODUCER_FILE
        if not producer_file.is_file():
            problems.append(Problem(shown(entry), None, None, f"thư mục cơ sở thiếu tệp {PRODUCER_FILE}"))
        elif not _is_slug(entry.name):
            problems.append(
                Problem(shown(entry), None, None, "tên thư mục cơ sở chỉ dùng chữ thường không dấu, số và '-'")
            )
        else:
            document, found = read_yaml(producer_file, shown(producer_file))
            problems += found
            if document is not None:
                producer, found = validate(Producer, document)
                problems += found
                if producer is not None:
                    photos, found = _photos(producer.photos, document, products_dir, shown, listing, resized)
                    problems += found
                    producers[entry.name] = ProducerEntry(entry.name, producer, document.file, photos)
                    unloaded.discard(entry.name)
        for path in sorted(entry.iterdir()):
            if path.is_file() and path.name.lower().endswith(tuple(suffix + ".txt" for suffix in DATA_SUFFIXES)):
                # Windows hides known extensions, and Notepad adds .txt to "x.yml": the file would be ignored.
                problems.append(
                    Problem(shown(path), None, None, f"tệp có đuôi .txt nên không được đọc: hãy đổi tên thành {path.stem}")
                )
            if path.is_file() and _is_data_file(path) and path.name.lower() != PRODUCER_FILE:
                document, found = read_yaml(path, shown(path))
                problems += found
                if document is not None:
                    product_docs.append((document, path))

    product_docs.sort(key=lambda item: _code_of(item[0]) not in printed)  # stable: file order otherwise
    products: dict[str, ProductEntry] = {}
    warnings: list[Problem] = []
    lowered: dict[str, str] = {}
    codes: dict[str, tuple[str, int | None]] = {}
    for document, path in product_docs:
        product, found = validate(Product, document, today)
        problems += found
        if product is None:
            continue
        doubt = issuer_warning(product.certification) if product.certification else None
        if doubt:
            warnings.append(
                Problem(document.file, document.line_of(("certification", "issuer")), "certification.issuer", doubt)
            )
        # The backend is named: "auto" tries to import another package first, failing at every call (most
        # of slugify's time), and a product's address must not depend on which packages are installed.
        slug = product.slug or slugify(product.name, max_length=80, word_boundary=True, backend="text-unidecode")
        clash = not slug or slug in lowered
        if not slug:
            problems.append(
                Problem(
                    document.file,
                    document.line_of(("name",)),
                    "name",
                    "tên không có chữ cái hay chữ số nào để tạo địa chỉ trang: hãy ghi trường slug, ví dụ slug: nuoc-mam",
                )
            )
        elif slug in lowered:
            line_field = ("slug",) if product.slug else ("name",)
            problems.append(
                Problem(
                    document.file,
                    document.line_of(line_field),
                    line_field[0],
                    f"địa chỉ trang '{slug}' trùng với sản phẩm trong {lowered[slug]}; hãy ghi trường slug khác",
                )
            )
        else:
            lowered[slug] = document.file
        if product.code is not None:
            # One code, one product: say it in both files, so whichever the officer opens shows it.
            if product.code in codes:
                first_file, first_line = codes[product.code]
                here = (document.file, document.line_of(("code",)))
                for (file, line), other in ((here, first_file), ((first_file, first_line), here[0])):
                    problems.append(
                        Problem(
                            file,
                            line,
                            "code",
                            f"mã ngắn '{product.code}' trùng với sản phẩm trong {other}: mỗi mã QR chỉ dẫn tới một sản phẩm",
                        )
                    )
            else:
                codes[product.code] = (document.file, document.line_of(("code",)))
        producer = producers.get(product.producer)
        if producer is None and product.producer not in unloaded:
            problems.append(
                Problem(
                    document.file,
                    document.line_of(("producer",)),
                    "producer",
                    f"không có cơ sở '{product.producer}' (cần thư mục products/{product.producer}/ có {PRODUCER_FILE})"
                    + did_you_mean(product.producer, sorted(producers.keys() | unloaded), "các cơ sở hiện có"),
                )
            )
        group = groups.get(product.group) or next((g for g in groups.values() if g.name == product.group), None)
        if group is None:
            problems.append(
                Problem(
                    document.file,
                    document.line_of(("group",)),
                    "group",
                    f"không có ngành '{product.group}'" + did_you_mean(product.group, groups),
                )
            )
        subgroup = None
        if group is not None and product.subgroup is not None:
            subgroup, doubt = find_subgroup(group, product.subgroup)
            if doubt:
                warnings.append(Problem(document.file, document.line_of(("subgroup",)), "subgroup", doubt))
        photos, found = _photos(product.photos, document, products_dir, shown, listing, resized)
        problems += found
        if clash or producer is None or group is None or found:
            continue
        entry = ProductEntry(slug, product, document.file, producer, group, subgroup, photos, document)
        products[slug] = entry
        producer.products.append(entry)

    outlets, fairs, found = load_trade(products_dir, products, shown)
    problems += found
    if problems:
        raise DataError(problems)
    return Catalogue(producers, products, groups, outlets, fairs, sorted(warnings))


def _is_data_file(path: Path) -> bool:
    return path.suffix.lower() in DATA_SUFFIXES


def _code_of(document: Document) -> str | None:
    data = document.data
    return str(data.get("code")) if isinstance(data, dict) and data.get("code") is not None else None


def _is_slug(name: str) -> bool:
    return re.fullmatch(SLUG_PATTERN, name) is not None


def _names_in(folder: Path) -> frozenset[str]:
    try:
        return frozenset(os.listdir(folder))
    except OSError:
        return frozenset()


def _name_as_listed(folder: Path, written: str, listing) -> str | None:
    """`written` (a photo's name, relative to `folder`) spelt as the folders list it, when it differs
    only in letter case; None when it is listed exactly, or not at all.

    Windows and macOS open `Chai-500ml.JPG` when the file is `chai-500ml.jpg`, so the file would be
    found on the officer's PC and the photo broken on a Linux server: only a folder listing tells
    the same on every system."""
    parts, differs = [], False
    for part in written.replace("\\", "/").split("/"):
        if part in ("", ".", ".."):
            folder = folder.parent if part == ".." else folder
            parts.append(part)
            continue
        names = listing(folder)
        if part not in names:
            same = sorted(name for name in names if name.casefold() == part.casefold())
            if not same:
                return None
            part, differs = same[0], True
        parts.append(part)
        folder = folder / part
    return "/".join(parts) if differs else None


def _photos(photos: list[Photo], document: Document, products_dir: Path, shown, listing, resized=None) -> tuple[list[PhotoFile], list[Problem]]:
    """Each photo must be an image file inside products/, next to the YAML file or below it."""
    found: list[PhotoFile] = []
    problems: list[Problem] = []
    folder = (products_dir.parent / document.file).parent if not Path(document.file).is_absolute() else Path(document.file).parent
    for index, photo in enumerate(photos):
        where = ("photos", index, "file")
        line = document.line_of(where)
        name = f"photos[{index}].file"
        if re.match(r"(https?:)?//", photo.file, re.IGNORECASE):
            problems.append(Problem(document.file, line, name, PHOTO_ELSEWHERE.format(file=photo.file)))
            continue
        # A backslash is a folder separator on the officer's Windows PC: read it as one everywhere.
        path = (folder / photo.file.replace("\\", "/")).resolve()
        if not path.is_relative_to(products_dir):
            problems.append(Problem(document.file, line, name, f"ảnh phải nằm trong thư mục products/: {photo.file}"))
            continue
        if path.suffix.lower() not in PHOTO_SUFFIXES:
            problems.append(Problem(document.file, line, name, f"ảnh phải là tệp JPG, PNG hoặc WebP: {photo.file}"))
            continue
        listed = _name_as_listed(folder, photo.file, listing)
        if listed is not None:
            problems.append(
                Problem(
                    document.file,
                    line,
                    name,
                    f"tên tệp ảnh '{photo.file}' chỉ khác chữ hoa/chữ thường với tệp có thật '{listed}': hãy viết đúng "
                    f"'{listed}' (máy chủ web phân biệt chữ hoa, chữ thường nên ảnh sẽ không hiện)",
                )
            )
            continue
        if not path.is_file():
            problems.append(Problem(document.file, line, name, f"không thấy tệp ảnh {shown(path)}"))
            continue
        if path.stat().st_size > MAX_PHOTO_BYTES:
            problems.append(Problem(document.file, line, name, f"ảnh quá lớn (tối đa {MAX_PHOTO_BYTES // 1_000_000} MB)"))
            continue
        if resized is not None and resized(path):
            with Image.open(path) as image:  # the header only: the whole photo was read when it was resized
                found.append(PhotoFile(photo, path, *image.size))
            continue
        size, why = _photo_size(path)
        if why:
            problems.append(Problem(document.file, line, name, f"{why}: {photo.file}"))
            continue
        found.append(PhotoFile(photo, path, *size))
    return found, problems


def _photo_size(path: Path) -> tuple[tuple[int, int] | None, str | None]:
    """The photo's width and height, read whole so that the build never meets it broken; or why it
    cannot be published (without decoding a photo too large or too long to)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                decode = width * height <= MAX_PHOTO_PIXELS and not too_long_and_thin(width, height)
                if decode:
                    image.verify()
            if decode:
                # verify() does not notice a file cut short (an interrupted copy): decode it, at an
                # eighth of its size where the format allows (JPEG), so the build never meets it half-read.
                with Image.open(path) as image:
                    image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                    image.load()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        width = height = None
    except (UnidentifiedImageError, OSError):
        return None, "tệp không phải ảnh hợp lệ"
    except MemoryError:
        return None, "máy không đủ bộ nhớ để mở ảnh: hãy thu nhỏ ảnh"
    if width is None or width * height > MAX_PHOTO_PIXELS:
        size = f"{thousands(width)} × {thousands(height)} điểm ảnh, " if width else ""
        return None, f"ảnh quá lớn ({size}tối đa {MAX_PHOTO_PIXELS // 1_000_000} triệu điểm ảnh): hãy thu nhỏ ảnh"
    return (width, height), too_long_and_thin(width, height)

