"""Serials and the stamp register (model/stamps.py). Fast tier: in-process, no build, no subprocess."""
from __future__ import annotations

import datetime as dt
import random

import pytest
from conftest import ROOT
from ocop.model import stamps
from ocop.model.errors import path_shower


def shown(root):
    return path_shower(root)


def test_every_single_substitution_and_adjacent_swap_fails_the_check():
    rng = random.Random(24)
    for _ in range(300):
        body = "".join(rng.choice(stamps.ALPHABET) for _ in range(stamps.RANDOM_SYMBOLS))
        serial = body + stamps.check_symbol(body)
        assert stamps.well_formed(serial)
        for k in range(len(serial)):
            for symbol in stamps.ALPHABET:
                if symbol != serial[k]:
                    assert not stamps.well_formed(serial[:k] + symbol + serial[k + 1 :]), (serial, k, symbol)
        for k in range(len(serial) - 1):
            swapped = serial[:k] + serial[k + 1] + serial[k] + serial[k + 2 :]
            if swapped != serial:
                assert not stamps.well_formed(swapped), (serial, k)


def test_new_serials_are_random_and_well_formed():
    serials = {stamps.new_serial() for _ in range(2000)}
    assert len(serials) == 2000
    assert all(stamps.well_formed(serial) and len(serial) == 12 for serial in serials)
    assert not set("ILOU") & set("".join(serials))


def test_normalise_reads_what_a_person_types():
    serial = stamps.new_serial()
    shown_form = stamps.printed(serial)
    assert shown_form.count("-") == 2 and shown_form.replace("-", "") == serial
    assert stamps.normalise(shown_form.lower()) == serial
    assert stamps.normalise(" " + shown_form.replace("-", " ") + "\n") == serial
    assert stamps.normalise("o0-il-L1") == "001111"
    assert stamps.normalise("K7QA—BCDE") == "K7QABCDE"


def test_corrections_find_the_serial_behind_one_typo():
    serial = stamps.new_serial()
    wrong = ("1" if serial[5] != "1" else "2")
    typo = serial[:5] + wrong + serial[6:]
    candidates = stamps.corrections(typo)
    assert serial in candidates and 10 <= len(candidates) <= 16
    swapped = serial[:3] + serial[4] + serial[3] + serial[5:]
    if swapped != serial:
        assert serial in stamps.corrections(swapped)


def test_the_hash_is_pbkdf2_sha256_of_120_bits():
    import hashlib

    digest = stamps.stamp_hash("K7QABCDEFGHX", b"s" * 16, 1000)
    assert digest == hashlib.pbkdf2_hmac("sha256", b"K7QABCDEFGHX", b"s" * 16, 1000)[:15]
    assert len(stamps.hash_text(digest)) == 24


def issue(code, batch, count, salt, iterations=1000, sample=False):
    digests = tuple(stamps.stamp_hash(stamps.new_serial(), salt, iterations) for _ in range(count))
    return stamps.StampIssue(code, batch, dt.date(2026, 12, 7), count, "24x30", sample, "", 0, digests)


def test_register_round_trip(tmp_path):
    settings = stamps.StampSettings(b"0123456789abcdef", 1000)
    stamps.write_settings(tmp_path, settings)
    first, second = issue("NM", "L2406A", 5, settings.salt), issue("NM", "L2406A", 3, settings.salt, sample=True)
    stamps.append_issue(tmp_path, "NM", "L2406A", "Nước mắm Ví Dụ", first)
    stamps.append_issue(tmp_path, "NM", "L2406A", "Nước mắm Ví Dụ", second)
    stamps.append_issue(tmp_path, "HH", "B1", "Hàng thử nghiệm", issue("HH", "B1", 2, settings.salt))
    register, problems = stamps.read_stamp_register(tmp_path, shown(tmp_path))
    assert problems == []
    assert register.settings.salt == settings.salt and register.settings.iterations == 1000
    by_batch = [(i.code, i.batch, i.count, i.sample, i.hashes) for i in register.issues]
    assert by_batch[1:] == [("NM", "L2406A", 5, False, first.hashes), ("NM", "L2406A", 3, True, second.hashes)]
    assert by_batch[0][:3] == ("HH", "B1", 2)
    assert register.issues[1].date == dt.date(2026, 12, 7) and register.issues[1].size == "24x30"
    assert register.issues[2].file == "_registry/tem/NM/L2406A.yml" and register.issues[2].line > 0
    assert len(register.hashes()) == 10 and len(register.of_product("NM")) == 2
    # A batch file is valid YAML too (editors and the CMS can show it).
    import yaml

    data = yaml.safe_load((tmp_path / "_registry/tem/NM/L2406A.yml").read_text(encoding="utf-8"))
    assert data["code"] == "NM" and len(data["issues"]) == 2 and len(data["hashes"].split()) == 8


def test_settings_are_never_overwritten(tmp_path):
    stamps.write_settings(tmp_path, stamps.new_settings())
    with pytest.raises(FileExistsError):
        stamps.write_settings(tmp_path, stamps.new_settings())


