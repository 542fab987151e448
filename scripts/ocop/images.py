"""Photos → the few widths and formats a phone chooses from (`<picture>` with `srcset`), cached on disk.

An officer drops the camera's original next to the YAML file, whatever its size. A visitor on mobile
data must not download it: each photo becomes a few widths in modern formats (AVIF, WebP) with a
JPEG (or PNG, for images with transparency) fallback for old browsers. The camera's rotation is
applied and its metadata (EXIF, with the GPS position of the producer's home) is not copied.

Resizing costs a tenth of a second or more a photo, so the results are kept on disk under a hash of
the original's content and of the settings: a rebuild with the same photos resizes nothing.
"""
from __future__ import annotations

import io
import json
import math
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, ImageOps, features

from .cache import DiskCache, cache_key, file_digest

# Modern formats first: a browser takes the first <source> whose type it knows.
MODERN = {"avif": "image/avif", "webp": "image/webp"}
FALLBACK = {"jpeg": "image/jpeg", "png": "image/png"}
EXTENSIONS = {"avif": "avif", "webp": "webp", "jpeg": "jpg", "png": "png"}
_ORIENTATION_SWAPS = {5, 6, 7, 8}  # EXIF orientations that turn the picture a quarter


@dataclass(frozen=True)
class PhotoStyle:
    # 400 fits a 360 px phone screen at 1×, 800 the same at 2× and the page column on a desktop,
    # 1200 a phone at 3×; larger would only cost transfer.
    widths: tuple[int, ...] = (400, 800, 1200)
    formats: tuple[str, ...] = ("avif", "webp")
    quality: tuple[tuple[str, int], ...] = (("avif", 60), ("webp", 75), ("jpeg", 80))

    def quality_of(self, fmt: str) -> int:
        return dict(self.quality).get(fmt, 80)


@dataclass(frozen=True)
class Rendition:
    """One file: a photo in one format at one width."""

    format: str
    width: int
    height: int
    path: Path

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.format]


@dataclass(frozen=True)
class Picture:
    """Every rendition of one photo; width and height are those of the largest (its aspect ratio)."""

    width: int
    height: int
    fallback: str
    renditions: tuple[Rendition, ...]

    def of_format(self, fmt: str) -> list[Rendition]:
        return [r for r in self.renditions if r.format == fmt]

    @property
    def formats(self) -> list[str]:
        """Modern formats first, the fallback last."""
        return list(dict.fromkeys(r.format for r in self.renditions))


def available_formats(wanted: tuple[str, ...]) -> tuple[str, ...]:
    """The modern formats this Pillow can write (AVIF needs a Pillow built with libavif)."""
    return tuple(fmt for fmt in wanted if fmt in MODERN and features.check(fmt))


class PhotoCache:
    """Resized photos on disk, keyed by the original's content and the style."""

    def __init__(self, folder: Path | None, style: PhotoStyle = PhotoStyle()):
        if folder is None:
            # Without a project cache (a one-off builder) the files still need a home for the build.
            self._temporary = tempfile.TemporaryDirectory(prefix="ocop-photos-")
            folder = Path(self._temporary.name)
        self.disk = DiskCache(folder)
        self.style = style
        self.formats = available_formats(style.formats)
        self.made = 0  # image files this cache had to write (the rest came from disk)
        self._known: dict[tuple, Picture] = {}

    def picture(self, source: Path) -> Picture:
        stat = source.stat()
        known = (source, stat.st_size, stat.st_mtime_ns)
        if known not in self._known:  # a photo appears on several pages: hash it once a build
            self._known[known] = self._picture(source)
        return self._known[known]

    def _picture(self, source: Path) -> Picture:
        key = cache_key(file_digest(source), self.style, self.formats, Image.__version__)
        manifest = self.disk.read(key, "json")
        if manifest is not None:
            picture = self._from_manifest(key, json.loads(manifest))
            if all(r.path.is_file() for r in picture.renditions):
                return picture
        picture = self._make(key, source)
        self.disk.write(key, "json", json.dumps(self._manifest(picture)).encode("utf-8"))
        return picture

    def _make(self, key: str, source: Path) -> Picture:
        with Image.open(source) as original:
            raw_width, raw_height = original.size
            orientation = original.getexif().get(0x0112, 1)
            upright = (raw_height, raw_width) if orientation in _ORIENTATION_SWAPS else (raw_width, raw_height)
            widths = sorted({min(width, upright[0]) for width in self.style.widths})
            scale = widths[-1] / upright[0]
            # JPEG can decode straight at a half, quarter or eighth of its size: far less work and memory
            # for a 50-megapixel original than decoding it whole and shrinking it afterwards.
            original.draft("RGB", (math.ceil(raw_width * scale), math.ceil(raw_height * scale)))
            icc_profile = original.info.get("icc_profile")
            image = ImageOps.exif_transpose(original)
            has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
            image = image.convert("RGBA" if has_alpha else "RGB")
        fallback = "png" if has_alpha else "jpeg"
        renditions = []
        for width in widths:
            height = max(1, round(image.height * width / image.width))
            resized = image if (width, height) == image.size else image.resize((width, height), Image.Resampling.LANCZOS)
            for fmt in self.formats + (fallback,):
                data = self._encode(resized, fmt, icc_profile)
                path = self.disk.write(key, f"{width}.{EXTENSIONS[fmt]}", data)
                self.made += 1
                renditions.append(Rendition(fmt, width, height, path))
        largest = renditions[-1]
        return Picture(largest.width, largest.height, fallback, tuple(renditions))

    def _encode(self, image: Image.Image, fmt: str, icc_profile: bytes | None) -> bytes:
        options: dict = {"quality": self.style.quality_of(fmt)}
        if fmt == "jpeg":
            options.update(optimize=True, progressive=True)
        elif fmt == "png":
            options = {"optimize": True}
        elif fmt == "webp":
            options.update(method=4)
        if icc_profile:
            options["icc_profile"] = icc_profile  # keeps the colours of wide-gamut phone cameras
        buffer = io.BytesIO()
        image.save(buffer, format=fmt.upper(), **options)
        return buffer.getvalue()

    def _manifest(self, picture: Picture) -> dict:
        return {
            "width": picture.width,
            "height": picture.height,
            "fallback": picture.fallback,
            "renditions": [{k: v for k, v in asdict(r).items() if k != "path"} for r in picture.renditions],
        }

    def _from_manifest(self, key: str, manifest: dict) -> Picture:
        renditions = tuple(
            Rendition(r["format"], r["width"], r["height"], self.disk.path(key, f"{r['width']}.{EXTENSIONS[r['format']]}"))
            for r in manifest["renditions"]
        )
        return Picture(manifest["width"], manifest["height"], manifest["fallback"], renditions)
