"""A per-pack stamp checked on the buyer's phone: the product's stamp page /Q/<CODE>/kiem-tra-tem/, what a
stamp's own address /Q/<CODE>/XXXX-XXXX-XXXX/ opens, and /kiem-tra/ and /en/check/ where a buyer types
the serial (pages/stamp_page.py, engine/theme/assets/javascripts/stamp.js, short-address.js).

The site is served as GitHub Pages serves it (`StaticHost`: 404.html for a missing path): a stamp's
address has no file, so it reaches the stamp page through the 404 page alone. Serials are made by the
register's own functions (`issue_stamps`), never written in a test. Through nginx: tests/ops/test_nginx.py.
"""
from __future__ import annotations

import json
import time

import pytest
from conftest import ROOT, StaticHost, copy_project, full_tier_fixture, issue_stamps, serve, text_of
from ocop.model.stamps import new_serial, printed

BATCH = "batches:\n  - code: L2406A\n    produced: 01/06/2024\n"
NEM_BATCH = "batches:\n  - code: N1\n    produced: 01/11/2026\n"
SCREENSHOTS = ROOT / "tests" / "screenshots"
VALID = "Tem số {serial} do xã Quảng Trung cấp cho lô L2406A của Nước mắm Năm Quyền, ngày 07/12/2026."


@full_tier_fixture(scope="module")
def stamped(tmp_path_factory):
    """The example site with 5 stamps of the fish sauce's batch L2406A, 2 sample stamps of it, and 2
    stamps of the nem's batch N1, built."""
    project = copy_project(tmp_path_factory.mktemp("stamps") / "project")
    for name, batch in (("nam-quyen/nuoc-mam-nam-quyen.yml", BATCH), ("huan-hong/nem-huan-hong.yml", NEM_BATCH)):
        text = (project.root / "products" / name).read_text(encoding="utf-8")
        project.write(f"products/{name}", text + batch)
    serials = {
        "valid": issue_stamps(project, "NM", "L2406A", 5),
        "sample": issue_stamps(project, "NM", "L2406A", 2, sample=True),
        "nem": issue_stamps(project, "NEM", "N1", 2),
    }
    result = project.build()
    assert result.code == 0, result.text
    return project, serials


@pytest.fixture(scope="module")
def host(stamped):
    with serve(stamped[0].site, StaticHost) as address:
        yield address


def verdict(page, timeout: float = 15000) -> str:
    """The verdict once stamp.js has drawn it (the page's root then carries its state)."""
    # A selector, not a polled function: the site's Content-Security-Policy (nginx) forbids eval.
    page.wait_for_selector("html[data-ocop-stamp]", state="attached", timeout=timeout)
    return page.locator("#ocop-stamp-verdict").inner_text()


def invented() -> str:
    """A well-formed serial nobody issued (55 random bits: never one of the register's)."""
    return new_serial()


def test_a_scanned_stamp_says_which_batch_the_commune_issued_it_for(stamped, host, phone):
    serial = stamped[1]["valid"][0]
    address = f"{host}Q/NM/{printed(serial)}/"
    started = time.perf_counter()
    phone.goto(address)
    text = verdict(phone)
    elapsed = time.perf_counter() - started
    check_ms = float(phone.evaluate("document.documentElement.getAttribute('data-ocop-stamp-ms')"))
    print(f"\nstamp checked in Chromium (static host, 404 forwarding): {check_ms:.0f} ms in the page, {elapsed * 1000:.0f} ms from the scan")
    assert VALID.format(serial=printed(serial)) in text
    assert "was issued by Quảng Trung commune for batch L2406A" in text  # its English under it
    assert phone.get_attribute("html", "data-ocop-stamp") == "valid"
    assert phone.url == address  # the printed address back in the address bar
    assert elapsed < 1.0 + 1.5  # one second on the phone, plus the static host's extra page (404.html) here
    assert check_ms < 1000
    assert phone.locator("#ocop-stamp-report").is_hidden()
    assert "Trang này không đếm số lần kiểm tra tem" in phone.locator(".md-content").inner_text()
    phone.locator("a", has_text="Lô L2406A").click()
    phone.wait_for_url(f"{host}san-pham/nuoc-mam-nam-quyen/lo/L2406A/")
    SCREENSHOTS.mkdir(exist_ok=True)
    phone.goto(address)
    verdict(phone)
    phone.screenshot(path=SCREENSHOTS / "tem-hop-le.png")


