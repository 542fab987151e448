"""A data file's photos, checked before anything is built: files inside products/ (never an address on
another site), JPG, PNG or WebP, at most 20 MB and 50 megapixels, not too long and thin for any width
to fit, named with the exact letter case of the file, and whole (a copy cut short is refused)."""
from __future__ import annotations

import os
import re
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from .entries import PhotoFile
from .errors import Problem, thousands
from .fields import Photo
from .reader import Document

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


def names_in(folder: Path) -> frozenset[str]:
    try:
        return frozenset(os.listdir(folder))
    except OSError:
        return frozenset()


def name_as_listed(folder: Path, written: str, listing) -> str | None:
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


def photo_files(photos: list[Photo], document: Document, products_dir: Path, shown, listing, resized=None) -> tuple[list[PhotoFile], list[Problem]]:
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
        listed = name_as_listed(folder, photo.file, listing)
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

