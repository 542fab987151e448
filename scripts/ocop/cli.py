"""The `ocop` command: the officer's tasks, in Vietnamese, on Windows as on Linux.

    ocop check            kiểm tra dữ liệu trong products/
    ocop build            tạo trang web vào site/ (chế độ nghiêm ngặt)
    ocop serve            xem trước trang web ở http://127.0.0.1:8000
    ocop export THƯ_MỤC   xuất toàn bộ trang Markdown (kể cả trang được tạo) ra một thư mục
    ocop schema           cập nhật JSON Schema cho trình soạn thảo (VS Code)
"""
from __future__ import annotations

import argparse
import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

from .errors import DataError
from .models import Producer, Product
from .project import Project, load_project
from .site import SiteBuilder

SCHEMA_DIR = "_schema"


def _load(config_file: str) -> Project:
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    config = load_config(config_file=config_file)
    plugin = config.plugins["ocop"]
    return load_project(config, plugin.config.products_dir, plugin.config.cache_dir, plugin.qr_style())


def check(args) -> int:
    project = _load(args.config)
    catalogue = project.catalogue
    print(f"Dữ liệu hợp lệ: {len(catalogue.producers)} cơ sở, {len(catalogue.products)} sản phẩm.")
    return 0


def export(args) -> int:
    from mkdocs.config import load_config

    project = _load(args.config)
    docs_dir = Path(load_config(config_file=args.config).docs_dir)
    target = Path(args.folder)
    if target.exists() and any(target.iterdir()):
        print(f"Thư mục {target} đã có nội dung: hãy chọn một thư mục trống.", file=sys.stderr)
        return 1
    shutil.copytree(docs_dir, target, dirs_exist_ok=True)
    files = SiteBuilder(project.catalogue, project.settings, project.qr_cache, project.photo_cache).files()
    for output in files:
        path = target / output.uri
        path.parent.mkdir(parents=True, exist_ok=True)
        if output.source is not None:
            shutil.copyfile(output.source, path)
        elif isinstance(output.content, bytes):
            path.write_bytes(output.content)
        else:
            path.write_text(output.content, encoding="utf-8", newline="\n")
    print(f"Đã xuất {len(files)} tệp được tạo, cùng nội dung của {docs_dir.name}/, vào {target}.")
    return 0


def schema(args) -> int:
    project = _load(args.config)
    folder = project.products_dir / SCHEMA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in schemas().items():
        (folder / name).write_text(text, encoding="utf-8", newline="\n")
        print(f"Đã ghi {folder / name}")
    return 0


def schemas() -> dict[str, str]:
    """JSON Schemas of the two file kinds, for editors that complete and check YAML as one types."""
    result = {}
    for name, model in (("producer.schema.json", Producer), ("product.schema.json", Product)):
        document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
        result[name] = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return result


def _mkdocs(*arguments: str) -> int:
    return subprocess.call([sys.executable, "-m", "mkdocs", *arguments])


def build(args) -> int:
    return _mkdocs("build", "--strict", "--config-file", args.config)


def serve(args) -> int:
    return _mkdocs("serve", "--livereload", "--config-file", args.config, "--dev-addr", args.address)


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="ocop", description="Công cụ quản lý trang thông tin sản phẩm OCOP.")
    main.add_argument("--config", "-f", default="mkdocs.yml", help="tệp cấu hình (mặc định: mkdocs.yml)")
    commands = main.add_subparsers(dest="command", required=True, metavar="LỆNH")
    commands.add_parser("check", help="kiểm tra dữ liệu sản phẩm và cơ sở").set_defaults(run=check)
    commands.add_parser("build", help="tạo trang web vào thư mục site/").set_defaults(run=build)
    serving = commands.add_parser("serve", help="xem trước trang web trên máy này")
    serving.add_argument("--address", default="127.0.0.1:8000", help="địa chỉ (mặc định 127.0.0.1:8000)")
    serving.set_defaults(run=serve)
    exporting = commands.add_parser("export", help="xuất các trang Markdown ra một thư mục")
    exporting.add_argument("folder", metavar="THƯ_MỤC")
    exporting.set_defaults(run=export)
    commands.add_parser("schema", help="cập nhật JSON Schema cho trình soạn thảo").set_defaults(run=schema)
    return main


def main(argv: list[str] | None = None) -> int:
    # Windows consoles may not default to UTF-8; Vietnamese messages must still print.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args = parser().parse_args(argv)
    if not Path(args.config).is_file():
        print(f"Không thấy tệp cấu hình {args.config}: hãy chạy lệnh trong thư mục của trang web.", file=sys.stderr)
        return 2
    try:
        return args.run(args)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
