"""The `ocop` command: the officer's tasks, in Vietnamese, on Windows as on Linux.

    ocop init THƯ_MỤC     tạo thư mục trang OCOP mới cho một xã (--commune, --province, --domain, --merged-from)
    ocop check            kiểm tra dữ liệu trong products/
    ocop build            tạo trang web vào site/ (chế độ nghiêm ngặt)
    ocop serve            xem trước trang web ở http://127.0.0.1:8000
    ocop export THƯ_MỤC   xuất cả trang web (mkdocs.yml và docs/, kể cả trang được tạo) để dựng bằng Zensical
    ocop codes            cấp mã ngắn cho sản phẩm chưa có, ghi vào sổ mã, in bảng cỡ mã QR
    ocop labels [MÃ …]    tạo tệp in: mã QR SVG, PNG 600 dpi và tờ nhãn A4 (PDF)
    ocop stamps MÃ --batch LÔ --count N
                          tem riêng cho từng gói của một lô (A4, mỗi tem một số và một mã QR)
    ocop brochure         tờ giới thiệu A4 mọi sản phẩm (--lang en, --only MÃ …)
    ocop poster MÃ        áp phích gian hàng A4 và A5 của một sản phẩm
    ocop shelf-card ĐIỂM_BÁN  thẻ A6 ở điểm bán: sản phẩm bán tại đó, mỗi sản phẩm một mã QR
    ocop publish [--to THƯ_MỤC | --gh-pages]
                          lưu các thay đổi vào Git, tạo trang, kiểm tra, rồi mới thay trang đang chạy
                          (trang cũ giữ nguyên nếu có lỗi);
                          không ghi nơi đăng thì đăng vào `publish_to` của plugin ocop trong mkdocs.yml
    ocop new LOẠI "Tên"   tạo tệp mới có sẵn hướng dẫn: post, product, producer, outlet, fair
    ocop schema           cập nhật JSON Schema cho trình soạn thảo (VS Code)
    ocop report           báo cáo số liệu: số sao theo ngành, chứng nhận sắp hết hiệu lực, tiến độ kế hoạch;
                          --access-log TỆP …: lượt quét mã QR theo nhật ký của máy chủ web
                          --review 2026-11 --docx TỆP: báo cáo tháng bằng Word (Nghị định 30/2020)

Each command is a module of `engine/commands/` that declares its arguments and calls the layers below;
here are the entry point and what every command shares: the parser, in Vietnamese (argparse_vi.py),
and what a stopped command, a mistake in the data or a print file that cannot be made prints.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..media.labels import LabelError
from ..model.errors import DataError
from .argparse_vi import Parser
from .commands import (
    brochure,
    build,
    check,
    codes,
    export,
    init,
    labels,
    new,
    poster,
    publish,
    report,
    schema,
    serve,
    shelf_card,
    stamps,
)

# In the order `ocop --help` lists them.
COMMANDS = (init, check, build, serve, export, schema, report, codes, labels, stamps, brochure, poster, shelf_card, publish, new)

INTERRUPTED = "Đã dừng theo yêu cầu (Ctrl+C): trang web và dữ liệu vẫn như trước khi chạy lệnh."


def parser() -> argparse.ArgumentParser:
    main = Parser(prog="ocop", description="Công cụ quản lý trang thông tin sản phẩm OCOP.")
    main.add_argument("--config", "-f", default="mkdocs.yml", metavar="TỆP", help="tệp cấu hình (mặc định: mkdocs.yml)")
    commands = main.add_subparsers(dest="command", required=True, metavar="LỆNH")
    for command in COMMANDS:
        command.add_parser(commands)
    return main


def main(argv: list[str] | None = None) -> int:
    # Material's English end-of-life box on every build says nothing to the officer (README.md: the plan).
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # Windows consoles may not default to UTF-8; Vietnamese messages must still print.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args = parser().parse_args(argv)
    if getattr(args, "needs_config", True) and not Path(args.config).is_file():
        print(f"Không thấy tệp cấu hình {args.config}: hãy chạy lệnh trong thư mục của trang web.", file=sys.stderr)
        return 2
    try:
        return args.run(args)
    except KeyboardInterrupt:  # whatever was under way has been undone or left as it was (publish.py, codes)
        print(INTERRUPTED, file=sys.stderr)
        return 130
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except LabelError as error:
        print(f"Không tạo được nhãn: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
