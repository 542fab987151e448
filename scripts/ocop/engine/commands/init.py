"""`ocop init THƯ_MỤC`: a new commune's site folder (ops/init.py); the questions the options leave
out are asked in Vietnamese. The one command that reads no mkdocs.yml: it makes one."""
from __future__ import annotations

import sys
from pathlib import Path

from ...model.dates import build_date
from ...model.places import check_domain, suggest_host
from ...ops.init import (
    InitError,
    NewSite,
    commune_name,
    domain_lines,
    engine_requirement,
    first_commit,
    problems_of,
    province_name,
    refuse_full,
    starter_files,
    write_site,
)

ASKED = {
    "commune": ("Tên xã, phường hoặc đặc khu hiện nay (ví dụ: Hương Sơn, Phường 7): ", 'Thiếu tên xã: ghi --commune "Tên xã"'),
    "province": ("Tỉnh hoặc thành phố (ví dụ: Hà Tĩnh): ", 'Thiếu tên tỉnh: ghi --province "Tên tỉnh"'),
    "merged_from": (
        "Xã này được hợp nhất từ những xã cũ nào? Ghi tên, cách nhau bằng dấu phẩy; không có thì để trống: ",
        'Thiếu tên các xã cũ: ghi --merged-from "Tên xã cũ" (hoặc để trống)',
    ),
    "domain": ("Tên miền của trang [{suggested}]: ", "Thiếu tên miền: ghi --domain tenxa.tentinh.gov.vn"),
}


def add_parser(commands) -> None:
    init = commands.add_parser("init", help="tạo thư mục trang OCOP mới cho một xã (hỏi tên xã, tỉnh, tên miền)")
    init.add_argument("folder", metavar="THƯ_MỤC", help="thư mục mới (trống hoặc chưa có)")
    init.add_argument("--commune", metavar="TÊN", help="tên xã hiện nay, không ghi chữ 'xã', ví dụ \"Hương Sơn\"")
    init.add_argument("--province", metavar="TÊN", help="tên tỉnh, không ghi chữ 'tỉnh', ví dụ \"Hà Tĩnh\"")
    init.add_argument("--domain", metavar="TÊN_MIỀN", help="tên miền của trang, ví dụ huongson.hatinh.gov.vn")
    init.add_argument("--merged-from", action="append", metavar="TÊN", help="một xã cũ hợp thành xã này (ghi nhiều lần, hoặc cách nhau bằng dấu phẩy)")
    init.add_argument("--no-git", action="store_true", help="không tạo kho Git và phiên bản đầu")
    init.set_defaults(run=run, needs_config=False)


def run(args) -> int:
    folder = Path(args.folder)
    try:
        refuse_full(folder)  # before any question: nothing to ask for a folder that cannot be used
        site = _answers(args)
        problems = problems_of(site)
        if problems:
            raise InitError("Chưa tạo trang: " + "; ".join(problems))
        files = starter_files(site, engine_requirement(), build_date().year)
        print(f"Sẽ tạo trang OCOP của {site.xa}, {site.tinh} tại {folder}/")
        print(f"  Địa chỉ trang: https://{site.domain}/")
        for line in domain_lines(site):
            print(f"  {line}")
        print('  Các tệp in có dấu "MẪU – chưa in" cho tới khi tên miền được xác nhận (domain_confirmed: true trong mkdocs.yml).')
        write_site(folder, files)
    except InitError as error:
        print(str(error), file=sys.stderr)
        return 2
    print(f"Đã tạo {len(files)} tệp trong {folder}/.")
    if not args.no_git:
        print(first_commit(folder, site))
    print(f"Xem trước: cd {folder} rồi chạy ocop serve (mở http://127.0.0.1:8000). Hướng dẫn: /huong-dan/ của trang.")
    return 0


def _answers(args) -> NewSite:
    """The options, with each missing one asked for (the former communes only in a run that asks)."""
    interactive = not (args.commune and args.province and args.domain)
    commune = commune_name(args.commune or _ask("commune"))
    province = province_name(args.province or _ask("province"))
    merged = args.merged_from or ([_ask("merged_from")] if interactive else [])
    formers = tuple(commune_name(name) for text in merged for name in text.split(",") if name.strip())
    suggested = suggest_host(commune, province)
    domain = check_domain(args.domain or _ask("domain", suggested=suggested) or suggested).host
    return NewSite(commune, province, domain, formers)


def _ask(key: str, **values) -> str:
    question, missing = ASKED[key]
    try:
        return input(question.format(**values)).strip()
    except EOFError:
        raise InitError(missing) from None
