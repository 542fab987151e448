"""Reading one YAML file (model/reader.py), checked with Hypothesis on generated examples: any plain data
(mappings, lists, text in any script, numbers, yes/no, nulls) written as YAML, saved as UTF-8, UTF-8 with
BOM, UTF-16 or with CRLF line ends, reads back equal, with a line for every field; text written
decomposed (NFD) reads back composed (NFC)."""
from __future__ import annotations

import unicodedata

import yaml
from conftest import QUICK, dump, nfc, read
from hypothesis import given
from hypothesis import strategies as st


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
