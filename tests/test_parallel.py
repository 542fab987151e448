"""A build shares the generated pages with a second process (parallel.py): the site must not tell.

The same project is built on one process and on two; every file of the two sites must be the same,
byte for byte, the search index included. A failure in the second process must fail the build with a
message, and leave no process behind; a warning there must fail a strict build, as it would here.
"""
from __future__ import annotations

import logging
import os

import pytest
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort

from conftest import Project, copy_project

pytestmark = pytest.mark.skipif(not hasattr(os, "fork") or len(os.sched_getaffinity(0)) < 2, reason="needs fork and two cores")


def with_two_processes_from(project: Project, pages: int) -> None:
    path = project.root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert "      products_dir: products\n" in text
    path.write_text(text.replace("      products_dir: products\n", f"      products_dir: products\n      two_processes_from: {pages}\n"), encoding="utf-8")


def site_files(project: Project) -> dict[str, bytes]:
    return {path.relative_to(project.site).as_posix(): path.read_bytes() for path in sorted(project.site.rglob("*")) if path.is_file()}


def test_the_site_is_the_same_built_on_one_process_or_two(tmp_path):
    one, two = copy_project(tmp_path / "one"), copy_project(tmp_path / "two")
    with_two_processes_from(one, 0)
    with_two_processes_from(two, 1)
    run_one, run_two = one.build(), two.build()
    assert run_one.code == 0, run_one.text
    assert run_two.code == 0, run_two.text
    assert "tiến trình thứ hai" not in run_one.text
    assert "trang do một tiến trình thứ hai dựng song song" in run_two.text
    assert "Page skipped" not in run_two.text  # the pages left to the second process are not reported
    files_one, files_two = site_files(one), site_files(two)
    assert files_one.keys() == files_two.keys()
    different = [name for name in files_one if files_one[name] != files_two[name]]
    assert different == []
    # Both processes wrote pages: the product pages are there, with their content and search entries.
    assert "Nem Huân Hồng".encode() in files_two["san-pham/nem-huan-hong/index.html"]
    assert b'"location":"san-pham/nem-huan-hong/"' in files_two["search/search_index.json"]


def loaded_with_a_fault(project: Project, monkeypatch, fault) -> MkDocsConfig:
    """`project` set to build on two processes, loaded in this one, with `fault(page)` called in the
    second process before each product page it builds."""
    with_two_processes_from(project, 1)
    parent = os.getpid()
    build_page = mkdocs_build._build_page

    def build_page_with_fault(page, *args, **kwargs):
        if os.getpid() != parent and page.file.src_uri.startswith("san-pham/"):
            fault(page)
        return build_page(page, *args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", build_page_with_fault)
    monkeypatch.chdir(project.root)
    config = load_config(config_file=str(project.root / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    return config


def test_a_failure_in_the_second_process_fails_the_build(tmp_path, monkeypatch, caplog):
    def disk_full(page):
        raise OSError("đĩa đầy")

    config = loaded_with_a_fault(copy_project(tmp_path / "project"), monkeypatch, disk_full)
    forked, fork = [], os.fork

    def recorded_fork():
        pid = fork()
        forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", recorded_fork)
    # MkDocs' log level, as `mkdocs build` sets it (`ocop` commands run earlier in this process set ERROR).
    with caplog.at_level(logging.INFO, logger="mkdocs"), pytest.raises(Abort):
        mkdocs_build.build(config)
    assert "dựng trang ở tiến trình thứ hai không thành công: OSError: đĩa đầy" in caplog.text
    assert config.plugins["ocop"].share.pid is None
    assert len(forked) == 1
    with pytest.raises(ChildProcessError):  # the second process was waited for: no such child any more
        os.waitpid(forked[0], os.WNOHANG)


def test_a_warning_in_the_second_process_fails_a_strict_build(tmp_path, monkeypatch, caplog):
    def warn(page):
        logging.getLogger("mkdocs.commands.build").warning("trang %s có vấn đề", page.file.src_uri)

    config = loaded_with_a_fault(copy_project(tmp_path / "project"), monkeypatch, warn)
    assert config.strict
    with caplog.at_level(logging.INFO, logger="mkdocs"), pytest.raises(Abort, match="in strict mode"):
        mkdocs_build.build(config)
    assert "cảnh báo khi dựng trang ở tiến trình thứ hai" in caplog.text
