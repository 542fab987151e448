"""The engine (ProperDocs) as `ocop` runs it in a child process: `python -m ocop.engine.child build …`.

The same as `python -m properdocs …`, except for Ctrl+C: the console sends it to the child too, which
would print click's English "Aborted!" or a traceback. Here Ctrl+C ends the child at once with 130,
cleaning up as any exit does (`finally` blocks, the plugins' shutdown), and silently: the `ocop`
command says, once and in Vietnamese, that it was stopped (cli.py)."""
from __future__ import annotations

import runpy
import signal
import sys

INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for a command stopped by Ctrl+C


def _stop(number, frame) -> None:
    sys.exit(INTERRUPTED)  # SystemExit: neither click nor the engine turns it into a message


if __name__ == "__main__":
    signal.signal(signal.SIGINT, _stop)
    sys.argv[0] = "properdocs"
    runpy.run_module("properdocs", run_name="__main__", alter_sys=True)
