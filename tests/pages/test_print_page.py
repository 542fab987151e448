"""The print page of a product (san-pham/<slug>/in-tem/): the QR code and the label sheet to download,
out of the buyer's page, the search and sitemap.xml; every code on the sheet reads back as its short address."""
from __future__ import annotations

import json
import re

import pytest
from conftest import assert_vector_with_vietnamese_text, decode_qr, pages_at_300_dpi, text_of

SHORT = {
    "nuoc-mam-nam-quyen": "HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/NM/",
    "nem-huan-hong": "HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/NEM/",
}
NAMES = {"nuoc-mam-nam-quyen": "Nước mắm Năm Quyền", "nem-huan-hong": "Nem Huân Hồng"}


@pytest.mark.parametrize("slug", SHORT)
def test_print_page_offers_the_print_files(built, slug):
    assert "Tải mã QR để in bao bì" not in built.page(f"san-pham/{slug}/")  # the buyer's page prints nothing
    html = built.page(f"san-pham/{slug}/in-tem/")
    assert "Tải mã QR để in bao bì" in html
    for name in (f"qr-{slug}.svg", f"qr-{slug}.png", f"nhan-qr-{slug}.pdf"):
        assert f'<a download="{name}" href="../{name}">' in html
        assert (built.site / "san-pham" / slug / name).is_file()
    assert "in rộng 18,5 mm kể cả viền trắng" in html
    sheet = built.site / "san-pham" / slug / f"nhan-qr-{slug}.pdf"
    assert_vector_with_vietnamese_text(sheet, [NAMES[slug]])
    [page] = pages_at_300_dpi(sheet)
    assert set(decode_qr(page)) == {SHORT[slug]}


def test_a_product_without_a_short_code_offers_nothing_to_print(project):
    """Its code opens the long address, which changes with the name: it must not go on packaging.
    A long name must not stop the build either (its long address would not fit a 30 × 40 label)."""
    slug = "diem-du-lich-sinh-thai-dam-sen-thu-nghiem-cua-lang-ven-bien"
    project.write(
        "products/huan-hong/dam-sen.yml",
        "name: Điểm du lịch sinh thái đầm sen thử nghiệm của làng ven biển\nproducer: huan-hong\ngroup: du-lich\n",
    )
    result = project.build()
    assert result.code == 0, result.text
    html = project.page(f"san-pham/{slug}/in-tem/")
    assert "chưa có mã ngắn" in html and "chạy <code>ocop codes</code>" in html
    assert "nhan-qr-" not in html and not (project.site / "san-pham" / slug / f"nhan-qr-{slug}.pdf").exists()
    assert (project.site / "san-pham" / slug / f"qr-{slug}.svg").is_file()  # the page still shows its code


def test_printing_has_its_own_page_out_of_search(built, site_server, phone):
    product = built.page("san-pham/nuoc-mam-nam-quyen/")
    for gone in ("download=", ".pdf", "qr-nuoc-mam-nam-quyen.svg", "qr-nuoc-mam-nam-quyen.png"):
        assert gone not in product
    assert "HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/NM/" in text_of(product)  # the address the code encodes
    index = json.loads((built.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if "in-tem" in doc["location"]]
    phone.goto(site_server + "huong-dan/tem-qr/")  # the guide lists every print page; public pages do not
    phone.locator("article a[href$='/san-pham/nuoc-mam-nam-quyen/in-tem/']").click()
    phone.wait_for_url("**/san-pham/nuoc-mam-nam-quyen/in-tem/")
    assert phone.locator("article h1").inner_text() == "In tem QR: Nước mắm Năm Quyền"
    for name in ("qr-nuoc-mam-nam-quyen.svg", "qr-nuoc-mam-nam-quyen.png", "nhan-qr-nuoc-mam-nam-quyen.pdf"):
        link = phone.locator(f"a[href$='/{name}']")
        assert link.count() == 1
        assert phone.request.get(link.evaluate("a => a.href")).ok
    assert phone.locator("img.ocop-qr").evaluate("img => img.naturalWidth > 0")


def test_the_print_page_is_not_in_the_sitemap(built):
    listed = re.findall(r"<loc>([^<]+)</loc>", (built.site / "sitemap.xml").read_text(encoding="utf-8"))
    assert any(address.endswith("/san-pham/nuoc-mam-nam-quyen/") for address in listed)
    assert any(address.endswith("/en/where-to-buy/") for address in listed)
    assert (built.site / "san-pham" / "nuoc-mam-nam-quyen" / "in-tem" / "index.html").is_file()
    assert [address for address in listed if "/in-tem/" in address] == []


def test_the_preview_offers_print_files_of_the_public_address(project, browser, tmp_path):
    """`ocop serve` gives the pages the preview's own address (http://127.0.0.1:PORT/): every file its
    print page offers (PDF, PNG, SVG) still encodes site_url's public address, and with the domain
    confirmed the sheet is no sample. A code of 127.0.0.1 printed on packaging would never open."""
    import base64
    import subprocess
    import urllib.request

    from conftest import BIN, environment, free_port, read_pdf, serves, wait_until

    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("domain_confirmed: false", "domain_confirmed: true"), encoding="utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = project.root / "serve.log"
    with open(log, "w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [str(BIN / "ocop"), "serve", "--address", f"127.0.0.1:{port}"],
            cwd=project.root, env=environment(), stdout=output, stderr=subprocess.STDOUT,
        )
    try:
        for slug, short in SHORT.items():
            page = f"{base}san-pham/{slug}/in-tem/"
            wait_until(lambda: serves(page, "Tải mã QR") or server.poll() is not None, timeout=120)
            assert server.poll() is None
            html = urllib.request.urlopen(page, timeout=10).read().decode()
            offered = re.findall(r'<a download="([^"]+)" href="\.\./([^"]+)">', html)
            assert {name for name, _ in offered} == {f"qr-{slug}.svg", f"qr-{slug}.png", f"nhan-qr-{slug}.pdf"}
            for name, href in offered:
                data = urllib.request.urlopen(f"{base}san-pham/{slug}/{href}", timeout=10).read()
                if name.endswith(".pdf"):
                    (tmp_path / name).write_bytes(data)
                    [(_, text, codes)] = read_pdf(tmp_path / name)
                    assert len(codes) == 42 and set(codes) == {short} and "MẪU" not in text, name
                elif name.endswith(".png"):
                    assert decode_qr(data) == [short], name
                else:
                    view = browser.new_page(viewport={"width": 400, "height": 400})
                    view.set_content(f'<body style="margin:0;background:#fff"><img src="data:image/svg+xml;base64,'
                                     f'{base64.b64encode(data).decode()}" style="width:300px"></body>')
                    shot = view.screenshot()
                    view.close()
                    assert decode_qr(shot) == [short], name
    finally:
        server.terminate()
        server.wait(timeout=30)
    # The preview's site check follows the public address too: no code is reported as off the site.
    assert "không thuộc trang web" not in log.read_text(encoding="utf-8")
