"""The targets of the commune's OCOP plan, kept as data in `products/_ke-hoach.yml`.

A target either keeps named products at a number of stars (`keep:`), or asks for a number of new
products reaching that many stars within the plan's year (`new:`). `ocop report` measures progress
against them; `ocop check` checks the file like any other, naming file, line and field.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator, model_validator

from .entries import Catalogue
from .errors import DataError, Problem, did_you_mean
from .fields import LongText, Model, Slug, Text, vietnamese_first
from .reader import read_yaml
from .validate import validate

PLAN_FILE = "_ke-hoach.yml"


class Target(Model):
    """Một mục tiêu của kế hoạch: giữ các sản phẩm đã đạt (keep) hoặc có thêm sản phẩm mới (new)."""

    title: Text = Field(title="Mục tiêu", description="Như ghi trong kế hoạch")
    stars: Annotated[int, Field(ge=3, le=5, strict=True)] = Field(
        3, title="Số sao cần đạt (từ 3 sao)", description="3, 4 hoặc 5 sao"
    )
    keep: list[Slug] = Field(
        default_factory=list, title="Sản phẩm cần duy trì", description="Địa chỉ trang (slug) của từng sản phẩm"
    )
    new: Annotated[int, Field(ge=1, strict=True)] | None = Field(
        None, title="Số sản phẩm mới cần đạt", description="Được công nhận trong năm của kế hoạch"
    )

    @model_validator(mode="after")
    def _one_kind(self) -> Target:
        if bool(self.keep) == (self.new is not None):
            raise ValueError("mỗi mục tiêu ghi một trong hai: 'keep' (các sản phẩm cần duy trì) hoặc 'new' (số sản phẩm mới)")
        return self


class PlanEnglish(Model):
    """Bản tiếng Anh của các đoạn kế hoạch hiện trên trang (trang /en/where-to-buy/, /en/fairs/)."""

    sales_system: LongText | None = Field(None, title="Hệ thống bán sản phẩm (tiếng Anh)", description="Bản dịch đúng nghĩa")
    trade_promotion: LongText | None = Field(None, title="Xúc tiến thương mại (tiếng Anh)", description="Bản dịch đúng nghĩa")


class Plan(Model):
    """Kế hoạch OCOP của xã trong một năm: các mục tiêu để đối chiếu tiến độ (lệnh `ocop report`)."""

    title: Text = Field(title="Tên kế hoạch", description="Tên kế hoạch, như trong văn bản của UBND xã")
    year: Annotated[int, Field(ge=2018, le=2100, strict=True)] = Field(
        title="Năm của kế hoạch", description="Năm thực hiện kế hoạch, ví dụ 2025"
    )
    targets: list[Target] = Field(
        default_factory=list,
        title="Các mục tiêu",
        description="Mỗi mục tiêu ghi các sản phẩm cần duy trì, hoặc số sản phẩm mới cần đạt; kế hoạch năm mới chưa có mục tiêu thì để trống",
    )
    sales_system: LongText | None = Field(
        None,
        title="Hệ thống giới thiệu và bán sản phẩm",
        description="Đoạn kế hoạch nói về hệ thống giới thiệu, bán sản phẩm OCOP, in trên trang Mua ở đâu; bỏ trống thì trang không có mục này",
    )
    trade_promotion: LongText | None = Field(
        None,
        title="Xúc tiến thương mại",
        description="Câu kế hoạch nói về hội chợ, xúc tiến thương mại, in trên trang Hội chợ, triển lãm; bỏ trống thì trang không ghi",
    )
    en: PlanEnglish | None = Field(None, title="Tiếng Anh", description="Bản dịch tiếng Anh cho trang /en/")

    _english = field_validator("en")(vietnamese_first)


def load_plan(products_dir: Path, catalogue: Catalogue, display_root: Path) -> Plan | None:
    """The plan file, checked against the catalogue; None when the commune keeps no plan file."""
    path = Path(products_dir) / PLAN_FILE
    if not path.is_file():
        return None
    try:
        shown = path.resolve().relative_to(Path(display_root).resolve()).as_posix()
    except ValueError:
        shown = path.as_posix()
    document, problems = read_yaml(path, shown)
    if document is None:
        raise DataError(problems)
    plan, problems = validate(Plan, document)
    if plan is None:
        raise DataError(problems)
    for index, target in enumerate(plan.targets):
        for position, slug in enumerate(target.keep):
            if slug not in catalogue.products:
                problems.append(
                    Problem(
                        shown,
                        document.line_of(("targets", index, "keep", position)),
                        f"targets[{index}].keep[{position}]",
                        f"không có sản phẩm có địa chỉ trang '{slug}' trong products/"
                        + did_you_mean(slug, sorted(catalogue.products), "các sản phẩm hiện có"),
                    )
                )
    if problems:
        raise DataError(problems)
    return plan
