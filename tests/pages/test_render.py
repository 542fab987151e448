"""Hostile text in every field: shown as text, never run, in a real browser.

A producer and a product are written whose every text field holds HTML, event handlers, `javascript:`
and `data:` links, frames, Jinja, and Markdown tricks (links, images, admonitions, headings, tables,
attribute lists, entities). The site is built (strict, with its site check) and every page that shows
them is opened in Chromium: no dialog opens, no console message from a payload appears, no element
carries an event handler or a script address, and each payload reads back as the visible text it was.
"""
from __future__ import annotations

import re

import pytest
import yaml
from conftest import copy_project

MARK = "PWNED"
# Each payload has its own number, so that a run that fires says which one did.
PAYLOADS = [
    '<script>console.log("PWNED-1");alert(1)</script>',
    "<img src=x onerror=\"console.log('PWNED-2')\">",
    "<iframe src=\"javascript:console.log('PWNED-3')\"></iframe>",
    "<a href=\"javascript:console.log('PWNED-4')\">bấm vào đây</a>",
    '[bấm vào](javascript:console.log("PWNED-5"))',
    "![ảnh](x\" onerror=\"console.log('PWNED-6'))",
    '<svg onload=console.log("PWNED-7")></svg>',
    '"><script>console.log("PWNED-8")</script>',
    "'><img src=x onerror=console.log('PWNED-9')>",
    '<details open ontoggle=console.log("PWNED-10")>x</details>',
    "[dữ liệu](data:text/html;base64,PHNjcmlwdD5hbGVydCgnUFdORUQtMTEnKTwvc2NyaXB0Pg==)",
    "{: onclick=\"console.log('PWNED-12')\" }",
    '<object data="data:text/html,<script>console.log(\'PWNED-13\')</script>"></object>',
    "{{ 7*7 }} {% if true %}PWNED-14{% endif %}",
    '!!! danger "PWNED-15"',
    "# PWNED-16 tiêu đề giả",
    "| PWNED-17 | b |",
    "&lt;script&gt;PWNED-18&lt;/script&gt; &amp; &#60;b&#62;",
    "<style>body{display:none}</style>PWNED-19",
    '<div markdown="1">**PWNED-20**</div>',
    "*[PWNED-21]: chú thích",
    "`PWNED-22` ~~gạch~~ ==đánh dấu== ^^chèn^^",
    "<!-- PWNED-23 --> --- ***",
    "1. PWNED-24\n- danh sách\n> trích dẫn",
    "<base href=\"javascript:console.log('PWNED-25')//\">",
    "<meta http-equiv=refresh content=\"0;url=javascript:console.log('PWNED-26')\">",
    "<form action=javascript:console.log('PWNED-27')><button>gửi</button></form>",
    "<math><mtext><table><mglyph><style><img src=x onerror=console.log('PWNED-28')>",
    "</title><script>console.log('PWNED-31')</script>",
    "</textarea></noscript></style><script>console.log('PWNED-32')</script>",
]


def payload(number: int) -> str:
    return PAYLOADS[number % len(PAYLOADS)]


def hostile_data() -> tuple[dict, dict]:
    counter = iter(range(1000))

    def next_payload() -> str:
        return payload(next(counter))

    producer = {
        "name": "Cơ sở " + PAYLOADS[1],
        "kind": "hộ sản xuất kinh doanh",
        "representative": next_payload(),
        "address": {"village": next_payload(), "commune": next_payload(), "province": next_payload()},
        "former_address": next_payload(),
        "website": "https://example.org/a)](javascript:alert(29)",
        "description": "\n\n".join(PAYLOADS),
    }
    product = {
        "name": "Mắm " + PAYLOADS[0] + " {{ 7*7 }} " + PAYLOADS[-2],
        "slug": "mam-doc",
        "code": "MD",
        "producer": "doc",
        "group": "thuc-pham",
        "certification": {"stars": 4, "decision": next_payload(), "issuer": next_payload()},
        "summary": PAYLOADS[7] + " " + PAYLOADS[2],
        "story": "\n\n".join(PAYLOADS),
        "ingredients": PAYLOADS,
        "net_quantity": next_payload(),
        "package_sizes": [next_payload(), next_payload()],
        "price": {"min": 1000, "per": next_payload()},
        "shelf_life": next_payload(),
        "storage": "\n".join(PAYLOADS[:6]),
        "usage": next_payload(),
        "warnings": PAYLOADS[10:20],
        "where_to_buy": [
            {"name": next_payload(), "address": next_payload(), "note": next_payload(),
             "url": "https://example.org/x)[y](javascript:alert(30))"},
            next_payload(),
        ],
    }
    return producer, product


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    producer, product = hostile_data()
    for relative, data in (("products/doc/producer.yml", producer), ("products/doc/mam-doc.yml", product)):
        project.write(relative, yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000))
    with project.built_and_served() as address:
        yield project, address


