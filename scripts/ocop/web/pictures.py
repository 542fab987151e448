"""How a photo is published: its renditions (widths and formats), their addresses and the `<picture>` a page shows.

What a rendition is and where it is published is declared here, below both media/ (images.py makes the
renditions, `published_photos` gives each its address) and pages/ (which show them): a photo's file
and the link to it are named from the same place.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from ..model.entries import PhotoFile
from .addresses import OutputFile, relative_url
from .i18n import SOURCE

# Modern formats first: a browser takes the first <source> whose type it knows.
MODERN = {"avif": "image/avif", "webp": "image/webp"}
EXTENSIONS = {"avif": "avif", "webp": "webp", "jpeg": "jpg", "png": "png"}


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


@dataclass(frozen=True)
class PhotoLink:
    """A photo as one page shows it: every address is relative to that page's own address.

    The photo is written as raw HTML (`<picture>`), which MkDocs does not rewrite, so the addresses are
    those of the built site (directory URLs, as the printed QR codes require), not of the Markdown files."""

    alt: str
    width: int
    height: int
    src: str  # the fallback at its middle width
    srcset: str  # the fallback at every width
    sources: tuple[tuple[str, str], ...]  # (MIME type, srcset) of each modern format, preferred first


@dataclass(frozen=True)
class PublishedPhoto:
    """A photo's renditions and where each is published (`uris`, in the order of `picture.renditions`)."""

    photo: PhotoFile
    picture: Picture
    uris: tuple[str, ...]

    def files(self) -> list[OutputFile]:
        return [OutputFile(uri, source=r.path) for uri, r in zip(self.uris, self.picture.renditions)]

    def _fallbacks(self) -> list[tuple[int, str]]:
        return sorted((r.width, uri) for uri, r in zip(self.uris, self.picture.renditions) if r.format == self.picture.fallback)

    @property
    def share_uri(self) -> str:
        """The largest rendition in the fallback format (JPEG or PNG), the one every sharing preview reads."""
        return self._fallbacks()[-1][1]

    @property
    def small_uri(self) -> str:
        """The smallest rendition in the fallback format, for a small card inside a hand-written page."""
        return self._fallbacks()[0][1]

    def link(self, page_url: str, fallback_alt: str, lang: str = SOURCE) -> PhotoLink:
        """`fallback_alt` (the product's or producer's name, in the page's language `lang`) describes a
        photo that has no description in that language (a photo's `<lang>: {alt: …}`)."""
        photo = self.photo.photo
        alt = photo.alt if lang == SOURCE else getattr(getattr(photo, lang, None), "alt", None)
        by_format: dict[str, list[str]] = {}
        for uri, rendition in zip(self.uris, self.picture.renditions):
            by_format.setdefault(rendition.format, []).append(f"{relative_url(uri, page_url)} {rendition.width}w")
        fallback = by_format.pop(self.picture.fallback)
        middle = fallback[(len(fallback) - 1) // 2].rsplit(" ", 1)[0]
        sources = tuple((MODERN[fmt], ", ".join(items)) for fmt, items in by_format.items())
        return PhotoLink(
            alt or fallback_alt, self.picture.width, self.picture.height, middle, ", ".join(fallback), sources
        )


@dataclass(frozen=True)
class PostPhoto:
    """A photo a news post shows: the original's place in docs/ and its renditions, published beside it
    (tin-tuc/posts/anh/cho-que.jpg → tin-tuc/posts/anh/cho-que-400.webp, …)."""

    src_uri: str  # tin-tuc/posts/anh/cho-que.jpg
    path: Path
    picture: Picture

    def rendition_uris(self) -> tuple[str, ...]:
        stem = posixpath.splitext(self.src_uri)[0]
        return tuple(f"{stem}-{r.width}.{r.extension}" for r in self.picture.renditions)

    @property
    def largest_fallback(self) -> Path:
        return max(self.picture.of_format(self.picture.fallback), key=lambda rendition: rendition.width).path
