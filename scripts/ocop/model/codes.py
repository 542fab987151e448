"""Short codes: the `/Q/<CODE>/` addresses printed on packaging, and the register that keeps them.

A code is given in the product's file (`code: NM`) or, when missing, chosen by `ocop` and written
into that file (its comments kept). Every code in use is recorded in a register committed with the
data, `products/_registry/codes.yml`, one line `CODE: page-address`. From then on a printed code must
keep opening the same product for years, so every build checks the data against the register:

- a registered code that no product file carries any more (dropped, or the file deleted) is an error;
- a registered code carried by a product with another page address (another product, or the same
  one whose address changed) is an error;
- two products with the same code are an error.

A product that is renamed keeps its `slug` and its `code`, so nothing breaks; a product that is no
longer made keeps its file with `retired:` and its page says so. Only a code that was surely never
printed may be taken out of the register, by hand.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from slugify import slugify

from .entries import Catalogue, ProductEntry
from .errors import Problem, ShowPath
from .fields import CODE_MAX, CODE_PATTERN, SLUG_PATTERN
from .reader import decode, parse_yaml

REGISTRY = "_registry/codes.yml"
REGISTRY_HEADER = """\
# Sổ mã ngắn đã cấp. Mỗi dòng "MÃ: địa-chỉ-trang" nghĩa là mã QR in trên bao bì
# (…/Q/MÃ/) mở trang /san-pham/địa-chỉ-trang/ của sản phẩm đó, mãi mãi.
# Lệnh `ocop codes`, `ocop build` và `ocop labels` tự ghi thêm mã mới vào cuối tệp: hãy lưu
# (commit) tệp này cùng dữ liệu. Đừng sửa hay xoá dòng đã có, vì mã đã in sẽ hỏng. Sản phẩm
# ngừng sản xuất thì ghi `retired:` vào tệp của nó, không xoá tệp. Chỉ xoá dòng của một mã
# chắc chắn chưa từng được in.
"""
CODE_COMMENT = "# Mã ngắn in trên mã QR của bao bì (…/Q/{code}/): đã in thì không bao giờ đổi, kể cả khi đổi tên."


# The line `ocop new product` writes at the top of every product file (templates/new-product.yml.j2),
# and the fields it fills in; every other field is a comment for the officer to fill.
PRODUCT_MARK = "tạo bằng lệnh: ocop new product"
PRODUCT_FIELDS = frozenset({"name", "slug", "producer", "group"})


def never_filled_in(text: str, data) -> bool:
    """A product file as `ocop new product` wrote it: its mark still there and no field set beyond the
    ones the command filled. Such a product is not ready for print, so no permanent code is issued for it
    (a code written into the file by hand is a field set, and is registered as usual)."""
    marked = any(line.lstrip().startswith("#") and PRODUCT_MARK in line for line in text.splitlines())
    return marked and isinstance(data, dict) and set(data) <= PRODUCT_FIELDS


@dataclass
class Registry:
    """Codes already issued: code → the page address (slug) it opens, with the line of each."""

    path: Path
    file: str  # as shown in messages
    slugs: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)


def read_registry(products_dir: Path, shown: ShowPath) -> tuple[Registry, list[Problem]]:
    path = Path(products_dir) / REGISTRY
    registry = Registry(path, shown(path))
    if not path.is_file():
        return registry, []
    text, problems = decode(path.read_bytes(), registry.file)
    if text is None:
        return registry, problems
    if not any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines()):
        return registry, []
    document, problems = parse_yaml(text, registry.file)
    if document is None:
        return registry, problems
    if not isinstance(document.data, dict):
        return registry, [Problem(registry.file, 1, None, "sổ mã phải gồm các dòng dạng 'MÃ: địa-chỉ-trang', ví dụ NMVD: nuoc-mam-vi-du")]
    owner: dict[str, str] = {}
    for code, slug in document.data.items():
        line = document.line_of((code,))
        code = str(code)
        if not re.fullmatch(CODE_PATTERN, code):
            problems.append(Problem(registry.file, line, code, f"mã '{code}' sai dạng: chữ IN HOA không dấu và số, tối đa {CODE_MAX} ký tự"))
        elif not isinstance(slug, str) or not re.fullmatch(SLUG_PATTERN, slug):
            problems.append(Problem(registry.file, line, code, f"sau mã phải là địa chỉ trang của sản phẩm, ví dụ {code}: nuoc-mam-vi-du"))
        elif slug in owner:
            problems.append(
                Problem(registry.file, line, code, f"trang '{slug}' đã có mã '{owner[slug]}' ở dòng {registry.lines[owner[slug]]}: mỗi sản phẩm một mã")
            )
        else:
            owner[slug] = code
            registry.slugs[code] = slug
            registry.lines[code] = line
    return registry, problems


def check_codes(catalogue: Catalogue, registry: Registry) -> list[Problem]:
    """Every way the data could break a code already printed, or make one code open two products."""
    problems: list[Problem] = []
    by_code: dict[str, list[ProductEntry]] = {}
    for entry in catalogue.products.values():
        if entry.model.code:
            by_code.setdefault(entry.model.code, []).append(entry)
    # Two products with one code are refused by the catalogue, with every other data problem.
    for code, slug in registry.slugs.items():
        where = f"{registry.file}:{registry.lines[code]}"
        holders = by_code.get(code, [])
        if holders:
            for entry in holders:
                if entry.slug != slug:
                    problems.append(
                        _at(
                            entry,
                            "code",
                            f"mã '{code}' đã cấp cho trang /san-pham/{slug}/ ({where}), mã QR đã in phải mở đúng sản phẩm đó; "
                            f"nếu đây vẫn là sản phẩm ấy hãy giữ 'slug: {slug}', nếu là sản phẩm khác hãy dùng mã khác",
                        )
                    )
            continue
        owner = catalogue.products.get(slug)
        if owner is not None:
            problems.append(
                _at(
                    owner,
                    "code",
                    f"sản phẩm này đã được cấp mã '{code}' ({where}) và mã QR đã in mở /Q/{code}/: "
                    f"hãy giữ 'code: {code}'" + (f" thay cho '{owner.model.code}'" if owner.model.code else ""),
                )
            )
        else:
            problems.append(
                Problem(
                    registry.file,
                    registry.lines[code],
                    code,
                    f"mã '{code}' đã cấp cho trang /san-pham/{slug}/ nhưng không còn sản phẩm nào mang mã này, "
                    "nên mã QR đã in sẽ hỏng: đừng xoá hay đổi mã trong tệp của sản phẩm; sản phẩm ngừng sản xuất thì "
                    "ghi 'retired:' (ngày, ghi chú) vào tệp của nó; chỉ xoá dòng này nếu mã chắc chắn chưa từng được in",
                )
            )
    return problems


def _at(entry: ProductEntry, name: str, message: str) -> Problem:
    line = entry.document.line_of((name,)) if entry.document is not None else None
    return Problem(entry.source, line, name, message)


PROPOSED_MAX = 4  # HTTPS:// + a 45-character host + /Q/ + 4 + / is 61 characters: version 3 at level M


def propose_code(name: str, taken: set[str]) -> str:
    """A code from the initials of the name (`Mắm tôm Ví Dụ` → MTVD), numbered when taken.

    At most PROPOSED_MAX characters, so that the QR code stays version 3 on any reasonable host."""
    words = [word for word in slugify(name).split("-") if word]
    base = "".join(word[0] for word in words)[:PROPOSED_MAX].upper()
    if len(base) < 2:
        base = "".join(words).upper()[:3] or "SP"
    if base not in taken:
        return base
    number = 2
    while f"{base[:PROPOSED_MAX - len(str(number))]}{number}" in taken:
        number += 1
    return f"{base[:PROPOSED_MAX - len(str(number))]}{number}"


@dataclass(frozen=True)
class Issued:
    written: list[tuple[str, str]]  # (file shown, code) for codes written into product files
    registered: list[tuple[str, str]]  # (code, slug) added to the register
    unfilled: list[str] = field(default_factory=list)  # files shown: created by `ocop new product`, not filled in yet


def issue_codes(catalogue: Catalogue, registry: Registry, root: Path) -> Issued:
    """Give a code to every product without one, and record every code in the register.

    Call only on data that passed check_codes: nothing here can then break an issued code."""
    taken = set(registry.slugs) | {entry.model.code for entry in catalogue.products.values() if entry.model.code}
    written = []
    unfilled = []
    codes: dict[str, str] = {}
    for entry in catalogue.products.values():
        if entry.model.retired and not entry.model.code:
            continue  # never printed with a short code, and no new labels are printed for it
        if entry.model.code is None and _never_filled_in(root / entry.source, entry):
            unfilled.append(entry.source)  # a code registered now would hold its address forever
            continue
        code = entry.model.code
        if code is None:
            code = propose_code(entry.model.name, taken)
            taken.add(code)
        if code != entry.model.code or entry.model.slug is None:
            write_fields(root / entry.source, code=code, slug=None if entry.model.slug else entry.slug)
            written.append((entry.source, code))
        codes[code] = entry.slug
    new = [(code, slug) for code, slug in codes.items() if code not in registry.slugs]
    if new:
        append_registry(registry, new)
    return Issued(written, new, unfilled)


def issued_and_retired(catalogue: Catalogue, registry: Registry | None) -> tuple[set[str], set[str]]:
    """The codes ever issued (the register and the product files) and those of retired products."""
    products = catalogue.products.values()
    issued = set(registry.slugs) if registry else set()
    issued |= {entry.model.code for entry in products if entry.model.code}
    retired = {entry.model.code for entry in products if entry.model.code and entry.model.retired}
    return issued, retired


@dataclass(frozen=True)
class Snapshot:
    """The bytes of the files issuing codes may write (None: the file did not exist), to put back when
    the build that would use the new codes fails: a code is issued only by a build that succeeds."""

    files: dict[Path, bytes | None]

    @classmethod
    def of(cls, catalogue: Catalogue, registry: Registry, root: Path) -> Snapshot:
        paths = [registry.path, *(root / entry.source for entry in catalogue.products.values())]
        return cls({path: path.read_bytes() if path.is_file() else None for path in paths})

    def restore(self) -> list[Path]:
        """Write back every file that changed; the files put back."""
        changed = []
        for path, content in self.files.items():
            now = path.read_bytes() if path.is_file() else None
            if now == content:
                continue
            if content is None:
                path.unlink()
            else:
                path.write_bytes(content)
            changed.append(path)
        return changed


def _never_filled_in(path: Path, entry: ProductEntry) -> bool:
    if entry.document is None:
        return False
    text, _, _ = _read_text(path)
    return never_filled_in(text, entry.document.data)


def _yaml_scalar(text: str) -> str:
    """`NO`, `ON`, `123` would read back as yes/no or a number: quote them."""
    return text if yaml.safe_load(f"x: {text}")["x"] == text else f'"{text}"'


def _read_text(path: Path) -> tuple[str, str, str]:
    """The file's text as written (not normalised), its encoding and its line ending."""
    raw = path.read_bytes()
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif raw.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
    text = raw.decode(encoding)
    return text, encoding, "\r\n" if "\r\n" in text else "\n"


