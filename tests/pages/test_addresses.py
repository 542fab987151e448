"""Printed codes never break: every address of the example site and every QR payload, as committed.

`tests/baseline/addresses.txt` lists each file the example site publishes (as the address a visitor
opens) and what each QR code in it encodes. It was written before the package was reorganised and is
compared with every build: an address that disappears or a payload that changes is a code on a pack, a
link in a message or a bookmark that no longer works. An address that is added on purpose is added to
the list in the same commit (`python tests/conftest.py SITE_DIR` prints the list of a built site).
"""
from __future__ import annotations

from conftest import BASELINE, addresses


def test_every_address_and_qr_payload_is_kept(built):
    expected = BASELINE.read_text(encoding="utf-8").splitlines()
    actual = addresses(built.site)
    gone = sorted(set(expected) - set(actual))
    added = sorted(set(actual) - set(expected))
    assert not gone, f"addresses or QR payloads that no longer exist: {gone[:20]}"
    assert not added, f"new addresses: add them to {BASELINE.name} if they are meant: {added[:20]}"