@pytest.mark.parametrize("shape", ["lower case", "no dashes", "lower case, no dashes"])
def test_a_stamp_address_in_any_case_and_without_dashes_is_checked(stamped, host, phone, shape):
    serial = stamped[1]["valid"][1]
    typed = {"lower case": printed(serial).lower(), "no dashes": serial, "lower case, no dashes": serial.lower()}[shape]
    phone.goto(f"{host}q/nm/{typed}/")
    assert VALID.format(serial=printed(serial)) in verdict(phone)
    assert phone.url == f"{host}Q/NM/{printed(serial)}/"


def test_an_invented_stamp_was_not_issued_and_says_whom_to_tell(stamped, host, phone):
    serial = invented()
    phone.goto(f"{host}Q/NM/{printed(serial)}/")
    text = verdict(phone)
    assert f"Tem số {printed(serial)} không do xã Quảng Trung cấp. Gói hàng này có thể là hàng giả" in text
    assert f"Stamp no. {printed(serial)} was not issued by Quảng Trung commune" in text
    report = phone.locator("#ocop-stamp-report")
    assert report.is_visible() and "Ủy ban nhân dân xã Quảng Chính" in report.inner_text()
    assert "hãy hỏi tại trụ sở" in report.inner_text()  # no contact in mkdocs.yml: none invented, the office named
    phone.screenshot(path=SCREENSHOTS / "tem-khong-do-xa-cap.png")


def test_an_address_with_a_wrong_character_is_not_corrected_but_can_be_typed_again(stamped, host, phone):
    """A printed code never mistypes: a wrong character on the address is not issued, and no valid number
    one character away is shown; the buyer who typed the address by hand may type the number again, and
    the form offers the correction as /kiem-tra/ does."""
    serial = stamped[1]["valid"][2]
    wrong = serial[:5] + ("A" if serial[5] != "A" else "B") + serial[6:]
    phone.goto(f"{host}Q/NM/{printed(wrong)}/")
    text = verdict(phone)
    assert "không do xã Quảng Trung cấp" in text and "Nếu bạn tự gõ địa chỉ này, có thể đã gõ sai một ký tự" in text
    assert printed(serial) not in phone.content()
    assert phone.input_value("#ocop-stamp-serial") == printed(wrong)
    phone.click("#ocop-stamp-form button")
    phone.wait_for_selector("html[data-ocop-stamp='corrections']", state="attached", timeout=15000)
    assert f"Có phải tem số {printed(serial)}?" in phone.locator("#ocop-stamp-verdict").inner_text()
    phone.locator("#ocop-stamp-verdict a").first.click()
    phone.wait_for_url(f"{host}Q/NM/{printed(serial)}/")
    assert VALID.format(serial=printed(serial)) in verdict(phone)


def test_a_well_formed_serial_not_issued_offers_no_typing_again(stamped, host, phone):
    serial = invented()
    phone.goto(f"{host}Q/NM/{printed(serial)}/")
    assert "Nếu bạn tự gõ" not in verdict(phone)
    assert phone.locator("#ocop-stamp-form").is_hidden()


def test_a_sample_stamp_and_another_products_stamp_say_so(stamped, host, phone):
    sample, nem = stamped[1]["sample"][0], stamped[1]["nem"][0]
    phone.goto(f"{host}Q/NM/{printed(sample)}/")
    assert f"Tem số {printed(sample)} là tem MẪU (thử nghiệm)" in verdict(phone)
    phone.goto(f"{host}Q/NM/{printed(nem)}/")
    text = verdict(phone)
    assert f"Tem số {printed(nem)} do xã Quảng Trung cấp cho Nem Huân Hồng, không phải cho sản phẩm này" in text
    assert phone.locator("#ocop-stamp-report").is_visible()


def test_the_stamp_page_without_a_number_asks_for_one(stamped, host, phone):
    phone.goto(f"{host}Q/NM/kiem-tra-tem/")
    assert "Địa chỉ này không có số tem" in verdict(phone)
    serial = stamped[1]["valid"][3]
    phone.fill("#ocop-stamp-serial", printed(serial).lower())
    phone.click("#ocop-stamp-form button")
    phone.wait_for_url(f"{host}Q/NM/{printed(serial)}/")
    assert VALID.format(serial=printed(serial)) in verdict(phone)


def test_a_typed_serial_in_lower_case_opens_its_stamp(stamped, host, phone):
    serial = stamped[1]["valid"][4]
    phone.goto(f"{host}kiem-tra/")
    phone.fill("#ocop-stamp-serial", " " + printed(serial).lower().replace("0", "o").replace("1", "l") + " ")
    phone.click("#ocop-stamp-form button")
    phone.wait_for_url(f"{host}Q/NM/{printed(serial)}/")
    assert VALID.format(serial=printed(serial)) in verdict(phone)


