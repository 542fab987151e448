"""The engine (ProperDocs) as `ocop` runs it in a child process: `python -m ocop.engine.child build …`.

The same as `python -m properdocs …`, except for Ctrl+C: the console sends it to the child too, which
would print click's English "Aborted!" or a traceback; here the child stops silently with 130, and the
`ocop` command says, once and in Vietnamese, that it was stopped (cli.py)."""
from __future__ import annotations

import sys

import click
from properdocs.__main__ import cli

INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for a command stopped by Ctrl+C


def main(arguments: list[str]) -> int:
    try:
        cli.main(arguments, prog_name="properdocs", standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort):
        return INTERRUPTED
    except click.exceptions.Exit as stop:
        return stop.exit_code
    except click.exceptions.ClickException as error:
        error.show()
        return error.exit_code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
