"""A first build's photos, codes and label sheets made by a pool of worker processes, on real files.

What a user notices: the work lands in the cache exactly as the build would make it; a piece a worker
cannot make costs time only (the build makes it and reports the problem with its usual message); and
with nothing to make no process is started (a warm build stays in one process).
"""
from __future__ import annotations

import pytest
from conftest import draw_photo
from ocop.media import prepare
from ocop.media.images import PhotoCache, PhotoError
from ocop.media.labels import LabelSize
from ocop.media.qr import QrCache, QrStyle

needs_two_cores = pytest.mark.skipif(prepare.usable_cores() < 2, reason="the pool needs two usable cores")


def _caches(tmp_path) -> prepare.Caches:
    return prepare.Caches(QrCache(tmp_path / "cache"), PhotoCache(tmp_path / "cache" / "photos"), QrStyle(), LabelSize())


def test_nothing_to_make_starts_no_process(tmp_path):
    assert prepare.run(prepare.Work(), _caches(tmp_path)) == 0


def test_a_little_work_is_left_to_the_build(tmp_path):
    """Starting workers costs more than a few codes: the build's own process makes them as it goes."""
    caches = _caches(tmp_path)
    assert prepare.run(prepare.Work(codes=["https://example.vn/san-pham/a/"]), caches) == 0
    assert not caches.qr.is_cached("https://example.vn/san-pham/a/")


@pytest.mark.full
@needs_two_cores
def test_the_workers_fill_the_cache_and_a_photo_they_cannot_make_is_left_to_the_build(tmp_path):
    photos = []
    for number in range(24):
        path = tmp_path / "products" / f"anh-{number}.jpg"
        path.parent.mkdir(exist_ok=True)
        draw_photo(path, size=(900 + number, 600))
        photos.append(path)
    damaged = tmp_path / "products" / "hong.jpg"
    damaged.write_bytes(photos[0].read_bytes()[:2000])  # an interrupted copy
    codes = [f"https://example.vn/san-pham/mau-{number}/" for number in range(10)]
    caches = _caches(tmp_path)
    work = prepare.Work(photos=[damaged, *photos], codes=codes)

    assert prepare.run(work, caches) >= 2
    # The build's own caches see everything the workers made, and count it for the log line.
    fresh = _caches(tmp_path)
    assert all(fresh.photos.is_cached(path) for path in photos)
    assert all(fresh.qr.is_cached(code) for code in codes)
    assert caches.photos.made == 24 * 2 * 3 and caches.qr.encoded == 2 * len(codes)
    assert not list((tmp_path / "cache").rglob("*.tmp"))
    # The damaged photo is not in the cache: the build meets it and says what is wrong, as without workers.
    assert not fresh.photos.is_cached(damaged)
    with pytest.raises(PhotoError, match="tệp không phải ảnh hợp lệ"):
        fresh.photos.picture(damaged)

