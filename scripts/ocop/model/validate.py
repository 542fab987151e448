"""Turn a read Document into a model, translating pydantic's errors into Vietnamese Problems."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from slugify import slugify

from .errors import Problem, did_you_mean
from .reader import Document, field_name

M = TypeVar("M", bound=BaseModel)

_MESSAGES = {
    "missing": "thiếu trường bắt buộc",
    "string_type": "phải là văn bản",
    "string_too_short": "không được để trống",
    "string_too_long": "quá dài (tối đa {max_length} ký tự)",
    "string_pattern_mismatch": "sai dạng",
    "int_type": "phải là số nguyên",
    "int_parsing": "phải là số nguyên",
    "int_from_float": "phải là số nguyên, không có phần thập phân",
    "float_type": "phải là số",
    "float_parsing": "phải là số",
    "bool_type": "phải là có/không (true/false)",
    "bool_parsing": "phải là có/không (true/false)",
    "date_type": "phải là ngày (31/05/2024 hoặc 2024-05-31)",
    "date_parsing": "phải là ngày (31/05/2024 hoặc 2024-05-31)",
    "date_from_datetime_inexact": "chỉ ghi ngày, không ghi giờ",
    "list_type": "phải là một danh sách (mỗi mục một dòng bắt đầu bằng '- ')",
    "dict_type": "phải là một nhóm trường (dạng 'tên: giá trị' thụt lề bên dưới)",
    "model_type": "phải là một nhóm trường (dạng 'tên: giá trị' thụt lề bên dưới)",
    "model_attributes_type": "phải là một nhóm trường (dạng 'tên: giá trị' thụt lề bên dưới)",
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge}",
    "greater_than": "phải lớn hơn {gt}",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le}",
    "less_than": "phải nhỏ hơn {lt}",
    "enum": "phải là một trong: {expected}",
    "literal_error": "phải là một trong: {expected}",
    "too_short": "cần ít nhất {min_length} mục",
    "too_long": "tối đa {max_length} mục",
}

_FIELD_HINTS = {
    "stars": "số sao là 3, 4 hoặc 5 (chỉ sản phẩm từ 3 sao được công nhận OCOP)",
    "slug": "chỉ dùng chữ thường không dấu, số và dấu '-', ví dụ: nuoc-mam-vi-du",
    "producer": "ghi tên thư mục của cơ sở, ví dụ: co-so-vi-du",
    "email": "ví dụ: ten@example.vn",
}


def validate(model: type[M], document: Document, today: dt.date | None = None) -> tuple[M | None, list[Problem]]:
    """`today`, when given, refuses dates that have not come yet (a decision, a production)."""
    try:
        return model.model_validate(document.data, context={"today": today}), []
    except ValidationError as error:
        problems = [_problem(model, document, detail) for detail in error.errors(include_url=False)]
        return None, problems


def _problem(model: type[BaseModel], document: Document, detail: dict[str, Any]) -> Problem:
    path = tuple(detail["loc"])
    if detail["type"] == "extra_forbidden":
        return Problem(document.file, document.line_of(path), field_name(path), _unknown_field(model, path))
    message = describe(detail, document.written.get(path))
    return Problem(document.file, document.line_of(path), field_name(path) or None, message)


def describe(detail: dict[str, Any], written: str | None = None) -> str:
    """One pydantic error in Vietnamese, quoting the value as the officer wrote it (`written`, when YAML
    read it as something else: a number, a date, yes/no)."""
    path = tuple(detail["loc"])
    kind = detail["type"]
    context = detail.get("ctx") or {}
    value = detail.get("input")
    if kind in ("value_error", "assertion_error"):
        message = str(context.get("error", detail["msg"]))
        if written is not None and not isinstance(value, str):
            # A validator quotes the value it was given: `"10"` for a code written 0012.
            message = message.replace(f'"{value}"', f'"{written}"')
    elif kind in _MESSAGES:
        # pydantic lists the allowed values as "'a', 'b' or 'c'": its "or" must not end a Vietnamese sentence.
        message = _MESSAGES[kind].format(
            **{key: re.sub(r"' or '", "' hoặc '", item) if isinstance(item, str) else item for key, item in context.items()}
        )
    else:  # pydantic's own words would be English
        message = "giá trị không hợp lệ"
    leaf = next((part for part in reversed(path) if isinstance(part, str)), None)
    if kind in ("string_pattern_mismatch", "greater_than_equal", "less_than_equal", "int_type") and leaf in _FIELD_HINTS:
        message += f": {_FIELD_HINTS[leaf]}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        message += _thousands_hint(written if written is not None else value)
    if kind != "missing" and "input" in detail and not isinstance(value, (dict, list)):
        message += f" ({_shown_input(value, written)})"
    return message


def _thousands_hint(value: Any) -> str:
    """`50.000` (read by YAML as 50.0), `1.500.000`, `50,000`: the Vietnamese way of grouping thousands."""
    if isinstance(value, str) and re.fullmatch(r"\d{1,3}([.,\s]\d{3})+", value.strip()):
        return f"; viết {re.sub(r'[^0-9]', '', value)}, không dùng dấu chấm hay dấu phẩy ngăn cách hàng nghìn"
    return ""


def _shown_input(value: Any, written: str | None = None) -> str:
    """What the officer wrote, as they would recognise it (not Python's True, None, nor YAML's reading)."""
    if value is None:
        return "đang để trống"
    if written is not None:
        text = written
    elif isinstance(value, bool):
        return f"đang ghi {'yes/true' if value else 'no/false'}"
    else:
        text = repr(value)
    return f"đang ghi: {text if len(text) <= 60 else text[:57] + '…'}"


# Field names an officer may write in Vietnamese (without diacritics) → the field meant.
_VIETNAMESE_NAMES = {
    "ten": "name", "ten_san_pham": "name", "ten_co_so": "name", "loai_hinh": "kind", "nguoi_dai_dien": "representative",
    "dia_chi": "address", "dien_thoai": "phone", "so_dien_thoai": "phone", "mo_ta": "summary", "gioi_thieu": "description",
    "anh": "photos", "hinh_anh": "photos", "nganh": "group", "nganh_hang": "group", "co_so": "producer",
    "chung_nhan": "certification", "sao": "stars", "so_sao": "stars", "ngay": "date", "gia": "price",
    "thanh_phan": "ingredients", "bao_quan": "storage", "han_su_dung": "shelf_life", "cau_chuyen": "story",
    "canh_bao": "warnings", "cach_dung": "usage", "lo": "batches", "lo_san_xuat": "batches", "ma": "code",
}


def _unknown_field(model: type[BaseModel], path: tuple) -> str:
    """Name the field the officer probably meant: `stras` → `stars`, `tên` → `name`."""
    known = _fields_at(model, path[:-1])
    message = f"không có trường '{path[-1]}'"
    meant = _VIETNAMESE_NAMES.get(slugify(str(path[-1]), separator="_"))
    if meant in known:
        return message + f"; tên trường viết bằng tiếng Anh: có phải ý bạn là '{meant}'?"
    return message + did_you_mean(str(path[-1]), known, "các trường được dùng")


def _fields_at(model: type[BaseModel], path: tuple) -> list[str]:
    """The field names of the (nested) model that `path` points into."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if isinstance(current, type) and issubclass(current, BaseModel) else None
        if field is None:
            return []
        current = _model_in(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _model_in(annotation: Any) -> Any:
    """Find the BaseModel inside `X | None`, `list[X]` and the like."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in getattr(annotation, "__args__", ()) or ():
        found = _model_in(argument)
        if found is not None:
            return found
    return None
