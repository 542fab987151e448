"""`ocop check`: the data read and checked, counted, and every warning listed."""
from __future__ import annotations

import sys
from pathlib import Path

from ...model.places import display
from ...model.plan import PLAN_FILE
from ...ops.schema import stale_schemas
from .loading import load, strays


def add_parser(commands) -> None:
    commands.add_parser("check", help="kiểm tra dữ liệu sản phẩm và cơ sở").set_defaults(run=run)


def run(args) -> int:
    project = load(args.config)
    catalogue = project.catalogue
    plan = project.plan
    print(f"Dữ liệu hợp lệ: {len(catalogue.producers)} cơ sở, {len(catalogue.products)} sản phẩm.")
    if plan is not None:
        print(f"Kế hoạch ({PLAN_FILE}): {len(plan.targets)} mục tiêu năm {plan.year}.")
    if project.news is not None:
        drafts = sum(1 for post in project.news.posts if not post.published)
        print(f"Tin tức: {len(project.news.posts) - drafts} bài đăng, {drafts} bản nháp.")
    print(f"Mua ở đâu: {len(catalogue.outlets)} điểm bán, {len(catalogue.fairs)} hội chợ, triển lãm.")
    warnings = list(catalogue.warnings)
    commune = project.settings.commune
    if commune is not None and not commune.report_channel:
        # Only here, not in the (strict) build: the pages still say whom to ask in person.
        warnings.append(
            f"{Path(args.config).name}: mục extra: commune: chưa có phone, zalo, email hay office_address của "
            f"Ủy ban nhân dân {display(commune.merged_into or commune.name)}: trang sản phẩm không có số điện thoại hay "
            "địa chỉ để người mua báo hàng giả, chỉ khuyên họ hỏi tại trụ sở Ủy ban."
        )
    warnings += strays(args.config) + stale_schemas(project.products_dir)
    if warnings:
        print(f"Có {len(warnings)} cảnh báo (trang web vẫn được tạo, nhưng hãy kiểm tra lại):", file=sys.stderr)
        for warning in warnings:
            print(f"  - {warning}", file=sys.stderr)
    return 0
