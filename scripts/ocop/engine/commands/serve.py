"""`ocop serve`: the preview, never strict, in the engine's child process."""
from __future__ import annotations

from .build import run_engine


def add_parser(commands) -> None:
    serving = commands.add_parser("serve", help="xem trước trang web trên máy này")
    serving.add_argument("--address", default="127.0.0.1:8000", metavar="ĐỊA_CHỈ", help="địa chỉ (mặc định 127.0.0.1:8000)")
    serving.set_defaults(run=run)


def run(args) -> int:
    # Never strict: the preview shows a mistake (terminal and page) and keeps serving until it is fixed.
    return run_engine("serve", "--livereload", "--no-strict", "--config-file", args.config, "--dev-addr", args.address)
