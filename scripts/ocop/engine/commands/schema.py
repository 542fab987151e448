"""`ocop schema`: the JSON Schemas of the data files written for the editor (ops/schema.py)."""
from __future__ import annotations

from ...ops.schema import SCHEMA_DIR, schemas
from .loading import load


def add_parser(commands) -> None:
    commands.add_parser("schema", help="cập nhật JSON Schema cho trình soạn thảo").set_defaults(run=run)


def run(args) -> int:
    project = load(args.config)
    folder = project.products_dir / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schemas().items():
        (folder / name).write_text(text, encoding="utf-8", newline="\n")
        print(f"Đã ghi {folder / name}")
    return 0
