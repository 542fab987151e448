"""The `ocop` command speaks Vietnamese on every screen, argparse's own words included: its help
screens, and its messages when a command is mistyped; it builds with ProperDocs and prints none of the
engines' English notices; stopping `ocop serve` stops its preview server."""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import urllib.request

import pytest
from conftest import BANNER, BIN, environment, free_port, ocop_in_process, userenvironment, wait_until
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
    """`ocop --help` as a process; every other help screen from the same `main` in this process."""
    typed = commands()
    assert ("new", "fair") in typed and ("publish",) in typed and len(typed) > 12
    for command in typed:
        result = project.ocop(*command, "--help") if command == () else ocop_in_process(project.root, *command, "--help")
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
def test_argparse_messages_are_vietnamese(example, case):
    """In-process (fast tier); the help screens' test runs `ocop --help` as a process."""
    arguments, words = MISTYPED[case]
    result = ocop_in_process(example.root, *arguments)
    assert result.code == 2
    assert "lỗi:" in result.err and words in result.err, result.err
    assert english_in(result.text) == [], result.text


ENGLISH_NOTICES = ("end of life", "ProperDocs", "properdocs.yml", "MkDocs 2", "WARNING")


def test_ocop_build_runs_properdocs_and_prints_no_english_notice(project):
    result = project.ocop("build", env={"NO_MKDOCS_2_WARNING": ""})
    assert result.code == 0, result.text
    assert 'content="mkdocs-ProperDocs ' in project.page("")
    # The officer reads Vietnamese: neither Material's end-of-life box nor a notice about ProperDocs.
    printed = [notice for notice in ENGLISH_NOTICES if notice in result.text]
    assert not printed, result.text


def test_stopping_ocop_serve_stops_its_preview_server(project):
    """`ocop serve` runs `mkdocs serve` as a child: stopping `ocop` (as a service manager or a test does,
    with SIGTERM) must free the port, or the next preview cannot start."""
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "ocop"), "serve", "--address", f"127.0.0.1:{port}"],
        cwd=project.root, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"

    def answers() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status == 200
        except OSError:
            return False

    try:
        wait_until(answers, timeout=90)
    finally:
        server.terminate()
        server.wait(timeout=30)
    wait_until(lambda: not answers(), timeout=30)


def test_no_english_end_of_life_box_from_ocop_commands(project):
    """Material prints an English end-of-life box on every build unless told not to; `ocop` tells it."""
    env = userenvironment()
    for command in (["check"], ["build"]):
        result = subprocess.run(
            [str(BIN / "ocop"), *command], cwd=project.root, capture_output=True, text=True, encoding="utf-8", env=env, timeout=600
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert BANNER not in result.stdout + result.stderr


# Waits in the middle of the build, so that the test can press Ctrl+C there.
SLOW_HOOK = """\
import os
import time


def on_post_page(output, page, config):
    open(os.environ["OCOP_TEST_SEEN"], "w").close()
    time.sleep(120)
    return output
"""


def files_under(folder) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def from_a_console() -> None:
    """Ctrl+C as a command typed in a console gets it: a test suite started in the background (`make test &`,
    nohup, some CI runners) passes its processes SIGINT ignored, and Python then installs no handler."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("command", [("build",), ("publish", "--to", "../www", "--no-commit")])
def test_ctrl_c_stops_a_command_with_one_vietnamese_line_and_changes_nothing(project, tmp_path, command):
    assert project.ocop(*command).code == 0
    served = project.site if command == ("build",) else project.root.parent / "www"
    before = files_under(served)
    project.write("products/huan-hong/nem-chua.yml", "name: Nem chua thử nghiệm\nproducer: huan-hong\ngroup: thuc-pham\n")
    data = files_under(project.products)
    project.write("hooks/thu.py", SLOW_HOOK)
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - hooks/thu.py\n", encoding="utf-8")
    seen = tmp_path / "seen"
    process = subprocess.Popen(
        [str(BIN / "ocop"), *command], cwd=project.root, env=environment({"OCOP_TEST_SEEN": str(seen)}),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", start_new_session=True,
        preexec_fn=from_a_console,
    )
    try:
        wait_until(seen.exists, timeout=120)  # the new product's code is written, the new site half built
        os.killpg(process.pid, signal.SIGINT)  # as the console sends Ctrl+C: to the command and its child
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130
    # Besides the engine's progress lines (INFO), one line: no traceback, no click's "Aborted!".
    said = [line for line in err.splitlines() if line.strip() and not line.startswith("INFO")]
    assert said == ["Đã dừng theo yêu cầu (Ctrl+C): trang web và dữ liệu vẫn như trước khi chạy lệnh."], err
    assert files_under(served) == before and files_under(project.products) == data


POST = "docs/tin-tuc/posts/2026-11-28-ke-hoach-ocop-nam-2025.md"
DISAGREEING = {  # what `ocop check` once passed and the build then refused, or published wrongly
    "draft in quotes": (POST, lambda text: text.replace("date: ", 'draft: "no"\ndate: ', 1),
                        f"{POST}:3: trường 'draft': phải là có/không"),
    "template outside the theme": ("docs/thu-nghiem.md", lambda text: "---\ntemplate: ../../x\n---\n\n# Thử nghiệm\n",
                                   "docs/thu-nghiem.md:2: trường 'template': khuôn trang '../../x'"),
    "template not in the theme": ("docs/thu-nghiem.md", lambda text: "---\ntemplate: khong-co.html\n---\n\n# Thử nghiệm\n",
                                  "docs/thu-nghiem.md:2: trường 'template': không có khuôn trang 'khong-co.html'"),
    "front matter not read": ("docs/thu-nghiem.md", lambda text: "---\ntitle: Thử: nghiệm\n---\n\n# Thử nghiệm\n",
                              "docs/thu-nghiem.md:2: lỗi cú pháp YAML"),
}


@pytest.mark.parametrize("case", DISAGREEING)
def test_check_refuses_what_the_build_would_refuse_and_the_site_stays(project, case):
    where, change, message = DISAGREEING[case]
    assert project.build().code == 0
    before = files_under(project.site)
    path = project.root / where
    path.write_text(change(path.read_text(encoding="utf-8") if path.exists() else ""), encoding="utf-8")
    checked = project.ocop("check")
    assert checked.code == 1 and message in checked.err and "Traceback" not in checked.text
    assert project.build().code != 0
    assert files_under(project.site) == before
