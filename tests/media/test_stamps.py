"""The stamp sheets (media/stamps.py): every code on every page reads back at 300 dpi as its own stamp
address, version 4-M at most, the serial printed under it; the sample mark; sizes too small refused.
In-process (fast tier): the sheets are drawn by the module itself, with serials drawn here."""
from __future__ import annotations

import re

import pypdfium2 as pdfium
import pytest
from conftest import pages_at_300_dpi, read_qr_codes
from ocop.media.labels import LabelError, LabelSize
from ocop.media.stamps import StampSheet, check_version, module_for, qr_operators, qr_version, stamps_per_page, write_sheets
from ocop.model.stamps import new_serial, normalise, printed, well_formed

HOST = "HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN"
PAYLOAD = re.compile(rf"{re.escape(HOST)}/Q/NM/([0-9A-Z]{{4}}-[0-9A-Z]{{4}}-[0-9A-Z]{{4}})/")


def sheet_of(tmp_path, count, sample=False, size="24x30"):
    size = LabelSize.parse(size)
    version = qr_version(f"{HOST}/Q/NM/XXXX-XXXX-XXXX/")
    module = module_for(size, version)
    serials = [printed(new_serial()) for _ in range(count)]
    sheet = StampSheet("Nước mắm Ví Dụ", "xã Thử Nghiệm, Thanh Hóa", "Tem thử nghiệm NM, lô L1", size, version, module, sample)
    stamps = ((serial, qr_operators(f"{HOST}/Q/NM/{serial}/", version, module)) for serial in serials)
    path = tmp_path / "tem.pdf"
    write_sheets(path, sheet, stamps, count)
    return path, serials


def test_every_code_reads_back_as_its_own_stamp_at_300_dpi(tmp_path):
    count = stamps_per_page(LabelSize.parse("24x30")) + 10  # a full page and a few on the next
    path, serials = sheet_of(tmp_path, count)
    found = [result for page in pages_at_300_dpi(path) for result in read_qr_codes(page)]
    texts = [result.text for result in found]
    assert len(texts) == count and len(set(texts)) == count
    assert all(int(result.extra["Version"]) <= 4 and result.ec_level == "M" for result in found)
    decoded = {PAYLOAD.fullmatch(text).group(1) for text in texts}
    assert decoded == set(serials) and all(well_formed(normalise(serial)) for serial in decoded)
    document = pdfium.PdfDocument(str(path))
    first_page = document[0].get_textpage().get_text_range()
    assert "Nước mắm Ví Dụ" in first_page and "xã Thử Nghiệm, Thanh Hóa" in first_page
    assert sum(serial in first_page for serial in serials) == stamps_per_page(LabelSize.parse("24x30"))
    # The serials are in the page content only: not in the title or any other metadata.
    assert not any(serial in str(document.get_metadata_dict()) for serial in serials)


def test_sample_sheets_say_so_and_still_scan(tmp_path):
    path, serials = sheet_of(tmp_path, 12, sample=True)
    text = pdfium.PdfDocument(str(path))[0].get_textpage().get_text_range()
    assert "MẪU – chưa in" in text
    assert len({r.text for r in read_qr_codes(pages_at_300_dpi(path)[0])}) == 12
    (tmp_path / "plain").mkdir()
    plain, _ = sheet_of(tmp_path / "plain", 12)
    assert "MẪU" not in pdfium.PdfDocument(str(plain))[0].get_textpage().get_text_range()


def test_the_smallest_accepted_stamp_still_scans(tmp_path):
    size = LabelSize.parse("18x25")
    assert module_for(size, 4) == pytest.approx(0.4)
    path, serials = sheet_of(tmp_path, 20, size="18x25")
    assert len({r.text for r in read_qr_codes(pages_at_300_dpi(path)[0])}) == 20


def test_too_small_a_stamp_or_too_long_an_address_is_refused():
    with pytest.raises(LabelError, match="quá nhỏ"):
        module_for(LabelSize.parse("15x20"), 4)
    long_host = "HTTPS://" + "A" * 60 + ".GOV.VN/Q/NM/XXXX-XXXX-XXXX/"
    version = qr_version(long_host)
    assert version > 4
    with pytest.raises(LabelError, match="site_url"):
        check_version(version, long_host)
