"""Copied stamps caught from the access logs (ops/stamp_counts.py): the build's counts on the stamp pages,
the verdict cache, `ocop report`, the review.

A register of three stamps of one batch is issued with the register's own functions (`issue_stamps`: the
serials are drawn at random, none is written here). A synthetic log, as nginx writes it, checks the first
stamp on 8 phones (with a lower-case address forwarded to the printed one, which is one check), the
second on one phone on two days, an invented well-formed serial once, and has robots (a crawler, a chat
app's link preview, curl, a line with no user agent) fetch the first stamp's address: they are not counted.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import re

import docx
import pytest
from conftest import ROOT, TODAY, TODAY_ENV, StaticHost, issue_stamps, loaded, serve

from ocop.model.stamps import new_serial, printed
from ocop.ops.scans import read_hits
from ocop.ops.stamp_counts import NEW_VERDICTS_PER_BUILD, count_stamps

PHONE = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 Chrome/129.0 Mobile Safari/537.36"
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
ROBOTS = ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "facebookexternalhit/1.1",
          "curl/8.5.0", "-"]
PHONE_ADDRESSES = [f"203.0.113.{10 + number}" for number in range(8)]
LONE = "198.51.100.7"
BATCH = """
batches:
  - code: L2406A
    produced: 15/03/2024
    expires: 15/03/2026
"""
EMAIL = "tem-thu-nghiem@example.com"  # plainly fictional: the commune's contact the warning must show
SCREENSHOTS = ROOT / "tests" / "screenshots"
FIRST = TODAY - dt.timedelta(days=9)


def line(address, when: dt.datetime, path, status=200, agent=PHONE):
    return f'{address} - - [{when.strftime("%d/%b/%Y:%H:%M:%S")} +0700] "GET {path} HTTP/1.1" {status} 512 "-" "{agent}"'


def synthetic_log(copied: str, lone: str, invented: str) -> list[str]:
    day = dt.datetime.combine(FIRST, dt.time(8))
    lines = []
    for number, address in enumerate(PHONE_ADDRESSES):  # 8 phones, a day apart
        when = day + dt.timedelta(days=number)
        agent = IPHONE if number % 2 else PHONE
        if number == 0:  # lower case: nginx's 404 page sends it on to the printed address, one check
            lines.append(line(address, when, f"/q/nm/{printed(copied).lower()}/", 404, agent))
        lines.append(line(address, when + dt.timedelta(seconds=2), f"/Q/NM/{printed(copied)}/", 200, agent))
    for number, agent in enumerate(ROBOTS * 3):
        lines.append(line(f"192.0.2.{number}", day + dt.timedelta(hours=number), f"/Q/NM/{printed(copied)}/", 200, agent))
    lines.append(line(LONE, day + dt.timedelta(days=2), f"/Q/NM/{printed(lone)}/", 200, IPHONE))
    lines.append(line(LONE, day + dt.timedelta(days=5), f"/Q/NM/{lone}/", 200, IPHONE))  # typed without dashes
    lines.append(line(LONE, day + dt.timedelta(days=6), f"/Q/NM/{printed(invented)}/", 200, IPHONE))
    return lines


def count_access_log(project, setting: str = "access_log: logs/access.log*") -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("      products_dir: products\n", f"      products_dir: products\n      {setting}\n")
    config.write_text(text.replace("    # email:\n", f"    email: {EMAIL}\n"), encoding="utf-8")


@pytest.fixture
def stamped(project):
    """The example project with three stamps of batch L2406A of Nước mắm Năm Quyền and a log checking two."""
    product = project.products / "nam-quyen/nuoc-mam-nam-quyen.yml"
    product.write_text(product.read_text(encoding="utf-8") + BATCH, encoding="utf-8")
    copied, lone, _ = issue_stamps(project, "NM", "L2406A", 3, day=str(TODAY - dt.timedelta(days=30)))
    invented = new_serial()
    project.write("logs/access.log", "\n".join(synthetic_log(copied, lone, invented)) + "\n")
    count_access_log(project)
    return project, copied, lone, invented


def test_the_build_counts_phones_and_checks_of_registered_stamps_only(stamped, monkeypatch):
    project, copied, lone, invented = stamped
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY_ENV["SOURCE_DATE_EPOCH"])
    figures = loaded(project.root / "mkdocs.yml").stamp_figures
    by_serial = {stamp.serial: stamp for stamp in figures.stamps}
    assert set(by_serial) == {copied, lone}  # the invented serial is not among them: counted apart
    first = FIRST
    copied_checks = by_serial[copied].checks
    assert (copied_checks.checks, copied_checks.phones, copied_checks.first, copied_checks.last) == (
        8, 8, first, first + dt.timedelta(days=7))
    lone_checks = by_serial[lone].checks
    assert (lone_checks.checks, lone_checks.phones) == (2, 1)
    assert [stamp.serial for stamp in figures.suspects] == [copied]
    assert figures.unknown == {"NM": 1}
    assert figures.pending == 0
    counts = figures.counts
    assert counts.counted and counts.as_of == TODAY and counts.warning_phones == 3


def test_a_rotated_gzipped_log_matched_by_the_glob_is_counted(stamped, monkeypatch):
    """logrotate's `access.log.1.gz` beside `access.log`: the glob of `access_log:` takes both."""
    project, copied, lone, _ = stamped
    lines = (project.root / "logs/access.log").read_text(encoding="utf-8").splitlines(keepends=True)
    with gzip.open(project.root / "logs/access.log.1.gz", "wt", encoding="utf-8") as older:
        older.writelines(lines[:6])
    (project.root / "logs/access.log").write_text("".join(lines[6:]), encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY_ENV["SOURCE_DATE_EPOCH"])
    figures = loaded(project.root / "mkdocs.yml").stamp_figures
    phones = {stamp.serial: (stamp.checks.checks, stamp.checks.phones) for stamp in figures.stamps}
    assert phones == {copied: (8, 8), lone: (2, 1)}


