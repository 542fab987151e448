"""What every model of the data files is made of: the strict base `Model`, the kinds of field (text,
address, slug, phone, web address, short code, day), the photo, and the checks several models share
(a day not after the build day, a date after another, English only beside its Vietnamese original).
The models themselves, one module a concept: producer.py, product.py, commune.py, outlet.py, fair.py."""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    model_validator,
)

from .dates import parse_day

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


Date = Annotated[dt.date, BeforeValidator(parse_day)]


def vietnamese_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def not_after_today(day: dt.date | None, info: ValidationInfo, what: str) -> dt.date | None:
    """A day that has not come yet cannot be a decision's or a production's: most likely a mistyped year.

    "Today" is the build day (`dates.build_date`), given by the catalogue as the validation context;
    without it (a model checked alone) nothing is compared."""
    today = (info.context or {}).get("today")
    if day is not None and today is not None and day > today:
        raise ValueError(
            f"{what} {vietnamese_date(day)} là ngày chưa tới (hôm nay là {vietnamese_date(today)}): hãy kiểm tra lại ngày, tháng, năm"
        )
    return day


def later_than(earlier: str, message: str, same_day: bool = False):
    """A validator of a date field that must come after the field `earlier` (declared before it), so
    that the mistake is reported on the later date's own line."""

    def check(day: dt.date | None, info: ValidationInfo) -> dt.date | None:
        first = info.data.get(earlier)
        if day is not None and first is not None and (day < first if same_day else day <= first):
            raise ValueError(message)
        return day

    return check


Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=20000)]
SLUG_MAX = 80
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=SLUG_MAX)]


def _as_list(value: Any) -> Any:
    """A single text where a list is expected is a list of one: `warnings: Chứa cá` reads naturally."""
    return [value] if isinstance(value, str) else value


def items_may_be_text(schema: dict) -> None:
    """In the JSON Schema, let each item of a list be written as plain text too (as the loader allows)."""
    schema["items"] = {"anyOf": [schema["items"], {"type": "string"}]}


def _may_be_text(schema: dict) -> None:
    """In the JSON Schema, let a list be written as one plain text too (as the loader allows)."""
    schema["anyOf"] = [{"type": schema.pop("type"), "items": schema.pop("items")}, {"type": "string"}]


TextList = Annotated[list[Text], BeforeValidator(_as_list), Field(json_schema_extra=_may_be_text)]


def _no_leading_zero_lost(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError('YAML đọc giá trị này thành có/không: hãy đặt mã trong dấu nháy, ví dụ code: "NO"')
    if isinstance(value, int):
        raise ValueError("số điện thoại phải đặt trong dấu nháy, ví dụ \"0912 345 678\", để giữ số 0 ở đầu")
    return value


def _phone_digits(value: str) -> str:
    if not re.fullmatch(r"\+?[0-9 .()-]{8,20}", value):
        raise ValueError(f"số điện thoại không hợp lệ: {value}")
    return value


Phone = Annotated[str, BeforeValidator(_no_leading_zero_lost), AfterValidator(_phone_digits)]


def web_address(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s<>\"']+", value):
        raise ValueError(f"địa chỉ web phải bắt đầu bằng http:// hoặc https://: {value}")
    return value


WebAddress = Annotated[str, AfterValidator(web_address)]


CODE_PATTERN = r"^[A-Z0-9]{1,8}$"
CODE_MAX = 8


def _short_code(value: Any) -> Any:
    """Say exactly what is wrong with a short code: it is printed on packaging and typed by people."""
    if isinstance(value, bool):
        raise ValueError('YAML đọc giá trị này thành có/không: hãy đặt mã trong dấu nháy, ví dụ code: "NO"')
    if isinstance(value, int):
        raise ValueError(f'mã chỉ gồm chữ số phải đặt trong dấu nháy, ví dụ "{value}"')
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not text:
        raise ValueError("mã không được để trống (bỏ hẳn dòng code: để lệnh ocop tự cấp mã)")
    if len(text) > CODE_MAX:
        raise ValueError(f"mã dài {len(text)} ký tự, tối đa {CODE_MAX} (mã ngắn thì mã QR nhỏ)")
    if text != text.upper() and re.fullmatch(r"[A-Za-z0-9]+", text):
        raise ValueError(f"mã phải viết IN HOA: {text.upper()} (không phải {text})")
    if not re.fullmatch(r"[A-Za-z0-9]+", text):
        raise ValueError("mã chỉ gồm chữ cái A–Z không dấu và chữ số 0–9, không có dấu cách hay dấu '-'")
    return text


ShortCode = Annotated[str, StringConstraints(pattern=CODE_PATTERN), BeforeValidator(_short_code)]


def vietnamese_first(english: BaseModel | None, info: ValidationInfo) -> BaseModel | None:
    """An English text needs its Vietnamese original: the site is Vietnamese first, English a translation.

    Used on each `en` field, declared after the Vietnamese fields so that they are already validated."""
    if english is not None:
        for name in english.model_fields_set:
            if name in info.data and not info.data[name]:
                raise ValueError(
                    f"có bản tiếng Anh (en.{name}) nhưng chưa có bản tiếng Việt: hãy ghi trường '{name}' trước"
                )
    return english


class PhotoEnglish(Model):
    alt: Text | None = Field(
        None, title="Mô tả ảnh bằng tiếng Anh", description="Bản dịch đúng nghĩa của mô tả ảnh, cho trang tiếng Anh"
    )


class Photo(Model):
    """Ảnh: tên tệp đặt cạnh tệp YAML, và mô tả ngắn cho người không xem được ảnh."""

    file: Annotated[str, StringConstraints(min_length=1, max_length=200)] = Field(
        title="Tệp ảnh",
        description="Ảnh JPG, PNG hoặc WebP trên máy: tệp nằm cùng thư mục với tệp dữ liệu (trình soạn thảo tự chép vào)",
    )
    alt: Text | None = Field(None, title="Mô tả ảnh", description="Mô tả ngắn nội dung ảnh, cho người khiếm thị")
    en: PhotoEnglish | None = Field(None, title="Tiếng Anh", description="Mô tả ảnh bằng tiếng Anh cho trang /en/")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"file": value} if isinstance(value, str) else value
