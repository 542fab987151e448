"""Count what the test suite asserts: `assert` statements and `pytest.raises` blocks in tests/ (read
with ast, so a comment or a string saying "assert" does not count), and the tests pytest collects.

    .venv/bin/python benchmarks/count_tests.py            # the whole suite and the fast tier
    .venv/bin/python benchmarks/count_tests.py --static   # only the assertions (no pytest run)

A change to the tests must not lower the assertion count (CONTRIBUTING.md keeps the numbers)."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"


def _is_raises(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "raises"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "pytest"
    )


def assertions(folder: Path = TESTS) -> tuple[int, int]:
    """The number of `assert` statements and of `pytest.raises(...)` calls in the test files."""
    asserts = raises = 0
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            asserts += isinstance(node, ast.Assert)
            raises += _is_raises(node)
    return asserts, raises


def collected(*options: str) -> int:
    """The number of tests pytest collects with these options (`--collect-only -q`)."""
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:xdist", *options],
        cwd=ROOT, capture_output=True, text=True,
    )
    found = re.search(r"(\d+)(?:/\d+)? tests? (?:collected|selected)", result.stdout)
    if not found:
        raise SystemExit(result.stdout[-2000:] + result.stderr[-2000:])
    return int(found.group(1))


def main() -> None:
    asserts, raises = assertions()
    print(f"assert statements: {asserts}")
    print(f"pytest.raises: {raises}")
    if "--static" not in sys.argv:
        print(f"tests collected: {collected()}")
        print(f"fast tier (-m fast): {collected('-m', 'fast')}")


if __name__ == "__main__":
    main()
