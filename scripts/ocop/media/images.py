"""Photos → the few widths and formats a phone chooses from (`<picture>` with `srcset`), cached on disk.

An officer drops the camera's original next to the YAML file, whatever its size. A visitor on mobile
data must not download it: each photo becomes a few widths in a modern format (WebP, which every
phone browser of the last five years shows) with a JPEG (or PNG, for images with transparency)
fallback for old browsers and for sharing previews. The camera's rotation is applied and its
metadata (EXIF, with the GPS position of the producer's home) is not copied.

The work is what a first build of a large catalogue waits for, so it is kept small: the original is
decoded at the smallest JPEG scale that still covers the largest width, each width is resized from
the next larger one, and WebP is written at encoder effort 2 (about twice as fast as its default 4,
files about 8 % larger). AVIF would save up to a sixth of the bytes but costs five to twenty times the time
of WebP a photo; a style may still ask for it (`PhotoStyle(formats=("avif", "webp"))`). The results
are kept on disk under a hash of the original's content and of the settings: a rebuild with the
same photos resizes nothing.
"""
from __future__ import annotations

import io
import json
import math
import tempfile
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError, features

from ..model.entries import PhotoFile
from ..model.photo_files import MAX_PHOTO_SIDE, too_long_and_thin
from ..web.addresses import photo_uri
from ..web.pictures import EXTENSIONS, MODERN, Picture, PublishedPhoto, Rendition
from .cache import DiskCache, cache_key, file_digest, read_notes, write_whole

_ORIENTATION_SWAPS = {5, 6, 7, 8}  # EXIF orientations that turn the picture a quarter
ORIGINALS = "originals.json"  # path → [size, modification time, hash] of each original seen


TOO_BIG_TO_DECODE = "máy không đủ bộ nhớ để mở ảnh: hãy thu nhỏ ảnh trước, khoảng 1600 điểm ảnh chiều ngang"


