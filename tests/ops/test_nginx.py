"""The sample nginx configuration (scripts/nginx/) serving a folder written by `ocop publish`.

The two sample files run as they are, with only the machine's details swapped in (ports on
127.0.0.1, a self-signed certificate, the published folder, the ACME folder, the snippet's path). `make
test` installs nginx and openssl where they are missing (scripts/install-test-tools.sh): these tests are
never skipped. What a commune running it for years relies on: Let's Encrypt's renewal reaches its token
over plain HTTP; plain HTTP goes to the configured name whatever Host is sent; HSTS, no version number,
Permissions-Policy; a Content-Security-Policy without inline scripts under which every kind of page works
in Chromium; a rate limit on /Q/ that a burst of scans never meets and a flood does.
"""
from __future__ import annotations

import concurrent.futures
import grp
import http.client
import gzip
import os
import pwd
import re
import shutil
import ssl
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import full_tier_fixture, OUTLET_SHOP, ROOT, free_port, issue_stamps, wait_until
from ocop.model.stamps import new_serial, printed

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
SAMPLE = ROOT / "scripts" / "nginx"

MAM_TOM = (
    "name: Mắm tôm thử nghiệm\nproducer: nam-quyen\ngroup: thuc-pham\ncode: MT\ncertification:\n  stars: 3\n"
    "batches:\n  - code: L1\n    produced: 01/03/2025\n"
)
SERVER_NAME = "quangtrung.quangxuong.thanhhoa.gov.vn"
# The editor is published too (/quan-tri/), as it is when the commune edits online.
EDITOR_BACKEND = "      editor_backend: {name: github, repo: ubnd-thu-nghiem/ocop, branch: main}\n"
# What Let's Encrypt asks for when it renews the certificate (a token certbot writes, and its answer).
ACME_TOKEN = "thu-nghiem-Zx8_token-1"
ACME_ANSWER = b"thu-nghiem-Zx8_token-1.khoa-thu-nghiem"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, host: str | None = None):
    """(status, headers, body) without following redirects; any certificate accepted; `host` sent as the
    Host header instead of the address's."""
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    opener = urllib.request.build_opener(NoRedirect, urllib.request.HTTPSHandler(context=context))
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip", **({"Host": host} if host else {})})
    try:
        with opener.open(request, timeout=10) as response:
            status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    return status, headers, gzip.decompress(body) if headers["Content-Encoding"] == "gzip" else body


