"""Reading products/ into one catalogue (model/catalogue.py): a corpus of bad (and awkward but acceptable)
input files, each with the answer the officer must get; and, with Hypothesis, any product name gives
either a page address that is ASCII, lower-case, at most 80 characters and unique in the catalogue, or a
clear Vietnamese message about the `name` field.

Every case below is one mistake, or one file as it arrives from another computer, placed into a copy of
the example data. `test_each_case` runs `ocop check` on it and checks the exit code and every message:
Vietnamese, naming the file, the line (when the problem has one) and the field (when it is about one),
with the expected words, and nothing else reported. `test_whole_corpus_at_once` puts all the bad cases
into one project: `ocop check` lists every message of every case in one run (not only the first), and
`mkdocs build` stops before writing anything; no case makes a tool print a traceback or run code.

The corpus: 93 cases (85 refused with exit code 1, 8 accepted with exit code 0). Together with the 18
cases of test_validate.py (unclosed double quote, tab indentation, stars "ba" and 6, missing stars,
missing group, `stras`, unknown field, unknown producer and group, a list for `price`, price
as text, 31/02/2024, a missing photo, `../../` photo, an empty file, a phone number without quotes, an
unknown producer kind) the reader and the checks answer 111 kinds of input.

YAML syntax (9): indentation that breaks a mapping; a list item dedented; an unclosed single quote; an
  unclosed `[`; a missing `:`; a second `---` document; a value starting with `@`; a `:` inside an
  unquoted value; a control character pasted from another program.
Escaped control characters (4): `"\\x07"` in a summary, a text direction override `"\\u202e"`, `"\\0"` in a
  photo's name, an escape character in a field's name (YAML's reader only refuses them unescaped).
Duplicate keys (2): a field written twice at the top, and inside `certification`.
Wrong types (7): stars `yes`; a name that is a list; `certification` as a list and as `yes`; ingredients
  as a map; `where_to_buy` as a map; a 5,000-digit number.
Out of range (9): stars 0 and 2.5; score 101; a negative price; max price below min; 29/02/2023;
  31.05.2024 (a date in a form we do not read); valid_until before the decision date; latitude 200.
Text (3): an empty name, a name of spaces, a name of 2,001 characters.
Addresses (5): `javascript:` as a producer's website and as a seller's url, a `data:` url, an e-mail
  without a domain, a phone number in words.
Unknown fields and near-misses (4): `sumary` (did you mean `summary`), `adress` inside a list item,
  a Vietnamese field name `ten` (with the missing `name`), `Name` with a capital.
Missing (3): name and producer both missing (two messages), a producer without `kind`, a producer
  folder without producer.yml.
Whole file (6): only comments; only blank lines; a file that is a list; a file that is one text;
  a file over 1 MB; binary junk (a PNG renamed .yml).
Encodings and line ends (10): UTF-8 with BOM, UTF-16 LE and BE with BOM, UTF-32 with BOM, CRLF with a
  BOM (Windows Notepad), CR only (old Mac), NFD Vietnamese (macOS), an upper-case .YML: all accepted;
  UTF-16 without BOM and Windows-1258: refused, saying how to save as UTF-8 (the build of the accepted
  ones is checked in `test_accepted_files_build_with_composed_text`: the pages hold NFC text).
Duplicates (6): two explicit slugs alike; a name equal to another but in NFD, in lower case, or without
  diacritics (all the same address); two products with one short QR code; a slug with capitals.
Names and references (5): a name of emoji only (no address can be made); `producer: Năm Quyền` (a name,
  not a folder); a producer folder with spaces and diacritics; a data file outside any producer folder;
  Notepad's `x.yml.txt`.
Photos (9): not an image; a GIF; a truncated PNG; 21 MB; 8000 × 8000 pixels; a decompression bomb
  (PNG header of 40000 × 40000); an absolute path; `..\\..\\` with Windows backslashes; a folder.
Constructs never expanded or run (8): billion laughs (9 levels of aliases: one message, nothing
  expanded); `!!python/object/apply:os.system` (the file it would create never appears);
  `!!python/name:`; `!include`; `!!binary`; a merge key `<<`; 5,000 nested `[`; a list as a key.
Paths (2): `slug: ../../docs/index` and `producer: ../nam-quyen` (nothing may escape its folder).
Several mistakes in one file (1): all of them reported.
"""
from __future__ import annotations

