"""The files the pages show, for the whole catalogue: QR codes, photos resized, label sheets.

Their names come from web/addresses.py, as the pages' links do. Everything is made once and kept in
`.cache/ocop/` (keyed by content): a first build makes what the cache lacks on every core
(prepare.py), and every later build copies from the cache.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..model.entries import Catalogue, ProductEntry
from ..model.errors import DataError, Problem
from ..model.news import News
from ..model.photo_files import PHOTO_SUFFIXES
from ..model.prose import shown_images
from ..web.addresses import (
    CATALOGUE,
    PRODUCERS,
    OutputFile,
    SiteSettings,
    batch_folder,
    batch_qr_stem,
    qr_names,
)
from ..web.pictures import PostPhoto
from . import prepare
from .images import PhotoCache, PhotoError, published_photos
from .labels import (
    Label,
    LabelError,
    LabelSize,
    format_mm,
    labels_per_page,
    page_file,
    page_is_cached,
    page_of,
    readable_address,
)
from .qr import QrCache, QrStyle


@dataclass(frozen=True)
class MediaSettings:
    """How codes are printed: set once in mkdocs.yml (the `ocop` plugin's options)."""

    qr_style: QrStyle = field(default_factory=QrStyle)
    label_size: LabelSize = field(default_factory=LabelSize)
    # Until the commune confirms the site's domain, every print file carries "MẪU – chưa in".
    domain_confirmed: bool = False


class MediaFiles:
    def __init__(self, catalogue: Catalogue, settings: SiteSettings, media: MediaSettings, qr_cache: QrCache, photo_cache: PhotoCache):
        self.catalogue = catalogue
        self.settings = settings
        self.media = media
        self.qr_cache = qr_cache
        self.photo_cache = photo_cache

    def prepare(self) -> None:
        """A first build resizes every photo and encodes every code: all at once, on every core."""
        style = self.media
        prepare.run(self.missing_work(), prepare.Caches(self.qr_cache, self.photo_cache, style.qr_style, style.label_size))

    def files(self) -> list[OutputFile]:
        files: list[OutputFile] = []
        for entry in self.catalogue.products.values():
            files += self.product_files(entry)
        for producer in self.catalogue.producers.values():
            for photo in published_photos(self.photo_cache, PRODUCERS, producer.slug, producer.photos):
                files += photo.files()
        self.photo_cache.save()
        return files

    def product_files(self, entry: ProductEntry) -> list[OutputFile]:
        """Its QR code (SVG, PNG), its photos, its label sheet, and each batch's QR code."""
        slug, names = entry.slug, qr_names(entry.slug)
        qr_text = self.settings.qr_text(entry)
        files = [
            self.qr_file(f"{CATALOGUE}/{slug}/{names['svg']}", qr_text, "svg"),
            self.qr_file(f"{CATALOGUE}/{slug}/{names['png']}", qr_text, "png"),
        ]
        for photo in published_photos(self.photo_cache, CATALOGUE, slug, entry.photos):
            files += photo.files()
        if not entry.model.retired and entry.model.code:  # without a short code, nothing is meant for print
            files.append(self.label_sheet(f"{CATALOGUE}/{slug}/{names['pdf']}", entry))
        for batch in entry.model.batches:
            text, folder, stem = self.settings.batch_qr_text(entry, batch), batch_folder(slug, batch), batch_qr_stem(slug, batch)
            files += [self.qr_file(f"{folder}/{stem}.svg", text, "svg"), self.qr_file(f"{folder}/{stem}.png", text, "png")]
        return files

    def print_facts(self, entry: ProductEntry) -> dict:
        """What the product page tells whoever prints the code: its version, level and printed size."""
        style = self.media.qr_style
        info = self.qr_cache.describe(self.settings.qr_text(entry), style)
        return {
            "per_page": labels_per_page(self.media.label_size),
            "label_size": str(self.media.label_size),
            "module": format_mm(style.module_mm),
            "size": format_mm(info.size_mm(style.module_mm, style.border)),
            "version": info.version,
            "level": info.level,
        }

    def label(self, entry: ProductEntry) -> Label:
        # Only stars the product may show today: an expired certificate prints none.
        stars = self.settings.certificate(entry).current_stars
        qr_text = self.settings.qr_text(entry)
        return Label(qr_text, entry.model.name, entry.model.code, stars, readable_address(qr_text), not self.media.domain_confirmed)

    def label_sheet(self, uri: str, entry: ProductEntry) -> OutputFile:
        """A full A4 page of one product's labels, kept in the cache like the codes (and copied from there)."""
        label, size, style = self.label(entry), self.media.label_size, self.media.qr_style
        try:
            source = page_file(self.qr_cache, label, size, style)
            return OutputFile(uri, source=source) if source is not None else OutputFile(uri, page_of(label, size, style))
        except LabelError as error:  # the label size of mkdocs.yml, or a site address too long for it
            raise DataError([Problem(entry.source, None, None, f"không tạo được tờ nhãn in: {error}")]) from None

    def missing_work(self) -> prepare.Work:
        """The photos, codes and label sheets of this build that are not in the cache yet."""
        size, style = self.media.label_size, self.media.qr_style
        work = prepare.Work()
        photos = {photo.path for entry in self.catalogue.products.values() for photo in entry.photos}
        photos |= {photo.path for producer in self.catalogue.producers.values() for photo in producer.photos}
        work.photos = self.photo_cache.missing(sorted(photos))
        texts = []
        for entry in self.catalogue.products.values():
            texts.append(self.settings.qr_text(entry))
            texts += [self.settings.batch_qr_text(entry, batch) for batch in entry.model.batches]
            if not entry.model.retired and entry.model.code:
                label = self.label(entry)
                if not page_is_cached(self.qr_cache, label, size, style):
                    work.sheets.append(label)
        work.codes = [text for text in dict.fromkeys(texts) if not self.qr_cache.is_cached(text, style)]
        return work

    def qr_file(self, uri: str, text: str, kind: str) -> OutputFile:
        """A QR code, copied from the cache by the engine (thousands of codes are not read into memory)."""
        source = self.qr_cache.file(text, kind, self.media.qr_style)
        if source is not None:
            return OutputFile(uri, source=source)
        return OutputFile(uri, self.qr_cache.get(text, kind, self.media.qr_style))


def load_post_photos(news: News, photo_cache: PhotoCache) -> tuple[dict[str, PostPhoto], list[Problem]]:
    """Every photo the posts show, resized (once: the cache keeps them); a photo that cannot be is a
    problem named with the post's file, its line and the image as written."""
    photos: dict[str, PostPhoto] = {}
    problems: list[Problem] = []
    docs_dir = Path(os.path.abspath(news.settings.docs_dir))
    for post in news.posts:
        for line, target, path in shown_images(post.page, news.settings.docs_dir):
            if path is None or path.suffix.lower() not in PHOTO_SUFFIXES:
                continue  # missing (markers.check_page says so), or a drawing (SVG, GIF) shown as it is
            # Where the post shows it, not where a link in the project leads (model/sources.py accepts
            # links inside the project): such a photo is resized and stripped of its metadata like any.
            path = Path(os.path.abspath(path))
            if not path.is_relative_to(docs_dir):
                continue
            src_uri = path.relative_to(docs_dir).as_posix()
            if src_uri in photos:
                continue
            try:
                photos[src_uri] = PostPhoto(src_uri, path, photo_cache.picture(path))
            except PhotoError as error:
                problems.append(Problem(post.page.file, line, None, f"ảnh '{target}': {error}"))
    return photos, problems