def test_one_mistyped_character_is_corrected_at_the_check_page(stamped, host, phone):
    serial = stamped[1]["valid"][0]
    for position in (0, 6, 11):
        wrong = serial[:position] + ("X" if serial[position] != "X" else "Y") + serial[position + 1 :]
        phone.goto(f"{host}kiem-tra/")
        phone.fill("#ocop-stamp-serial", wrong)
        phone.click("#ocop-stamp-form button")
        text = verdict(phone)
        ms = float(phone.evaluate("document.documentElement.getAttribute('data-ocop-stamp-ms')"))
        print(f"\none mistyped character (position {position + 1}) corrected in {ms:.0f} ms")
        # Up to 16 serials one character away are hashed (the one second is promised for a stamp's address,
        # one hash); 2 s leaves room for a machine shared with other builds.
        assert f"Có phải tem số {printed(serial)}?" in text and ms < 2000
        phone.locator("#ocop-stamp-verdict a").first.click()
        phone.wait_for_url(f"{host}Q/NM/{printed(serial)}/")
        assert VALID.format(serial=printed(serial)) in verdict(phone)


def test_the_check_page_says_an_invented_or_malformed_number_plainly(stamped, host, phone):
    serial = invented()
    phone.goto(f"{host}kiem-tra/?so={printed(serial)}")
    assert f"Tem số {printed(serial)} không do xã Quảng Trung cấp" in verdict(phone)
    assert phone.locator("#ocop-stamp-report").is_visible()
    phone.fill("#ocop-stamp-serial", "ABC")
    phone.click("#ocop-stamp-form button")
    phone.wait_for_selector("html[data-ocop-stamp='not-a-serial']", state="attached")
    assert "Đây không phải số tem" in phone.locator("#ocop-stamp-verdict").inner_text()


def test_the_english_check_page_answers_in_english(stamped, host, phone):
    serial = invented()
    phone.goto(f"{host}en/check/")
    assert phone.locator("h1").inner_text() == "Check a stamp"
    phone.fill("#ocop-stamp-serial", printed(serial))
    phone.click("#ocop-stamp-form button")
    text = verdict(phone)
    assert f"Stamp no. {printed(serial)} was not issued by Quảng Trung commune" in text and "Tem số" not in text


def test_the_site_publishes_no_serial_only_buckets_of_hash_prefixes(stamped):
    project, serials = stamped
    site = project.site
    buckets = sorted((site / "kiem-tra" / "h").iterdir())
    assert len(buckets) == 256
    entries = sum(len(json.loads(path.read_text())["e"]) * 3 // 4 // 9 for path in buckets)
    assert entries == 9  # every stamp issued, once
    issues = json.loads((site / "kiem-tra" / "lo.json").read_text(encoding="utf-8"))
    assert [(issue["code"], issue["batch"], issue["sample"]) for issue in issues] == [
        ("NEM", "N1", False), ("NM", "L2406A", False), ("NM", "L2406A", True)]
    every = [serial for group in serials.values() for serial in group]
    forms = [form for serial in every for form in (serial, printed(serial), serial.lower())]
    for path in list(site.rglob("*")) + list((project.root / "products").rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            assert not [form for form in forms if form.encode() in data], path


def test_the_stamp_page_is_out_of_the_search_and_the_sitemap(stamped):
    site = stamped[0].site
    assert "kiem-tra-tem" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    html = (site / "Q" / "NM" / "kiem-tra-tem" / "index.html").read_text(encoding="utf-8")
    assert '<script type="application/json" id="ocop-stamp">' in html
    assert "Nước mắm Năm Quyền" in text_of(html) and "OCOP 3 sao" in text_of(html)
    assert (site / "Q" / "NEM" / "kiem-tra-tem" / "index.html").is_file()  # each product with stamps


def test_the_english_product_page_explains_stamps_to_tourists(stamped, host, phone):
    phone.goto(f"{host}en/products/nuoc-mam-nam-quyen/")
    note = phone.locator(".ocop-stamps-note")
    assert "Each pack has its own stamp" in note.inner_text() and "a stamp can be copied" in note.inner_text()
    note.locator("a").click()
    phone.wait_for_url(f"{host}en/check/")
    html = (stamped[0].site / "san-pham" / "nuoc-mam-nam-quyen" / "index.html").read_text(encoding="utf-8")
    assert "Mỗi gói có tem riêng" in text_of(html)


def test_a_product_without_stamps_says_nothing_of_them(built):
    """The example site has no stamps: no paragraph, no stamp page, no published hashes."""
    assert "Each pack has its own stamp" not in text_of((built.site / "en" / "products" / "nuoc-mam-nam-quyen" / "index.html").read_text(encoding="utf-8"))
    assert not (built.site / "kiem-tra").exists() and not (built.site / "Q" / "NM" / "kiem-tra-tem").exists()