import io
import re
import shutil
import struct
import tempfile
import unicodedata
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SLOW, copy_project, dump, text_of
from hypothesis import given
from hypothesis import strategies as st
from ocop.model.catalogue import load_catalogue, load_groups
from ocop.model.errors import DataError
from ocop.model.models import SLUG_PATTERN
from PIL import Image

PRODUCT = "products/nam-quyen/@ID.yml"
PRODUCER = "products/@ID/producer.yml"
# Line 1 name, 2 producer, 3 group, 4 certification, 5 stars; a case's extra lines start at line 6.
BASE = "name: Mắm tôm @ID\nproducer: nam-quyen\ngroup: thuc-pham\ncertification:\n  stars: 3\n"
PWNED = "PWNED-by-yaml"  # the file a `!!python/object/apply` payload would create


def png(width: int = 4, height: int = 4, mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims a huge size: what a decompression bomb looks like to Pillow."""
    data = bytearray(png())
    ihdr = struct.pack(">II", width, height) + data[24:29]
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + bytes(ihdr)))
    return bytes(data)


@dataclass(frozen=True)
class Expect:
    file: str
    line: int | None
    field: str | None
    words: str


@dataclass(frozen=True)
class Case:
    files: dict  # project path → text, bytes, or a function of the project root that writes the file
    expect: tuple[Expect, ...] = ()  # empty: the file is accepted
    forbidden: tuple[str, ...] = field(default=())  # files that must not exist afterwards

    @property
    def code(self) -> int:
        return 1 if self.expect else 0


def product(extra: str = "", line: int | None = None, field: str | None = None, words: str = "", base: str = BASE) -> Case:
    """A product file: BASE (or `base`) plus `extra`, expected to fail at `line` with `words`."""
    return Case({PRODUCT: base + extra}, (Expect(PRODUCT, line, field, words),) if words else ())


def producer(text: str, line: int | None, field: str | None, words: str) -> Case:
    return Case({PRODUCER: text}, (Expect(PRODUCER, line, field, words),))


def raw(data, line: int | None = None, words: str = "") -> Case:
    """A product file written as bytes: `data` itself, or data(text) for the text of BASE."""
    content = data if isinstance(data, bytes) else lambda path, name: path.write_bytes(data(BASE.replace("@ID", name)))
    return Case({PRODUCT: content}, (Expect(PRODUCT, line, None, words),) if words else ())


def cp1258(text: str) -> bytes:
    """Vietnamese as Windows-1258 writes it: base letters (ă, ô, ư…) with the tone as a combining mark."""
    result = b""
    for char in text:
        try:
            result += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in "\u0306\u0302\u031b"))
            result += (letter + "".join(m for m in marks if m not in "\u0306\u0302\u031b")).encode("cp1258")
    return result


def photo(entry: str, name: str, content, line_words: str, field: str = "photos[0].file") -> Case:
    files = {PRODUCT: BASE + f"photos:\n  - {entry}\n"}
    if content is not None:
        files[f"products/nam-quyen/{name}"] = content
    return Case(files, (Expect(PRODUCT, 7, field, line_words),))


def sparse(size: int):
    def write(path: Path, name: str) -> None:
        with path.open("wb") as handle:
            handle.write(b"\xff\xd8\xff\xe0")  # a JPEG's first bytes
            handle.truncate(size)
    return write


def folder(path: Path, name: str) -> None:
    path.mkdir(parents=True)
    (path / "anh.jpg").write_bytes(png())


def billion_laughs() -> str:
    lines = ['l0: &l0 "ha"']
    for level in range(1, 10):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


SELLER = "where_to_buy:\n  - name: Cửa hàng\n"
TWO = "products/huan-hong/@ID.yml"

CASES: dict[str, Case] = {
    # YAML syntax
    "yaml-indented-key": product("", 3, None, "thụt lề sai", base="name: Mắm tôm @ID\nproducer: nam-quyen\n  group: thuc-pham\n"),
    "yaml-dedented-list-item": product("ingredients:\n  - Cá\n - Muối\n", 8, None, "thụt lề không đều"),
    "yaml-unclosed-single-quote": product("summary: 'Mắm ngon\nstory: x\n", 6, None, "dấu nháy mở mà chưa đóng"),
    "yaml-unclosed-bracket": product("ingredients: [Tôm, Muối\n", 6, None, "dấu ngoặc '[' hoặc '{' mở mà chưa đóng"),
    "yaml-missing-colon": product("", 3, None, "thiếu dấu ':'", base="name: Mắm tôm @ID\nproducer: nam-quyen\ngroup thuc-pham\nsummary: x\n"),
    "yaml-second-document": product("---\nname: Khác\n", 6, None, "chỉ được chứa một tài liệu YAML"),
    "yaml-value-starts-with-at": product("summary: @mamtom\n", 6, None, "hãy đặt giá trị trong dấu nháy"),
    "yaml-colon-in-value": product("summary: Mắm tôm: đặc sản\n", 6, None, "nếu giá trị có dấu ':' hãy đặt trong dấu nháy"),
    "yaml-control-character": product("summary: Mắm\x07 tôm\n", 6, None, "ký tự điều khiển không in được (mã U+0007)"),
    # Control characters written as escapes, which YAML's reader lets through
    "escaped-control-character": product('summary: "Mắm\\x07 tôm"\n', 6, "summary", "ký tự điều khiển không in được (mã U+0007)"),
    "escaped-direction-override": product('summary: "Mắm \\u202e tôm"\n', 6, "summary", "ký tự điều khiển không in được (mã U+202E)"),
    "nul-in-photo-name": product('photos:\n  - file: "chai\\0.jpg"\n', 7, "photos[0].file", "ký tự điều khiển không in được (mã U+0000)"),
    "control-character-in-key": product('"sum\\x1bmary": x\n', 6, None, "ký tự điều khiển không in được (mã U+001B)"),
    # Duplicate keys
    "duplicate-key": product("name: Mắm tôm khác\n", 6, "name", "trường bị lặp lại (đã có ở dòng 1)"),
    "duplicate-key-nested": product("  stars: 4\n", 6, "certification.stars", "trường bị lặp lại (đã có ở dòng 5)"),
    # Wrong types
    "stars-yes": product("", 5, "certification.stars", "phải là số nguyên", base=BASE.replace("stars: 3", "stars: yes")),
    "name-is-a-list": product("", 1, "name", "phải là văn bản", base=BASE.replace("name: Mắm tôm @ID", "name: [Mắm, tôm]")),
    "certification-is-a-list": product(
        "", 4, "certification", "phải là một nhóm trường", base=BASE.replace("  stars: 3", "  - stars: 3")
    ),
    "certification-is-yes": product(
        "", 4, "certification", "phải là một nhóm trường", base=BASE.replace("certification:\n  stars: 3", "certification: yes")
    ),
    "ingredients-is-a-map": product("ingredients:\n  tom: 1\n", 6, "ingredients", "phải là một danh sách"),
    "where-to-buy-is-a-map": product("where_to_buy:\n  name: Chợ\n", 6, "where_to_buy", "phải là một danh sách"),
    "number-too-long": product("", 5, "certification.stars", "số quá dài (5000 chữ số)", base=BASE.replace("3", "9" * 5000)),
    # Out of range
    "stars-zero": product("", 5, "certification.stars", "phải lớn hơn hoặc bằng 3", base=BASE.replace("stars: 3", "stars: 0")),
    "stars-two-and-a-half": product("", 5, "certification.stars", "phải là số nguyên", base=BASE.replace("stars: 3", "stars: 2.5")),
    "score-over-100": product("  score: 101\n", 6, "certification.score", "phải nhỏ hơn hoặc bằng 100"),
    "price-negative": product("price:\n  min: -5000\n", 7, "price.min", "phải lớn hơn 0"),
    "price-max-below-min": product("price:\n  min: 50000\n  max: 500\n", 6, "price", "giá cao nhất phải lớn hơn hoặc bằng giá thấp nhất"),
    "date-29-february-2023": product("  date: 2023-02-29\n", 6, "certification.date", "ngày không có thật: 2023-02-29"),
    "date-with-dots": product("  date: 31.05.2024\n", 6, "certification.date", "không phải ngày (viết 31/05/2024 hoặc 2024-05-31)"),
    "valid-until-before-decision": product(
        "  date: 01/06/2024\n  valid_until: 01/01/2024\n", 7, "certification.valid_until", "ngày hết hiệu lực phải sau ngày quyết định"
    ),
    "latitude-200": producer("name: Cơ sở thử\nkind: chưa rõ\nlocation: {lat: 200, lon: 105.8}\n", 3, "location.lat", "phải nhỏ hơn hoặc bằng 90"),
    # Text
    "name-empty": product("", 1, "name", "phải là văn bản", base=BASE.replace("name: Mắm tôm @ID", "name:")),
    "name-of-spaces": product("", 1, "name", "không được để trống", base=BASE.replace("name: Mắm tôm @ID", "name: '   '")),
    "name-too-long": product("", 1, "name", "quá dài (tối đa 2000 ký tự)", base=BASE.replace("Mắm tôm @ID", "M" * 2001)),
    # Addresses: only http(s) may become a link
    "website-javascript": producer("name: Cơ sở thử\nkind: chưa rõ\nwebsite: javascript:alert(1)\n", 3, "website", "phải bắt đầu bằng http:// hoặc https://"),
    "seller-url-javascript": product(SELLER + "    url: javascript:alert(document.cookie)\n", 8, "where_to_buy[0].url", "phải bắt đầu bằng http:// hoặc https://"),
    "seller-url-data": product(SELLER + "    url: 'data:text/html,<script>alert(1)</script>'\n", 8, "where_to_buy[0].url", "phải bắt đầu bằng http:// hoặc https://"),
    "email-without-domain": producer("name: Cơ sở thử\nkind: chưa rõ\nemail: lienhe@\n", 3, "email", "ví dụ: ten@example.vn"),
    "phone-in-words": producer("name: Cơ sở thử\nkind: chưa rõ\nphone: 'gọi chị Hồng'\n", 3, "phone", "số điện thoại không hợp lệ"),
    # Unknown fields and near-misses
    "near-miss-summary": product("sumary: Mắm ngon\n", 6, "sumary", "có phải ý bạn là 'summary'?"),
    "near-miss-in-list-item": product(SELLER + "    adress: Chợ Quảng Chính\n", 8, "where_to_buy[0].adress", "có phải ý bạn là 'address'?"),
    "vietnamese-field-name": Case(
        {PRODUCT: BASE.replace("name:", "ten:")},
        (Expect(PRODUCT, 1, "ten", "tên trường viết bằng tiếng Anh: có phải ý bạn là 'name'?"), Expect(PRODUCT, 1, "name", "thiếu trường bắt buộc")),
    ),
    "capitalised-field-name": Case(
        {PRODUCT: BASE.replace("name:", "Name:")},
        (Expect(PRODUCT, 1, "Name", "có phải ý bạn là 'name'?"), Expect(PRODUCT, 1, "name", "thiếu trường bắt buộc")),
    ),
    # Missing
    "missing-name-and-producer": Case(
        {PRODUCT: "group: thuc-pham\n"},
        (Expect(PRODUCT, 1, "name", "thiếu trường bắt buộc"), Expect(PRODUCT, 1, "producer", "thiếu trường bắt buộc")),
    ),
    "producer-without-kind": producer("name: Cơ sở thử\n", 1, "kind", "thiếu trường bắt buộc"),
    "producer-folder-without-producer-yml": Case(
        {"products/@ID/mam.yml": BASE}, (Expect("products/@ID", None, None, "thư mục cơ sở thiếu tệp producer.yml"),)
    ),
    # Whole file
    "only-comments": raw("# Mắm tôm\n# (chưa viết gì)\n".encode(), 1, "tệp rỗng"),
    "only-blank-lines": raw(b"\n   \n\n", 1, "tệp rỗng"),
    "file-is-a-list": product("", 1, None, "phải là một nhóm trường", base="- name: Mắm tôm @ID\n  producer: nam-quyen\n"),
    "file-is-a-text": product("", 1, None, "phải là một nhóm trường", base="Mắm tôm @ID\n"),
    "file-over-1-mb": raw((BASE + "story: |\n" + ("  " + "Mắm tôm. " * 12 + "\n") * 9000).encode(), None, "tệp quá lớn"),
    "binary-junk": raw(png(64, 64), None, "tệp không phải văn bản"),
    # Encodings and line ends
    "utf8-bom": raw(lambda text: text.encode("utf-8-sig")),
    "utf16-le-bom": raw(lambda text: b"\xff\xfe" + text.encode("utf-16-le")),
    "utf16-be-bom": raw(lambda text: b"\xfe\xff" + text.encode("utf-16-be")),
    "utf32-bom": raw(lambda text: text.encode("utf-32")),
    "crlf-with-bom": raw(lambda text: text.replace("\n", "\r\n").encode("utf-8-sig")),
    "cr-only": raw(lambda text: text.replace("\n", "\r").encode()),
    "nfd": raw(lambda text: unicodedata.normalize("NFD", text).encode()),
    "upper-case-yml": Case({"products/nam-quyen/@ID.YML": BASE}),
    "utf16-without-bom": raw(lambda text: text.encode("utf-16-le"), None, "UTF-16 không có BOM; hãy mở tệp và lưu lại với bảng mã UTF-8"),
    "windows-1258": raw(cp1258, 1, "Windows-1258"),
    # Duplicates
    # products/huan-hong/ is read before products/nam-quyen/: the second file read is the one named.
    "duplicate-slug": Case(
        {PRODUCT: BASE + "slug: mam-tom-chung\n", TWO: BASE.replace("@ID", "@ID khác") + "slug: mam-tom-chung\n"},
        (Expect(PRODUCT, 6, "slug", "địa chỉ trang 'mam-tom-chung' trùng với sản phẩm trong products/huan-hong/@ID.yml"),),
    ),
    "same-name-in-nfd": product("", 1, "name", "trùng với sản phẩm trong products/nam-quyen/nuoc-mam-nam-quyen.yml",
                                base=unicodedata.normalize("NFD", BASE.replace("Mắm tôm @ID", "Nước mắm Năm Quyền"))),
    "same-name-lower-case": product("", 1, "name", "địa chỉ trang 'nuoc-mam-nam-quyen' trùng",
                                    base=BASE.replace("Mắm tôm @ID", "nước mắm năm quyền")),
    "same-name-without-diacritics": product("", 1, "name", "địa chỉ trang 'nuoc-mam-nam-quyen' trùng",
                                            base=BASE.replace("Mắm tôm @ID", "Nuoc mam Nam Quyen")),
    "duplicate-short-code": Case(
        {PRODUCT: BASE + "code: ZZ9\n", TWO: BASE.replace("@ID", "@ID khác") + "code: ZZ9\n"},
        (
            Expect(PRODUCT, 6, "code", "mã ngắn 'ZZ9' trùng với sản phẩm trong products/huan-hong/@ID.yml"),
            Expect(TWO, 6, "code", "mã ngắn 'ZZ9' trùng với sản phẩm trong products/nam-quyen/@ID.yml"),
        ),
    ),
    "slug-with-capitals": product("slug: Mam-Tom\n", 6, "slug", "chỉ dùng chữ thường không dấu"),
    # Names and references
    "name-of-emoji-only": product("", 1, "name", "hãy ghi trường slug", base=BASE.replace("Mắm tôm @ID", "🦐🦐🦐")),
    "producer-named-not-folder": product("", 2, "producer", "ghi tên thư mục của cơ sở", base=BASE.replace("nam-quyen", "Năm Quyền")),
    "producer-folder-with-diacritics": Case(
        {"products/Cơ sở @ID/producer.yml": "name: Cơ sở thử\nkind: chưa rõ\n"},
        (Expect("products/Cơ sở @ID", None, None, "tên thư mục cơ sở chỉ dùng chữ thường không dấu"),),
    ),
    "file-outside-producer-folder": Case(
        {"products/@ID.yml": BASE}, (Expect("products/@ID.yml", None, None, "tệp phải nằm trong thư mục của một cơ sở"),)
    ),
    "notepad-added-txt": Case(
        {"products/nam-quyen/@ID.yml.txt": BASE},
        (Expect("products/nam-quyen/@ID.yml.txt", None, None, "hãy đổi tên thành @ID.yml"),),
    ),
    # Photos
    "photo-not-an-image": photo("@ID.jpg", "@ID.jpg", "Đây là chữ, không phải ảnh", "tệp không phải ảnh hợp lệ"),
    "photo-gif": photo("@ID.gif", "@ID.gif", png(), "ảnh phải là tệp JPG, PNG hoặc WebP"),
    "photo-truncated": photo("@ID.png", "@ID.png", png(64, 64)[:70], "tệp không phải ảnh hợp lệ"),
    "photo-21-mb": photo("@ID.jpg", "@ID.jpg", sparse(21_000_000), "ảnh quá lớn (tối đa 20 MB)"),
    "photo-too-many-pixels": photo("@ID.png", "@ID.png", png(8000, 8000, "1"), "ảnh quá lớn (8.000 × 8.000 điểm ảnh"),
    "photo-decompression-bomb": photo("@ID.png", "@ID.png", png_claiming(40000, 40000), "ảnh quá lớn"),
    "photo-absolute-path": photo("/etc/hosts.jpg", "", None, "ảnh phải nằm trong thư mục products/"),
    "photo-windows-backslashes": photo("'..\\..\\mkdocs.jpg'", "", None, "ảnh phải nằm trong thư mục products/"),
    "photo-is-a-folder": photo("@ID.jpg", "@ID.jpg", folder, "không thấy tệp ảnh"),
    # Constructs that must never be expanded or run
    "billion-laughs": product("", 7, None, "không dùng neo/bí danh YAML (&tên, *tên) (81 chỗ)", base=BASE + billion_laughs()),
    "python-object-apply": Case(
        {PRODUCT: BASE + f"summary: !!python/object/apply:os.system ['echo > {PWNED}']\n"},
        (Expect(PRODUCT, 6, "summary", "không dùng thẻ YAML đặc biệt"),),
        forbidden=(PWNED,),
    ),
    "python-name": product("usage: !!python/name:os.system\n", 6, "usage", "không dùng thẻ YAML đặc biệt"),
    "include-tag": product("story: !include ../../mkdocs.yml\n", 6, "story", "không dùng thẻ YAML đặc biệt (!include)"),
    "binary-tag": product("summary: !!binary aGVsbG8=\n", 6, "summary", "không dùng thẻ YAML đặc biệt"),
    "merge-key": product("", 3, None, "không dùng khóa gộp YAML (<<)",
                         base="name: Mắm tôm @ID\nchung: &chung {producer: nam-quyen}\n<<: *chung\ngroup: thuc-pham\n"),
    "deep-nesting": product("summary: " + "[" * 5000 + "]" * 5000 + "\n", None, None, "dữ liệu lồng nhau quá sâu"),
    "list-as-key": product("? [a, b]\n: c\n", 6, None, "tên trường phải là chữ"),
    # Paths
    "slug-escapes-folder": product("slug: ../../docs/index\n", 6, "slug", "chỉ dùng chữ thường không dấu"),
    "producer-escapes-folder": product("", 2, "producer", "ghi tên thư mục của cơ sở", base=BASE.replace("nam-quyen", "../nam-quyen")),
    # Several mistakes in one file
    "several-mistakes": Case(
        {PRODUCT: "name: Mắm tôm @ID\nproducer: nam-quyen\ncertification:\n  stars: 7\nsumary: x\nphotos: [thieu.jpg]\n"},
        (
            Expect(PRODUCT, 1, "group", "thiếu trường bắt buộc"),
            Expect(PRODUCT, 4, "certification.stars", "phải nhỏ hơn hoặc bằng 5"),
            Expect(PRODUCT, 5, "sumary", "có phải ý bạn là 'summary'?"),
        ),
    ),
}

ACCEPTED = [name for name, case in CASES.items() if not case.expect]
REFUSED = [name for name, case in CASES.items() if case.expect]
# Words that show a message fell through untranslated (pydantic's or PyYAML's English).
ENGLISH = ("Input should", "Field required", "Value error", "expected", "found character", "Traceback")


def materialise(root: Path, name: str) -> list[Expect]:
    """Write case `name` into the project at `root`; return its expected messages."""
    case = CASES[name]
    for relative, content in case.files.items():
        path = root / relative.replace("@ID", name)
        path.parent.mkdir(parents=True, exist_ok=True)
        if callable(content):
            content(path, name)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.replace("@ID", name).encode("utf-8"))
    return [
        Expect(e.file.replace("@ID", name), e.line, e.field, e.words.replace("@ID", name)) for e in case.expect
    ]


def message_row(stderr: str, expect: Expect) -> str:
    """The one reported row for this file, line and field."""
    where = f"{expect.file}:{expect.line}:" if expect.line is not None else f"{expect.file}:"
    field = f" trường '{expect.field}':" if expect.field else ""
    prefix = f"  - {where}{field} "
    rows = [row for row in stderr.splitlines() if row.startswith(prefix)]
    if expect.field is None:
        rows = [row for row in rows if not row[len(prefix):].startswith("trường '")]
    assert rows, f"no message starting {prefix!r} in:\n{stderr}"
    return next((row for row in rows if expect.words in row), rows[0])


def test_the_corpus_is_as_large_as_its_description():
    assert len(CASES) == 93 and len(REFUSED) == 85 and len(ACCEPTED) == 8


@pytest.mark.parametrize("name", CASES)
def test_each_case(tmp_path, name, capsys):
    from ocop.engine.cli import main

    project = copy_project(tmp_path / "project")
    expected = materialise(project.root, name)
    code = main(["--config", str(project.root / "mkdocs.yml"), "check"])
    out, err = capsys.readouterr()
    assert code == CASES[name].code, out + err
    for expect in expected:
        row = message_row(err, expect)
        assert expect.words in row, row
        assert not any(word in row for word in ENGLISH), row
    if expected:
        assert f"Dữ liệu có {len(expected)} lỗi, trang web chưa được tạo:" in err
    else:
        assert "Dữ liệu hợp lệ: 2 cơ sở, 3 sản phẩm." in out
    for forbidden in CASES[name].forbidden:
        assert not (project.root / forbidden).exists() and not Path(forbidden).exists()


@pytest.mark.full
def test_whole_corpus_at_once(tmp_path):
    """All refused cases together: one `ocop check` names every one; `mkdocs build` writes nothing."""
    project = copy_project(tmp_path / "project")
    expected = [expect for name in REFUSED for expect in materialise(project.root, name)]
    result = project.ocop("check")
    assert result.code == 1 and "Traceback" not in result.text
    for expect in expected:
        assert expect.words in message_row(result.err, expect)
    assert f"Dữ liệu có {len(expected)} lỗi, trang web chưa được tạo:" in result.err
    build = project.build()
    assert build.code == 1 and "Traceback" not in build.text
    assert "Dữ liệu có" in build.err and "products/nam-quyen/stars-zero.yml:5" in build.err
    assert not project.site.exists()
    assert not (project.root / PWNED).exists()


@pytest.mark.full
def test_accepted_files_build_with_composed_text(tmp_path):
    """BOM, UTF-16, UTF-32, CRLF, CR and NFD files all build; every page holds NFC text only."""
    project = copy_project(tmp_path / "project")
    for name in ACCEPTED:
        materialise(project.root, name)
    build = project.build()
    assert build.code == 0, build.text
    for name in ACCEPTED:
        html = project.page(f"san-pham/mam-tom-{name}/")
        assert f"Mắm tôm {name}" in text_of(html)
        assert html == unicodedata.normalize("NFC", html)
    nfd_name = unicodedata.normalize("NFD", "Mắm tôm nfd")
    assert nfd_name != "Mắm tôm nfd" and nfd_name not in project.page("san-pham/mam-tom-nfd/")


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


@pytest.mark.parametrize("address", ["https://example.org/mam-tep.jpg", "http://example.org/mam-tep.jpg", "//example.org/a.jpg"])
def test_a_photo_from_another_host_is_refused_in_vietnamese(example, address):
    """A photo is a file beside the data: the site loads nothing from another host (the editor offers no URL
    entry; a file written by hand is refused with the file, the line and the field)."""
    product = example.products / "nam-quyen" / "nuoc-mam-nam-quyen.yml"
    text = product.read_text(encoding="utf-8")
    product.write_text(text + f"photos:\n  - file: {address}\n    alt: Chai nước mắm\n", encoding="utf-8")
    line = len(text.splitlines()) + 2
    result = example.check()
    assert result.code != 0
    assert (
        f"products/nam-quyen/nuoc-mam-nam-quyen.yml:{line}: trường 'photos[0].file': ảnh phải là tệp ảnh chụp đặt "
        f"trong thư mục của cơ sở, không phải địa chỉ trên trang web khác ({address})"
    ) in result.text
    assert "không thấy tệp ảnh" not in result.text


# The six groups of Decision 148/QĐ-TTg, Article 1(1)(a), as the guide lists them.
DECISION_148_GROUPS = [
    "Thực phẩm", "Đồ uống", "Dược liệu và sản phẩm từ dược liệu", "Hàng thủ công mỹ nghệ", "Sinh vật cảnh",
    "Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch",
]


def test_the_groups_are_those_of_decision_148_and_each_subgroup_names_its_source():
    """The list cites the decision, and no sub-group is there without saying where in it it was checked."""
    text = (ROOT / "scripts/ocop/model/data/nhom-san-pham.yml").read_text(encoding="utf-8")
    assert "Quyết định số 148/QĐ-TTg ngày 24/02/2023" in text
    groups = load_groups()
    assert [group.name for group in groups.values()] == DECISION_148_GROUPS
    listed = yaml.safe_load(text)
    for code, group in listed.items():
        for sub_code, sub in (group.get("subgroups") or {}).items():
            assert sub["theo"].startswith("Quyết định 148/QĐ-TTg, danh mục phân loại sản phẩm, I."), sub_code
    food = groups["thuc-pham"].subgroups
    assert food["tuong-nuoc-mam"].path == ("Gia vị", "Tương, nước mắm, gia vị dạng lỏng khác")
    assert len(food) == 9  # I.1.a–b, I.2.a–b, I.3.a–d, I.4.a: those confirmed; the rest is free text
