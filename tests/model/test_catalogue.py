"""The catalogue read from products/: what a product's or a producer's photo may be."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("address", ["https://example.org/mam-tep.jpg", "http://example.org/mam-tep.jpg", "//example.org/a.jpg"])
def test_a_photo_from_another_host_is_refused_in_vietnamese(project, address):
    """A photo is a file beside the data: the site loads nothing from another host (the editor offers no URL
    entry; a file written by hand is refused with the file, the line and the field)."""
    product = project.products / "nam-quyen" / "nuoc-mam-nam-quyen.yml"
    text = product.read_text(encoding="utf-8")
    product.write_text(text + f"photos:\n  - file: {address}\n    alt: Chai nước mắm\n", encoding="utf-8")
    line = len(text.splitlines()) + 2
    result = project.ocop("check")
    assert result.code != 0
    assert (
        f"products/nam-quyen/nuoc-mam-nam-quyen.yml:{line}: trường 'photos[0].file': ảnh phải là tệp ảnh chụp đặt "
        f"trong thư mục của cơ sở, không phải địa chỉ trên trang web khác ({address})"
    ) in result.text
    assert "không thấy tệp ảnh" not in result.text
