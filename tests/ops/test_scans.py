"""`ocop report --access-log`: scans of the printed codes counted from the web server's own logs.

Three synthetic rotated logs (one gzip, given out of order) over two months hold what a real server
writes: an http → https redirect and the request it leads to, `/Q/NM` → `/Q/NM/`, a lower-case code
answered 200 by one server and 404 by nginx, crawlers, a HEAD, a 500, a code never issued, a retired
code, a batch address, a common-format line without user agent, a server in UTC at the end of a month,
and two lines that are no log line at all. Every count below was worked out by hand from those lines.
"""
from __future__ import annotations

import codecs
import gzip

import pytest

PHONE_A = "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 Chrome/129.0 Mobile Safari/537.36 Zalo"
PHONE_B = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
PHONE_C = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/128.0 Mobile Safari/537.36"
A, B, C = "203.0.113.5", "198.51.100.7", "192.0.2.9"


def line(address, when, request, status, agent=PHONE_A, zone="+0700"):
    return f'{address} - - [{when} {zone}] "{request} HTTP/1.1" {status} 512 "-" "{agent}"'


OCTOBER = [  # access.log.2.gz, the oldest
    line(A, "05/Oct/2026:08:00:00", "GET /Q/NM/", 301),  # the http:// address: redirected …
    line(A, "05/Oct/2026:08:00:01", "GET /Q/NM/", 200),  # … and answered: one scan
    line(B, "05/Oct/2026:09:00:00", "GET /q/nm/", 200, PHONE_B),  # lower case, answered by this server
    line(B, "05/Oct/2026:09:30:00", "GET /Q/NM/", 200, PHONE_B),  # again the same day: a scan, not a visitor
    line(A, "06/Oct/2026:10:00:00", "GET /Q/NM/", 200),  # the next day: another visitor-day
    line("66.249.66.1", "07/Oct/2026:03:00:00", "GET /Q/NM/", 200, "Mozilla/5.0 (compatible; Googlebot/2.1)"),
    line(C, "08/Oct/2026:11:00:00", "GET /Q/XYZ/", 404, PHONE_C),  # never issued
    "this is not a log line",
    line(C, "09/Oct/2026:11:00:00", "HEAD /Q/NEM/", 200, PHONE_C),  # not a GET
]
LATE_OCTOBER = [  # access.log.1
    line(C, "31/Oct/2026:18:30:00", "GET /Q/NEM/", 200, PHONE_C, zone="+0000"),  # 01:30 on 1 November in Vietnam
    line(A, "02/Nov/2026:07:00:00", "GET /q/nem/", 404),  # nginx: no lower-case folder, its 404 page sends on …
    line(A, "02/Nov/2026:07:00:01", "GET /Q/NEM/", 200),  # … to the upper case: one scan
    line(A, "02/Nov/2026:07:05:00", "GET /Q/NM", 301),  # without the slash …
    line(A, "02/Nov/2026:07:05:00", "GET /Q/NM/", 200),  # … redirected: one scan
    line(A, "02/Nov/2026:07:10:00", "GET /Q/NM/", 200),  # scanned again five minutes later
    line(B, "03/Nov/2026:12:00:00", "GET /Q/XYZ/", 404, PHONE_B),  # the unknown code again
    line(B, "03/Nov/2026:12:01:00", "GET /Q/mt/", 200, PHONE_B),  # a retired product's code
    line("5.255.231.1", "03/Nov/2026:12:02:00", "GET /Q/NEM/", 200, "Mozilla/5.0 (compatible; YandexSpider/3.0)"),
    line("31.13.127.1", "03/Nov/2026:12:03:00", "GET /Q/NEM/", 200, "Zalo Link Preview/1.0"),
    line(C, "03/Nov/2026:12:04:00", "GET /Q/NM/", 500, PHONE_C),  # the server failed: not a scan
]
NOVEMBER = [  # access.log, the current one; common format (no user agent)
    '192.0.2.50 - - [15/Nov/2026:10:00:00 +0700] "GET /Q/NEM/?utm_source=zalo HTTP/1.1" 200 512',
    '192.0.2.50 - - [15/Nov/2026:10:00:30 +0700] "GET /Q/NEM/L2026A/ HTTP/1.1" 200 512',  # a batch's code
    '192.0.2.50 - - [99/Foo/2026:10:00:00 +0700] "GET /Q/NEM/ HTTP/1.1" 200 512',
    '192.0.2.50 - - [15/Nov/2026:10:01:00 +0700] "GET /san-pham/nem-huan-hong/ HTTP/1.1" 200 9000',
    "",
]
RETIRED = (
    "name: Mắm tôm cũ\nslug: mam-tom-cu\ncode: MT\nproducer: nam-quyen\ngroup: thuc-pham\n"
    "retired:\n  date: 01/06/2026\n  note: Cơ sở ngừng làm mắm tôm\n"
)
EXPECTED_CSV = [  # robots: Googlebot on NM in October; YandexSpider and the Zalo preview on NEM in November
    ["code", "month", "scans", "visitors", "robots"],
    ["NEM", "2026-10", "0", "0", "0"],
    ["NEM", "2026-11", "4", "3", "2"],
    ["NM", "2026-10", "4", "3", "1"],
    ["NM", "2026-11", "2", "1", "0"],
]


