"""Per-pack stamps: the serial printed on each pack, and the register that proves the commune issued it.

A serial is 12 symbols of Crockford's base32 (`0-9 A-Z` without I, L, O, U: no look-alikes, all in the
QR code's alphanumeric set): 11 drawn at random (55 bits, never sequential) and one check symbol, printed
`XXXX-XXXX-XXXX`. The check symbol is a weighted sum in GF(32) = GF(2)[x]/(x⁵+x²+1) with weights α^k
(`acc = α·acc ⊕ v`, check = α·acc), so a serial is well formed when the fold over its 12 symbols is 0.
It catches every single substitution (α^k·e ≠ 0) and every adjacent swap (α^k(α⊕1)(a⊕b) ≠ 0).

The serials are never written anywhere but the printed sheets. The register, committed with the data,
keeps only a deliberately slow, salted hash of each (PBKDF2-HMAC-SHA256, 120 bits), so a public
repository or site does not list them in any form cheaper to search than guessing:

- `products/_registry/tem.yml`: the site's one salt and the iteration count, written once by the first
  `ocop stamps` and never changed (every printed stamp depends on them);
- `products/_registry/tem/<CODE>/<BATCH>.yml`: one file a batch: `issues:` (date, count, size, sample)
  and `hashes:`, one 24-character base32 line a stamp, issue k owning the next `count` lines. Lines are
  only ever appended (`append_issue`); a removed line turns a genuine pack into "not issued".

ARCHITECTURE.md §4 has the arithmetic (serial space, cost of a guess on a GPU and on a phone).
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path

from .entries import Catalogue
from .errors import Problem, ShowPath
from .reader import Document, decode, parse_yaml, read_yaml

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
VALUE = {symbol: index for index, symbol in enumerate(ALPHABET)}
RANDOM_SYMBOLS = 11
SERIAL_LENGTH = RANDOM_SYMBOLS + 1
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
# The printed form, XXXX-XXXX-XXXX (the dashes keep a serial from ever looking like a batch code).
PRINTED_PATTERN = r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"

HASH_BYTES = 15  # 120 bits, 24 base32 characters a line
PREFIX_BYTES = 8  # what the site publishes of a hash (bucket byte + 7): must not repeat either
SALT_BYTES = 16
ITERATIONS = 5000
FORMAT = 1

SETTINGS_FILE = "_registry/tem.yml"
STAMPS_DIR = "_registry/tem"
MAX_REGISTER_BYTES = 20_000_000
_HASH_LINE = re.compile(r"[A-Z2-7]{24}")

SETTINGS_TEMPLATE = """\
# Khoá kiểm tra tem của trang (lệnh `ocop stamps` tạo ra). ĐỪNG SỬA, ĐỪNG XOÁ: mọi tem đã in sẽ thành
# "không do xã cấp". Tệp này không chứa số tem nào.
format: {format}
salt: {salt}   # {salt_bytes} byte ngẫu nhiên, base32
iterations: {iterations}   # PBKDF2-HMAC-SHA256
"""
BATCH_TEMPLATE = """\
# Sổ tem của lô {batch}, {name} (mã {code}). Lệnh `ocop stamps` tự ghi thêm; ĐỪNG SỬA TAY.
# Mỗi dòng dưới `hashes` là dấu (hash chậm) của một tem đã cấp, KHÔNG phải số tem. Xoá một dòng làm tem
# đã dán trên gói hàng thành "không do xã cấp"; thêm một dòng không có tác dụng gì.
code: {code}
batch: {batch}
issues:
hashes: |
"""


# --- the serial ------------------------------------------------------------------------------------

def _times_alpha(value: int) -> int:
    value <<= 1
    return value ^ 0b100101 if value & 0b100000 else value


def _fold(serial: str) -> int:
    acc = 0
    for symbol in serial:
        acc = _times_alpha(acc) ^ VALUE[symbol]
    return acc


def check_symbol(body: str) -> str:
    """The symbol that makes `body` (alphabet symbols) a well-formed serial."""
    return ALPHABET[_times_alpha(_fold(body))]


def well_formed(serial: str) -> bool:
    """12 alphabet symbols (normalised, no dashes) whose check symbol is right."""
    return len(serial) == SERIAL_LENGTH and all(s in VALUE for s in serial) and _fold(serial) == 0


def new_serial() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_SYMBOLS))
    return body + check_symbol(body)


def normalise(text: str) -> str:
    """What a person typed → alphabet symbols: any case, dashes and spaces dropped, O→0, I/L→1.
    Anything else outside the alphabet (U, punctuation) is dropped too; the check symbol then fails."""
    return "".join(s for s in text.upper().translate(_LOOKALIKES) if s in VALUE)


def printed(serial: str) -> str:
    """`K7QABCDEFGHX` → `K7QA-BCDE-FGHX`, as printed under the code and put in its address."""
    return "-".join(serial[i : i + 4] for i in range(0, len(serial), 4))


def corrections(serial: str) -> list[str]:
    """Well-formed serials one substitution or one adjacent swap away from a mistyped one (for a typed
    serial only: a scanned code never mistypes). About 12, at most 16."""
    found = []
    for k in range(len(serial)):
        for symbol in ALPHABET:
            candidate = serial[:k] + symbol + serial[k + 1 :]
            if symbol != serial[k] and well_formed(candidate):
                found.append(candidate)
    for k in range(len(serial) - 1):
        candidate = serial[:k] + serial[k + 1] + serial[k] + serial[k + 2 :]
        if candidate != serial and well_formed(candidate) and candidate not in found:
            found.append(candidate)
    return found


def stamp_hash(serial: str, salt: bytes, iterations: int) -> bytes:
    """The slow hash the register keeps of a serial (normalised, no dashes): 120 bits of PBKDF2-SHA256.
    The buyer's phone computes the same with WebCrypto."""
    return hashlib.pbkdf2_hmac("sha256", serial.encode("ascii"), salt, iterations, HASH_BYTES)