@full_tier_fixture(scope="module")
def nginx(tmp_path_factory):
    """nginx running the sample configuration over a published example site (with a /Q/ code)."""
    if not NGINX or not shutil.which("openssl"):
        pytest.fail("nginx or openssl is missing: run `make test-tools` (installs Debian's nginx-light and openssl)")
    work = tmp_path_factory.mktemp("nginx")
    (published, stamps), acme = _published_example(work), _acme_webroot(work)
    certificate, key = work / "cert.pem", work / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-keyout", str(key), "-out", str(certificate)],
        check=True, capture_output=True,
    )
    http_port, https_port = free_port(), free_port()
    site = (SAMPLE / "ocop-quang-trung.conf").read_text(encoding="utf-8")
    for old, new in (
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen [::]:80;", ""),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("listen [::]:443 ssl http2;", ""),
        ("/etc/letsencrypt/live/quangtrung.quangxuong.thanhhoa.gov.vn/fullchain.pem", str(certificate)),
        ("/etc/letsencrypt/live/quangtrung.quangxuong.thanhhoa.gov.vn/privkey.pem", str(key)),
        ("root /var/www/ocop-quang-trung;", f"root {published};"),
        ("root /var/www/letsencrypt;", f"root {acme};"),
        ("/etc/nginx/snippets/ocop-site.conf", str(SAMPLE / "ocop-site.conf")),
    ):
        assert old in site, old
        site = site.replace(old, new)
    mime_types = next(path for path in (Path("/etc/nginx/mime.types"), Path(NGINX).parent.parent / "conf/mime.types") if path.exists())
    # Workers run as this user: pytest's folders are private to it.
    user = f"{pwd.getpwuid(os.getuid()).pw_name} {grp.getgrgid(os.getgid()).gr_name}"
    (work / "nginx.conf").write_text(
        f"daemon off;\nuser {user};\npid {work}/nginx.pid;\nerror_log {work}/error.log;\nevents {{}}\n"
        f"http {{\n  include {mime_types};\n  access_log off;\n"
        f"  client_body_temp_path {work}/tmp; proxy_temp_path {work}/tmp; fastcgi_temp_path {work}/tmp;\n"
        f"  uwsgi_temp_path {work}/tmp; scgi_temp_path {work}/tmp;\n{site}\n}}\n",
        encoding="utf-8",
    )
    test = subprocess.run([NGINX, "-t", "-p", str(work), "-c", str(work / "nginx.conf")], capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    server = subprocess.Popen([NGINX, "-p", str(work), "-c", str(work / "nginx.conf")], stderr=subprocess.PIPE)
    base = f"https://127.0.0.1:{https_port}/"
    try:
        wait_until(lambda: _answers(base), timeout=30)
        yield {"base": base, "http": f"http://127.0.0.1:{http_port}/", "folder": published, "stamps": stamps}
    finally:
        server.terminate()
        server.wait(timeout=30)


def _published_example(work: Path) -> tuple[Path, list[str]]:
    """The example site with a product that has a short code, a batch and 3 stamps of it (their serials
    returned), a shop, and the editor, written by `ocop publish` into work/www."""
    from conftest import copy_project

    project = copy_project(work / "project")
    project.write("products/nam-quyen/mam-tom.yml", MAM_TOM)
    project.write("products/_diem-ban/cua-hang-thu.yml", OUTLET_SHOP)
    settings = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    project.write("mkdocs.yml", settings.replace("      products_dir: products\n", f"      products_dir: products\n{EDITOR_BACKEND}"))
    stamps = issue_stamps(project, "MT", "L1", 3)
    published = work / "www"
    result = project.ocop("publish", "--to", str(published))
    assert result.code == 0, result.text
    return published, stamps


def _acme_webroot(work: Path) -> Path:
    """The folder certbot writes its tokens into, holding one."""
    acme = work / "letsencrypt"
    (acme / ".well-known" / "acme-challenge").mkdir(parents=True)
    (acme / ".well-known" / "acme-challenge" / ACME_TOKEN).write_bytes(ACME_ANSWER)
    return acme


def flood(url: str, count: int) -> list[int]:
    """The statuses of `count` requests for `url` over one kept-alive connection, as fast as it goes."""
    address = urllib.parse.urlsplit(url)
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    connection = http.client.HTTPSConnection(address.hostname, address.port, context=context, timeout=10)
    statuses = []
    try:
        for _ in range(count):
            connection.request("GET", address.path)
            response = connection.getresponse()
            response.read()
            statuses.append(response.status)
    finally:
        connection.close()
    return statuses


def _answers(url: str) -> bool:
    try:
        return fetch(url)[0] == 200
    except OSError:
        return False


def test_pages_are_revalidated_and_hashed_assets_kept_for_a_year(nginx):
    status, headers, _ = fetch(nginx["base"] + "san-pham/nem-huan-hong/")
    assert status == 200 and headers["Cache-Control"] == "no-cache"
    assert "default-src 'self'" in headers["Content-Security-Policy"] and headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Encoding"] == "gzip"
    bundle = next((nginx["folder"] / "assets" / "javascripts").glob("bundle.*.min.js")).name
    status, headers, _ = fetch(nginx["base"] + f"assets/javascripts/{bundle}")
    assert status == 200 and headers["Cache-Control"] == "public, max-age=31536000, immutable"
    status, headers, _ = fetch(nginx["base"] + "san-pham/nem-huan-hong/qr-nem-huan-hong.png")
    assert status == 200 and headers["Cache-Control"] == "public, max-age=86400"


def test_short_addresses_and_plain_http_lead_to_the_product(nginx):
    status, headers, body = fetch(nginx["base"] + "Q/MT/")
    assert status == 200 and headers["Cache-Control"] == "no-cache"
    assert b"san-pham/mam-tom-thu-nghiem/" in body
    status, headers, _ = fetch(nginx["base"] + "Q/MT")
    assert status == 301 and headers["Location"] == "/Q/MT/"
    status, headers, _ = fetch(nginx["http"] + "Q/MT/")
    assert status == 301 and headers["Location"] == f"https://{SERVER_NAME}/Q/MT/"


def test_missing_pages_get_the_site_404_and_dot_files_are_hidden(nginx):
    status, _, body = fetch(nginx["base"] + "san-pham/khong-co/")
    assert status == 404 and "Sản phẩm OCOP xã Quảng Trung" in body.decode("utf-8", "replace")
    assert (nginx["folder"] / ".ocop-publish.json").is_file()
    assert fetch(nginx["base"] + ".ocop-publish.json")[0] == 404


def test_a_scanned_code_opens_the_product_under_the_security_policy(nginx, browser):
    """In Chromium, through nginx's headers: the code's address lands on the product page, the theme and
    its search work, and the Content-Security-Policy blocks nothing the site needs."""
    context = browser.new_context(ignore_https_errors=True, viewport={"width": 360, "height": 740})
    page = context.new_page()
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
    try:
        page.goto(nginx["base"] + "Q/MT/")
        page.wait_for_url("**/san-pham/mam-tom-thu-nghiem/")
        assert page.locator("h1").inner_text() == "Mắm tôm thử nghiệm"
        page.keyboard.press("/")  # Material's shortcut: opens the search box
        page.locator("input.md-search__input").press_sequentially("Huân Hồng", delay=30)
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
        assert refused == []
    finally:
        context.close()


def test_the_acme_challenge_is_served_over_http_and_other_dot_files_stay_hidden(nginx):
    """Let's Encrypt's renewal fetches the token over plain HTTP: answered with its content, not redirected
    and not hidden like a dot-file; the site's own dot-files stay 404 on both ports."""
    status, headers, body = fetch(nginx["http"] + f".well-known/acme-challenge/{ACME_TOKEN}")
    assert (status, body) == (200, ACME_ANSWER) and headers["Content-Type"].startswith("text/plain")
    assert fetch(nginx["http"] + ".well-known/acme-challenge/khong-co")[0] == 404
    status, headers, _ = fetch(nginx["http"] + ".ocop-publish.json")
    assert status == 301 and headers["Location"] == f"https://{SERVER_NAME}/.ocop-publish.json"
    for hidden in (".ocop-publish.json", f".well-known/acme-challenge/{ACME_TOKEN}", "Q/.ocop-publish.json"):
        assert fetch(nginx["base"] + hidden)[0] == 404, hidden


@pytest.mark.parametrize("host", ["ke-gia-mao.example", f"{SERVER_NAME}.ke-gia-mao.example", "127.0.0.1:1"])
def test_plain_http_goes_to_the_configured_name_never_to_the_host_header(nginx, host):
    status, headers, _ = fetch(nginx["http"] + "Q/MT/?qr", host=host)
    assert status == 301 and headers["Location"] == f"https://{SERVER_NAME}/Q/MT/?qr"


def test_security_headers_on_pages_errors_and_short_addresses(nginx):
    for path, expected in (("", 200), ("khong-co/", 404), ("Q/MT/", 200)):
        status, headers, body = fetch(nginx["base"] + path)
        assert status == expected
        assert headers["Strict-Transport-Security"] == "max-age=31536000", path
        assert headers["Server"] == "nginx", path  # server_tokens off: no version
        policy = dict(item.strip().split("=", 1) for item in headers["Permissions-Policy"].split(","))
        assert {"camera", "microphone", "geolocation", "payment"} <= {name for name, value in policy.items() if value == "()"}
        directives = {d.split()[0]: d.split()[1:] for d in headers["Content-Security-Policy"].split(";") if d.strip()}
        assert directives["script-src"] == ["'self'"] and directives["default-src"] == ["'self'"], path
        assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
    status, headers, body = fetch(nginx["http"] + "khong-co", host="ke-gia-mao.example")
    assert headers["Server"] == "nginx" and b"nginx/" not in body


INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.I | re.S)
DATA_SCRIPT = re.compile(r"""\btype=["']?application/(ld\+)?json["']?""", re.I)
HANDLER = re.compile(r"""<[a-z][^>]*\son[a-z]+\s*=|\bhref\s*=\s*["']?\s*javascript:""", re.I)