PAGES = ["san-pham/mam-doc/", "co-so/doc/", "san-pham/", "co-so/"]


def visible_text(page) -> str:
    return re.sub(r"\s+", " ", page.locator("article.md-content__inner").inner_text())


def watch(page) -> list[str]:
    fired: list[str] = []
    page.on("console", lambda message: fired.append(message.text) if MARK in message.text else None)
    page.on("dialog", lambda dialog: (fired.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: fired.append(f"error: {error}") if MARK in str(error) else None)
    return fired


def injected_elements(page) -> list[str]:
    """Elements or attributes in the article that only a payload could have made."""
    return page.evaluate(
        """() => {
          const found = [];
          for (const element of document.querySelectorAll("article *")) {
            if (element.matches("form[data-ocop-filters]")) continue;  // the catalogue's own filters
            for (const attribute of element.attributes) {
              const value = attribute.value.replace(/[\\s\\u0000-\\u001f]/g, "").toLowerCase();
              if (attribute.name.startsWith("on")) found.push(element.tagName + " " + attribute.name);
              if (/^(javascript|vbscript|data):/.test(value) && attribute.name !== "content") found.push(element.tagName + " " + attribute.name + "=" + value.slice(0, 40));
            }
            if (["SCRIPT", "IFRAME", "OBJECT", "EMBED", "BASE", "FORM", "STYLE", "SVG", "MATH", "DETAILS", "META"].includes(element.tagName))
              found.push(element.tagName);
            if (element.classList.contains("admonition")) found.push("admonition");
          }
          return found;
        }"""
    )


@pytest.mark.parametrize("path", PAGES)
def test_hostile_text_runs_nothing_and_reads_as_written(hostile_site, browser, path):
    project, address = hostile_site
    page = browser.new_page()
    fired = watch(page)
    try:
        page.goto(address + path)
        page.wait_for_load_state("load")
        page.wait_for_timeout(300)  # let any handler that would fire (onerror, onload) fire
        for link in page.locator("article a").all():  # follow nothing, but a click would run a handler
            link.dispatch_event("mouseover")
        assert fired == []
        assert injected_elements(page) == []
        text = visible_text(page)
        assert "Mắm " + PAYLOADS[0] + " {{ 7*7 }} " + PAYLOADS[-2] in text and " 49" not in text
        if path.startswith(("san-pham/mam-doc", "co-so/doc")):
            for item in PAYLOADS:
                assert " ".join(item.split()) in text, item
    finally:
        page.close()


def test_title_description_and_links_of_the_hostile_product(hostile_site, browser):
    project, address = hostile_site
    page = browser.new_page()
    fired = watch(page)
    try:
        page.goto(address + "san-pham/mam-doc/")
        assert page.title() == "Mắm " + PAYLOADS[0] + " {{ 7*7 }} " + PAYLOADS[-2] + " - Sản phẩm OCOP xã Quảng Trung"
        assert page.locator('meta[name="description"]').get_attribute("content") == PAYLOADS[7] + " " + PAYLOADS[2]
        seller = page.locator("article a", has_text="https://example.org/x)[y]")
        assert seller.get_attribute("href") == "https://example.org/x%29%5By%5D%28javascript:alert%2830%29%29"
        page.goto(address + "Q/MD/")  # the short address's forwarding page shows the name too
        page.wait_for_url("**/san-pham/mam-doc/")
        assert fired == []
    finally:
        page.close()


def test_search_results_show_hostile_text_as_text(hostile_site, browser):
    """Material renders search results as HTML from the index: the index must hold escaped text."""
    project, address = hostile_site
    page = browser.new_page()
    fired = watch(page)
    try:
        page.goto(address)
        page.keyboard.press("/")
        # The hostile product's name starts "Mắm <script>…PWNED…": its result shows that text.
        page.locator("input.md-search__input").press_sequentially("mắm", delay=30)
        page.locator(".md-search-result__item").first.wait_for(timeout=15000)
        page.wait_for_timeout(500)
        results = page.locator(".md-search-result")
        assert "PWNED" in results.inner_text()
        assert page.evaluate(
            "() => [...document.querySelectorAll('.md-search-result *')].filter(e => "
            "[...e.attributes].some(a => a.name.startsWith('on')) || ['SCRIPT','IFRAME','IMG','SVG','OBJECT'].includes(e.tagName)).length"
        ) == 0
        assert fired == []
    finally:
        page.close()