@pytest.fixture
def logs(project):
    project.write("products/nam-quyen/mam-tom-cu.yml", RETIRED)
    registry = project.products / "_registry/codes.yml"
    registry.write_text(registry.read_text(encoding="utf-8") + "MT: mam-tom-cu\n", encoding="utf-8")
    folder = project.root / "logs"
    folder.mkdir()
    with gzip.open(folder / "access.log.2.gz", "wt", encoding="utf-8") as stream:
        stream.write("\n".join(OCTOBER) + "\n")
    (folder / "access.log.1").write_text("\n".join(LATE_OCTOBER) + "\n", encoding="utf-8")
    (folder / "access.log").write_text("\n".join(NOVEMBER) + "\n", encoding="utf-8")
    # Given in no particular order, as a shell's wildcard or an officer lists them.
    return project, ["logs/access.log", "logs/access.log.2.gz", "logs/access.log.1"]


def test_scans_per_code_and_month_in_the_csv(logs):
    project, files = logs
    result = project.ocop("report", "--access-log", *files, "--csv", "luot-quet.csv")
    assert result.code == 0, result.text
    data = (project.root / "luot-quet.csv").read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    rows = [row.split(",") for row in data.decode("utf-8-sig").splitlines()]
    assert rows == EXPECTED_CSV
    assert "Đã ghi số lượt quét mã QR vào luot-quet.csv" in result.out


def test_terminal_report_names_unknown_and_retired_codes_and_skipped_lines(logs):
    project, files = logs
    result = project.ocop("report", "--access-log", *files)
    assert result.code == 0, result.text
    out = result.out
    assert "## Lượt quét mã QR trên bao bì, theo tháng" in out
    assert "| NM  | Nước mắm Năm Quyền | 10/2026 |         4 |          3 |" in out
    assert "| NEM | Nem Huân Hồng      | 11/2026 |         4 |          3 |" in out
    strays = out.split("## Mã lạ được quét")[1]
    assert "| XYZ |         2 | 08/10/2026 | 03/11/2026 | chưa từng được cấp" in strays
    assert "| MT  |         1 | 03/11/2026 | 03/11/2026 | sản phẩm đã ngừng sản xuất: Mắm tôm cũ" in strays
    # 9 + 11 + 4 lines that are not blank; Googlebot, YandexSpider and the Zalo preview left out.
    assert "Đã đọc 24 dòng từ 3 tệp nhật ký; đã để riêng 3 lượt của máy, không phải người quét" in out
    assert ("Bỏ qua 2 dòng nhật ký không đúng dạng combined hay common (hoặc ghi ngày trước năm 2020 hay sau hôm nay): "
            "logs/access.log:3, logs/access.log.2.gz:8.") in result.err
    # The visitors' addresses are never written out, only counted.
    for address in (A, B, C, "192.0.2.50"):
        assert address not in result.text


def test_a_missing_log_is_an_error_naming_it(logs):
    project, files = logs
    result = project.ocop("report", "--access-log", files[0], "logs/access.log.3.gz", "--csv", "luot-quet.csv")
    assert result.code == 1
    assert "Không đọc được nhật ký truy cập: không thấy tệp nhật ký logs/access.log.3.gz." in result.err
    assert "Traceback" not in result.text
    assert not (project.root / "luot-quet.csv").exists()


