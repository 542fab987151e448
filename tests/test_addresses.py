"""Printed codes never break: every address of the example site and every QR payload, as committed.

`tests/baseline/addresses.txt` lists each file the example site publishes (as the address a visitor
opens) and what each QR code in it encodes. It was written before the package was reorganised and is
compared with every build: an address that disappears or a payload that changes is a code on a pack, a
link in a message or a bookmark that no longer works. An address that is added on purpose is added to
the list in the same commit (`python tests/test_addresses.py SITE_DIR` prints the list of a built site).
"""
from __future__ import annotations

import sys
from pathlib import Path

from conftest import decode_qr

BASELINE = Path(__file__).parent / "baseline" / "addresses.txt"


def addresses(site: Path) -> list[str]:
    """Every published address (a folder's index.html is the folder's address), then every QR payload."""
    lines = []
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        name = path.relative_to(site).as_posix()
        lines.append("/" + (name[: -len("index.html")] if name.endswith("index.html") else name))
        if path.suffix == ".png" and path.name.startswith("qr-"):
            lines += [f"qr /{name} {text}" for text in decode_qr(path)]
    return sorted(lines)


def test_every_address_and_qr_payload_is_kept(built):
    expected = BASELINE.read_text(encoding="utf-8").splitlines()
    actual = addresses(built.site)
    gone = sorted(set(expected) - set(actual))
    added = sorted(set(actual) - set(expected))
    assert not gone, f"addresses or QR payloads that no longer exist: {gone[:20]}"
    assert not added, f"new addresses: add them to {BASELINE.name} if they are meant: {added[:20]}"


if __name__ == "__main__":
    print("\n".join(addresses(Path(sys.argv[1]))))