def test_a_repeated_hash_is_refused_with_file_and_line(tmp_path):
    settings = stamps.StampSettings(b"0123456789abcdef", 1000)
    stamps.write_settings(tmp_path, settings)
    first = issue("NM", "L1", 2, settings.salt)
    stamps.append_issue(tmp_path, "NM", "L1", "Ví Dụ", first)
    stamps.append_issue(tmp_path, "NM", "L2", "Ví Dụ", first)
    register, problems = stamps.read_stamp_register(tmp_path, shown(tmp_path))
    assert problems and all(p.file == "_registry/tem/NM/L2.yml" and p.line for p in problems)
    assert "trùng" in problems[0].message


def test_hand_edits_are_reported(tmp_path):
    settings = stamps.StampSettings(b"0123456789abcdef", 1000)
    stamps.write_settings(tmp_path, settings)
    path = stamps.append_issue(tmp_path, "NM", "L1", "Ví Dụ", issue("NM", "L1", 3, settings.salt))
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")  # a line removed
    problems = stamps.read_stamp_register(tmp_path, shown(tmp_path))[1]
    assert [p.field for p in problems] == ["issues"] and "sửa tay" in problems[0].message
    path.write_text("\n".join(lines[:-1] + ["  not-a-hash"]) + "\n", encoding="utf-8")
    problems = stamps.read_stamp_register(tmp_path, shown(tmp_path))[1]
    assert any(p.line == len(lines) and p.field == "hashes" for p in problems)
    (tmp_path / stamps.SETTINGS_FILE).unlink()
    problems = stamps.read_stamp_register(tmp_path, shown(tmp_path))[1]
    assert any(p.file == "_registry/tem.yml" and "thiếu tệp khoá" in p.message for p in problems)


def test_a_broken_salt_is_reported(tmp_path):
    (tmp_path / "_registry").mkdir()
    (tmp_path / stamps.SETTINGS_FILE).write_text("format: 1\nsalt: abc\niterations: 5000\n", encoding="utf-8")
    register, problems = stamps.read_stamp_register(tmp_path, shown(tmp_path))
    assert register.settings is None and [(p.line, p.field) for p in problems] == [(2, "salt")]


def test_issues_must_name_an_existing_product_and_batch(tmp_path):
    settings = stamps.StampSettings(b"0123456789abcdef", 1000)
    stamps.write_settings(tmp_path, settings)
    stamps.append_issue(tmp_path, "NM", "L1", "Ví Dụ", issue("NM", "L1", 1, settings.salt))
    stamps.append_issue(tmp_path, "ZZ", "L1", "Ví Dụ", issue("ZZ", "L1", 1, settings.salt))
    register = stamps.read_stamp_register(tmp_path, shown(tmp_path))[0]
    problems = stamps.check_stamps(register, {"NM": {"L2"}})
    assert sorted(p.field for p in problems) == ["batch", "code"]


def test_no_register_is_an_empty_register(tmp_path):
    register, problems = stamps.read_stamp_register(tmp_path, shown(tmp_path))
    assert problems == [] and not register and register.settings is None


# The published rates the arithmetic rests on (ARCHITECTURE.md, Stamps; benchmarks/stamps.py): hashcat -m 10900
# (PBKDF2-HMAC-SHA256) on an RTX 5090, 11,157.2 kH/s at 999 iterations; WebCrypto on an Android phone of 2018,
# 500,000 iterations in 2,380 ms.
GPU_ITERATIONS_A_SECOND = 11_157.2e3 * 999
PHONE_SECONDS_AN_ITERATION = 2.380 / 500_000


def test_guessing_a_serial_costs_gpu_hours_and_checking_one_a_phone_milliseconds():
    """Issue 24: finding one valid serial by guessing costs at least a GPU-hour, a check on a phone at most
    300 ms; the guide and ARCHITECTURE.md give the same figures as the constants do."""
    space = len(stamps.ALPHABET) ** stamps.RANDOM_SYMBOLS
    guess = stamps.ITERATIONS / GPU_ITERATIONS_A_SECOND
    hours = {valid: space / valid * guess / 3600 for valid in (2_000, 100_000, 1_000_000)}
    assert hours[1_000_000] >= 1  # even with a million stamps issued on the site (one salt: all are targets)
    check = stamps.ITERATIONS * PHONE_SECONDS_AN_ITERATION
    assert 12 * check <= 0.3  # even a typed serial's dozen corrections
    guide = (ROOT / "scripts/ocop/pages/guide/tem.md").read_text(encoding="utf-8")
    assert f"khoảng **{hours[100_000]:.0f} giờ**" in guide and f"khoảng **{check * 1000:.0f} phần nghìn giây**" in guide
    architecture = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    assert f"**{hours[100_000]:.1f} GPU-hours**" in architecture and f"**{check * 1000:.0f} ms a check**" in architecture
    assert f"{stamps.ITERATIONS:,} iterations" in architecture
