"""The changes made to the vendored Sveltia CMS as it is served (ops/sveltia_patches.py): each still
finds, exactly once, the text it replaces in the vendored script, the one that no longer does is named,
and sveltia/VENDORED.md lists the same patches. Fast tier: in-process, no browser."""
from __future__ import annotations

import dataclasses
import json
import re

import pytest
from conftest import ROOT

from ocop.ops.sveltia_patches import SCRIPT_PATCHES, interface_strings, patched, patched_script, vendored

VENDORED_MD = ROOT / "scripts" / "ocop" / "ops" / "sveltia" / "VENDORED.md"
LIST_START = "<!-- SCRIPT_PATCHES: start -->"
LIST_END = "<!-- SCRIPT_PATCHES: end -->"


def script() -> str:
    return vendored("sveltia-cms.js").read_text(encoding="utf-8")


def code(text: str) -> str:
    """`text` as a Markdown code span, whatever backticks it holds."""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"


def listed() -> str:
    """SCRIPT_PATCHES as VENDORED.md lists them, between its two markers."""
    rows = [f"| {code(p.name)} | {p.why} | {code(p.replaced)} | {code(p.by)} |" for p in SCRIPT_PATCHES]
    return "\n".join(["| patch | what it changes | the text replaced | by |", "| --- | --- | --- | --- |", *rows])


@pytest.mark.parametrize("patch", SCRIPT_PATCHES, ids=[patch.name for patch in SCRIPT_PATCHES])
def test_each_change_to_the_vendored_cms_still_applies(patch):
    """Every replacement finds the exact text it replaces once in the vendored version: a new version that
    moved or renamed it fails here, under the patch's name, not silently."""
    assert script().count(patch.replaced) == 1, f"{patch.name}: {patch.replaced!r} is not in sveltia-cms.js exactly once"


def test_a_patch_that_no_longer_applies_stops_the_served_script_and_is_named():
    """A new version of the script without one of the texts: the editor is not served, and the message
    names the patch and the text."""
    moved = SCRIPT_PATCHES[7]
    newer = script().replace(moved.replaced, moved.replaced.replace("(c)", "(d)"))
    with pytest.raises(ValueError, match=re.escape(f"'{moved.name}'")) as raised:
        patched(newer)
    assert repr(moved.replaced) in str(raised.value) and "0 lần" in str(raised.value)
    twice = dataclasses.replace(moved, replaced="return")
    with pytest.raises(ValueError, match="no-auth-methods"):
        patched(script(), (twice,))


def test_the_served_script_asks_no_other_host_for_what_the_patches_replace():
    served = patched_script()
    assert "cdn.jsdelivr.net/fontsource" not in served and "`config.error.no_auth_methods`));" not in served
    assert all(patch.by in served for patch in SCRIPT_PATCHES)


def test_vendored_md_lists_the_same_patches():
    """VENDORED.md's list is SCRIPT_PATCHES, word for word (a patch added, changed or removed in the code
    and not in the notes fails here; the message holds the list to paste)."""
    text = VENDORED_MD.read_text(encoding="utf-8")
    assert LIST_START in text and LIST_END in text
    written = text.split(LIST_START, 1)[1].split(LIST_END, 1)[0].strip()
    assert written == listed(), f"put this between the markers of {VENDORED_MD.name}:\n{listed()}"


def test_the_served_vietnamese_calls_an_entry_a_muc_and_has_no_english_gap():
    strings = json.loads(interface_strings())
    assert "bài viết" not in json.dumps(strings, ensure_ascii=False).lower()
    assert strings["show_errors"] == "Xem các lỗi"
