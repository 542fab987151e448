"""Read one YAML file into plain data, remembering the line of every field.

Only the plain YAML an officer writes is accepted: mappings, lists, text, numbers, dates, yes/no.
Tags (``!!python/object``), aliases and merge keys are refused rather than expanded, so a file can
neither run code nor blow up in memory (billion laughs). Every problem names the file and the line.
"""
from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem, thousands

MAX_BYTES = 1_000_000
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)  # None when PyYAML was built without libyaml

FieldPath = tuple[str | int, ...]
# A value as a YAML reader gives it (a data file's field before validation, mkdocs.yml's `extra:`).
YamlValue = str | int | float | bool | dt.date | dt.datetime | list["YamlValue"] | dict[str, "YamlValue"] | None

# The tags PyYAML's safe resolver gives to plain scalars; anything else was written by hand (`!!x`).
_PLAIN_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}


@dataclass
class Document:
    """The data of one file and, for every field path, the line (1-based) where it is written."""

    file: str
    data: Any
    lines: dict[FieldPath, int] = field(default_factory=dict)
    # The text of each value YAML read as something other than text (a number, a date, yes/no), so
    # that a message quotes what the officer wrote: `0237312345`, not the octal number 41784549.
    written: dict[FieldPath, str] = field(default_factory=dict)

    def line_of(self, path: FieldPath) -> int | None:
        """The line of a field, or of its nearest written parent (a missing field has no line)."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


CONTROL_CHARACTER = "có ký tự điều khiển không in được (mã U+{code:04X}): hãy xóa ký tự đó"
# The control characters (Unicode category Cc) but a tab and a line break, which Word refuses, and the
# text direction overrides, which reorder what a reader sees ("Trojan source").
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def control_character(text: str) -> str | None:
    """The first character of `text` no field may hold; None when there is none."""
    found = _CONTROL.search(text)
    return found.group() if found else None


def control_problems(data: YamlValue, file: str, prefix: FieldPath = ()) -> list[Problem]:
    """A problem for each text in `data` (read by another reader than this one, e.g. mkdocs.yml's
    `extra:`) holding a character no field may hold."""
    if isinstance(data, dict):
        return [problem for key, value in data.items() for problem in control_problems(value, file, (*prefix, str(key)))]
    if isinstance(data, list):
        return [problem for index, value in enumerate(data) for problem in control_problems(value, file, (*prefix, index))]
    char = control_character(data) if isinstance(data, str) else None
    return [Problem(file, None, field_name(prefix), CONTROL_CHARACTER.format(code=ord(char)))] if char else []


def field_name(path: FieldPath) -> str:
    """`photos[0].file` style, as the officer sees it in the file."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """Bytes → NFC text. UTF-8 (with or without BOM) and UTF-16/UTF-32 with BOM are accepted."""
    if len(raw) > MAX_BYTES:
        return None, [Problem(file, None, None, f"tệp quá lớn ({thousands(len(raw))} byte, tối đa {thousands(MAX_BYTES)} byte)")]
    # UTF-32 first: its little-endian BOM begins with the UTF-16 one.
    encoding = next((name for bom, name in _BOMS if raw.startswith(bom)), None)
    if encoding is not None:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            return None, [Problem(file, None, None, f"tệp {encoding.upper()} bị hỏng; hãy lưu lại với bảng mã UTF-8")]
    else:
        if b"\x00" in raw:
            if _looks_like_utf16(raw):
                message = "tệp được lưu bằng mã UTF-16 không có BOM; hãy mở tệp và lưu lại với bảng mã UTF-8"
            else:
                message = "tệp không phải văn bản (có byte rỗng): có lẽ là tệp nhị phân, hoặc ảnh bị đặt tên .yml"
            return None, [Problem(file, None, None, message)]
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = raw[: error.start].count(b"\n") + 1
            return None, [
                Problem(
                    file,
                    line,
                    None,
                    "tệp không được lưu bằng mã UTF-8 (có thể là Windows-1258 hoặc VNI); "
                    "hãy mở tệp và lưu lại với bảng mã UTF-8",
                )
            ]
    # macOS writes decomposed (NFD) Vietnamese; compare and publish the composed form only.
    return unicodedata.normalize("NFC", text), []


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_like_utf16(raw: bytes) -> bool:
    """Mostly-ASCII text saved as UTF-16 without a BOM has a zero in every other byte."""
    sample = raw[:2000]
    half = max(len(sample) // 2, 1)
    return max(sample[0::2].count(0), sample[1::2].count(0)) > 0.6 * half


def read_yaml(path: Path, file: str) -> tuple[Document | None, list[Problem]]:
    """Read `path` (shown to the officer as `file`). Returns the document or the problems."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, [Problem(file, None, None, f"không đọc được tệp ({error.strerror})")]
    text, problems = decode(raw, file)
    if text is None:
        return None, problems
    return parse_yaml(text, file)


