"""A pydantic model → the editor's form fields (ops/editor_fields.py): the widget each type gets, what is
required, the choices, the English block last. Fast tier: in-process, no browser."""
from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from ocop.ops.editor_fields import LONG_TEXT, model_fields


class Loai(str, Enum):
    MOT = "một"
    HAI = "hai"


class Anh(BaseModel):
    file: str = Field(title="Tệp ảnh", description="Tên tệp ảnh thử nghiệm")


class TiengAnh(BaseModel):
    name: str | None = Field(None, title="Tên tiếng Anh")


class ViDu(BaseModel):
    """A made-up model with one field of each kind the data models use."""

    en: TiengAnh | None = Field(None, title="Tiếng Anh")
    name: str = Field(title="Tên", description="Tên thử nghiệm")
    story: Annotated[str, StringConstraints(max_length=LONG_TEXT + 1)] | None = Field(None, title="Câu chuyện")
    day: dt.date | None = Field(None, title="Ngày")
    kind: Loai = Field(title="Loại")
    photos: list[Anh] = Field(default_factory=list, title="Ảnh")
    tags: list[str] = Field(default_factory=list, title="Nhãn")
    sold: bool = Field(False, title="Đang bán")
    count: int | None = Field(None, title="Số lượng")
    price: float | None = Field(None, title="Giá")


def by_name(fields: list[dict]) -> dict[str, dict]:
    return {field["name"]: field for field in fields}


def test_each_type_gets_its_widget_and_only_the_required_are_required():
    fields = model_fields(ViDu)
    assert [field["name"] for field in fields][-1] == "en"  # the English block last
    found = by_name(fields)
    assert found["name"] == {"name": "name", "label": "Tên", "widget": "string", "hint": "Tên thử nghiệm", "required": True}
    assert found["story"]["widget"] == "text" and found["story"]["required"] is False
    assert found["day"] == {
        "name": "day", "label": "Ngày", "widget": "datetime", "type": "date", "format": "YYYY-MM-DD",
        "time_format": False, "required": False,
    }
    assert found["kind"]["widget"] == "select" and found["kind"]["options"] == ["một", "hai"] and found["kind"]["required"]
    assert found["photos"]["widget"] == "list" and by_name(found["photos"]["fields"])["file"]["hint"] == "Tên tệp ảnh thử nghiệm"
    assert found["tags"]["field"]["widget"] == "string"
    assert found["sold"]["widget"] == "boolean"
    assert (found["count"]["value_type"], found["price"]["value_type"]) == ("int", "float")
    assert found["en"]["widget"] == "object" and [f["name"] for f in found["en"]["fields"]] == ["name"]


def test_an_override_with_another_widget_drops_the_type_s_options():
    found = by_name(model_fields(ViDu, {"count": {"widget": "select", "options": [1, 2]}, "name": {"readonly": True}}))
    assert found["count"] == {"name": "count", "label": "Số lượng", "required": False, "widget": "select", "options": [1, 2]}
    assert found["name"]["readonly"] is True and found["name"]["widget"] == "string"