def hash_text(digest: bytes) -> str:
    return base64.b32encode(digest).decode("ascii")


# --- the register ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class StampSettings:
    salt: bytes
    iterations: int
    file: str = SETTINGS_FILE


@dataclass(frozen=True)
class StampIssue:
    """One run of `ocop stamps`: `count` stamps of one batch, with the hash of each."""

    code: str
    batch: str
    date: dt.date
    count: int
    size: str
    sample: bool
    file: str
    line: int
    hashes: tuple[bytes, ...] = ()


@dataclass
class StampRegister:
    """Every stamp issued on the site, by issue (register order: code, then batch, then issue date)."""

    settings: StampSettings | None = None
    issues: list[StampIssue] = field(default_factory=list)

    def hashes(self) -> set[bytes]:
        return {digest for issue in self.issues for digest in issue.hashes}

    def prefixes(self) -> set[bytes]:
        return {digest[:PREFIX_BYTES] for issue in self.issues for digest in issue.hashes}

    def of_product(self, code: str) -> list[StampIssue]:
        return [issue for issue in self.issues if issue.code == code]

    def __bool__(self) -> bool:
        return bool(self.issues)


def new_settings() -> StampSettings:
    return StampSettings(secrets.token_bytes(SALT_BYTES), ITERATIONS)


def read_stamp_register(products_dir: Path, shown: ShowPath) -> tuple[StampRegister, list[Problem]]:
    """The register, or the problems found in it (each with file and line). No register: empty."""
    products_dir = Path(products_dir)
    register, problems = StampRegister(), []
    settings_path = products_dir / SETTINGS_FILE
    if settings_path.is_file():
        register.settings, problems = _read_settings(settings_path, shown(settings_path))
    batch_files = sorted((products_dir / STAMPS_DIR).glob("*/*.yml"))
    for path in batch_files:
        issues, found = _read_batch(path, shown(path), path.parent.name, path.stem)
        register.issues += issues
        problems += found
    if batch_files and not settings_path.is_file():
        problems.append(
            Problem(shown(settings_path), None, None, "thiếu tệp khoá kiểm tra tem: đã có sổ tem nhưng không có tệp này, "
                    "mọi tem đã in sẽ không kiểm tra được; hãy lấy lại tệp từ lịch sử (git), đừng tạo tệp mới")
        )
    return register, problems + _repeated_hashes(register)


