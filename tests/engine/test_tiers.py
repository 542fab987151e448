"""The two tiers of the tests (CONTRIBUTING.md): a test lands in the full tier through a full-tier fixture
or `pytest.mark.full`, every other one in the fast tier (`make test-fast`), and a fast-tier test that
starts a process or listens on a port fails, even when it catches the refusal."""
from __future__ import annotations

import shutil
import sys

import pytest
from conftest import ROOT, run

SAMPLE = '''\
import socket
import subprocess

import pytest
from conftest import full_tier_fixture


@full_tier_fixture(scope="module")
def served():
    return "a module's own site"


def test_in_process():
    assert sum([1, 2]) == 3


def test_starts_a_command():
    subprocess.run(["true"])


def test_hides_that_it_started_a_command():
    try:
        subprocess.run(["true"])
    except RuntimeError:
        pass


def test_listens_on_a_port():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))


@pytest.mark.full
def test_marked_full():
    subprocess.run(["true"], check=True)


def test_uses_a_full_tier_fixture(project):
    assert project.root.is_dir()


def test_uses_a_modules_full_tier_fixture(served):
    assert served
'''


@pytest.fixture
def sample(tmp_path):
    shutil.copy(ROOT / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_sample.py").write_text(SAMPLE, encoding="utf-8")
    return tmp_path


def pytest_in(folder, *options: str):
    return run([sys.executable, "-m", "pytest", "-p", "no:xdist", "-p", "no:cacheprovider", "-q", "-rA", *options, str(folder)], cwd=folder, env={"COLUMNS": "400"})


@pytest.mark.full
def test_a_fast_tier_test_that_starts_a_process_or_a_server_fails(sample):
    result = pytest_in(sample, "-m", "fast")
    assert "3 failed, 1 passed, 3 deselected" in result.stdout, result.stdout
    assert "PASSED test_sample.py::test_in_process" in result.stdout
    for name in ("test_starts_a_command", "test_hides_that_it_started_a_command", "test_listens_on_a_port"):
        failure = next(line for line in result.stdout.splitlines() if line.startswith(f"FAILED test_sample.py::{name}"))
        assert "fast-tier test" in failure, failure
    assert "mark it @pytest.mark.full" in result.stdout


@pytest.mark.full
def test_a_test_is_in_the_full_tier_by_its_fixtures_or_its_mark(sample):
    result = pytest_in(sample, "-m", "full", "--collect-only")
    listed = sorted(line.split("::")[1] for line in result.stdout.splitlines() if "::" in line)
    assert listed == ["test_marked_full", "test_uses_a_full_tier_fixture", "test_uses_a_modules_full_tier_fixture"], result.stdout