def test_the_warning_threshold_is_the_plugin_option_and_under_one_refused(stamped, monkeypatch):
    project, copied, _, _ = stamped
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY_ENV["SOURCE_DATE_EPOCH"])
    config.write_text(text.replace("access_log: logs/access.log*", "access_log: logs/access.log*\n      stamp_warning_phones: 8"), encoding="utf-8")
    assert loaded(config).stamp_figures.suspects == []  # 8 phones is not more than 8
    config.write_text(text.replace("access_log: logs/access.log*", "access_log: logs/access.log*\n      stamp_warning_phones: 7"), encoding="utf-8")
    assert [stamp.serial for stamp in loaded(config).stamp_figures.suspects] == [copied]
    config.write_text(text.replace("access_log: logs/access.log*", "access_log: logs/access.log*\n      stamp_warning_phones: 0"), encoding="utf-8")
    result = project.build(env=TODAY_ENV)
    assert result.code != 0 and "Traceback" not in result.text
    assert "số điện thoại để cảnh báo tem bị sao chép phải từ 1 trở lên (mặc định 3)" in result.text


def test_verdicts_are_kept_between_builds_and_new_ones_capped(stamped, monkeypatch):
    """A flood of invented serials: at most the cap is hashed a build; what was hashed is not hashed again."""
    project, copied, lone, _ = stamped
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY_ENV["SOURCE_DATE_EPOCH"])
    site = loaded(project.root / "mkdocs.yml")
    hits = read_hits([project.root / "logs/access.log"], "/", last_day=TODAY)
    cache = project.root / ".cache/ocop/stamp-verdicts.json"
    capped = count_stamps(hits, site.stamps, TODAY, 3, cache, limit=2)
    assert capped.pending == 1 and len(capped.stamps) + sum(capped.unknown.values()) == 2
    text = cache.read_text(encoding="utf-8")
    assert not any(serial in text for serial in (copied, lone))  # keyed by a hash, as private as the logs
    again = count_stamps(hits, site.stamps, TODAY, 3, cache, limit=1)  # two known, one new
    assert again.pending == 0 and len(again.stamps) == 2 and again.unknown == {"NM": 1}
    assert NEW_VERDICTS_PER_BUILD <= 2000  # ≤ 8 s of hashing a nightly rebuild


def test_report_lists_the_suspect_stamp_and_the_review_includes_it(stamped):
    project, copied, lone, invented = stamped
    result = project.ocop("report", "--access-log", "logs/access.log", env=TODAY_ENV)
    assert result.code == 0, result.text
    suspects = result.out.split("## Tem nghi bị sao chép: được kiểm tra trên hơn 3 điện thoại khác nhau")[1].split("##")[0]
    first = FIRST
    row = (rf"\| {printed(copied)} \| Nước mắm Năm Quyền \| L2406A \| +8 \| +8 \| {first:%d/%m/%Y} \| "
           rf"{first + dt.timedelta(days=7):%d/%m/%Y} \|")
    assert re.search(row, suspects), suspects
    assert printed(lone) not in result.out and printed(invented) not in result.out
    unknown = result.out.split("## Số tem không do xã cấp đã được quét")[1]
    assert re.search(r"\| NM +\| Nước mắm Năm Quyền \| +1 \|", unknown)
    # Stamp checks are scans of their product too (8 + 2 + 1 by people; the robots set aside).
    assert re.search(r"\| NM +\| Nước mắm Năm Quyền \| 03/2026 \| +11 \|", result.out), result.out

    review = project.ocop("report", "--review", "2026-03", "--docx", "bao-cao.docx", "--access-log", "logs/access.log", env=TODAY_ENV)
    assert review.code == 0, review.text
    document = docx.Document(str(project.root / "bao-cao.docx"))
    texts = [paragraph.text for paragraph in document.paragraphs]
    cells = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert any("Tem nghi bị sao chép" in text for text in texts)
    assert any(printed(copied) in row and "L2406A" in row and "8" in row for row in cells), cells


