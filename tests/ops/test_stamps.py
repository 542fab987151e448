"""`ocop stamps` (ops/stamps.py) as the officer runs it on a copy of the project: the sheets, the register,
re-issuing, no serial anywhere but the PDF, the cost of the slow hash. Full tier (it runs the command and
builds the site), apart from the two in-process tests of the uniqueness check and of a failed run."""
from __future__ import annotations

import re
import subprocess
import time

import pytest
from conftest import ROOT, confirm_domain, loaded, pages_at_300_dpi, read_qr_codes
from ocop.media.labels import LabelError, LabelSize
from ocop.model import stamps
from ocop.model.errors import path_shower
from ocop.ops import stamps as ops_stamps

BATCH = """
batches:
- code: L2406A
  produced: 2026-06-01
- code: L2407B
  produced: 2026-07-01
"""
PAYLOAD = re.compile(r"HTTPS://QUANGTRUNG\.QUANGXUONG\.THANHHOA\.GOV\.VN/Q/NM/([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/")
PRODUCT = "products/nam-quyen/nuoc-mam-nam-quyen.yml"


@pytest.fixture
def batched(project):
    path = project.root / PRODUCT
    path.write_text(path.read_text(encoding="utf-8") + BATCH, encoding="utf-8")
    return project


def decoded_serials(pdf) -> list[str]:
    found = [result for page in pages_at_300_dpi(pdf) for result in read_qr_codes(page)]
    assert all(int(result.extra["Version"]) <= 4 and result.ec_level == "M" for result in found)
    matches = [PAYLOAD.fullmatch(result.text) for result in found]
    assert all(matches), [result.text for result in found if not PAYLOAD.fullmatch(result.text)]
    return [match.group(1) for match in matches]


def register_of(project):
    register, problems = stamps.read_stamp_register(project.products, path_shower(project.root))
    assert problems == []
    return register


def test_a_thousand_stamps_none_of_them_anywhere_but_the_pdf(batched):
    result = batched.ocop("stamps", "NM", "--batch", "L2406A", "--count", "1000")
    assert result.code == 0, result.text
    assert "phiên bản 4-M" in result.out and "1000 tem, 14 tờ A4" in result.out
    serials = decoded_serials(batched.root / "tem-in/tem-NM-L2406A-lan-1.pdf")
    assert len(serials) == 1000 and len(set(serials)) == 1000
    register = register_of(batched)
    assert [(i.code, i.batch, i.count, i.sample) for i in register.issues] == [("NM", "L2406A", 1000, True)]
    settings = register.settings
    assert {stamps.stamp_hash(stamps.normalise(s), settings.salt, settings.iterations) for s in serials} == register.hashes()
    assert batched.build().code == 0
    patterns = batched.root / "serials.txt"
    forms = {form for serial in serials for form in (serial, serial.replace("-", ""))}
    patterns.write_text("\n".join(sorted(forms)) + "\n", encoding="ascii")
    # grep, as anyone holding the repository or the site would: fixed strings, any letter case.
    for folder in ("products", "docs", "site", "mkdocs.yml", "overrides"):
        found = subprocess.run(["grep", "-r", "-i", "-l", "-F", "-f", str(patterns), folder], cwd=batched.root, capture_output=True, text=True)
        assert found.returncode == 1 and found.stdout == "", f"serials found in {found.stdout}"
    assert "\ntem-in/\n" in (ROOT / ".gitignore").read_text(encoding="utf-8")  # never committed by accident


def test_reissuing_adds_serials_and_never_reuses_one(batched):
    assert batched.ocop("stamps", "NM", "--batch", "L2406A", "--count", "80").code == 0
    salt_file = (batched.products / stamps.SETTINGS_FILE).read_text(encoding="utf-8")
    result = batched.ocop("stamps", "NM", "--batch", "L2406A", "--count", "90", "--size", "30x36")
    assert result.code == 0, result.text
    first = decoded_serials(batched.root / "tem-in/tem-NM-L2406A-lan-1.pdf")
    second = decoded_serials(batched.root / "tem-in/tem-NM-L2406A-lan-2.pdf")
    assert len(set(first)) == 80 and len(set(second)) == 90 and not set(first) & set(second)
    assert (batched.products / stamps.SETTINGS_FILE).read_text(encoding="utf-8") == salt_file  # never rewritten
    register = register_of(batched)
    assert [(i.count, i.size) for i in register.issues] == [(80, "24x30"), (90, "30x36")]
    assert len(register.hashes()) == 170
    assert batched.ocop("check").code == 0
    # A hand-removed line: `ocop check` names the file, the line and why.
    path = batched.products / "_registry/tem/NM/L2406A.yml"
    path.write_text(path.read_text(encoding="utf-8").rsplit("\n", 2)[0] + "\n", encoding="utf-8")
    result = batched.ocop("check")
    assert result.code == 1 and "products/_registry/tem/NM/L2406A.yml:6: trường 'issues'" in result.err and "sửa tay" in result.err