def _read_settings(path: Path, file: str) -> tuple[StampSettings | None, list[Problem]]:
    document, problems = read_yaml(path, file)
    if document is None:
        return None, problems
    data = document.data if isinstance(document.data, dict) else {}
    salt = _salt(data.get("salt"))
    iterations = data.get("iterations")
    if data.get("format") != FORMAT:
        problems.append(Problem(file, document.line_of(("format",)), "format", f"phải là {FORMAT}"))
    if salt is None:
        problems.append(Problem(file, document.line_of(("salt",)), "salt", "khoá không đúng dạng (chữ base32): tệp đã bị sửa tay, hãy lấy lại từ lịch sử (git)"))
    if not isinstance(iterations, int) or isinstance(iterations, bool) or not 1000 <= iterations <= 10_000_000:
        problems.append(Problem(file, document.line_of(("iterations",)), "iterations", "số vòng băm phải là số nguyên từ 1000 đến 10000000"))
    if problems:
        return None, problems
    return StampSettings(salt, iterations, file), []


def _salt(text) -> bytes | None:
    if not isinstance(text, str) or not re.fullmatch(r"[A-Z2-7]{16,64}", text):
        return None
    try:
        return base64.b32decode(text + "=" * (-len(text) % 8))
    except ValueError:
        return None


def _read_batch(path: Path, file: str, code: str, batch: str) -> tuple[list[StampIssue], list[Problem]]:
    """A batch file: YAML before `hashes: |`, then one hash a line (read without YAML: it is long)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return [], [Problem(file, None, None, f"không đọc được tệp ({error.strerror})")]
    if len(raw) > MAX_REGISTER_BYTES:
        return [], [Problem(file, None, None, "tệp sổ tem quá lớn")]
    text, problems = decode(raw[: raw.find(b"\nhashes:") + 1] if b"\nhashes:" in raw else raw, file)
    if text is None:
        return [], problems
    head_lines = text.count("\n")
    document, problems = parse_yaml(text, file)
    if document is None:
        return [], problems
    hashes, problems = _hash_lines(raw, file, head_lines)
    return _issues(document, file, code, batch, hashes, problems)


def _hash_lines(raw: bytes, file: str, head_lines: int) -> tuple[list[tuple[int, bytes]], list[Problem]]:
    lines = raw.decode("ascii", "replace").splitlines()
    if head_lines >= len(lines) or lines[head_lines].rstrip() != "hashes: |":
        return [], [Problem(file, head_lines + 1, "hashes", "thiếu dòng 'hashes: |' sau danh sách issues")]
    hashes, problems = [], []
    for number, line in enumerate(lines[head_lines + 1 :], start=head_lines + 2):
        text = line.strip()
        if not text:
            continue
        if not _HASH_LINE.fullmatch(text) or not line.startswith("  "):
            problems.append(Problem(file, number, "hashes", "dòng không phải dấu tem (24 ký tự A–Z, 2–7, thụt 2 dấu cách): tệp đã bị sửa tay"))
            continue
        hashes.append((number, base64.b32decode(text)))
    return hashes, problems


def _issues(document: Document, file: str, code: str, batch: str, hashes, problems) -> tuple[list[StampIssue], list[Problem]]:
    data = document.data if isinstance(document.data, dict) else {}
    for name, expected in (("code", code), ("batch", batch)):
        if str(data.get(name)) != expected:
            problems.append(Problem(file, document.line_of((name,)), name, f"phải là {expected}, như tên thư mục/tệp của sổ tem"))
    issues, start = [], 0
    listed = data.get("issues") or []
    for index, item in enumerate(listed if isinstance(listed, list) else []):
        line = document.line_of(("issues", index))
        issue = _issue(item, file, line, code, batch)
        if isinstance(issue, Problem):
            problems.append(issue)
            continue
        owned = tuple(digest for _, digest in hashes[start : start + issue.count])
        start += issue.count
        issues.append(replace(issue, hashes=owned))
    if start != len(hashes) and not problems:
        problems.append(Problem(file, document.line_of(("issues",)), "issues", f"tổng số tem của các lần cấp ({start}) khác số dòng dấu tem ({len(hashes)}): tệp đã bị sửa tay"))
    return issues, problems


def _issue(item, file: str, line: int | None, code: str, batch: str) -> StampIssue | Problem:
    if not isinstance(item, dict):
        return Problem(file, line, "issues", "mỗi lần cấp là một dòng {date: …, count: …, size: …, sample: …}")
    date, count, size, sample = (item.get(key) for key in ("date", "count", "size", "sample"))
    if not isinstance(date, dt.date) or not isinstance(count, int) or isinstance(count, bool) or count < 1 \
            or not isinstance(size, str) or not isinstance(sample, bool):
        return Problem(file, line, "issues", "lần cấp sai dạng: cần date (ngày), count (số tem), size (RộngxCao mm), sample (true/false)")
    return StampIssue(code, batch, date, count, size, sample, file, line or 0)


def _repeated_hashes(register: StampRegister) -> list[Problem]:
    seen: dict[bytes, StampIssue] = {}
    problems = []
    for issue in register.issues:
        for digest in issue.hashes:
            first = seen.setdefault(digest[:PREFIX_BYTES], issue)
            if first is not issue:
                problems.append(Problem(issue.file, issue.line, "hashes", f"một dấu tem trùng với tem đã cấp ở {first.file}:{first.line}: tệp đã bị sửa tay"))
    return problems


def check_stamps(register: StampRegister, batches: dict[str, set[str]]) -> list[Problem]:
    """Every issue's product code and batch exist (`batches`: product code → its batch codes)."""
    problems = []
    for issue in register.issues:
        if issue.code not in batches:
            problems.append(Problem(issue.file, issue.line, "code", f"không có sản phẩm nào mang mã '{issue.code}'; tem đã in sẽ không mở được trang"))
        elif issue.batch not in batches[issue.code]:
            problems.append(Problem(issue.file, issue.line, "batch", f"sản phẩm mã {issue.code} không có lô '{issue.batch}' trong 'batches:'"))
    return problems


