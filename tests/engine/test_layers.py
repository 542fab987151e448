"""The package's folders are its pipeline, in the order the data flows, and the imports keep to it.

    model  →  web  →  media  →  pages  →  ops  →  engine

(checked models → where each thing is published: addresses, QR payloads, rendition names, languages →
the files made there → the pages showing them → the operations → the engine that composes them all.)

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
LAYERS = ("model", "web", "media", "pages", "ops", "engine")
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


def test_each_layer_needs_the_one_to_its_left():
    """The order is the one the imports prove, not a convention: each layer imports from the layer just
    to its left (web names model's products, media makes web's files, pages show media's files, ops
    render pages, engine calls ops), so no two layers could swap places."""
    needs = {layer: set() for layer in LAYERS}
    for name, path in modules().items():
        for target, _, _ in imports(path):
            if layer_of(name) and layer_of(target):
                needs[layer_of(name)].add(layer_of(target))
    loose = [f"{right} imports nothing from {left}" for left, right in zip(LAYERS, LAYERS[1:]) if left not in needs[right]]
    assert not loose, "\n".join(loose)


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
    "engine/test_sizes.py": "no function over 60 lines and no module over 400 lines in the whole package",
    "engine/test_scale.py": "what must not grow with the number of products, on two whole generated sites",
    "engine/test_guide.py": "the officer's guide (scripts/ocop/pages/guide/) walked through in Chromium",
    "engine/test_theme.py": "the theme's overrides (engine/theme/), copies of Material's and MkDocs' templates, which are no Python module",
    "engine/test_wheel.py": "the whole package as a wheel: installed alone in a fresh venv, a new commune's site made, built, upgraded",
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


# What passes between the layers. A module outside engine/ never receives an engine object: the engine
# reads MkDocs' objects (its config, files, pages, plugins) and hands the layers below plain data and
# the package's own types. Three checks hold this rule, as far as `ast` can see it:
# 1. no annotation outside engine/ names a class of the engine (MkDocs, ProperDocs, Material) or of
#    ocop.engine, unless the module binds that name itself (its own `Link`, model.news's `Author`);
# 2. what engine/ calls in a lower layer (a function it imports; the constructor of a class it imports,
#    and each public method of that class it calls by name) annotates every parameter with what it
#    is: not missing, not Any or object, not a bare dict, list, tuple, set or Callable. So the first
#    check sees every object the engine hands down;
# 3. no module outside engine/ reads an attribute that only the engine's objects have: one of the
#    attributes of MkDocs' and Material's structure, config, plugin and theme classes and of
#    ocop.engine's classes, that neither Python's own types nor any module outside engine/ defines
#    (`.get_file_from_path`, `.is_homepage`, `.abs_dest_path`, `config.plugins`, `.categories_allowed`…).
ENGINE_MODULES = (
    "mkdocs.structure.files", "mkdocs.structure.pages", "mkdocs.structure.nav", "mkdocs.structure.toc",
    "mkdocs.structure", "mkdocs.config.defaults", "mkdocs.config.base", "mkdocs.plugins", "mkdocs.theme",
    "material.plugins.blog.config", "material.plugins.blog.structure", "material.plugins.blog.plugin",
    "material.plugins.search.plugin",
)
VAGUE = {"Any", "object", "dict", "list", "tuple", "set", "Callable"}


def engine_classes() -> dict[str, type]:
    """Every class the engine's modules and ocop.engine define, by name."""
    import importlib

    names = list(ENGINE_MODULES) + [name for name in modules() if layer_of(name) == "engine"]
    found = {}
    for name in names:
        module = importlib.import_module(name)
        for key, value in vars(module).items():
            if isinstance(value, type) and value.__module__ == name and not key.startswith("_"):
                found[key] = value
    return found


def annotation_names(node: ast.expr | None) -> set[str]:
    """The plain names an annotation uses (`dict[str, Page] | None` → dict, str, Page, None), strings parsed."""
    names: set[str] = set()
    for part in ast.walk(node) if node is not None else ():
        if isinstance(part, ast.Name):
            names.add(part.id)
        elif isinstance(part, ast.Constant) and isinstance(part.value, str):
            try:
                names |= annotation_names(ast.parse(part.value, mode="eval").body)
            except SyntaxError:
                pass
    return names


def annotations(tree: ast.AST):
    """(annotation, line) of every parameter, return value and annotated name in a module."""
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args
            for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
                if arg is not None and arg.annotation is not None:
                    yield arg.annotation, arg.lineno
            if node.returns is not None:
                yield node.returns, node.lineno
        elif isinstance(node, ast.AnnAssign):
            yield node.annotation, node.lineno


def bound_names(tree: ast.AST) -> set[str]:
    """The names a module binds itself: its classes, functions, imports, assignments."""
    bound = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            bound.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound |= {(alias.asname or alias.name).split(".")[0] for alias in node.names}
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound.add(node.id)
    return bound


