"""Printed codes never break: every address of the example site and every QR payload, as committed.

`tests/baseline/addresses.txt` lists each file the example site publishes (as the address a visitor
opens) and what each QR code in it encodes. It was written before the package was reorganised and is
compared with every build: an address that disappears or a payload that changes is a code on a pack, a
link in a message or a bookmark that no longer works. An address that is added on purpose is added to
the list in the same commit (`python tests/conftest.py SITE_DIR` prints the list of a built site).

With Hypothesis: any code and site address gives a short address that uses only the QR alphanumeric
characters, encodes to a QR code whose PNG a real decoder (zxing-cpp) reads back exactly, and that the
site check resolves to the code's forwarding page; every address of the built site is ASCII.
"""
from __future__ import annotations

import string
import tempfile
from pathlib import Path

from conftest import BASELINE, QUICK, addresses, decode_qr
from hypothesis import given
from hypothesis import strategies as st
from ocop.media.qr import encode, png_bytes
from ocop.model.models import SLUG_PATTERN, Commune
from ocop.ops.sitecheck import SiteCheck
from ocop.web.addresses import SiteSettings


def test_every_address_and_qr_payload_is_kept(built):
    expected = BASELINE.read_text(encoding="utf-8").splitlines()
    actual = addresses(built.site)
    gone = sorted(set(expected) - set(actual))
    added = sorted(set(actual) - set(expected))
    assert not gone, f"addresses or QR payloads that no longer exist: {gone[:20]}"
    assert not added, f"new addresses: add them to {BASELINE.name} if they are meant: {added[:20]}"


QR_ALPHANUMERIC = set(string.digits + string.ascii_uppercase + " $%*+-./:")


hosts = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?(\.[a-z0-9]{1,12}){1,3}", fullmatch=True)


prefixes = st.from_regex(r"(/[A-Za-z0-9-]{1,10}){0,2}", fullmatch=True)


codes = st.from_regex(r"[A-Z0-9]{1,8}", fullmatch=True)


COMMUNE = Commune(name="Quảng Trung", province="Thanh Hóa")


@QUICK
@given(st.sampled_from(["http", "https"]), hosts, prefixes, codes)
def test_any_short_address_round_trips_through_a_qr_code_to_its_page(scheme, host, prefix, code):
    site_url = f"{scheme}://{host}{prefix}/"
    settings_ = SiteSettings(site_url, COMMUNE)
    address = settings_.short_url(code)
    if prefix == prefix.upper():  # a path prefix keeps its case; scheme, host and /Q/CODE/ are upper case
        assert set(address) <= QR_ALPHANUMERIC, address
    assert decode_qr(png_bytes(address)) == [address]
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "Q" / code / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text("<p>x</p>", encoding="utf-8")
        (Path(folder) / "index.html").write_text("<p>x</p>", encoding="utf-8")
        assert SiteCheck(Path(folder), site_url).target(address, "") == (f"Q/{code}/index.html", None)


@QUICK
@given(st.from_regex(SLUG_PATTERN, fullmatch=True).filter(lambda slug: len(slug) <= 80))
def test_any_product_address_round_trips_through_a_qr_code(slug):
    address = SiteSettings("https://quangtrung.quangxuong.thanhhoa.gov.vn/", COMMUNE).product_url(slug)
    assert decode_qr(png_bytes(address)) == [address]


def test_the_example_short_address_is_a_small_code():
    """The guide's measurement: the short address fits version 3 at level M (about 15 mm at 0.4 mm a module)."""
    address = SiteSettings("https://quangtrung.quangxuong.thanhhoa.gov.vn/", COMMUNE).short_url("NM")
    assert address == "HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/NM/"
    assert encode(address).version == 3


def test_every_address_of_the_built_site_is_ascii(built):
    """Vietnamese titles and categories become addresses without diacritics."""
    paths = [path.relative_to(built.site).as_posix() for path in built.site.rglob("*")]
    assert any(path.startswith("tin-tuc/chuyen-muc/tuyen-truyen/") for path in paths)
    assert [path for path in paths if not path.isascii()] == []