def verdict(page) -> str:
    """The stamp page's verdict once stamp.js has drawn it (a selector: the site's policy forbids eval)."""
    page.wait_for_selector("html[data-ocop-stamp]", state="attached", timeout=15000)
    return page.locator("#ocop-stamp-verdict").inner_text()


def test_after_the_build_the_copied_stamp_warns_and_the_other_does_not(stamped, phone):
    project, copied, lone, _ = stamped
    result = project.build(env=TODAY_ENV)
    assert result.code == 0, result.text
    assert "1 tem nghi bị sao chép (trên 3 điện thoại)" in result.text  # the nightly build's log says so too
    with serve(project.site, StaticHost) as host:
        phone.goto(f"{host}Q/NM/{printed(copied)}/")
        text = verdict(phone)
        assert f"Đã được kiểm tra 8 lần trên 8 điện thoại khác nhau, lần đầu ngày {FIRST:%d/%m/%Y} (số liệu đến ngày {TODAY:%d/%m/%Y})." in text
        assert "Tem này đã được kiểm tra trên 8 điện thoại khác nhau: có thể đã bị sao chép." in text
        assert "Checked 8 times on 8 different phones" in text  # the English under it
        report = phone.locator("#ocop-stamp-report")
        assert report.is_visible() and EMAIL in report.inner_text()  # the commune's contact, from mkdocs.yml
        SCREENSHOTS.mkdir(exist_ok=True)
        phone.screenshot(path=SCREENSHOTS / "tem-bi-sao-chep.png", full_page=True)

        phone.goto(f"{host}Q/NM/{printed(lone)}/")
        text = verdict(phone)
        assert "Đã được kiểm tra 2 lần trên 1 điện thoại khác nhau" in text
        assert "có thể đã bị sao chép" not in text and phone.locator("#ocop-stamp-report").is_hidden()
        assert "Trang này không đếm" not in phone.locator(".md-content").inner_text()


def test_the_published_counts_name_no_serial_address_or_browser(stamped):
    project, copied, lone, invented = stamped
    result = project.build(env=TODAY_ENV)
    assert result.code == 0, result.text
    seen = {}
    for bucket in (project.site / "kiem-tra/h").glob("*.json"):
        seen |= json.loads(bucket.read_text(encoding="utf-8"))["seen"]
    assert sorted(seen.values()) == sorted([
        [8, 8, str(FIRST), str(FIRST + dt.timedelta(days=7))],
        [2, 1, str(FIRST + dt.timedelta(days=2)), str(FIRST + dt.timedelta(days=5))],
    ])
    secrets = [*PHONE_ADDRESSES, LONE, "192.0.2.", "203.0.113.", "Android 14", "iPhone OS", "Googlebot/2.1", "curl/8"]
    secrets += [form(serial) for serial in (copied, lone, invented) for form in (str, printed, str.lower)]
    found = [
        (str(path.relative_to(project.site)), secret)
        for path in project.site.rglob("*") if path.is_file()
        for secret in secrets if secret.encode() in path.read_bytes()
    ]
    assert not found


def published_checks(site) -> list[list]:
    """What the built site's buckets say of each checked stamp: [checks, phones, first day, last day]."""
    seen = {}
    for bucket in (site / "kiem-tra/h").glob("*.json"):
        seen |= json.loads(bucket.read_text(encoding="utf-8"))["seen"]
    return sorted(seen.values())


def test_the_next_night_s_log_shows_though_no_product_changed(stamped):
    """The nightly rebuild keeps the pages it made while the data is the same (engine/page_cache.py): a new
    day of the log alone must still reach the published counts."""
    project, copied, lone, _ = stamped
    assert project.build(env=TODAY_ENV).code == 0
    assert [2, 1, str(FIRST + dt.timedelta(days=2)), str(FIRST + dt.timedelta(days=5))] in published_checks(project.site)
    later = dt.datetime.combine(FIRST + dt.timedelta(days=8), dt.time(9))
    with (project.root / "logs/access.log").open("a", encoding="utf-8") as log:
        log.write(line("198.51.100.8", later, f"/Q/NM/{printed(lone)}/", 200, PHONE) + "\n")
    result = project.build(env=TODAY_ENV)
    assert result.code == 0, result.text
    assert [3, 2, str(FIRST + dt.timedelta(days=2)), str(FIRST + dt.timedelta(days=8))] in published_checks(project.site)


def test_a_log_that_cannot_be_read_stops_the_build_naming_the_option(stamped):
    project, *_ = stamped
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("access_log: logs/access.log*", "access_log: [logs/access.log*, logs/khong-co.log]")
    config.write_text(text, encoding="utf-8")
    result = project.build(env=TODAY_ENV)
    assert result.code != 0 and "Traceback" not in result.text
    assert "trường 'plugins.ocop.access_log': không có tệp nhật ký nào khớp với logs/khong-co.log" in result.text
