"""The package's folders are its pipeline, and the imports keep to it.

    model  →  pages  →  media  →  ops  →  engine

A module imports from its own layer and the layers to its left, never to its right; only `engine/`
knows the site engine (MkDocs or ProperDocs), and only through its public API; there is no import
cycle between modules. Every import counts: at the top, inside a function, under TYPE_CHECKING.

The tests mirror the package: tests/<layer>/test_X.py tests scripts/ocop/<layer>/X.py, or a page kind
(tests/pages/test_<kind>_page.py), or is one of the few whole-site checks named below.
"""
from __future__ import annotations

import ast
import fnmatch
import re
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "scripts" / "ocop"
LAYERS = ("model", "pages", "media", "ops", "engine")
ENGINES = ("mkdocs", "properdocs", "material")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[str, list[str], int]]:
    """(module imported, names taken, line) for every import statement anywhere in the file."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, [], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            names = [alias.name for alias in node.names]
            if node.level and not node.module:  # `from . import prepare`: each name is a module
                found += [(f"{target}.{alias}", [], node.lineno) for alias in names]
            else:
                found.append((target, names, node.lineno))
    return found


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "ocop" and parts[1] in LAYERS else None


def test_every_module_lives_in_a_layer():
    loose = [name for name in modules() if name != "ocop" and layer_of(name) is None]
    assert not loose, f"modules outside model/, pages/, media/, ops/, engine/: {loose}"


def test_no_layer_imports_a_layer_to_its_right():
    upward = []
    for name, path in modules().items():
        own = layer_of(name)
        for target, _, line in imports(path):
            other = layer_of(target)
            if own and other and LAYERS.index(other) > LAYERS.index(own):
                upward.append(f"{path.relative_to(ROOT)}:{line}: {own} imports {target}")
    assert not upward, "\n".join(upward)


def test_only_the_engine_layer_knows_the_engine_and_only_its_public_names():
    wrong = []
    for name, path in modules().items():
        for target, names, line in imports(path):
            if target.split(".")[0] not in ENGINES:
                continue
            where = f"{path.relative_to(ROOT)}:{line}: {target}"
            if layer_of(name) != "engine":
                wrong.append(f"{where} (outside engine/)")
            private = [part for part in target.split(".") + names if part.startswith("_")]
            if private:
                wrong.append(f"{where} (private: {private})")
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles():
    graph: dict[str, set[str]] = {}
    known = modules()
    for name, path in known.items():
        targets = set()
        for target, names, _ in imports(path):
            if target in known:
                targets.add(target)
            for taken in names:  # `from ..media import images` takes a module
                if f"{target}.{taken}" in known:
                    targets.add(f"{target}.{taken}")
        graph[name] = {target for target in targets if target != name and not name.startswith(target + ".")}
    cycles = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in graph.get(node, ()):
            if state.get(target) == 1:
                cycles.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node)
    assert not cycles, "\n".join(" → ".join(cycle) for cycle in cycles)


def test_the_build_uses_no_private_attribute_of_the_engine():
    """No reaching into MkDocs' or its plugins' internals (`plugin._entries`, `_build_page`)."""
    for path in modules().values():
        text = path.read_text(encoding="utf-8")
        for private in ("_populate_page", "_build_page", "._entries", "Page skipped"):
            assert private not in text, f"{path.relative_to(ROOT)} uses {private}"


def test_tests_mirror_the_package_and_share_only_the_support_module():
    """tests/<layer>/test_*.py beside the package's layers; one support module (conftest.py), from
    which tests take only public names, and no test module imports another."""
    tests = ROOT / "tests"
    assert sorted(path.name for path in tests.iterdir() if path.is_dir() and path.name in LAYERS) == sorted(LAYERS)
    loose = [path.name for path in tests.glob("*.py") if path.name != "conftest.py"]
    assert not loose, f"test modules outside a layer's folder: {loose}"
    wrong = []
    for path in sorted(tests.rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [alias.name for alias in node.names]
                if node.module.startswith("test_"):
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: imports the test module {node.module}")
                if node.module == "conftest" and any(name.startswith("_") for name in names):
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: imports a private name of conftest")
    assert not wrong, "\n".join(wrong)


# A test module of tests/pages/ may be named after a page kind, test_<kind>_page.py, rather than a module.
PAGE_KINDS = {
    "product": "san-pham/<slug>/, the buyer's page, and /Q/<CODE>/ that leads to it",
    "print": "san-pham/<slug>/in-tem/, the officer's page with the code and the label sheet",
    "producer": "co-so/<slug>/",
    "batch": "san-pham/<slug>/lo/<batch>/",
    "catalogue": "san-pham/ and its filter pages, co-so/",
    "outlets": "diem-ban/ and en/where-to-buy/, where to buy",
    "fairs": "hoi-cho/ and en/fairs/",
    "news": "tin-tuc/ and its posts",
    "home": "the home page and the hand-written pages",
    "not_found": "404.html",
    "english": "en/…, the English twin of every page, and the switch between the two",
}

# Whole-site checks: they test no single module, so they may keep a name of their own.
WHOLE_SITE = {
    "engine/test_layers.py": "the package's layers and imports, and this map of the tests",
    "engine/test_first_run.py": "the README's `make serve` on port 8000, from a fresh clone",
    "engine/test_tiers.py": "the two tiers of the tests (conftest.py): the fast tier starts no process",
    "engine/test_scale.py": "what must not grow with the number of products, on two whole generated sites",
    "engine/test_guide.py": "the officer's guide (docs/huong-dan/) walked through in Chromium",
    "engine/test_theme.py": "the theme's overrides (overrides/), copies of Material's and MkDocs' templates, which are no Python module",
    "ops/test_nginx.py": "the sample nginx configuration (scripts/nginx/), which is no Python module",
    "ops/test_rebuild.py": "the daily rebuild workflow (.github/workflows/), which is no Python module",
    "pages/test_phone_offline_a11y.py": "every page kind on a phone cut off from the network, and under axe-core",
}


def misnamed_test_modules(tests: Path) -> list[str]:
    """Each tests/<layer>/test_X.py is named after scripts/ocop/<layer>/X.py, a page kind or a whole-site check."""
    wrong = []
    for path in sorted(tests.glob("*/test_*.py")):
        layer, name = path.parent.name, path.stem.removeprefix("test_")
        relative = f"{layer}/{path.name}"
        if (PACKAGE / layer / f"{name}.py").is_file() or relative in WHOLE_SITE:
            continue
        if layer == "pages" and name.endswith("_page") and name.removesuffix("_page") in PAGE_KINDS:
            continue
        wrong.append(f"tests/{relative}: no scripts/ocop/{layer}/{name}.py, no page kind, not a whole-site check")
    return wrong


def test_each_test_module_is_named_after_a_module_a_page_kind_or_a_whole_site_check():
    tests = ROOT / "tests"
    wrong = misnamed_test_modules(tests)
    wrong += [f"WHOLE_SITE names tests/{name}, which does not exist" for name in WHOLE_SITE if not (tests / name).is_file()]
    assert not wrong, "\n".join(wrong)


def module_table(text: str) -> dict[str, int]:
    """ARCHITECTURE.md's table of modules: each module named in it (a path under scripts/ocop/, such as
    `engine/plugin.py`, or a pattern, `engine/commands/*.py`) → the line that names it. A row's layer is
    the folder in its first cell, or the row's above when the cell is empty."""
    rows = text.split("\n| layer | module |", 1)[1].splitlines()[2:]
    named: dict[str, int] = {}
    layer = ""
    start = text.split("\n| layer | module |", 1)[0].count("\n") + 4
    for number, row in enumerate(rows, start):
        if not row.startswith("|"):
            break
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        layer = cells[0].strip("`/ ") or layer
        for item in re.findall(r"`([^`]+\.py)`", cells[1]):
            named[f"{layer}/{item}"] = number
    return named


def test_architecture_names_every_module_and_only_modules_that_exist():
    """Every module of scripts/ocop/ (packages' __init__.py aside) has a row in ARCHITECTURE.md's table
    of modules, and every module the table names exists: a new, moved or deleted module fails here until
    its row is written, moved or deleted."""
    named = module_table((ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8"))
    tree = [path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py") if path.name != "__init__.py"]
    missing = sorted(module for module in tree if not any(fnmatch.fnmatchcase(module, name) for name in named))
    gone = sorted(f"ARCHITECTURE.md:{line}: {name}" for name, line in named.items() if not fnmatch.filter(tree, name))
    assert not missing, f"modules without a row in ARCHITECTURE.md's table of modules: {missing}"
    assert not gone, "ARCHITECTURE.md's table of modules names modules that do not exist:\n" + "\n".join(gone)
