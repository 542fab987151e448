"""Reading one YAML file (model/reader.py), checked with Hypothesis on generated examples: any plain data
(mappings, lists, text in any script, numbers, yes/no, nulls) written as YAML, saved as UTF-8, UTF-8 with
BOM, UTF-16 or with CRLF line ends, reads back equal, with a line for every field; text written
decomposed (NFD) reads back composed (NFC)."""
from __future__ import annotations

import unicodedata

import pytest
import yaml
from conftest import OUTLET_SHOP, QUICK, dump, nfc, read
from hypothesis import given
from hypothesis import strategies as st
from ocop.model.reader import decode, field_name, parse_yaml


# Any text a person could type (all scripts, emoji, punctuation), without surrogates; composed. YAML's
# own line breaks (NEL, LS, PS) are left out: PyYAML writes them unescaped and reads them as breaks.
YAML_BREAKS = "\x85\u2028\u2029"


# Control characters (but tab and line break) and text direction overrides are refused: see below.
REFUSED = "".join(chr(code) for code in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)))
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters=YAML_BREAKS + REFUSED), max_size=40).map(nfc)


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


@QUICK
@given(documents, st.sampled_from(sorted(set(REFUSED) - set(YAML_BREAKS))), st.data())
def test_a_control_character_in_any_field_is_refused_with_its_line_and_field(data, char, draw):
    """Written as an escape ("\\x07"), which YAML's reader lets through; the Word report and the pages never see it."""
    path = draw.draw(st.sampled_from([path for path in paths(data)]))
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = "Mắm" + char + "tôm"
    document, problems = parse_yaml(dump(data), "thu.yml")
    assert document is None
    expected = f"có ký tự điều khiển không in được (mã U+{ord(char):04X}): hãy xóa ký tự đó"
    assert [(problem.field, problem.message) for problem in problems] == [(field_name(path) or None, expected)]
    assert problems[0].line is not None


def test_a_file_too_large_is_named_with_its_size_in_vietnamese_digits():
    text, problems = decode(b"x" * 52_428_857, "products/x/y.yml")
    assert text is None
    assert str(problems[0]) == "products/x/y.yml: tệp quá lớn (52.428.857 byte, tối đa 1.000.000 byte)"


CONTROL_IN_FILES = {
    # id: (file, text replaced, replacement with an escape, field)
    "post-front-matter": ("docs/tin-tuc/posts/2026-11-28-ke-hoach-ocop-nam-2025.md", "date: 2026-11-28", 'date: 2026-11-28\nsubtitle: "Tin\\x07"', "subtitle"),
    "authors": ("docs/tin-tuc/.authors.yml", "name: Ngành Nông nghiệp xã", 'name: "Ngành\\u202eNông nghiệp"', "authors.nong-nghiep.name"),
    "producer": ("products/nam-quyen/producer.yml", "\nname:", '\nrepresentative: "Ông\\0Ví Dụ"\nname:', "representative"),
    "plan": ("products/_ke-hoach.yml", "title: Kế hoạch thực hiện", 'title: "Kế\\x1bhoạch"\nx: Kế hoạch thực hiện', "title"),
    "outlet": ("products/_diem-ban/cua-hang-thu-nghiem.yml", "name: Cửa hàng Thử Nghiệm", 'name: "Cửa hàng\\x08"', "name"),
}


@pytest.mark.parametrize("case", CONTROL_IN_FILES)
def test_a_control_character_is_refused_by_check_in_every_kind_of_file(example, case):
    file, old, new, field = CONTROL_IN_FILES[case]
    if case == "outlet":
        example.write(file, OUTLET_SHOP)
    path = example.root / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    rows = path.read_text(encoding="utf-8").splitlines()
    line = next(number for number, row in enumerate(rows, start=1) if "\\" in row)  # the escape's line
    result = example.check()
    assert result.code == 1 and "Traceback" not in result.text
    assert f"{file}:{line}: trường '{field}': có ký tự điều khiển không in được" in result.err, result.err


def test_a_control_character_in_the_communes_settings_is_refused_too(example):
    """mkdocs.yml is read by MkDocs, not by this reader: its `extra: commune:` is checked all the same."""
    config = example.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("    name: Quảng Trung", '    name: "Quảng\\x07Trung"'), encoding="utf-8")
    result = example.check()
    assert result.code == 1 and "Traceback" not in result.text
    assert "mkdocs.yml: trường 'extra.commune.name': có ký tự điều khiển không in được (mã U+0007)" in result.err, result.err
