"""The engine theme's overrides (scripts/ocop/engine/theme/) are copies of Material's and the engine's templates: an upgrade
that changes an original announces itself here, naming the template to look at again.

engine/theme/UPSTREAM.md records, for each copied or replaced template, the upstream file and its sha256
as installed when it was copied. All fast tier: in-process, reading the installed packages' files.
"""
from __future__ import annotations

import hashlib
import importlib.util
import re
import shutil
from pathlib import Path

from conftest import ROOT

OVERRIDES = ROOT / "scripts" / "ocop" / "engine" / "theme"
RECORD = OVERRIDES / "UPSTREAM.md"
ROW = re.compile(r"^\| `([^`]+)` \| `([^`]+)` \| `([0-9a-f]{64})` \|")


def installed(package: str) -> Path:
    """The folder of an installed package (material, properdocs, mkdocs)."""
    return Path(importlib.util.find_spec(package).origin).parent


def upstream_record(text: str) -> list[tuple[str, str, str, int]]:
    """(template under engine/theme/, upstream file as package/path, its sha256, line) for each row."""
    return [
        (*match.groups(), number)
        for number, line in enumerate(text.splitlines(), 1)
        if (match := ROW.match(line))
    ]


def changed_upstream(record: list[tuple[str, str, str, int]], packages: dict[str, Path]) -> list[str]:
    """What to do for each template whose upstream file (looked up in `packages`, name → folder) is not
    the one recorded: missing, or with another sha256."""
    changed = []
    for template, upstream, recorded, line in record:
        package, _, inside = upstream.partition("/")
        original = packages[package] / inside
        where = f"engine/theme/{template} (engine/theme/UPSTREAM.md:{line})"
        if not original.is_file():
            changed.append(f"{where}: the installed {package} has no {inside} any more; see what replaced it")
            continue
        digest = hashlib.sha256(original.read_bytes()).hexdigest()
        if digest != recorded:
            changed.append(
                f"{where}: the installed {package} changed {inside}. Compare it with ours "
                f"(diff {original} engine/theme/{template}), start again from the new file and put our "
                f"changes back (the template's opening comment lists them), then write its sha256 "
                f"{digest} in engine/theme/UPSTREAM.md"
            )
    return changed


def record() -> list[tuple[str, str, str, int]]:
    return upstream_record(RECORD.read_text(encoding="utf-8"))


def packages_of(rows) -> dict[str, Path]:
    return {upstream.partition("/")[0]: installed(upstream.partition("/")[0]) for _, upstream, _, _ in rows}


def test_the_installed_originals_of_the_overrides_are_the_ones_copied():
    rows = record()
    assert len(rows) >= 12, "engine/theme/UPSTREAM.md lost its table"
    changed = changed_upstream(rows, packages_of(rows))
    assert not changed, "\n".join(changed)


def test_a_changed_original_is_named_with_what_to_do(tmp_path):
    """A copy of Material's templates with one file edited, as a new Material would bring it."""
    # The templates without the icons and built assets (thousands of files no row names).
    shutil.copytree(installed("material") / "templates", tmp_path / "templates", ignore=shutil.ignore_patterns(".icons", "assets"))
    tabs = tmp_path / "templates" / "partials" / "tabs.html"
    tabs.write_text(tabs.read_text(encoding="utf-8").replace("md-tabs", "md-tabs md-tabs--new"), encoding="utf-8")
    rows = record()
    changed = changed_upstream(rows, {**packages_of(rows), "material": tmp_path})
    assert len(changed) == 1, changed
    assert changed[0].startswith("engine/theme/partials/tabs.html (engine/theme/UPSTREAM.md:")
    assert "the installed material changed templates/partials/tabs.html" in changed[0]
    assert hashlib.sha256(tabs.read_bytes()).hexdigest() in changed[0]

    tabs.unlink()  # a Material without the file at all
    assert "has no templates/partials/tabs.html any more" in changed_upstream(rows, {**packages_of(rows), "material": tmp_path})[0]


def test_every_override_of_an_upstream_template_is_recorded_and_every_record_is_an_override():
    """A new copy of a theme file gets its row; a row names a template that exists."""
    rows = record()
    recorded = {template for template, _, _, _ in rows}
    upstream = [installed("material") / "templates", installed("properdocs") / "templates"]
    ours = {path.relative_to(OVERRIDES).as_posix() for path in OVERRIDES.rglob("*") if path.is_file()}
    copies = {name for name in ours if any((folder / name).is_file() for folder in upstream)}
    assert sorted(copies - recorded) == [], "overrides of upstream templates missing from engine/theme/UPSTREAM.md"
    assert sorted(recorded - ours) == [], "engine/theme/UPSTREAM.md names templates that engine/theme/ does not have"


def test_materials_inline_scripts_are_the_ones_moved_into_files():
    """engine/theme/partials/javascripts/ load files holding Material's inline scripts (the server's
    Content-Security-Policy refuses inline scripts, tests/ops/test_nginx.py): when a new Material changes
    one, this fails, naming the partial to copy again into engine/theme/assets/javascripts/."""
    material = installed("material") / "templates" / "partials" / "javascripts"
    ours = "\n".join(path.read_text(encoding="utf-8") for path in (OVERRIDES / "assets" / "javascripts").glob("ocop-md-*.js"))
    for name in ("base.html", "content.html"):
        assert (OVERRIDES / "partials" / "javascripts" / name).is_file(), name
        scripts = re.findall(r"<script>(.*?)</script>", (material / name).read_text(encoding="utf-8"), re.S)
        assert scripts, name
        for script in scripts:
            script = script.replace('"{{ config.extra.scope | d(base_url) }}"', 'document.currentScript.getAttribute("data-md-scope")')
            assert "{{" not in script and script in ours, f"Material's partials/javascripts/{name} changed"


def test_the_page_language_is_worked_out_in_one_template():
    """partials/language.html, which Material imports as `lang` for every page, reads a page's language
    from its front matter; every other template reads `lang.code` or `lang.chrome`."""
    readers = sorted(
        path.relative_to(OVERRIDES).as_posix()
        for path in OVERRIDES.rglob("*.html")
        if "page.meta.language" in path.read_text(encoding="utf-8")
    )
    assert readers == ["partials/language.html"]
