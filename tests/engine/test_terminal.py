"""The preview's terminal speaks Vietnamese: the engine's own lines ("Building documentation...",
"Serving on …", "Reloading browsers") are translated or left out, as the officer running `make serve`
or `ocop serve` reads them. The first test runs the preview (full tier); the second is in-process (fast).
"""
from __future__ import annotations

import subprocess
import time

from conftest import BIN, environment, free_port, serves, wait_until
from ocop.engine.terminal import vietnamese

ENGLISH = ("Building documentation", "Cleaning site directory", "Serving on", "Reloading browsers",
           "Documentation built in", "Watching paths", "Detected file changes", "Browser connected")


def test_the_preview_terminal_has_no_english_engine_line(project):
    """`make serve`'s own command (the Makefile's serve target), a save, a reload: all in Vietnamese."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = project.root / "serve.log"
    with open(log, "w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [str(BIN / "properdocs"), "serve", "-f", "mkdocs.yml", "--livereload", "--no-strict",
             "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project.root, env=environment(), stdout=output, stderr=subprocess.STDOUT,
        )
    try:
        wait_until(lambda: serves(base, "OCOP") or server.poll() is not None, timeout=90)
        assert server.poll() is None, log.read_text(encoding="utf-8")
        time.sleep(1)  # the server starts watching just after it answers
        page = project.root / "docs/ke-hoach-2025.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nThêm một dòng thử.\n", encoding="utf-8")
        wait_until(lambda: "Tải lại trang trong trình duyệt" in log.read_text(encoding="utf-8"), timeout=60)
    finally:
        server.terminate()
        server.wait(timeout=30)
    said = log.read_text(encoding="utf-8")
    assert [phrase for phrase in ENGLISH if phrase in said] == [], said
    for phrase in ("Đang tạo trang web…", "Đã tạo xong trang web trong", f"Trang xem trước ở {base}",
                   "Có tệp vừa được lưu", "Tải lại trang trong trình duyệt"):
        assert phrase in said, said


def test_known_lines_are_translated_and_unknown_ones_pass_unchanged():
    assert vietnamese("[06:01:36] Serving on http://127.0.0.1:8001/ and opening it in a browser") == (
        "[06:01:36] Trang xem trước ở http://127.0.0.1:8001/ (đang mở trong trình duyệt); dừng bằng Ctrl+C"
    )
    assert vietnamese("Documentation built in 12.05 seconds") == "Đã tạo xong trang web trong 12,05 giây"
    assert vietnamese("Cleaning site directory") is None
    assert vietnamese("[06:01:40] Browser connected: http://127.0.0.1:8001/") is None
    assert vietnamese("Something new the engine says") == "Something new the engine says"
