"""argparse in Vietnamese: its own words ("usage:", "options", "show this help message and exit", its
error messages) for the `ocop` command, whose officer reads no English.

argparse looks every one of its words up through gettext (`_()` and `ngettext()`, imported into its
module). gettext would need a compiled .mo file, a text domain set for the whole process and a
Vietnamese locale on the PC (a Windows console has none), so instead `Parser` swaps argparse's two
look-ups for this catalogue while it builds, formats and parses, and puts them back afterwards: other
users of argparse in the same process (pytest, for one) keep their English. A word missing here (from a
newer Python) stays English; the tests list every word that reaches the officer.
"""
from __future__ import annotations

import argparse
import functools
from contextlib import contextmanager

MESSAGES = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",  # Python before 3.10
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "còn thiếu: %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "not allowed with argument %s": "không dùng cùng với %s",
    "unrecognized arguments: %s": "không hiểu tham số: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có lựa chọn %(value)r (chọn một trong: %(choices)s)",
    # Every option of ocop with a type is a number (int or float).
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không đúng: cần một số",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s không rõ: có thể là %(matches)s",
    "ignored explicit argument %r": "không nhận giá trị %r",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
}


def gettext(message: str) -> str:
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return gettext(singular if count == 1 else plural)


@contextmanager
def vietnamese():
    """argparse speaks Vietnamese inside this block (re-entrant: a nested block restores what it found)."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = gettext, ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def _in_vietnamese(method):
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        with vietnamese():
            return method(*args, **kwargs)

    return wrapper


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose own words are Vietnamese; its sub-commands' parsers are of this class too."""

    __init__ = _in_vietnamese(argparse.ArgumentParser.__init__)
    add_subparsers = _in_vietnamese(argparse.ArgumentParser.add_subparsers)
    parse_args = _in_vietnamese(argparse.ArgumentParser.parse_args)
    parse_known_args = _in_vietnamese(argparse.ArgumentParser.parse_known_args)
    format_usage = _in_vietnamese(argparse.ArgumentParser.format_usage)
    format_help = _in_vietnamese(argparse.ArgumentParser.format_help)
    error = _in_vietnamese(argparse.ArgumentParser.error)
