"""What the editor changes in the vendored Sveltia CMS (`sveltia/`) as it serves it.

At run time the published script would fetch its fonts from cdn.jsdelivr.net, its interface's Vietnamese
text and Immutable.js from unpkg.com, and check unpkg.com for a newer version. `SCRIPT_PATCHES` lists
each change: the exact text of the vendored script it replaces (once; the minified names are those of
the version in `sveltia/VENDORED.md`) and what replaces it. A text that is not in the script exactly once
(a new version) stops the build with the patch's name, never a silent request to another host.
`sveltia/VENDORED.md` lists the same patches (tests/ops/test_sveltia_patches.py compares them).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

_FONT_CDN = "https://cdn.jsdelivr.net/fontsource/fonts/"


@dataclass(frozen=True)
class ScriptPatch:
    """One change to the vendored script: `replaced`, found exactly once, becomes `by`."""

    name: str
    why: str
    replaced: str
    by: str


SCRIPT_PATCHES: tuple[ScriptPatch, ...] = (
    ScriptPatch(
        "font-source-sans-3", "its text font from cdn.jsdelivr.net: the copy beside the page (the page adds the "
        "Vietnamese part of Source Sans 3, which the script does not declare)",
        _FONT_CDN + "source-sans-3:vf@5.3.0/latin-wght-normal.woff2", "fonts/source-sans-3-latin-wght-normal.woff2",
    ),
    ScriptPatch(
        "font-noto-mono", "its monospace font from cdn.jsdelivr.net: the copy beside the page",
        _FONT_CDN + "noto-mono@5.3.0/latin-400-normal.woff2", "fonts/noto-mono-latin-400-normal.woff2",
    ),
    ScriptPatch(
        "font-material-symbols", "its icons from cdn.jsdelivr.net: the copy beside the page",
        _FONT_CDN + "material-symbols-outlined:vf@5.3.7/latin-wght-normal.woff2",
        "fonts/material-symbols-outlined-latin-wght-normal.woff2",
    ),
    ScriptPatch(
        "interface-strings", "its interface strings from unpkg.com (`@sveltia/cms@<version>/locales/`): the "
        "copy beside the page (`locales/vi.json`, reworded by `interface_strings`)",
        "`${iP}@${rP}/locales`", "`locales`",
    ),
    ScriptPatch(
        "immutable", "Immutable.js from unpkg.com, loaded once an event hook is registered (the page's preSave "
        "hook is): the copy beside the page, the same file of the version the script names",
        "YW(`immutable`,`dist/immutable.es.js`)", "import(new URL(`immutable.es.js`,location.href).href)",
    ),
    ScriptPatch(
        "version-check", "its check for a newer version on unpkg.com: nothing (a new version comes by a commit)",
        "`${iP}/package.json`", "`data:application/json,%7B%7D`",
    ),
    ScriptPatch(
        "language-offer", "its offer, in English, to switch to the browser's language: none (the page chose "
        "Vietnamese)",
        "if(await c9(`newLanguageCta`))return;", "return;",
    ),
    ScriptPatch(
        "no-auth-methods", "its refusal of an empty `auth_methods`: without a hosting backend (`editor_backend`) "
        "the configuration has `auth_methods: []` and the login screen offers only the project folder (no "
        "\"Đăng nhập bằng mã truy cập\" sending a token to gitea.com, no sign-in button for a host that does "
        "not exist); the configuration check goes on as for a backend without the option",
        "Array.isArray(c)&&!c.length&&r.add(Y(`config.error.no_auth_methods`));",
        "Array.isArray(c)&&!c.length&&(c=void 0);",
    ),
    ScriptPatch(
        "news-image-url", "the image button of the news text: its dialog has no \"Nhập URL\", as the photo "
        "fields have `choose_url: false` (the component's fields are built in, not configurable)",
        "{name:`src`,label:Y(`editor_components.src`),widget:`image`}",
        "{name:`src`,label:Y(`editor_components.src`),widget:`image`,choose_url:!1}",
    ),
)


def vendored(name: str):
    """A file of the vendored CMS (`sveltia/`), as a package resource."""
    return resources.files("ocop.ops").joinpath("sveltia", name)


def patched(script: str, patches: tuple[ScriptPatch, ...] = SCRIPT_PATCHES) -> str:
    """The script with every patch applied; ValueError naming the first patch whose text is not in the
    script exactly once."""
    for patch in patches:
        found = script.count(patch.replaced)
        if found != 1:
            raise ValueError(
                f"ocop/ops/sveltia/sveltia-cms.js: thay đổi '{patch.name}' tìm thấy {found} lần (cần đúng 1 lần) "
                f"đoạn {patch.replaced!r}: phiên bản Sveltia CMS mới cần sửa SCRIPT_PATCHES trong "
                "ocop/ops/sveltia_patches.py và sveltia/VENDORED.md"
            )
        script = script.replace(patch.replaced, patch.by)
    return script


def patched_script() -> str:
    """The CMS's script with its requests to other hosts pointed at the files beside it."""
    return patched(vendored("sveltia-cms.js").read_text(encoding="utf-8"))


# The interface's Vietnamese (sveltia/locales/vi.json, as published) as it is served. The CMS calls every
# entry "bài viết" (a post): a product, a producer, an outlet are not posts, so an entry is a "mục"
# ("Đã lưu mục.", "2 mục"); the collection's own name (label_singular) heads the form ("Tạo sản phẩm").
# Strings the file lacks, which the CMS would show in English, and the login screen's folder: below.
ENTRY_WORDS = (("bài viết", "mục"), ("Bài viết", "Mục"))
INTERFACE_STRINGS = {
    "show_errors": "Xem các lỗi",
    "work_with_local_repo_description": "Khi trình duyệt hỏi, hãy chọn thư mục trang web “{$repo}” "
    "(thư mục có tệp mkdocs.yml và thư mục ẩn .git).",
}


def _reworded(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _reworded(item) for key, item in value.items()}
    if isinstance(value, str):
        for word, replacement in ENTRY_WORDS:
            value = value.replace(word, replacement)
    return value


def interface_strings() -> str:
    """The CMS's Vietnamese interface strings, as the editor serves them (locales/vi.json)."""
    strings = _reworded(json.loads(vendored("locales/vi.json").read_text(encoding="utf-8")))
    strings.update(INTERFACE_STRINGS)
    return json.dumps(strings, ensure_ascii=False)
