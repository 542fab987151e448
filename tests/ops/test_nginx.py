"""The sample nginx configuration (scripts/nginx/) serving a folder written by `ocop publish`.

The two sample files run as they are, with only the machine's details swapped in (ports on
127.0.0.1, a self-signed certificate, the published folder, the snippet's path). `make test` installs
nginx and openssl where they are missing (scripts/install-test-tools.sh): these tests are never skipped.
"""
from __future__ import annotations

import grp
import gzip
import os
import pwd
import shutil
import ssl
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, free_port, wait_until

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
SAMPLE = ROOT / "scripts" / "nginx"

MAM_TOM = "name: Mắm tôm thử nghiệm\nproducer: nam-quyen\ngroup: thuc-pham\ncode: MT\ncertification:\n  stars: 3\n"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str):
    """(status, headers, body) without following redirects; any certificate accepted."""
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    opener = urllib.request.build_opener(NoRedirect, urllib.request.HTTPSHandler(context=context))
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        with opener.open(request, timeout=10) as response:
            status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    return status, headers, gzip.decompress(body) if headers["Content-Encoding"] == "gzip" else body


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    """nginx running the sample configuration over a published example site (with a /Q/ code)."""
    if not NGINX or not shutil.which("openssl"):
        pytest.fail("nginx or openssl is missing: run `make test-tools` (installs Debian's nginx-light and openssl)")
    from conftest import copy_project

    work = tmp_path_factory.mktemp("nginx")
    project = copy_project(work / "project")
    project.write("products/nam-quyen/mam-tom.yml", MAM_TOM)
    published = work / "www"
    result = project.ocop("publish", "--to", str(published))
    assert result.code == 0, result.text
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
        ("/etc/ssl/certs/quangtrung.quangxuong.thanhhoa.gov.vn.pem", str(certificate)),
        ("/etc/ssl/private/quangtrung.quangxuong.thanhhoa.gov.vn.key", str(key)),
        ("root /var/www/ocop-quang-trung;", f"root {published};"),
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
        yield {"base": base, "http": f"http://127.0.0.1:{http_port}/", "folder": published}
    finally:
        server.terminate()
        server.wait(timeout=30)


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
    assert status == 301 and headers["Location"] == "https://127.0.0.1/Q/MT/"


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
