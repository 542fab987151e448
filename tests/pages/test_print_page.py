"""A product's print page (/san-pham/<slug>/in-tem/) is for the officer and the producer: out of the
search and out of sitemap.xml, which lists the buyer's pages."""
from __future__ import annotations

import re


def test_the_print_page_is_not_in_the_sitemap(built):
    listed = re.findall(r"<loc>([^<]+)</loc>", (built.site / "sitemap.xml").read_text(encoding="utf-8"))
    assert any(address.endswith("/san-pham/nuoc-mam-nam-quyen/") for address in listed)
    assert any(address.endswith("/en/where-to-buy/") for address in listed)
    assert (built.site / "san-pham" / "nuoc-mam-nam-quyen" / "in-tem" / "index.html").is_file()
    assert [address for address in listed if "/in-tem/" in address] == []