def test_a_broken_gzip_rotation_is_an_error_naming_it(logs):
    project, _ = logs
    whole = gzip.compress("\n".join(OCTOBER * 20).encode())
    (project.root / "logs/access.log.4.gz").write_bytes(whole[: len(whole) // 2])  # cut off mid-copy
    result = project.ocop("report", "--access-log", "logs/access.log.4.gz")
    assert result.code == 1 and "Traceback" not in result.text
    assert "không đọc được tệp nhật ký logs/access.log.4.gz" in result.err


def test_without_logs_the_csv_is_the_full_report(project):
    """--csv keeps its meaning without --access-log: every table of the report, one under another."""
    result = project.ocop("report", "--csv", "bao-cao.csv")
    assert result.code == 0, result.text
    text = (project.root / "bao-cao.csv").read_text(encoding="utf-8-sig")
    assert text.startswith("\"Báo cáo Chương trình OCOP") and "code,month,scans,visitors" not in text


def test_readme_says_github_pages_keeps_no_logs():
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "ocop report --access-log" in readme and "GitHub Pages" in readme.split("ocop report --access-log")[1][:400]


def test_a_rotation_given_twice_counts_once(logs):
    """`access.log.1` and, after logrotate compressed it, `access.log.1.gz`: the same lines in two files."""
    project, files = logs
    folder = project.root / "logs"
    (folder / "access.log.1.gz").write_bytes(gzip.compress((folder / "access.log.1").read_bytes()))
    result = project.ocop("report", "--access-log", *files, "logs/access.log.1.gz", "--csv", "luot-quet.csv")
    assert result.code == 0, result.text
    rows = [row.split(",") for row in (project.root / "luot-quet.csv").read_text(encoding="utf-8-sig").splitlines()]
    assert rows == EXPECTED_CSV
    assert "Bỏ qua 11 dòng đã có trong tệp nhật ký khác" in result.out


PHONE = ("Mozilla/5.0 (Linux; Android 14; SM-A556E Build/UP1A.231005.007) AppleWebKit/537.36 (KHTML, like Gecko) "
         "Chrome/131.0.6778.135 Mobile Safari/537.36")
ROBOTS = {  # what fetches a short address once it is pasted in a chat, or scans the Internet
    "Zalo": "Mozilla/5.0 (compatible; Zalo/1.0; +https://zalo.me)",
    "Zalo PC": "ZaloPC-win32-24v1.0",
    "Facebook": "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Meta": "meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)",
    "Facebot": "Facebot",
    "Messenger": "facebookexternalhit/1.1;line-poker/1.0",
    "WhatsApp": "WhatsApp/2.23.20.0 A",
    "Telegram": "TelegramBot (like TwitterBot)",
    "Viber": "Viber/20.8.0",
    "curl": "curl/8.5.0",
    "requests": "python-requests/2.32.3",
    "Wget": "Wget/1.21.4",
    "Go": "Go-http-client/1.1",
    "HeadlessChrome": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
    "zgrab": "Mozilla/5.0 zgrab/0.x",
    "Nmap": "Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)",
    "Censys": "Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)",
    "Google-InspectionTool": "Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) "
                             "Chrome/131.0.6778.135 Mobile Safari/537.36 (compatible; Google-InspectionTool/1.0;)",
    "okhttp": "okhttp/4.12.0",
    "axios": "axios/1.7.9",
    "node-fetch": "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)",
    "no user agent": "-",
}


def test_only_the_phone_is_counted_among_robots(project):
    """A phone scans once; every robot listed fetches the same code from its own address. The phone in
    Zalo's own browser (after scanning with Zalo) is a person too, on another day."""
    zalo_browser = PHONE + " Zalo android/12100 ZaloTheme/light ZaloLanguage/vn"
    lines = [line(A, "05/Oct/2026:08:00:00", "GET /Q/NM/", 200, PHONE),
             line(B, "06/Oct/2026:08:00:00", "GET /Q/NM/", 200, zalo_browser)]
    lines += [line(f"192.0.2.{index}", "05/Oct/2026:09:00:00", "GET /Q/NM/", 200, agent)
              for index, agent in enumerate(ROBOTS.values(), start=10)]
    project.write("logs/access.log", "\n".join(lines) + "\n")
    result = project.ocop("report", "--access-log", "logs/access.log", "--csv", "luot-quet.csv")
    assert result.code == 0, result.text
    rows = [row.split(",") for row in (project.root / "luot-quet.csv").read_text(encoding="utf-8-sig").splitlines()]
    assert ["NM", "2026-10", "2", "2", str(len(ROBOTS))] in rows
    assert f"đã để riêng {len(ROBOTS)} lượt của máy, không phải người quét" in result.out
    assert "| NM  | Nước mắm Năm Quyền | 10/2026 |         2 |          2 |" in result.out


def test_a_line_dated_outside_the_sites_lifetime_is_not_a_month(project):
    """Year 0001 or 9999 (a broken clock, a forged line), 2019, or the day after the build: skipped and
    named, never a month row."""
    lines = [line(A, "05/Oct/2026:08:00:00", "GET /Q/NM/", 200, PHONE),
             line(A, "01/Jan/0001:00:00:00", "GET /Q/NM/", 200, PHONE),
             line(A, "31/Dec/9999:23:59:59", "GET /Q/NM/", 200, PHONE),
             line(A, "31/Dec/2019:12:00:00", "GET /Q/NM/", 200, PHONE),
             line(A, "16/Mar/2026:08:00:00", "GET /Q/NM/", 200, PHONE)]
    project.write("logs/access.log", "\n".join(lines) + "\n")
    result = project.ocop("report", "--access-log", "logs/access.log", "--csv", "luot-quet.csv",
                          env={"SOURCE_DATE_EPOCH": "1773900000"})  # 19/03/2026: the 16th is fine, October not
    assert result.code == 0, result.text
    months = [row.split(",")[1] for row in (project.root / "luot-quet.csv").read_text(encoding="utf-8-sig").splitlines()[1:]]
    assert sorted(set(months)) == ["2026-03"]
    assert "Bỏ qua 4 dòng nhật ký" in result.err and "logs/access.log:2, logs/access.log:3, logs/access.log:4" in result.err
