"""qrcode's own QR codes, made about five times faster: the error correction and the mask choice.

qrcode computes the Reed-Solomon error correction with polynomial objects and tries the eight masks
by placing every module of the code eight times, one Python call a module: about 8 ms a code, which
made QR codes most of a first build's time at thousands of products. Here:

- the error correction bytes come from a table-driven division (the same arithmetic in GF(256));
- the code is placed once; the masks differ only on data modules, so each mask is one XOR a row and
  a column (rows and columns held as integers), and the four penalty rules are read off bit strings.
  The scores are qrcode's own (ISO/IEC 18004 rules N1 to N4, on the matrix with its format areas left
  light, as qrcode scores it), so the chosen mask is qrcode's.

Both results are exactly qrcode's, so the codes are the same: the tests compare them on many texts.
"""
from __future__ import annotations

import bisect
import functools
import re

import qrcode
import qrcode.exceptions
from qrcode import LUT, base, util

_RUNS = re.compile(r"0{5,}|1{5,}")  # N1: five or more modules of one colour in a line
# N3: 1:1:3:1:1 with four light modules on one side. Neither pattern can overlap itself, so counting
# the non-overlapping occurrences of each counts every window that matches.
_FINDER_LIKE = ("10111010000", "00001011101")


_DIGITS = bytes.maketrans(b"\x00\x01", b"01")


def _as_int(bits) -> int:
    """A row or column of booleans → an integer whose binary digits are the modules, in order."""
    return int(bytes(bits).translate(_DIGITS), 2)


def _layout(version: int, test: bool, pattern: int, error_correction: int) -> list[list[bool | None]]:
    """The modules qrcode sets before the data (None where data goes), as in QRCode.makeImpl."""
    size = version * 4 + 17
    layout = qrcode.QRCode(version=version, error_correction=error_correction)
    layout.modules_count = size
    layout.modules = [[None] * size for _ in range(size)]
    for row, col in ((0, 0), (size - 7, 0), (0, size - 7)):
        layout.setup_position_probe_pattern(row, col)
    layout.setup_position_adjust_pattern()
    layout.setup_timing_pattern()
    layout.setup_type_info(test, pattern)
    if version >= 7:
        layout.setup_type_number(test)
    return layout.modules


@functools.lru_cache(maxsize=None)
def _mask_changes(version: int) -> tuple[tuple[tuple[int, ...], tuple[int, ...]], ...]:
    """For each mask k: the rows and columns (as integers) of modules that mask 0 and mask k treat
    differently. Only data modules are masked."""
    size = version * 4 + 17
    data = [[cell is None for cell in row] for row in _layout(version, True, 0, 0)]
    masks = []
    for pattern in range(8):
        masked = util.mask_func(pattern)
        masks.append([[data[r][c] and bool(masked(r, c)) for c in range(size)] for r in range(size)])
    changes = []
    for pattern in range(8):
        grid = [[a != b for a, b in zip(row0, row)] for row0, row in zip(masks[0], masks[pattern])]
        changes.append((tuple(map(_as_int, grid)), tuple(map(_as_int, zip(*grid)))))
    return tuple(changes)


@functools.lru_cache(maxsize=None)
def _format_modules(version: int, error_correction: int, pattern: int) -> tuple[int, ...]:
    """The dark modules of the format and version information (and the dark module), by row: qrcode
    leaves them light while it scores the masks, then writes them for the chosen one."""
    scored, final = _layout(version, True, pattern, error_correction), _layout(version, False, pattern, error_correction)
    return tuple(_as_int([bool(b) and not a for a, b in zip(row_a, row_b)]) for row_a, row_b in zip(scored, final))


def _penalty(rows: list[int], cols: list[int], size: int) -> int:
    lines = " ".join(format(line, f"0{size}b") for line in rows + cols)  # the space ends each line's runs
    runs = sum(len(run) - 2 for run in _RUNS.findall(lines))
    finders = 40 * sum(lines.count(pattern) for pattern in _FINDER_LIKE)
    pairs = (1 << (size - 1)) - 1
    blocks = 0  # N2: 2 × 2 blocks of one colour, from two neighbouring rows at once
    for upper, lower in zip(rows, rows[1:]):
        differ = upper ^ lower
        blocks += (~(differ | differ >> 1 | upper ^ upper >> 1) & pairs).bit_count()
    dark = sum(row.bit_count() for row in rows)
    rating = int(abs(float(dark) / size**2 * 100 - 50) / 5) * 10  # N4, as qrcode computes it
    return runs + 3 * blocks + finders + rating


def _scored_masks(code: qrcode.QRCode) -> tuple[list[int], list[list[int]]]:
    """qrcode's score of each mask, and each masked matrix as rows (format areas light)."""
    code.makeImpl(True, 0)
    rows = [_as_int(row) for row in code.modules]
    cols = [_as_int(col) for col in zip(*code.modules)]
    size = len(rows)
    scores, matrices = [], []
    for row_change, col_change in _mask_changes(code.version):
        masked = [a ^ b for a, b in zip(rows, row_change)]
        scores.append(_penalty(masked, [a ^ b for a, b in zip(cols, col_change)], size))
        matrices.append(masked)
    return scores, matrices


