"""`ocop stamps`: issue N per-pack stamps for one batch of one product.

New serials are drawn at random (model/stamps.py); worker processes compute each one's slow hash and
its QR code's drawing (the hash is most of the cost, one process a core); the main process refuses a
serial whose hash, or whose published 64-bit prefix, is already in the register (re-issuing adds serials,
never reuses one, with no secret to keep), and writes the PDF sheets (media/stamps.py). Only when the
PDF is wholly written is the register appended (`tem.yml` written on the first issue): a run that fails
leaves the register as it was. The serials are never written anywhere but the PDF.
"""
from __future__ import annotations

import functools
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from ..media.labels import LabelError, LabelSize
from ..media.prepare import usable_cores
from ..media.stamps import StampSheet, check_version, module_for, qr_operators, qr_version, stamps_per_page, write_sheets
from ..model.entries import Catalogue, ProductEntry
from ..model.errors import did_you_mean
from ..model.places import display, province_split
from ..model.stamps import (
    PREFIX_BYTES,
    SERIAL_LENGTH,
    StampIssue,
    StampRegister,
    StampSettings,
    append_issue,
    new_serial,
    new_settings,
    printed,
    stamp_hash,
    write_settings,
)
from ..web.addresses import SiteSettings

DEFAULT_FOLDER = "tem-in"
CHUNK = 512  # serials handed to the workers at a time
MAX_COUNT = 100_000  # a run: minutes and a PDF of about 37 MB; more stamps are several runs (several files)


@dataclass(frozen=True)
class StampOrder:
    code: str
    batch: str
    count: int
    size: LabelSize
    folder: Path


@dataclass(frozen=True)
class IssuedStamps:
    pdf: Path
    register_file: Path
    count: int
    pages: int
    qr_text: str  # with a serial's place shown as XXXX-XXXX-XXXX
    version: int
    module_mm: float
    sample: bool
    settings_written: bool


@dataclass
class _Drawn:
    """What the run has drawn so far: the hashes taken (register and this run) and this run's own."""

    taken: set[bytes]
    prefixes: set[bytes]
    hashes: list[bytes] = field(default_factory=list)


def choose_product(catalogue: Catalogue, code: str) -> ProductEntry:
    by_code = {entry.model.code: entry for entry in catalogue.products.values() if entry.model.code}
    entry = by_code.get(code.upper())
    if entry is None:
        raise LabelError(f"không có sản phẩm nào mang mã '{code}'{did_you_mean(code.upper(), by_code)}")
    return entry


def check_batch(entry: ProductEntry, batch: str) -> None:
    known = [item.code for item in entry.model.batches]
    if batch not in known:
        listed = ", ".join(known) if known else "chưa có lô nào"
        raise LabelError(
            f"sản phẩm {entry.model.name} (mã {entry.model.code}) không có lô '{batch}' trong 'batches:' của "
            f"{entry.source} ({listed}): hãy ghi lô vào tệp sản phẩm trước khi in tem"
        )


def issue_stamps(
    catalogue: Catalogue, site: SiteSettings, register: StampRegister, products_dir: Path,
    order: StampOrder, sample: bool, workers: int | None = None,
) -> IssuedStamps:
    """Draw, hash and print `order.count` new stamps; the register is appended only after the PDF."""
    if not 1 <= order.count <= MAX_COUNT:
        raise LabelError(f"số tem (--count) phải từ 1 đến {MAX_COUNT:,}".replace(",", ".") + " mỗi lần in; cần nhiều hơn thì chạy lệnh nhiều lần")
    entry = choose_product(catalogue, order.code)
    check_batch(entry, order.batch)
    code = entry.model.code
    shape = site.short_url(code, printed("X" * SERIAL_LENGTH))
    version = qr_version(shape)
    check_version(version, shape)
    module_mm = module_for(order.size, version)
    settings = register.settings or new_settings()
    commune = site.commune
    sheet = StampSheet(
        entry.model.name,
        f"{display(commune.name)}, {province_split(commune.province)[1]}" if commune else "",
        f"Tem {entry.model.name} (mã {code}), lô {order.batch}",
        order.size, version, module_mm, sample,
    )
    number = sum(1 for issue in register.issues if issue.code == code and issue.batch == order.batch) + 1
    order.folder.mkdir(parents=True, exist_ok=True)
    pdf = order.folder / f"tem-{code}-{order.batch}-lan-{number}.pdf"
    drawn = _Drawn(register.hashes(), register.prefixes())
    partial = pdf.with_name(pdf.name + ".tmp")
    with ProcessPoolExecutor(workers or usable_cores()) as pool:
        stamps = _new_stamps(pool, settings, site.short_url(code), version, module_mm, order.count, drawn)
        try:
            write_sheets(partial, sheet, stamps, order.count)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    partial.replace(pdf)
    written = _record(products_dir, register, settings, entry, order, sample, drawn.hashes, site)
    pages = -(-order.count // stamps_per_page(order.size))
    return IssuedStamps(pdf, written, order.count, pages, shape, version, module_mm, sample, register.settings is None)


def _record(products_dir, register, settings, entry, order, sample, hashes, site) -> Path:
    if register.settings is None:
        write_settings(products_dir, settings)
    issue = StampIssue(entry.model.code, order.batch, site.today, len(hashes), _size_text(order.size), sample, "", 0, tuple(hashes))
    return append_issue(products_dir, entry.model.code, order.batch, entry.model.name, issue)


def _size_text(size: LabelSize) -> str:
    return f"{size.width_mm:g}x{size.height_mm:g}"


def _prepare(serial: str, salt: bytes, iterations: int, address: str, version: int, module_mm: float):
    """In a worker: one serial's slow hash and its QR code's drawing."""
    return serial, stamp_hash(serial, salt, iterations), qr_operators(f"{address}{printed(serial)}/", version, module_mm)


def _new_stamps(pool, settings: StampSettings, address: str, version: int, module_mm: float, count: int, drawn: _Drawn) -> Iterator[tuple[str, str]]:
    """(printed serial, QR drawing) of `count` new serials, none already in the register or in this run.
    The next chunk is in the workers while this one is drawn, so they never wait for the PDF."""
    prepare = functools.partial(_prepare, salt=settings.salt, iterations=settings.iterations, address=address, version=version, module_mm=module_mm)
    made, in_flight, pending = 0, 0, deque()
    while made < count:
        while in_flight < 2 * CHUNK and made + in_flight < count:
            size = min(CHUNK, count - made - in_flight)
            pending.append((size, pool.map(prepare, [new_serial() for _ in range(size)], chunksize=16)))
            in_flight += size
        size, results = pending.popleft()
        in_flight -= size
        for serial, digest, operators in results:
            if digest in drawn.taken or digest[:PREFIX_BYTES] in drawn.prefixes:
                continue  # drawn before (2⁻⁵⁵ a pair, but a serial is never issued twice)
            drawn.taken.add(digest)
            drawn.prefixes.add(digest[:PREFIX_BYTES])
            drawn.hashes.append(digest)
            made += 1
            yield printed(serial), operators
