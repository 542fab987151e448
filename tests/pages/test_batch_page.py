"""A batch's printed code (/Q/<CODE>/<BATCH>/) forwards with the marker a product's code adds (?qr), and
the batch page then puts checking the pack first. The QR payload itself never changes
(tests/baseline/addresses.txt); only the forwarding page's target gains the marker. Test data: batch
L2406A, a commune Zalo number."""
from __future__ import annotations

import pytest
from conftest import copy_project, phone_page, serve

BATCH = "batches:\n  - code: L2406A\n    produced: 2025-06-01\n    expires: 2027-06-01\n"


@pytest.fixture(scope="module")
def batch_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("batch") / "project")
    product = project.products / "nam-quyen" / "nuoc-mam-nam-quyen.yml"
    product.write_text(product.read_text(encoding="utf-8") + BATCH, encoding="utf-8")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    # zalo:\n", '    zalo: "0900000000"\n'), encoding="utf-8")
    result = project.build()
    assert result.code == 0, result.text
    with serve(project.site) as address:
        yield project, address


def test_the_batch_code_forwards_with_the_marker(batch_site):
    project, _ = batch_site
    forwarding = project.page("Q/NM/L2406A/")
    assert 'url=../../../san-pham/nuoc-mam-nam-quyen/lo/L2406A/?qr"' in forwarding


def test_from_the_batch_code_the_page_puts_checking_the_pack_first(batch_site, browser):
    """Shows: at 360 px, the check block opens the page under the name; the marker leaves the address."""
    _, address = batch_site
    with phone_page(browser, "vi-VN") as page:
        page.goto(address + "Q/NM/L2406A/")
        page.wait_for_url("**/san-pham/nuoc-mam-nam-quyen/lo/L2406A/")
        check = page.locator("#kiem-tra-bao-bi")
        assert check.is_visible()
        text = check.inner_text()
        assert "Bạn vừa quét mã QR trên bao bì" in text and "mã lô L2406A" in text and "OCOP 3 sao" in text
        assert check.locator("a[href='https://zalo.me/0900000000']").count() == 1
        assert check.bounding_box()["y"] < page.get_by_role("heading", name="Thông tin lô sản xuất").bounding_box()["y"]
        page.goto(address + "san-pham/nuoc-mam-nam-quyen/lo/L2406A/")
        assert page.locator("#kiem-tra-bao-bi").is_hidden()