def test_no_page_of_the_published_site_has_an_inline_script(nginx):
    """The policy allows no inline script: a page with one (a new Material writing another, a template
    adding one, an onclick attribute) would break under nginx. Only JSON data blocks may be inline. The
    editor's page (/quan-tri/) too: its own scripts are files beside it."""
    pages = sorted(nginx["folder"].rglob("*.html"))
    assert len(pages) > 40 and (nginx["folder"] / "quan-tri" / "index.html") in pages
    inline = []
    for page in pages:
        text, name = page.read_text(encoding="utf-8"), page.relative_to(nginx["folder"]).as_posix()
        inline += [f"{name}: <script{match.group(1)}>" for match in INLINE_SCRIPT.finditer(text) if not DATA_SCRIPT.search(match.group(1))]
        inline += [f"{name}: {match.group(0)[:80]}" for match in HANDLER.finditer(text)]
    assert inline == []


# Every kind of page, as a visitor reaches it: (address, what must show once it has worked).
PAGE_KINDS = [
    ("", "h1"),
    ("san-pham/", ".md-content h1"),
    ("san-pham/nganh/thuc-pham/", ".md-content h1"),
    ("san-pham/hang/3-sao/", ".md-content h1"),
    ("san-pham/nem-huan-hong/", ".md-content h1"),
    ("san-pham/mam-tom-thu-nghiem/lo/L1/", ".md-content h1"),
    ("san-pham/nem-huan-hong/in-tem/", ".md-content h1"),
    ("Q/MT/kiem-tra-tem/", "[data-ocop-stamp='no_serial']"),
    ("kiem-tra/", "#ocop-stamp-form"),
    ("en/check/", "#ocop-stamp-form"),
    ("co-so/", ".md-content h1"),
    ("co-so/huan-hong/", ".md-content h1"),
    ("tin-tuc/", ".md-content h1"),
    ("tin-tuc/2026/11/28/ke-hoach-thuc-hien-chuong-trinh-ocop-nam-2025-cua-xa-quang-trung/", ".md-content h1"),
    ("tin-tuc/chuyen-muc/tuyen-truyen/", ".md-content h1"),
    ("tin-tuc/luu-tru/2026/", ".md-content h1"),
    ("ke-hoach-2025/", ".md-content h1"),
    ("du-lich/", ".md-content h1"),
    ("van-ban/", ".md-content h1"),
    ("huong-dan/", ".md-content h1"),
    ("diem-ban/", ".md-content h1"),
    ("hoi-cho/", ".md-content h1"),
    ("en/", ".md-content h1"),
    ("en/products/", ".md-content h1"),
    ("en/products/nem-huan-hong/", ".md-content h1"),
    ("en/producers/huan-hong/", ".md-content h1"),
    ("en/where-to-buy/", ".md-content h1"),
    ("en/fairs/", ".md-content h1"),
    ("khong-co/", ".md-content h1"),
]
WATCH_POLICY = """
document.addEventListener("securitypolicyviolation", function (event) {
  window.ocopViolation(event.violatedDirective + " " + event.blockedURI + " " + event.sourceFile + ":" + event.lineNumber);
});
"""


