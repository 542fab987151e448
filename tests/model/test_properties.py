"""Properties that hold for any input, checked with Hypothesis on generated examples.

- The loader: any plain data (mappings, lists, text in any script, numbers, yes/no, nulls) written as
  YAML, saved as UTF-8, UTF-8 with BOM, UTF-16 or with CRLF line ends, reads back equal, with a line
  for every field; text written decomposed (NFD) reads back composed (NFC).
- A product: any valid product written to a file validates back to the same model.
- Slugs: any product name gives either a page address that is ASCII, lower-case, at most 80
  characters and unique in the catalogue, or a clear Vietnamese message about the `name` field.
- Short addresses: any code and site address gives a short address that uses only the QR
  alphanumeric characters, encodes to a QR code whose PNG a real decoder (zxing-cpp) reads back
  exactly, and that the site check resolves to the code's forwarding page.
"""
from __future__ import annotations

import re
import shutil
import string
import tempfile
import unicodedata
from pathlib import Path

import yaml
from conftest import ROOT, decode_qr
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ocop.media.qr import encode, png_bytes
from ocop.model.catalogue import load_catalogue
from ocop.model.errors import DataError
from ocop.model.models import SLUG_PATTERN, Commune, Product
from ocop.model.reader import decode, parse_yaml
from ocop.model.validate import validate
from ocop.ops.sitecheck import SiteCheck
from ocop.pages.addresses import SiteSettings

QUICK = settings(max_examples=150, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# Any text a person could type (all scripts, emoji, punctuation), without surrogates; composed. YAML's
# own line breaks (NEL, LS, PS) are left out: PyYAML writes them unescaped and reads them as breaks.
YAML_BREAKS = "\x85\u2028\u2029"
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=YAML_BREAKS), max_size=40).map(nfc)
scalars = st.one_of(
    texts,
    st.integers(min_value=-(2**63), max_value=2**63),
    st.floats(allow_nan=False),
    st.booleans(),
    st.none(),
)
plain_data = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(texts, children, max_size=4)),
    max_leaves=20,
)
documents = st.dictionaries(texts, plain_data, min_size=1, max_size=6)


def dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def read(raw: bytes):
    text, problems = decode(raw, "x.yml")
    assert problems == [], problems
    document, problems = parse_yaml(text, "x.yml")
    assert problems == [], problems
    return document


def paths(data, prefix=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield prefix + (key,)
            yield from paths(value, prefix + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield prefix + (index,)
            yield from paths(value, prefix + (index,))


@QUICK
@given(documents, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "crlf"]))
def test_any_plain_data_reads_back_equal_with_a_line_for_every_field(data, encoding):
    text = dump(data)
    raw = text.replace("\n", "\r\n").encode("utf-8") if encoding == "crlf" else text.encode(encoding)
    document = read(raw)
    assert document.data == data
    last_line = text.count("\n") + 1
    for path in paths(data):
        assert 1 <= document.line_of(path) <= last_line


@QUICK
@given(st.dictionaries(st.from_regex(r"[a-z_]{1,12}", fullmatch=True), texts, min_size=1, max_size=8))
def test_each_field_is_found_on_its_own_line(data):
    """One field a line, as an officer writes them: the reported line is that field's line."""
    lines = [f"{key}: {yaml.safe_dump(value, allow_unicode=True, width=10**6, default_style=chr(34)).strip()}" for key, value in data.items()]
    document = read(("\n".join(lines) + "\n").encode("utf-8"))
    for number, key in enumerate(data, start=1):
        assert document.line_of((key,)) == number


@QUICK
@given(st.text(st.sampled_from("aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐ \u0300\u0301\u0303\u0309\u0323nmgh"), min_size=1, max_size=30))
def test_decomposed_vietnamese_reads_back_composed(name):
    document = read(dump({"name": unicodedata.normalize("NFD", name)}).encode("utf-8"))
    assert document.data["name"] == nfc(name)


GROUPS = ["thuc-pham", "do-uong", "duoc-lieu"]
product_names = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=60).map(nfc).filter(lambda name: name.strip() == name and name)
valid_products = st.fixed_dictionaries(
    {"name": product_names, "producer": st.just("nam-quyen"), "group": st.sampled_from(GROUPS)},
    optional={
        "certification": st.fixed_dictionaries({"stars": st.integers(3, 5)}),
        "summary": product_names,
        "ingredients": st.lists(product_names, min_size=1, max_size=4),
        "price": st.fixed_dictionaries({"min": st.integers(1, 10**9)}),
        "code": st.from_regex(r"[A-Z0-9]{1,8}", fullmatch=True),
    },
)


