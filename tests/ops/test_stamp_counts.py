"""Copied stamps caught from the access logs (ops/stamp_counts.py): the build's counts, `ocop report`, the review.

A register of three stamps of one batch is issued with model/stamps.py's own functions (the serials are
drawn at random: none is written here). A synthetic log, as nginx writes it, checks the first stamp on
8 phones (with a lower-case address forwarded to the printed one, which is one check), the second on one
phone on two days, an invented well-formed serial once, and has robots (a crawler, a chat app's link
preview, curl, a line with no user agent) fetch the first stamp's address: they are not counted.
"""
from __future__ import annotations

import datetime as dt
import re

import docx
import pytest
from conftest import TODAY, TODAY_ENV, loaded

from ocop.model.stamps import StampIssue, append_issue, new_serial, new_settings, printed, stamp_hash, write_settings
from ocop.ops.stamp_counts import NEW_VERDICTS_PER_BUILD, count_stamps
from ocop.ops.scans import read_hits

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


def line(address, when: dt.datetime, path, status=200, agent=PHONE):
    return f'{address} - - [{when.strftime("%d/%b/%Y:%H:%M:%S")} +0700] "GET {path} HTTP/1.1" {status} 512 "-" "{agent}"'


def synthetic_log(copied: str, lone: str, invented: str) -> list[str]:
    day = dt.datetime.combine(TODAY - dt.timedelta(days=9), dt.time(8))
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


@pytest.fixture
def stamped(project):
    """The example project with three stamps of batch L2406A of Nước mắm Năm Quyền and a log checking two."""
    product = project.products / "nam-quyen/nuoc-mam-nam-quyen.yml"
    product.write_text(product.read_text(encoding="utf-8") + BATCH, encoding="utf-8")
    settings = new_settings()
    write_settings(project.products, settings)
    serials = [new_serial() for _ in range(3)]
    hashes = tuple(stamp_hash(serial, settings.salt, settings.iterations) for serial in serials)
    issue = StampIssue("NM", "L2406A", TODAY - dt.timedelta(days=30), 3, "24x30", False, "", 0, hashes)
    append_issue(project.products, "NM", "L2406A", "Nước mắm Năm Quyền", issue)
    copied, lone, _ = serials
    invented = new_serial()
    project.write("logs/access.log", "\n".join(synthetic_log(copied, lone, invented)) + "\n")
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("      products_dir: products\n", "      products_dir: products\n      access_log: logs/access.log*\n"), encoding="utf-8")
    return project, copied, lone, invented


def test_the_build_counts_phones_and_checks_of_registered_stamps_only(stamped, monkeypatch):
    project, copied, lone, invented = stamped
    monkeypatch.setenv("SOURCE_DATE_EPOCH", TODAY_ENV["SOURCE_DATE_EPOCH"])
    figures = loaded(project.root / "mkdocs.yml").stamp_figures
    by_serial = {stamp.serial: stamp for stamp in figures.stamps}
    assert set(by_serial) == {copied, lone}  # the invented serial is not among them: counted apart
    first = TODAY - dt.timedelta(days=9)
    copied_checks = by_serial[copied].checks
    assert (copied_checks.checks, copied_checks.phones, copied_checks.first, copied_checks.last) == (
        8, 8, first, first + dt.timedelta(days=7))
    lone_checks = by_serial[lone].checks
    assert (lone_checks.checks, lone_checks.phones) == (2, 1)
    assert [stamp.serial for stamp in figures.suspects] == [copied]
    assert figures.unknown == {"NM": 1}
    counts = figures.counts
    assert counts.counted and counts.as_of == TODAY and counts.threshold == 3
    assert not counts.suspect(lone_checks) and counts.suspect(copied_checks)
    # Published by the entry the bucket already shows: never a serial.
    published = [counts.bucket_seen(bucket) for bucket in range(256)]
    entries = {key: value for seen in published for key, value in seen.items()}
    assert sorted(entries.values()) == sorted([[8, 8, str(first), str(first + dt.timedelta(days=7))],
                                               [2, 1, str(first + dt.timedelta(days=2)), str(first + dt.timedelta(days=5))]])
    assert not any(serial in str(published) for serial in (copied, lone, invented))


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
    first = TODAY - dt.timedelta(days=9)
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