@pytest.fixture(scope="module")
def visitor(nginx, browser):
    """A phone-sized Chromium tab through nginx, recording every refusal of the security policy (its
    events and its console messages) and every script error, on every page it opens."""
    context = browser.new_context(ignore_https_errors=True, viewport={"width": 360, "height": 740}, locale="vi-VN")
    refused: list[str] = []
    context.expose_binding("ocopViolation", lambda source, text: refused.append(f"{source['page'].url}: {text}"))
    context.add_init_script(WATCH_POLICY)
    page = context.new_page()
    page.on("console", lambda message: refused.append(f"{page.url}: {message.text}")
            if re.search(r"Content.Security.Policy|Permissions.Policy|Refused to", message.text) else None)
    page.on("pageerror", lambda error: refused.append(f"{page.url}: {error}"))
    try:
        yield page, refused
    finally:
        context.close()


@pytest.mark.parametrize("path,shown", PAGE_KINDS, ids=[path or "home" for path, _ in PAGE_KINDS])
def test_every_page_kind_runs_under_the_policy_in_chromium(nginx, visitor, path, shown):
    page, refused = visitor
    refused.clear()
    page.goto(nginx["base"] + path, wait_until="load")
    page.locator(shown).first.wait_for()
    page.wait_for_timeout(200)
    assert refused == []
    # The theme's script ran (its helpers, from the moved file; its bundle, which draws the search box).
    assert page.evaluate("typeof __md_get === 'function' && typeof document$ === 'object'")


def test_a_code_read_in_lower_case_and_the_english_404_work_under_the_policy(nginx, visitor):
    page, refused = visitor
    refused.clear()
    page.goto(nginx["base"] + "Q/NM/")
    page.wait_for_url("**/san-pham/nuoc-mam-nam-quyen/")
    assert page.locator("#kiem-tra-bao-bi").is_visible()
    page.goto(nginx["base"] + "q/mt/")
    page.wait_for_url("**/san-pham/mam-tom-thu-nghiem/")
    assert page.locator("#kiem-tra-bao-bi").is_visible()  # ?qr kept through both forwards, read by buyer.js
    page.goto(nginx["base"] + "en/khong-co/")
    page.wait_for_function("document.documentElement.lang === 'en'")
    assert page.locator("h1").first.inner_text() == "Page not found"
    assert page.locator("#ocop-not-found-query").input_value() == "khong co"
    page.wait_for_timeout(200)
    assert refused == []


