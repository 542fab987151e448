"""A batch's page (san-pham/<slug>/lo/<batch>/, in Vietnamese only), what its QR code opens, and its short
address /Q/<CODE>/<BATCH>/ when the product has a code: batch.md.j2 reads a `BatchView`."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model.certificate import CertificateStatus
from ..model.commune import Commune
from ..model.entries import ProductEntry
from ..model.producer import Producer
from ..model.product import Batch, Product
from ..web.addresses import CATALOGUE, OutputFile, batch_folder, batch_page_uri, batch_qr_stem, producer_page_uri
from ..web.pictures import PhotoLink
from .context import QrFiles, SiteContext, producer_place


@dataclass(frozen=True)
class BatchView:
    entry: ProductEntry
    p: Product
    batch: Batch
    expired: bool
    status: CertificateStatus
    producer: Producer
    product_href: str
    producer_href: str
    producer_place: str | None  # "xã X (trước đây xã Y)", when the site names former communes
    photos: list[PhotoLink]
    qr: QrFiles
    qr_text: str
    page_url: str
    site_url: str
    confirmed: date | None
    commune: Commune
    description: str
    image: str | None  # the shared preview


TEMPLATE = "batch.md.j2"
VIEW = BatchView  # all TEMPLATE receives (tests/pages/test_site.py checks that it reads nothing else)


class BatchPage:
    def __init__(self, site: SiteContext):
        self.site = site

    def build(self, entry: ProductEntry) -> list[OutputFile]:
        """Each batch: its page and, when the product has a code, its short address."""
        files = []
        settings = self.site.settings
        slug = entry.slug
        photos = self.site.published_photos(CATALOGUE, slug, entry.photos[:1])
        for batch in entry.model.batches:
            stem = batch_qr_stem(slug, batch)
            folder = batch_folder(slug, batch)
            title = f"{entry.model.name}, lô {batch.code}"
            view = BatchView(
                entry=entry,
                p=entry.model,
                batch=batch,
                expired=batch.is_expired(settings.today),
                status=settings.certificate(entry),
                producer=entry.producer.model,
                product_href=f"../../{slug}.md",
                producer_href=f"../../../{producer_page_uri(entry.producer.slug)}",
                producer_place=producer_place(entry.producer, settings.commune, self.site.languages[0]),
                photos=[photo.link(f"{folder}/", entry.model.name) for photo in photos],
                qr=QrFiles(f"{batch.code}/{stem}.svg", f"{batch.code}/{stem}.png", f"{stem}.svg", f"{stem}.png"),
                qr_text=settings.batch_qr_text(entry, batch),
                page_url=settings.batch_url(slug, batch),
                site_url=settings.site_url,
                confirmed=settings.as_of(entry),
                commune=settings.commune,
                description=f"{title}: ngày sản xuất, hạn sử dụng, nguồn gốc nguyên liệu, cơ sở sản xuất.",
                image=settings.site_url + photos[0].share_uri if photos else None,
            )
            files.append(OutputFile(batch_page_uri(slug, batch), self.site.renderer.render(TEMPLATE, view=view)))
            if entry.model.code:
                # "?qr", as a product's code: the batch page puts checking the pack first (buyer.js).
                files.append(self.site.redirect((entry.model.code, batch.code), f"{folder}/", title, marker="?qr"))
        return files