def rendition_widths(wanted: tuple[int, ...], width: int, height: int) -> list[int]:
    """The widths to publish a `width` × `height` photo at: the style's, never wider than the photo, nor
    so wide that the height passes the encoders' limit (a stitched phone screenshot is published narrower)."""
    fitting = max(1, MAX_PHOTO_SIDE * width // height)
    return sorted({min(target, width, fitting) for target in wanted})


class PhotoError(Exception):
    """A photo that cannot be resized, and why, in Vietnamese (the caller names the file and the line)."""


@dataclass(frozen=True)
class PhotoStyle:
    # 400 fits a 360 px phone screen at 1×, 800 the same at 2× and the page column on a desktop,
    # 1200 a phone at 3×; larger would only cost transfer.
    widths: tuple[int, ...] = (400, 800, 1200)
    formats: tuple[str, ...] = ("webp",)
    quality: tuple[tuple[str, int], ...] = (("avif", 60), ("webp", 75), ("jpeg", 80))
    webp_method: int = 2  # encoder effort, 0 (fastest) to 6; libwebp's default is 4

    def quality_of(self, fmt: str) -> int:
        return dict(self.quality).get(fmt, 80)


def _identity(source: Path) -> tuple:
    """A photo as a build knows it without reading it: its path, size and modification time."""
    stat = source.stat()
    return (source, stat.st_size, stat.st_mtime_ns)


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
        # The hash of each original, by its path, size and modification time: reading and hashing every
        # camera original (megabytes each) at every build would cost a province's catalogue seconds.
        # A missing or damaged file only means every original is hashed again.
        self._originals_file = self.disk.folder / ORIGINALS if self.disk.folder else None
        self._originals = read_notes(self._originals_file)
        self._originals_changed = False

    def picture(self, source: Path) -> Picture:
        known = _identity(source)
        if known not in self._known:  # a photo appears on several pages: look it up once a build
            key = self._key(known)
            picture = self._stored(key)
            if picture is None:
                picture = self._make(key, source)
                self.disk.write(key, "json", json.dumps(self._manifest(picture)).encode("utf-8"))
            self._known[known] = picture
        return self._known[known]

    def is_cached(self, source: Path) -> bool:
        """Whether every rendition of the photo is on disk already."""
        return not self.missing([source])

    def missing(self, sources) -> list[Path]:
        """One of `sources` for each original whose renditions are not in the cache yet (a first build asks, to
        share out the work): the same photo in several folders (a producer's picture copied beside each of its
        products) is made once, not once a worker, and looked up on disk once."""
        wanted: dict[str, Path] = {}
        for source in sources:
            known = _identity(source)
            if known in self._known:
                continue
            key = self._key(known)
            if key in wanted:
                continue
            picture = self._stored(key)
            if picture is None:
                wanted[key] = source
            else:
                self._known[known] = picture
        return list(wanted.values())

    def _key(self, known: tuple) -> str:
        """The cache key of the original `known` (its path, size and modification time) in this style."""
        source, size, modified = known
        recorded = self._originals.get(str(source))
        if recorded is not None and recorded[:2] == [size, modified]:
            digest = recorded[2]
        else:
            digest = file_digest(source)
            self._originals[str(source)] = [size, modified, digest]
            self._originals_changed = True
        return cache_key(digest, self.style, self.formats, Image.__version__)

    def originals(self, paths) -> dict[str, list]:
        """The hashes already taken of these originals (by path: size, modification time, hash), for a
        worker process to start from instead of reading each photo again."""
        return {str(path): self._originals[str(path)] for path in paths if str(path) in self._originals}

    def know_originals(self, known: dict[str, list]) -> None:
        """Take hashes another process has taken (`originals`); this process does not save them."""
        self._originals.update(known)

    def save(self) -> None:
        """Keep the hashes of the originals for the next build (only the build's own process calls this)."""
        if self._originals_file is not None and self._originals_changed:
            write_whole(self._originals_file, json.dumps(self._originals, ensure_ascii=False, sort_keys=True).encode("utf-8"))
            self._originals_changed = False

    def _stored(self, key: str) -> Picture | None:
        manifest = self.disk.read(key, "json")
        if manifest is None:
            return None
        picture = self._from_manifest(key, json.loads(manifest))
        return picture if all(r.path.is_file() for r in picture.renditions) else None

    def _make(self, key: str, source: Path) -> Picture:
        image, widths, icc_profile = self._decode(source)
        has_alpha = image.mode == "RGBA"
        fallback = "png" if has_alpha else "jpeg"
        renditions = []
        # Largest first, each width from the one before: shrinking 1200 px to 800 costs a third of
        # shrinking a camera's 2000 px (the draft) to 800 again.
        for width in reversed(widths):
            height = max(1, round(image.height * width / image.width))
            if (width, height) != image.size:
                image = image.resize((width, height), Image.Resampling.LANCZOS)
            for fmt in self.formats + (fallback,):
                try:
                    data = self._encode(image, fmt, icc_profile)
                except (OSError, ValueError, MemoryError):  # an encoder's own limit, in English
                    raise PhotoError(f"không tạo được ảnh {fmt.upper()} {width} × {height} điểm ảnh: hãy thu nhỏ ảnh trước") from None
                path = self.disk.write(key, f"{width}.{EXTENSIONS[fmt]}", data)
                self.made += 1
                renditions.append(Rendition(fmt, width, height, path))
        renditions.sort(key=lambda rendition: rendition.width)
        largest = renditions[-1]
        return Picture(largest.width, largest.height, fallback, tuple(renditions))

    def _decode(self, source: Path) -> tuple[Image.Image, list[int], bytes | None]:
        """The original, upright, at no less than the largest width; the widths to make; its colour profile."""
        try:
            # Above Pillow's decompression-bomb limit (about 89 million pixels) a file may take gigabytes
            # once decoded: refused, like a file that is not an image or is cut short.
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(source) as original:
                    raw_width, raw_height = original.size
                    orientation = original.getexif().get(0x0112, 1)
                    upright = (raw_height, raw_width) if orientation in _ORIENTATION_SWAPS else (raw_width, raw_height)
                    why = too_long_and_thin(*upright)
                    if why:
                        raise PhotoError(why)
                    widths = rendition_widths(self.style.widths, *upright)
                    scale = widths[-1] / upright[0]
                    # JPEG can decode straight at a half, quarter or eighth of its size: far less work and memory
                    # for a 50-megapixel original than decoding it whole and shrinking it afterwards.
                    original.draft("RGB", (math.ceil(raw_width * scale), math.ceil(raw_height * scale)))
                    icc_profile = original.info.get("icc_profile")
                    image = ImageOps.exif_transpose(original)
                    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
                    return image.convert("RGBA" if has_alpha else "RGB"), widths, icc_profile
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise PhotoError(
                f"ảnh quá lớn để thu nhỏ (tối đa {Image.MAX_IMAGE_PIXELS // 1_000_000} triệu điểm ảnh): "
                "hãy thu nhỏ ảnh trước, khoảng 1600 điểm ảnh chiều ngang"
            ) from None
        except (UnidentifiedImageError, OSError):
            raise PhotoError("tệp không phải ảnh hợp lệ (hỏng, chép chưa hết, hoặc không phải JPG, PNG, WebP)") from None
        except MemoryError:
            raise PhotoError(TOO_BIG_TO_DECODE) from None

    def _encode(self, image: Image.Image, fmt: str, icc_profile: bytes | None) -> bytes:
        options: dict = {"quality": self.style.quality_of(fmt)}
        if fmt == "jpeg":
            options.update(optimize=True, progressive=True)
        elif fmt == "png":
            options = {"optimize": True}
        elif fmt == "webp":
            options.update(method=self.style.webp_method)
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


def published_photos(photos: PhotoCache, folder: str, slug: str, files: list[PhotoFile]) -> list[PublishedPhoto]:
    """The photos of the page at `folder`/`slug`/, each with the addresses of its renditions (made if missing)."""
    result = []
    for number, photo in enumerate(files, start=1):
        picture = photos.picture(photo.path)
        uris = tuple(photo_uri(folder, slug, number, r.width, r.extension) for r in picture.renditions)
        result.append(PublishedPhoto(photo, picture, uris))
    return result