def test_a_serial_already_in_the_register_is_drawn_again(batched, monkeypatch):
    """In-process: the serials drawn are forced to repeat one already issued; it is refused."""
    project = loaded(batched.root / "mkdocs.yml")
    order = ops_stamps.StampOrder("NM", "L2406A", 3, LabelSize.parse("24x30"), batched.root / "tem-in")
    taken, fresh = stamps.new_serial(), [stamps.new_serial() for _ in range(3)]
    settings = stamps.StampSettings(b"0123456789abcdef", 1000)
    stamps.write_settings(batched.products, settings)
    digest = stamps.stamp_hash(taken, settings.salt, settings.iterations)
    stamps.append_issue(batched.products, "NM", "L2406A", "Ví Dụ", stamps.StampIssue("NM", "L2406A", project.settings.today, 1, "24x30", True, "", 0, (digest,)))
    register = register_of(batched)
    drawn = iter([taken, fresh[0], taken, fresh[1], fresh[2]])
    monkeypatch.setattr(ops_stamps, "new_serial", lambda: next(drawn))
    monkeypatch.setattr(ops_stamps, "CHUNK", 1)
    done = ops_stamps.issue_stamps(project.catalogue, project.settings, register, batched.products, order, True, workers=1)
    serials = {stamps.normalise(s) for s in decoded_serials(done.pdf)}
    assert serials == set(fresh)
    assert len(register_of(batched).hashes()) == 4


def test_a_failed_run_leaves_the_register_untouched(batched):
    """In-process: the PDF cannot be written (its name is taken by a folder): no register, no PDF."""
    project = loaded(batched.root / "mkdocs.yml")
    folder = batched.root / "tem-in"
    (folder / "tem-NM-L2406A-lan-1.pdf.tmp").mkdir(parents=True)
    order = ops_stamps.StampOrder("NM", "L2406A", 5, LabelSize.parse("24x30"), folder)
    with pytest.raises(OSError):
        ops_stamps.issue_stamps(project.catalogue, project.settings, project.stamps, batched.products, order, True, workers=1)
    assert not (batched.products / "_registry/tem").exists() and not (batched.products / stamps.SETTINGS_FILE).exists()
    assert not (folder / "tem-NM-L2406A-lan-1.pdf").exists()


def test_wrong_product_batch_or_address_is_refused_before_anything_is_written(batched):
    result = batched.ocop("stamps", "NM", "--batch", "L9999", "--count", "5")
    assert result.code == 1 and "không có lô 'L9999'" in result.err and "L2406A, L2407B" in result.err
    for count in ("0", "100001"):
        result = batched.ocop("stamps", "NM", "--batch", "L2406A", "--count", count)
        assert result.code == 1 and "số tem (--count) phải từ 1 đến 100.000" in result.err
    result = batched.ocop("stamps", "NX", "--batch", "L2406A", "--count", "5")
    assert result.code == 1 and "không có sản phẩm nào mang mã 'NX'" in result.err and "NM" in result.err
    config = batched.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("https://quangtrung.quangxuong.thanhhoa.gov.vn/", "http://127.0.0.1:8000/"), encoding="utf-8")
    result = batched.ocop("stamps", "NM", "--batch", "L2406A", "--count", "5")
    assert result.code == 1 and "không phải địa chỉ công khai" in result.err
    assert not (batched.products / "_registry/tem").exists() and not (batched.root / "tem-in").exists()


def test_the_sample_mark_goes_once_the_domain_is_confirmed(batched):
    result = batched.ocop("stamps", "NM", "--batch", "L2406A", "--count", "3")
    # The stamps go onto packs for years: the example's domain still names a district (gone since 1/7/2025).
    assert result.code == 0 and "Lưu ý về tên miền: quangtrung.quangxuong.thanhhoa.gov.vn có cả cấp huyện" in result.out
    confirm_domain(batched)
    result = batched.ocop("stamps", "NM", "--batch", "L2407B", "--count", "3")
    assert result.code == 0 and "MẪU" not in result.out
    import pypdfium2 as pdfium

    texts = [pdfium.PdfDocument(str(batched.root / f"tem-in/tem-NM-{b}-lan-1.pdf"))[0].get_textpage().get_text_range() for b in ("L2406A", "L2407B")]
    assert "MẪU – chưa in" in texts[0] and "MẪU" not in texts[1]
    assert all("Nước mắm Năm Quyền" in text and "xã Quảng Trung, Thanh Hóa" in text for text in texts)
    assert [i.sample for i in register_of(batched).issues] == [True, False]


def test_the_slow_hash_costs_what_the_arithmetic_says():
    """Measured, and printed to the test log (pytest -rP): one PBKDF2 of 5,000 iterations in Python."""
    salt = bytes(16)
    times = []
    for _ in range(20):
        start = time.perf_counter()
        stamps.stamp_hash(stamps.new_serial(), salt, stamps.ITERATIONS)
        times.append(time.perf_counter() - start)
    best, median = min(times) * 1000, sorted(times)[len(times) // 2] * 1000
    print(f"PBKDF2-HMAC-SHA256, {stamps.ITERATIONS} iterations, 120 bits: best {best:.1f} ms, median {median:.1f} ms")
    assert 0.2 < best < 300  # slow enough to be a hash worth the name, fast enough for a phone's one check