def load_stamps(products_dir: Path, catalogue: Catalogue | None, shown: ShowPath) -> tuple[StampRegister, list[Problem]]:
    """The register read and checked against the catalogue (None: not readable), as the build and
    `ocop check` both need it."""
    register, problems = read_stamp_register(products_dir, shown)
    if catalogue is not None:
        products = [entry.model for entry in catalogue.products.values() if entry.model.code]
        problems += check_stamps(register, {product.code: {batch.code for batch in product.batches} for product in products})
    return register, problems


# --- writing ---------------------------------------------------------------------------------------

def write_settings(products_dir: Path, settings: StampSettings) -> None:
    """Write `tem.yml` once; never overwrites (every printed stamp depends on it)."""
    path = Path(products_dir) / SETTINGS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    salt = base64.b32encode(settings.salt).decode("ascii").rstrip("=")
    text = SETTINGS_TEMPLATE.format(format=FORMAT, salt=salt, salt_bytes=len(settings.salt), iterations=settings.iterations)
    with open(path, "x", encoding="utf-8", newline="\n") as out:
        out.write(text)


def batch_path(products_dir: Path, code: str, batch: str) -> Path:
    return Path(products_dir) / STAMPS_DIR / code / f"{batch}.yml"


def append_issue(products_dir: Path, code: str, batch: str, name: str, issue: StampIssue) -> Path:
    """Add one issue and its hashes to the batch file (created when new); existing lines never change."""
    path = batch_path(products_dir, code, batch)
    text = path.read_text(encoding="utf-8") if path.is_file() else BATCH_TEMPLATE.format(code=code, batch=batch, name=name)
    head, marker, tail = text.partition("\nhashes: |\n")
    if not marker:
        raise ValueError(f"{path}: thiếu dòng 'hashes: |'")
    entry = f"- {{date: {issue.date.isoformat()}, count: {issue.count}, size: {issue.size}, sample: {str(issue.sample).lower()}}}"
    lines = "".join(f"  {hash_text(digest)}\n" for digest in issue.hashes)
    if tail and not tail.endswith("\n"):
        tail += "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".yml.tmp")
    temporary.write_text(f"{head}\n{entry}{marker}{tail}{lines}", encoding="utf-8", newline="\n")
    temporary.replace(path)
    return path
