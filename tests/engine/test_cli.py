"""The `ocop` command speaks Vietnamese on every screen, argparse's own words included: its help
screens, and its messages when a command is mistyped."""
from __future__ import annotations

import argparse

import pytest
from ocop.engine.cli import parser

# argparse's own English, as Python 3.10–3.13 print it.
ENGLISH = ("usage", "positional arguments", "optional arguments", "options:", "show this help", "error:",
           "arguments are required", "invalid choice", "unrecognized arguments", "not allowed with", "invalid int value",
           "expected one argument", "choose from")


def commands(current: argparse.ArgumentParser | None = None, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and sub-command of `ocop`, as typed: (), ("check",), ("new", "post"), …"""
    current = current or parser()
    found = [path]
    for action in current._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += commands(sub, path + (name,))
    return found


def english_in(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text.lower()]


def test_every_help_screen_is_vietnamese(project):
    typed = commands()
    assert ("new", "fair") in typed and ("publish",) in typed and len(typed) > 12
    for command in typed:
        result = project.ocop(*command, "--help")
        assert result.code == 0, result.text
        assert "Cách dùng: ocop" in result.out and "hiện hướng dẫn này rồi thoát" in result.out
        assert english_in(result.text) == [], f"ocop {' '.join(command)} --help:\n{result.text}"


MISTYPED = {
    "no command": ((), "còn thiếu: LỆNH"),
    "unknown command": (("chek",), "không có lựa chọn 'chek'"),
    "unknown option": (("check", "--nhanh"), "không hiểu tham số: --nhanh"),
    "not a number": (("report", "--months", "sau"), "giá trị 'sau' không đúng: cần một số"),
    "two targets": (("publish", "--to", "www", "--gh-pages"), "không dùng cùng với --to"),
    "option without value": (("labels", "--size"), "cần một giá trị"),
    "no kind": (("new",), "còn thiếu: LOẠI"),
}


@pytest.mark.parametrize("case", MISTYPED)
def test_argparse_messages_are_vietnamese(project, case):
    arguments, words = MISTYPED[case]
    result = project.ocop(*arguments)
    assert result.code == 2
    assert "lỗi:" in result.err and words in result.err, result.err
    assert english_in(result.text) == [], result.text