def write_fields(path: Path, code: str, slug: str | None = None) -> None:
    """Set `code:` (and `slug:`) in a product file, changing nothing else: comments and order stay.

    An existing field's value is replaced on its line; a new one goes after `slug:` or `name:`."""
    text, encoding, newline = _read_text(path)
    lines = text.splitlines(keepends=True)
    root = yaml.compose(text)
    keys = {key.value: (key, value) for key, value in root.value} if isinstance(root, yaml.MappingNode) else {}
    for name, value in (("code", code), ("slug", slug)):
        if value is not None and name in keys and keys[name][1].start_mark.line == keys[name][1].end_mark.line:
            node = keys[name][1]
            line = lines[node.start_mark.line]
            start, end = node.start_mark.column, node.end_mark.column
            space = " " if line[:start].endswith(":") else ""  # `code:` written empty
            lines[node.start_mark.line] = line[:start] + space + _yaml_scalar(value) + line[end:]
    new: list[str] = []
    indent = ""
    after = len(lines)
    for anchor in ("slug", "name"):
        if anchor in keys:
            key, node = keys[anchor]
            indent = " " * key.start_mark.column
            after = node.end_mark.line if node.end_mark.column == 0 else node.end_mark.line + 1
            break
    if slug is not None and "slug" not in keys:
        new.append(f"{indent}slug: {_yaml_scalar(slug)}")
    if "code" not in keys:
        new += [indent + CODE_COMMENT.format(code=code), f"{indent}code: {_yaml_scalar(code)}"]
    if new and after >= len(lines) and lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    lines[after:after] = [line + newline for line in new]
    path.write_bytes("".join(lines).encode(encoding))


def append_registry(registry: Registry, entries: list[tuple[str, str]]) -> None:
    """Add lines at the end of the register, creating it with its explanation when missing."""
    if registry.path.is_file():
        text, encoding, newline = _read_text(registry.path)
    else:
        registry.path.parent.mkdir(parents=True, exist_ok=True)
        text, encoding, newline = REGISTRY_HEADER, "utf-8", "\n"
    if text and not text.endswith(("\n", "\r")):
        text += newline
    text += "".join(f"{_yaml_scalar(code)}: {slug}{newline}" for code, slug in entries)
    registry.path.write_bytes(text.encode(encoding))
