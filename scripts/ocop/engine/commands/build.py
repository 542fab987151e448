"""`ocop build`: the site built strictly by the engine, in a child process; new codes issued for it."""
from __future__ import annotations

import signal
import subprocess
import sys
import threading

from .issuing import with_new_codes


def add_parser(commands) -> None:
    commands.add_parser("build", help="tạo trang web vào thư mục site/").set_defaults(run=run)


def run(args) -> int:
    # The engine writes into a fresh folder beside site/ and swaps it in only when complete (staging.py).
    return with_new_codes(args, lambda: run_engine("build", "--strict", "--config-file", args.config))


def run_engine(*arguments: str) -> int:
    """Run the site engine, ProperDocs (the maintained continuation of MkDocs 1.6; it reads mkdocs.yml and
    runs the same plugins), in a child process; stopping `ocop` (Ctrl+C, or a service manager's SIGTERM)
    stops it too, so that no `properdocs serve` is left holding the port. Every call names the
    configuration file: ProperDocs, left to find one, asks in English for mkdocs.yml to be renamed."""
    process = subprocess.Popen([sys.executable, "-m", "ocop.engine.child", *arguments])
    main_thread = threading.current_thread() is threading.main_thread()  # only there may signals be handled
    previous = signal.getsignal(signal.SIGTERM)
    if main_thread:
        signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    try:
        return process.wait()
    except KeyboardInterrupt:  # the child got the same Ctrl+C from the console and is stopping
        process.wait()
        raise
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)
        if process.poll() is None:
            process.terminate()
            process.wait()