def parse_yaml(text: str, file: str) -> tuple[Document | None, list[Problem]]:
    try:
        loader = _loader(text)
    except yaml.reader.ReaderError as error:  # a control character, found before any parsing
        line = text[: error.position].count("\n") + 1
        return None, [
            Problem(file, line, None, CONTROL_CHARACTER.format(code=error.character))
        ]
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(error, file)]
    except yaml.YAMLError as error:
        return None, [Problem(file, None, None, f"lỗi cú pháp YAML ({error})")]
    except RecursionError:  # PyYAML composes nested collections recursively: `[[[[…` a thousand deep
        return None, [Problem(file, None, None, "dữ liệu lồng nhau quá sâu: một tệp dữ liệu chỉ cần vài cấp thụt lề")]
    finally:
        loader.dispose()
    if node is None:
        return None, [Problem(file, 1, None, "tệp rỗng: chưa có trường nào")]
    document = Document(file, None)
    builder = _Builder(document, loader)
    try:
        document.data = builder.build(node, ())
    except RecursionError:
        builder.problems.append(Problem(file, None, None, "dữ liệu lồng nhau quá sâu: một tệp dữ liệu chỉ cần vài cấp thụt lề"))
    if builder.aliases:
        first = builder.aliases[0]
        count = f" ({len(builder.aliases)} chỗ)" if len(builder.aliases) > 1 else ""
        builder.problems.append(
            Problem(file, first, None, f"không dùng neo/bí danh YAML (&tên, *tên){count}: hãy viết giá trị ra")
        )
    return (None if builder.problems else document), builder.problems


class _Composed:
    """A loader whose single document is already composed."""

    def __init__(self, loader, node: Node | None):
        self._loader, self._node = loader, node

    def get_single_node(self) -> Node | None:
        return self._node

    def __getattr__(self, name: str):
        return getattr(self._loader, name)


def _loader(text: str):
    """libyaml's loader when it reads `text`, else PyYAML's own.

    libyaml composes the same nodes about ten times faster (parsing was most of the build's own
    time); its error texts differ, so a text it refuses goes to PyYAML, whose messages the hints of
    _syntax_problem understand."""
    # libyaml composes nested collections by C recursion, which a file nested some 100,000 deep (a
    # 200 KB line of `[`) overflows, killing the process: every level of nesting needs one of these
    # characters, so a text with few of them is shallow enough (10,000 levels were measured safe).
    if _FAST_LOADER is not None and sum(map(text.count, "[{-?:")) < 2000:
        fast = _FAST_LOADER(text)
        try:
            return _Composed(fast, fast.get_single_node())
        except yaml.YAMLError:
            fast.dispose()
    return yaml.SafeLoader(text)