def test_a_stamp_address_is_answered_200_with_the_stamp_page(nginx):
    """The explicit location: a stamp's printed address (upper case, dashes) is the product's stamp page,
    status 200, and the access log records that address; a batch's address is still the batch's."""
    status, headers, body = fetch(nginx["base"] + f"Q/MT/{printed(nginx['stamps'][0])}/")
    assert status == 200 and 'id="ocop-stamp"' in body.decode("utf-8")
    assert "Content-Security-Policy" in headers and headers["Cache-Control"] == "no-cache"
    assert fetch(nginx["base"] + f"Q/MT/{printed(new_serial())}/")[0] == 200  # the page says "not issued"
    status, _, body = fetch(nginx["base"] + "Q/MT/L1/")
    assert status == 200 and b"lo/L1/" in body and b'id="ocop-stamp"' not in body
    status, _, body = fetch(nginx["base"] + f"Q/ZZ/{printed(new_serial())}/")  # no such product: the 404 page
    assert status == 404
    assert fetch(nginx["base"] + f"Q/MT/{printed(nginx['stamps'][0]).lower()}/")[0] == 404  # 404.html forwards it


def test_stamps_are_checked_under_the_policy_in_chromium(nginx, visitor):
    page, refused = visitor
    refused.clear()
    serial = nginx["stamps"][1]
    for address in (f"Q/MT/{printed(serial)}/", f"q/mt/{serial.lower()}/"):
        page.goto(nginx["base"] + address)
        page.wait_for_selector("html[data-ocop-stamp]", state="attached", timeout=15000)
        text = page.locator("#ocop-stamp-verdict").inner_text()
        assert f"Tem số {printed(serial)} do xã Quảng Trung cấp cho lô L1 của Mắm tôm thử nghiệm" in text
        assert page.url == nginx["base"] + f"Q/MT/{printed(serial)}/"
        ms = page.evaluate("document.documentElement.getAttribute('data-ocop-stamp-ms')")
        print(f"\nstamp checked through nginx ({address}): {ms} ms")
        assert float(ms) < 1000  # within one second on the phone
    invented = new_serial()
    page.goto(nginx["base"] + f"Q/MT/{printed(invented)}/")
    page.wait_for_selector("html[data-ocop-stamp]", state="attached", timeout=15000)
    assert "không do xã Quảng Trung cấp" in page.locator("#ocop-stamp-verdict").inner_text()
    page.goto(nginx["base"] + "kiem-tra/")
    page.fill("#ocop-stamp-serial", serial[:3] + ("X" if serial[3] != "X" else "Y") + serial[4:])
    page.click("#ocop-stamp-form button")
    page.wait_for_selector("html[data-ocop-stamp='corrections']", state="attached", timeout=15000)
    page.wait_for_timeout(200)
    assert refused == []


def test_a_phone_never_meets_the_short_address_limit_and_a_flood_does(nginx):
    """A stall of buyers behind one address scanning packs at once passes; a script asking hundreds of
    short addresses as fast as it can gets 429 (and the limit lifts by itself)."""
    wait_until(lambda: fetch(nginx["base"] + "Q/MT/")[0] == 200, timeout=10)
    time.sleep(5)  # a full bucket, whatever the tests before asked
    assert [fetch(nginx["base"] + code)[0] for code in ("Q/MT/", "Q/NM/", "Q/NEM/", "Q/MT/L1/") * 5] == [200] * 20
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        answers = sum(pool.map(lambda _: flood(nginx["base"] + "Q/NM/", 60), range(8)), [])
    elapsed = time.monotonic() - started
    assert set(answers) == {200, 429} and answers.count(429) > 100
    assert answers.count(200) <= 40 + 10 * elapsed + 2  # the burst, then 10 a second
    wait_until(lambda: fetch(nginx["base"] + "Q/NM/")[0] == 200, timeout=10)


def test_the_editor_opens_under_its_own_policy(nginx, visitor):
    """/quan-tri/ (Sveltia CMS) gets a policy of its own: its login screen comes up, nothing refused."""
    page, refused = visitor
    refused.clear()
    page.goto(nginx["base"] + "quan-tri/")
    page.get_by_role("button", name="Làm việc với kho mã nguồn cục bộ").wait_for(timeout=30_000)
    assert page.evaluate("typeof livereload === 'function'")  # the editor's first script (ocop-editor-start.js) ran
    page.wait_for_timeout(500)
    assert refused == []
    status, headers, _ = fetch(nginx["base"] + "quan-tri/")
    # Its scripts are files, as every page's: no inline script, no hash allowed.
    assert status == 200 and headers["Content-Security-Policy"].split("script-src", 1)[1].split(";")[0].strip() == "'self'"
