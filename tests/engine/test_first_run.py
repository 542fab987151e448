"""A new user's first minutes: the README's serve command, exactly as written, on a fresh clone.

A test suite that served on another port once hid a `make serve` that aborted on port 8000 (the site
check took the guide's example link to the preview's own address for a page of the site, and strict mode
stopped the preview). So this runs the README's first command as it stands, on port 8000, from a clone
of the committed project, with nothing installed beforehand but what the command installs itself.

The preview is also the officer's: a mistake in the data is shown on the page (file, line, field) and
in the terminal, the preview keeps serving, and the page comes back when the file is fixed.
"""
from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from conftest import BANNER, ROOT, fetch, serves, userenvironment, wait_until

# Full tier. Its one test owns port 8000: under `make test`'s workers (`--dist loadfile`) it runs once, on one.
pytestmark = pytest.mark.full

PORT = 8000  # the README's and the guide's address: never another port here


def readme_command(word: str) -> list[str]:
    """The README's set-up command that does `word` (`make serve`), from its first code block, as written."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.DOTALL).group(1)
    line = next(line for line in block.splitlines() if line.startswith(f"make {word}"))
    return line.split("#")[0].split()


def port_is_free(port: int) -> bool:
    """Free for a server: connections of a stopped one waiting to close (TIME_WAIT) do not count, as
    servers (MkDocs' included) bind with SO_REUSEADDR."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


@contextmanager
def running(command: list[str], cwd: Path, log: Path, env: dict):
    """A server started as a user starts it; stopped with everything it started (make's children too)."""
    with open(log, "w", encoding="utf-8") as output:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield process
    finally:
        with_group = lambda sig: os.killpg(process.pid, sig)  # noqa: E731
        try:
            with_group(signal.SIGINT)
            process.wait(timeout=20)
        except (subprocess.TimeoutExpired, ProcessLookupError):
            with_group(signal.SIGKILL)
            process.wait()
        wait_until(lambda: port_is_free(PORT) or None, timeout=30)


def test_readme_serve_command_keeps_serving_on_port_8000_from_a_fresh_clone(tmp_path):
    if not port_is_free(PORT):
        pytest.fail(f"port {PORT} is busy: stop whatever serves there; this test must use the README's own port")
    clone = tmp_path / "fresh"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    command = readme_command("serve")
    assert command == ["make", "serve"]
    base = f"http://127.0.0.1:{PORT}/"
    log = tmp_path / "serve.log"
    with running(command, clone, log, userenvironment()) as process:
        # The first run creates the virtual environment and installs the pinned requirements.
        wait_until(lambda: serves(base, "OCOP") or process.poll() is not None, timeout=900, every=1)
        assert process.poll() is None, log.read_text(encoding="utf-8")[-3000:]
        serving_since = time.monotonic()
        assert serves(base + "san-pham/nuoc-mam-nam-quyen/", "Nước mắm Năm Quyền")
        assert serves(base, 'content="mkdocs-ProperDocs ')  # the engine is ProperDocs
        status, short = fetch(base + "Q/NM/")
        assert status == 200 and "san-pham/nuoc-mam-nam-quyen/" in short

        # The officer makes a mistake in a producer file: the preview says where, and keeps serving.
        producer = clone / "products/nam-quyen/producer.yml"
        good = producer.read_text(encoding="utf-8")
        producer.write_text(good + "kind: HTX\n", encoding="utf-8")
        wait_until(lambda: serves(base, "products/nam-quyen/producer.yml:"), timeout=60, every=0.5)
        status, page = fetch(base + "san-pham/nuoc-mam-nam-quyen/")
        assert "Dữ liệu có" in page and "products/nam-quyen/producer.yml:" in page and "'kind'" in page
        producer.write_text(good, encoding="utf-8")
        wait_until(lambda: serves(base + "san-pham/nuoc-mam-nam-quyen/", "Nước mắm Năm Quyền"), timeout=60, every=0.5)
        assert process.poll() is None  # the mistake and its fix did not stop it
        # Still serving 25 s after it started: the broken preview stopped about 20 s after it started.
        time.sleep(max(0.0, serving_since + 25 - time.monotonic()))
        assert process.poll() is None, log.read_text(encoding="utf-8")[-3000:]
        assert serves(base, "OCOP")
    printed = log.read_text(encoding="utf-8")
    assert "ERROR   -  ocop: products/nam-quyen/producer.yml:" in printed  # the terminal said it too
    assert BANNER not in printed and "Aborted" not in printed
    assert "properdocs.yml" not in printed  # ProperDocs' English request to rename mkdocs.yml

    # The guide's way on Windows and Linux alike: `ocop serve`, in the environment `make serve` made.
    with running([str(clone / ".venv/bin/ocop"), "serve"], clone, tmp_path / "ocop.log", userenvironment()) as process:
        wait_until(lambda: serves(base, "OCOP") or process.poll() is not None, timeout=120, every=1)
        assert process.poll() is None, (tmp_path / "ocop.log").read_text(encoding="utf-8")
        status, short = fetch(base + "Q/NM/")
        assert status == 200 and "san-pham/nuoc-mam-nam-quyen/" in short
    assert BANNER not in (tmp_path / "ocop.log").read_text(encoding="utf-8")