def test_no_annotation_outside_the_engine_names_an_engine_type():
    engine = set(engine_classes())
    wrong = []
    for name, path in modules().items():
        if layer_of(name) == "engine":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        own = bound_names(tree)
        for annotation, line in annotations(tree):
            for used in sorted((annotation_names(annotation) & engine) - own):
                wrong.append(f"{path.relative_to(ROOT)}:{line}: annotated with the engine's {used}")
    assert not wrong, "\n".join(wrong)


def parameter_problems(function: ast.FunctionDef) -> list[str]:
    args = function.args
    problems = []
    for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs]:
        if arg.arg in ("self", "cls"):
            continue
        if arg.annotation is None:
            problems.append(f"{arg.arg} not annotated")
        elif isinstance(arg.annotation, ast.Name) and arg.annotation.id in VAGUE:
            problems.append(f"{arg.arg}: {arg.annotation.id} says nothing of what it is")
        elif isinstance(arg.annotation, ast.Constant) and arg.annotation.value in VAGUE:
            problems.append(f"{arg.arg}: {arg.annotation.value} says nothing of what it is")
    for arg in (args.vararg, args.kwarg):
        if arg is not None and arg.annotation is None:
            problems.append(f"{arg.arg} not annotated")
    return problems


def handed_down() -> dict[tuple[str, str], set[str]]:
    """(module, name) of every function and class that engine/ imports from a lower layer → who imports it."""
    known = modules()
    taken: dict[tuple[str, str], set[str]] = {}
    for name, path in known.items():
        if layer_of(name) != "engine":
            continue
        for target, names, _ in imports(path):
            if target in known and layer_of(target) not in (None, "engine"):
                for taken_name in names:
                    taken.setdefault((target, taken_name), set()).add(name)
    return taken


def called_by_the_engine() -> set[str]:
    """The names engine/ calls as methods (`project.settings.qr_text(…)` → qr_text)."""
    called = set()
    for name, path in modules().items():
        if layer_of(name) == "engine":
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                    called.add(node.func.attr)
    return called


def test_what_the_engine_hands_down_is_typed():
    known = modules()
    called = called_by_the_engine()
    wrong = []
    for (target, name), users in sorted(handed_down().items()):
        path = known[target]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if getattr(node, "name", None) != name:
                continue
            functions = [node] if isinstance(node, ast.FunctionDef) else []
            if isinstance(node, ast.ClassDef):
                functions = [
                    item for item in node.body
                    if isinstance(item, ast.FunctionDef)
                    and (item.name == "__init__" or (not item.name.startswith("_") and item.name in called))
                ]
            for function in functions:
                for problem in parameter_problems(function):
                    where = f"{node.name}.{function.name}" if function is not node else function.name
                    wrong.append(f"{path.relative_to(ROOT)}:{function.lineno}: {where}({problem}), taken by {', '.join(sorted(users))}")
    assert not wrong, "\n".join(wrong)


def attributes_of(cls: type) -> set[str]:
    """What an object of `cls` has: its class's names, annotations, and every `self.x = …` of its source."""
    import inspect
    import textwrap

    names = set()
    for klass in cls.__mro__:
        if klass is object:
            continue
        names |= set(vars(klass)) | set(getattr(klass, "__annotations__", {}))
        try:
            source = textwrap.dedent(inspect.getsource(klass))
        except (OSError, TypeError):
            continue
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and isinstance(node.value, ast.Name):
                if node.value.id == "self":
                    names.add(node.attr)
    return {name for name in names if not name.startswith("_")}


def defined_outside_the_engine() -> set[str]:
    """Every name the modules outside engine/ define: classes, functions, parameters, fields, attributes set."""
    names = set()
    for name, path in modules().items():
        if layer_of(name) == "engine":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                names.add(node.name)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
            elif isinstance(node, ast.keyword) and node.arg:
                names.add(node.arg)
    return names


def engine_only_attributes() -> set[str]:
    import datetime
    import re

    engine = set()
    for cls in engine_classes().values():
        engine |= attributes_of(cls)
    python = set()
    import io

    import jinja2

    # Python's own types, and those of the libraries every layer uses (files, Jinja's environment).
    for kind in (str, bytes, dict, list, set, tuple, int, Path, datetime.date, re.Match, re.Pattern, Exception,
                 io.BytesIO(), jinja2.Environment()):
        python |= set(dir(kind))
    return engine - python - defined_outside_the_engine()


def test_no_module_outside_the_engine_reads_what_only_engine_objects_have():
    only = engine_only_attributes()
    # The check sees them (`.src_uri`, `.file`, `.meta` are not among them: the model's own objects have them too).
    assert {"get_file_from_path", "is_homepage", "abs_dest_path", "abs_src_path", "theme", "plugins", "categories_allowed"} <= only
    wrong = []
    for name, path in modules().items():
        if layer_of(name) == "engine":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in only:
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: .{node.attr}, which only the engine's objects have")
    assert not wrong, "\n".join(wrong)


def test_no_protocol_stands_in_for_a_higher_layer():
    """With the layers in the order the data flows, a layer takes what it needs from below by import; a
    `Protocol` outside engine/ was a way to reach a layer to the right without importing it."""
    wrong = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(ast.unparse(base).endswith("Protocol") for base in node.bases):
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: class {node.name}(Protocol)")
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