def best_mask(code: qrcode.QRCode) -> int:
    """The mask pattern qrcode's `best_mask_pattern` returns for `code` (its version already fitted)."""
    scores, _ = _scored_masks(code)
    return scores.index(min(scores))  # the first of equals, as qrcode


def fit(code: qrcode.QRCode, start: int = 1) -> int:
    """What qrcode's `best_fit` does (the smallest version that holds the data), without its bit-by-bit buffer."""
    mode_sizes = util.mode_sizes_for_version(start)
    bits = _Bits()
    for data in code.data_list:
        bits.put(data.mode, 4)
        bits.put(len(data), mode_sizes[data.mode])
        data.write(bits)
    code.version = bisect.bisect_left(util.BIT_LIMIT_TABLE[code.error_correction], bits.length, start)
    if code.version == 41:
        raise qrcode.exceptions.DataOverflowError()
    if mode_sizes is not util.mode_sizes_for_version(code.version):
        fit(code, code.version)
    return code.version


def modules(text: str, error_correction: int) -> list[str]:
    """The rows of qrcode's code for `text` (no quiet zone), as strings of 1 (dark) and 0."""
    code = qrcode.QRCode(version=None, error_correction=error_correction)
    code.add_data(text, optimize=0)
    fit(code)
    code.data_cache = codewords(code)
    scores, matrices = _scored_masks(code)
    pattern = scores.index(min(scores))
    size = code.version * 4 + 17
    formats = _format_modules(code.version, error_correction, pattern)
    return [format(row | extra, f"0{size}b") for row, extra in zip(matrices[pattern], formats)]


@functools.lru_cache(maxsize=None)
def _generator_logs(ec_count: int) -> tuple[int, ...]:
    """The logs of the generator polynomial's coefficients after the leading 1 (as qrcode builds it)."""
    if ec_count in LUT.rsPoly_LUT:
        coefficients = list(LUT.rsPoly_LUT[ec_count])
    else:
        polynomial = base.Polynomial([1], 0)
        for i in range(ec_count):
            polynomial = polynomial * base.Polynomial([1, base.gexp(i)], 0)
        coefficients = list(polynomial)
    return tuple(base.LOG_TABLE[c] for c in coefficients[1:])


def _error_correction(data: list[int], ec_count: int) -> list[int]:
    """The remainder of data(x)·x^ec_count divided by the generator polynomial."""
    logs, exp, log = _generator_logs(ec_count), base.EXP_TABLE, base.LOG_TABLE
    remainder = [0] * ec_count
    for byte in data:
        factor = byte ^ remainder[0]
        remainder = remainder[1:] + [0]
        if factor:
            shift = log[factor]
            for i, g in enumerate(logs):
                remainder[i] ^= exp[(shift + g) % 255]
    return remainder


class _Bits:
    """What qrcode's BitBuffer does for QRData.write, one string of binary digits instead of a bit at a time."""

    def __init__(self):
        self.digits: list[str] = []
        self.length = 0

    def put(self, number: int, length: int) -> None:
        self.digits.append(format(number, f"0{length}b")[-length:] if length else "")
        self.length += length


def codewords(code: qrcode.QRCode) -> list[int]:
    """What `qrcode.util.create_data` returns for `code` (its version fitted): data, then error correction."""
    bits = _Bits()
    for data in code.data_list:
        bits.put(data.mode, 4)
        bits.put(len(data), util.length_in_bits(data.mode, code.version))
        data.write(bits)
    blocks = base.rs_blocks(code.version, code.error_correction)
    bit_limit = sum(block.data_count * 8 for block in blocks)
    if bits.length > bit_limit:
        return util.create_data(code.version, code.error_correction, code.data_list)  # raises qrcode's own error
    # Up to four 0s end the data, then 0s to a whole byte, then the two pad bytes by turns.
    digits = "".join(bits.digits) + "0" * min(bit_limit - bits.length, 4)
    digits += "0" * (-len(digits) % 8)
    stream = [int(digits[i : i + 8], 2) for i in range(0, len(digits), 8)]
    stream += [util.PAD1 if i % 2 else util.PAD0 for i in range(bit_limit // 8 - len(stream))]
    data_blocks, ec_blocks, offset = [], [], 0
    for block in blocks:
        data = stream[offset : offset + block.data_count]
        offset += block.data_count
        data_blocks.append(data)
        ec_blocks.append(_error_correction(data, block.total_count - block.data_count))
    result = []
    for blocks_of_kind in (data_blocks, ec_blocks):
        for i in range(max(len(block) for block in blocks_of_kind)):
            result += [block[i] for block in blocks_of_kind if i < len(block)]
    return result