def _syntax_problem(error: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    problem = error.problem or ""
    if "found character '\\t'" in problem or "\\t" in problem:
        hint = "có ký tự Tab: YAML chỉ cho thụt lề bằng dấu cách"
    elif "found duplicate anchor" in problem or "found undefined alias" in problem:
        hint = "không dùng neo/bí danh YAML (& và *)"
    elif "mapping values are not allowed" in problem:
        hint = "dấu hai chấm ở chỗ không đúng, hoặc thụt lề sai; nếu giá trị có dấu ':' hãy đặt trong dấu nháy"
    elif "could not find expected ':'" in problem or "while scanning a simple key" in (error.context or ""):
        hint = "thiếu dấu ':' sau tên trường, hoặc thụt lề sai"
        if error.context_mark:  # where the key began; PyYAML notices only on the next line
            line = error.context_mark.line + 1
    elif "while parsing a flow" in (error.context or ""):
        hint = "dấu ngoặc '[' hoặc '{' mở mà chưa đóng (hoặc thiếu dấu ',' giữa các mục)"
        if error.context_mark:
            line = error.context_mark.line + 1
    elif "that cannot start any token" in problem:
        hint = "giá trị bắt đầu bằng ký tự đặc biệt (@, `, %): hãy đặt giá trị trong dấu nháy"
    elif "while scanning a quoted scalar" in (error.context or ""):
        hint = "dấu nháy mở mà chưa đóng"
        if error.context_mark:  # the line where the quote opened, not the end of the file
            line = error.context_mark.line + 1
    elif "expected <block end>" in problem or "did not find expected" in problem:
        hint = "thụt lề không đều: các trường cùng cấp phải thẳng hàng"
    elif "expected a single document" in (error.context or "") or "but found another document" in problem:
        hint = "tệp chỉ được chứa một tài liệu YAML (bỏ dòng '---' thứ hai)"
    else:  # PyYAML's own words, in brackets, for whoever helps the officer
        hint = f"không đọc được ({problem})" if problem else "không đọc được"
    return Problem(file, line, None, f"lỗi cú pháp YAML: {hint}")


class _Builder:
    """Node tree → plain data, recording lines; refuses tags, merge keys and aliases without expanding them."""

    def __init__(self, document: Document, loader: yaml.SafeLoader):
        self.document = document
        self.loader = loader
        self.problems: list[Problem] = []
        self.aliases: list[int] = []  # lines where an alias repeats a node: one problem per file, not thousands
        self.seen: set[int] = set()

    def problem(self, line: int, path: FieldPath | None, message: str) -> None:
        self.problems.append(Problem(self.document.file, line, field_name(path) or None if path else None, message))

    def build(self, node: Node, path: FieldPath) -> Any:
        if id(node) in self.seen:
            # The node an alias repeats keeps the line of its anchor; the alias is where its field is.
            self.aliases.append(self.document.line_of(path[:-1]) if path else 1)
            return None
        self.seen.add(id(node))
        line = node.start_mark.line + 1
        self.document.lines.setdefault(path, line)
        if node.tag not in _PLAIN_TAGS:
            self.problem(line, path, f"không dùng thẻ YAML đặc biệt ({node.tag}): chỉ viết văn bản, số, ngày")
            return None
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        try:
            value = self.loader.construct_object(node)
            if not isinstance(value, str):
                self.document.written[path] = node.value
            elif (char := control_character(value)) is not None:
                # Written as an escape ("\0", "\x07", "\u202e"), which the reader's own check lets through.
                self.problem(line, path, CONTROL_CHARACTER.format(code=ord(char)))
                return None
            return value
        except (yaml.YAMLError, ValueError):
            if node.tag.endswith("timestamp"):
                message = f"ngày không có thật: {node.value}"
            elif node.tag.endswith(("int", "float")):
                message = f"số quá dài ({len(node.value)} chữ số)"
            else:
                message = f"giá trị không đọc được: {node.value[:80]}"
            self.problem(line, path, message)
            return None

    def _mapping(self, node: MappingNode, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_line, path, "không dùng khóa gộp YAML (<<)")
                continue
            if not isinstance(key_node, ScalarNode):
                self.problem(key_line, path, "tên trường phải là chữ")
                continue
            key = str(key_node.value)
            if (char := control_character(key)) is not None:
                self.problem(key_line, path, CONTROL_CHARACTER.format(code=ord(char)))
                continue
            if key in result:
                first = self.document.lines.get(path + (key,))
                self.problem(key_line, path + (key,), f"trường bị lặp lại (đã có ở dòng {first})")
                continue
            self.document.lines[path + (key,)] = key_line
            result[key] = self.build(value_node, path + (key,))
        return result