@QUICK
@given(valid_products)
def test_any_valid_product_validates_back_to_the_same_model(data):
    product, problems = validate(Product, read(dump(data).encode("utf-8")))
    assert problems == []
    assert product == Product.model_validate(data)
    assert product.name == data["name"]


def _catalogue_with(names: list[str]):
    """Load the example data plus one product a name; returns (slugs of the new ones, None) or (None, problems)."""
    with tempfile.TemporaryDirectory() as folder:
        products = Path(folder) / "products"
        shutil.copytree(ROOT / "products", products)
        for number, name in enumerate(names):
            text = dump({"name": name, "producer": "nam-quyen", "group": "thuc-pham"})
            (products / "nam-quyen" / f"moi-{number}.yml").write_text(text, encoding="utf-8")
        try:
            catalogue = load_catalogue(products)
        except DataError as error:
            return None, error.problems
        return [entry.slug for entry in catalogue.products.values() if "moi-" in entry.source], None


@SLOW
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=90), min_size=1, max_size=3))
def test_any_product_name_gives_a_valid_unique_ascii_slug_or_a_clear_message(names):
    slugs, problems = _catalogue_with(names)
    if problems is None:
        assert len(slugs) == len(names) and len(set(slugs) | {"nuoc-mam-nam-quyen", "nem-huan-hong"}) == len(names) + 2
        for slug in slugs:
            assert slug.isascii() and re.fullmatch(SLUG_PATTERN, slug) and len(slug) <= 80
    else:
        for problem in problems:
            assert problem.file.startswith("products/nam-quyen/moi-") and problem.field == "name", problem
            assert problem.line == 1 and not re.search(r"[A-Z][a-z]+ [a-z]+ should|Traceback", problem.message)


QR_ALPHANUMERIC = set(string.digits + string.ascii_uppercase + " $%*+-./:")
hosts = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?(\.[a-z0-9]{1,12}){1,3}", fullmatch=True)
prefixes = st.from_regex(r"(/[A-Za-z0-9-]{1,10}){0,2}", fullmatch=True)
codes = st.from_regex(r"[A-Z0-9]{1,8}", fullmatch=True)
COMMUNE = Commune(name="Quảng Trung", province="Thanh Hóa")


@QUICK
@given(st.sampled_from(["http", "https"]), hosts, prefixes, codes)
def test_any_short_address_round_trips_through_a_qr_code_to_its_page(scheme, host, prefix, code):
    site_url = f"{scheme}://{host}{prefix}/"
    settings_ = SiteSettings(site_url, COMMUNE)
    address = settings_.short_url(code)
    if prefix == prefix.upper():  # a path prefix keeps its case; scheme, host and /Q/CODE/ are upper case
        assert set(address) <= QR_ALPHANUMERIC, address
    assert decode_qr(png_bytes(address)) == [address]
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "Q" / code / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text("<p>x</p>", encoding="utf-8")
        (Path(folder) / "index.html").write_text("<p>x</p>", encoding="utf-8")
        assert SiteCheck(Path(folder), site_url).target(address, "") == (f"Q/{code}/index.html", None)


@QUICK
@given(st.from_regex(SLUG_PATTERN, fullmatch=True).filter(lambda slug: len(slug) <= 80))
def test_any_product_address_round_trips_through_a_qr_code(slug):
    address = SiteSettings("https://quangtrung.quangxuong.thanhhoa.gov.vn/", COMMUNE).product_url(slug)
    assert decode_qr(png_bytes(address)) == [address]


def test_the_example_short_address_is_a_small_code():
    """The guide's measurement: the short address fits version 3 at level M (about 15 mm at 0.4 mm a module)."""
    address = SiteSettings("https://quangtrung.quangxuong.thanhhoa.gov.vn/", COMMUNE).short_url("NM")
    assert address == "HTTPS://QUANGTRUNG.QUANGXUONG.THANHHOA.GOV.VN/Q/NM/"
    assert encode(address).version == 3
