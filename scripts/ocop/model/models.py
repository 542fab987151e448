"""Typed, validated models of the domain: producer, product, certification, photo.

Field names are short English words (they are what the officer types in YAML, with the JSON Schema
completing them in the editor); titles and descriptions are Vietnamese, for the schema and the guide.
Unknown fields are errors, so a typo such as ``stras:`` never silently drops a value.
"""
from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from .dates import parse_day

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


Date = Annotated[dt.date, BeforeValidator(parse_day)]


def vietnamese_date(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _not_after_today(day: dt.date | None, info: ValidationInfo, what: str) -> dt.date | None:
    """A day that has not come yet cannot be a decision's or a production's: most likely a mistyped year.

    "Today" is the build day (`dates.build_date`), given by the catalogue as the validation context;
    without it (a model checked alone) nothing is compared."""
    today = (info.context or {}).get("today")
    if day is not None and today is not None and day > today:
        raise ValueError(
            f"{what} {vietnamese_date(day)} là ngày chưa tới (hôm nay là {vietnamese_date(today)}): hãy kiểm tra lại ngày, tháng, năm"
        )
    return day


def _after(earlier: str, message: str, same_day: bool = False):
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


def _items_may_be_text(schema: dict) -> None:
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
def _vietnamese_first(english: BaseModel | None, info: ValidationInfo) -> BaseModel | None:
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


class Address(Model):
    village: Text | None = Field(None, title="Thôn, xóm", description="Thôn, xóm hoặc số nhà, đường")
    commune: Text | None = Field(None, title="Xã, phường", description="Xã hoặc phường theo địa chỉ hiện nay")
    district: Text | None = Field(
        None,
        title="Huyện (chỉ với địa chỉ trước 1/7/2025)",
        description="Chỉ ghi khi chép địa chỉ cũ: từ 1/7/2025 không còn cấp huyện",
    )
    province: Text | None = Field(None, title="Tỉnh, thành phố", description="Ví dụ: Thanh Hóa")

    def __str__(self) -> str:
        return ", ".join(part for part in (self.village, self.commune, self.district, self.province) if part)


class Location(Model):
    lat: float = Field(ge=-90, le=90, title="Vĩ độ", description="Số đầu của tọa độ chép từ Google Maps, ví dụ 19.0")
    lon: float = Field(
        ge=-180, le=180, title="Kinh độ", description="Số thứ hai của tọa độ chép từ Google Maps, ví dụ 105.0"
    )


class ProducerKind(str, Enum):
    doanh_nghiep = "doanh nghiệp"
    hop_tac_xa = "hợp tác xã"
    to_hop_tac = "tổ hợp tác"
    ho_san_xuat = "hộ sản xuất kinh doanh"
    chua_ro = "chưa rõ"


class ProducerEnglish(Model):
    """Bản tiếng Anh cho khách du lịch (trang /en/producers/…): chỉ ghi bản dịch đúng nghĩa của bản tiếng Việt."""

    name: Text | None = Field(None, title="Tên tiếng Anh", description="Bỏ trống: trang tiếng Anh dùng tên tiếng Việt")
    description: LongText | None = Field(
        None,
        title="Giới thiệu bằng tiếng Anh",
        description="Bản dịch đúng nghĩa phần Giới thiệu; một dòng trống tách hai đoạn",
    )


class Producer(Model):
    """Chủ thể OCOP: doanh nghiệp, hợp tác xã, tổ hợp tác hoặc hộ sản xuất kinh doanh làm ra sản phẩm."""

    name: Text = Field(
        title="Tên cơ sở / chủ thể",
        description="Tên cơ sở, chủ thể OCOP, như trên giấy đăng ký kinh doanh hoặc bao bì",
    )
    kind: ProducerKind = Field(
        title="Loại hình",
        description="doanh nghiệp, hợp tác xã, tổ hợp tác, hộ sản xuất kinh doanh; "
        "'chưa rõ' khi chưa có thông tin (trang web khi đó không ghi loại hình)",
    )
    representative: Text | None = Field(
        None, title="Người đại diện", description="Họ và tên người đại diện của cơ sở"
    )
    address: Address | None = Field(
        None, title="Địa chỉ hiện nay", description="Địa chỉ hiện nay (sau sắp xếp đơn vị hành chính ngày 1/7/2025)"
    )
    former_address: Text | None = Field(
        None, title="Địa chỉ cũ", description="Địa chỉ trước 1/7/2025 nếu bao bì còn in địa chỉ này"
    )
    phone: Phone | None = Field(
        None, title="Điện thoại", description="Số điện thoại liên hệ của cơ sở, ghi cả số 0 ở đầu"
    )
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")] | None = Field(
        None, title="Thư điện tử", description="Địa chỉ thư điện tử liên hệ, ví dụ ten@example.vn"
    )
    zalo: Phone | None = Field(
        None, title="Số Zalo", description="Số điện thoại dùng Zalo của cơ sở, ghi cả số 0 ở đầu"
    )
    website: WebAddress | None = Field(
        None, title="Trang web", description="Trang web hoặc trang Facebook của cơ sở, bắt đầu bằng https://"
    )
    location: Location | None = Field(
        None, title="Tọa độ trên bản đồ", description="Tọa độ trên bản đồ (vĩ độ, kinh độ), chép từ Google Maps"
    )
    description: LongText | None = Field(
        None, title="Giới thiệu", description="Giới thiệu cơ sở; một dòng trống tách hai đoạn"
    )
    photos: list[Photo] = Field(
        default_factory=list,
        title="Ảnh",
        description="Ảnh xưởng, vùng nguyên liệu…: tệp ảnh nằm trong thư mục của cơ sở; trang web tự thu nhỏ ảnh",
        json_schema_extra=_items_may_be_text,
    )
    verified: Date | None = Field(
        None,
        title="Thông tin xác nhận đến ngày",
        description="Ngày thông tin trong tệp này được kiểm tra lần cuối (31/05/2025 hoặc 2025-05-31): "
        "trang ghi 'Thông tin tính đến ngày …' theo ngày này; bỏ trống thì lấy ngày lưu (commit) tệp lần cuối",
    )
    en: ProducerEnglish | None = Field(None, title="Tiếng Anh", description="Bản dịch tiếng Anh cho trang /en/")

    _english = field_validator("en")(_vietnamese_first)


class Certification(Model):
    """Quyết định công nhận sản phẩm OCOP (hoặc `candidate`: sản phẩm đang chuẩn bị đánh giá)."""

    candidate: bool = Field(
        False,
        title="Đang chuẩn bị đánh giá (chưa được công nhận)",
        description="Bật khi sản phẩm đang chuẩn bị hồ sơ đánh giá, chưa có quyết định: khi đó không ghi số sao",
    )
    stars: Annotated[int, Field(ge=3, le=5, strict=True)] | None = Field(
        None, title="Số sao", description="3, 4 hoặc 5: chỉ sản phẩm từ 3 sao được công nhận OCOP"
    )
    score: Annotated[int, Field(ge=0, le=100, strict=True)] | None = Field(
        None,
        title="Điểm đánh giá (trên 100)",
        description="Điểm đánh giá theo thang 100, như ghi trong kết quả đánh giá (nếu có)",
    )
    decision: Text | None = Field(None, title="Số quyết định", description="Ví dụ: 1234/QĐ-UBND")
    date: Date | None = Field(
        None,
        title="Ngày quyết định",
        description="Ngày ký quyết định công nhận; chứng nhận có giá trị 36 tháng từ ngày này",
    )
    issuer: Text | None = Field(None, title="Cơ quan cấp", description="Ví dụ: UBND tỉnh Thanh Hóa")
    valid_until: Date | None = Field(None, title="Hiệu lực đến", description="Bỏ trống: 36 tháng kể từ ngày quyết định")

    @model_validator(mode="before")
    @classmethod
    def _candidate_word(cls, value: Any) -> Any:
        return {"candidate": True} if value == "candidate" else value

    @field_validator("date")
    @classmethod
    def _decided_by_today(cls, day: dt.date | None, info: ValidationInfo) -> dt.date | None:
        return _not_after_today(day, info, "ngày quyết định")

    _valid_after_decision = field_validator("valid_until")(_after("date", "ngày hết hiệu lực phải sau ngày quyết định"))

    @model_validator(mode="after")
    def _stars_or_candidate(self) -> Certification:
        if self.candidate and self.stars is not None:
            raise ValueError("sản phẩm đang chuẩn bị (candidate) thì chưa có số sao")
        if not self.candidate and self.stars is None:
            raise ValueError("thiếu số sao (stars: 3, 4 hoặc 5), hoặc ghi 'candidate: true' nếu sản phẩm đang chuẩn bị hồ sơ")
        return self


BATCH_CODE_PATTERN = r"^[A-Z0-9]{1,20}$"


def _batch_code(value: str) -> str:
    if not re.fullmatch(BATCH_CODE_PATTERN, value):
        raise ValueError(
            "mã lô chỉ gồm chữ IN HOA không dấu và chữ số, tối đa 20 ký tự, ví dụ L2406A "
            "(để mã QR của lô nhỏ gọn)"
        )
    return value


class Batch(Model):
    """Một lô sản xuất: có trang và mã QR riêng, với thông tin truy xuất nguồn gốc của lô."""

    code: Annotated[str, AfterValidator(_batch_code)] = Field(
        title="Mã lô",
        description="Như in trên bao bì: chữ IN HOA không dấu và số, tối đa 20 ký tự (ví dụ L2406A)",
        json_schema_extra={"pattern": BATCH_CODE_PATTERN},
    )
    produced: Date = Field(title="Ngày sản xuất", description="Ngày sản xuất của lô, như in trên bao bì")
    expires: Date | None = Field(None, title="Hạn sử dụng", description="Ngày cuối cùng được dùng sản phẩm của lô")
    raw_material: Text | None = Field(None, title="Nguồn gốc nguyên liệu", description="Ví dụ: cá cơm đánh bắt ở vùng biển …")
    notes: LongText | None = Field(None, title="Ghi chú", description="Ghi chú thêm về lô này (nếu có)")

    @field_validator("produced")
    @classmethod
    def _produced_by_today(cls, day: dt.date, info: ValidationInfo) -> dt.date:
        return _not_after_today(day, info, "ngày sản xuất")

    _expires_after_production = field_validator("expires")(_after("produced", "hạn sử dụng phải sau ngày sản xuất"))

    def is_expired(self, today: dt.date) -> bool:
        """The batch may be used up to and including its expiry date."""
        return self.expires is not None and today > self.expires


def _unique_batch_codes(batches: list[Batch]) -> list[Batch]:
    seen: set[str] = set()
    for batch in batches:
        if batch.code in seen:
            raise ValueError(f"mã lô {batch.code} được ghi hai lần: mỗi lô một mã riêng")
        seen.add(batch.code)
    return batches


class Price(Model):
    min: Annotated[int, Field(gt=0, strict=True)] = Field(
        title="Giá thấp nhất (đồng)", description="Chỉ ghi số, không dấu chấm, ví dụ 50000"
    )
    max: Annotated[int, Field(gt=0, strict=True)] | None = Field(
        None, title="Giá cao nhất (đồng)", description="Chỉ ghi số; bỏ trống nếu chỉ có một giá"
    )
    per: Text | None = Field(None, title="Cho đơn vị", description="Ví dụ: chai 500 ml")

    @model_validator(mode="after")
    def _ordered(self) -> Price:
        if self.max is not None and self.max < self.min:
            raise ValueError("giá cao nhất phải lớn hơn hoặc bằng giá thấp nhất")
        return self


class Seller(Model):
    """Nơi bán sản phẩm, hiện ở mục "Mua ở đâu" của trang sản phẩm."""

    name: Text = Field(title="Tên nơi bán", description="Tên cửa hàng, quầy hoặc người bán")
    address: Text | None = Field(None, title="Địa chỉ", description="Địa chỉ nơi bán")
    phone: Phone | None = Field(None, title="Điện thoại", description="Số điện thoại của nơi bán, ghi cả số 0 ở đầu")
    url: WebAddress | None = Field(
        None, title="Trang web / gian hàng trực tuyến", description="Địa chỉ trang bán hàng, bắt đầu bằng https://"
    )
    note: Text | None = Field(None, title="Ghi chú", description="Ghi chú thêm về nơi bán (nếu có)")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value


class Retirement(Model):
    """Sản phẩm đã ngừng: trang vẫn còn (mã QR đã in không hỏng), ghi rõ ngày ngừng và cơ sở sản xuất."""

    date: Date = Field(title="Ngày ngừng sản xuất", description="Ngày cơ sở thôi làm sản phẩm này")
    note: Text | None = Field(None, title="Ghi chú", description="Ví dụ: cơ sở chuyển sang sản phẩm khác")
class ProductEnglish(Model):
    """Bản tiếng Anh cho khách du lịch (trang /en/products/…): chỉ ghi bản dịch đúng nghĩa của bản tiếng Việt.

    Trường nào bỏ trống thì trang tiếng Anh ghi rõ là chưa có bản dịch và hiện bản tiếng Việt."""

    name: Text | None = Field(None, title="Tên tiếng Anh", description="Ví dụ: Năm Quyền fish sauce")
    summary: Text | None = Field(
        None, title="Mô tả ngắn bằng tiếng Anh", description="Bản dịch đúng nghĩa của mô tả ngắn"
    )
    story: LongText | None = Field(
        None, title="Câu chuyện sản phẩm bằng tiếng Anh", description="Bản dịch đúng nghĩa của câu chuyện sản phẩm"
    )
    ingredients: TextList | None = Field(
        None,
        title="Thành phần bằng tiếng Anh",
        description="Bản dịch đúng nghĩa của thành phần, mỗi thành phần một mục",
    )
    net_quantity: Text | None = Field(
        None,
        title="Khối lượng / thể tích tịnh bằng tiếng Anh",
        description="Bản dịch của khối lượng / thể tích tịnh, ví dụ: 500 ml",
    )
    package_sizes: TextList | None = Field(
        None,
        title="Quy cách đóng gói bằng tiếng Anh",
        description="Bản dịch của quy cách đóng gói, ví dụ: 500 ml bottle",
    )
    shelf_life: Text | None = Field(
        None,
        title="Hạn sử dụng bằng tiếng Anh",
        description="Bản dịch của hạn sử dụng, ví dụ: 24 months from the production date",
    )
    storage: Text | None = Field(
        None, title="Bảo quản bằng tiếng Anh", description="Bản dịch đúng nghĩa của cách bảo quản"
    )
    usage: Text | None = Field(
        None, title="Hướng dẫn sử dụng bằng tiếng Anh", description="Bản dịch đúng nghĩa của hướng dẫn sử dụng"
    )
    warnings: TextList | None = Field(
        None, title="Cảnh báo bằng tiếng Anh", description="Bản dịch đúng nghĩa của cảnh báo, ví dụ: Contains fish."
    )


class Product(Model):
    """Một sản phẩm OCOP (hoặc sản phẩm đang chuẩn bị đánh giá), mỗi sản phẩm một tệp YAML."""

    name: Text = Field(title="Tên sản phẩm", description="Tên sản phẩm, như in trên bao bì")
    slug: Slug | None = Field(
        None,
        title="Địa chỉ trang",
        description="Phần cuối của địa chỉ /san-pham/…/ (chữ thường không dấu, nối bằng '-'): tạo từ tên khi thêm "
        "sản phẩm, mã QR đã in trỏ về đây nên không đổi, kể cả khi đổi tên",
    )
    code: ShortCode | None = Field(
        None,
        title="Mã ngắn in trên QR",
        description="Chữ IN HOA không dấu và số, tối đa 8 ký tự (ví dụ NM): mã QR in trên bao bì mở /Q/NM/. "
        "Đã in thì không đổi.",
    )
    producer: Slug = Field(
        title="Cơ sở sản xuất", description="Cơ sở làm ra sản phẩm: tên thư mục của cơ sở trong products/"
    )
    group: Text = Field(
        title="Ngành hàng OCOP",
        description="Ngành hàng của sản phẩm trong Chương trình OCOP (mã ngành, ví dụ: thuc-pham)",
    )
    subgroup: Text | None = Field(
        None, title="Phân nhóm", description="Phân nhóm trong ngành hàng, nếu có (mã phân nhóm, ví dụ: tuong-nuoc-mam)"
    )
    certification: Certification | None = Field(
        None,
        title="Chứng nhận OCOP",
        description="Số sao và quyết định công nhận; hoặc 'candidate' cho sản phẩm đang chuẩn bị",
        json_schema_extra=lambda schema: schema["anyOf"].insert(1, {"const": "candidate"}),
    )
    summary: Text | None = Field(
        None,
        title="Mô tả ngắn",
        description="Một câu giới thiệu: hiện dưới tên sản phẩm và khi chia sẻ trang lên Zalo, Facebook",
    )
    story: LongText | None = Field(
        None,
        title="Câu chuyện sản phẩm",
        description="Câu chuyện của sản phẩm, nhiều đoạn; một dòng trống tách hai đoạn",
    )
    ingredients: TextList = Field(
        default_factory=list, title="Thành phần", description="Thành phần, như ghi trên nhãn; mỗi thành phần một mục"
    )
    net_quantity: Text | None = Field(
        None,
        title="Khối lượng / thể tích tịnh",
        description="Khối lượng hoặc thể tích tịnh, như trên nhãn, ví dụ: 500 ml",
    )
    package_sizes: TextList = Field(
        default_factory=list, title="Quy cách đóng gói", description="Các cỡ đóng gói đang bán, ví dụ: Chai 500 ml"
    )
    price: Price | None = Field(None, title="Giá tham khảo", description="Giá bán tham khảo, bằng đồng")
    shelf_life: Text | None = Field(
        None, title="Hạn sử dụng", description="Như trên nhãn, ví dụ: 24 tháng kể từ ngày sản xuất"
    )
    storage: Text | None = Field(None, title="Bảo quản", description="Cách bảo quản, như trên nhãn")
    usage: Text | None = Field(None, title="Hướng dẫn sử dụng", description="Cách dùng, như trên nhãn")
    warnings: TextList = Field(
        default_factory=list,
        title="Cảnh báo, chất gây dị ứng",
        description="Cảnh báo và chất gây dị ứng như trên nhãn, ví dụ: Sản phẩm có chứa cá",
    )
    photos: list[Photo] = Field(
        default_factory=list,
        title="Ảnh",
        description="Ảnh chụp sản phẩm: tệp ảnh nằm cùng thư mục với tệp của sản phẩm; trang web tự thu nhỏ ảnh",
        json_schema_extra=_items_may_be_text,
    )
    where_to_buy: list[Seller] = Field(
        default_factory=list,
        title="Mua ở đâu",
        description="Nơi bán riêng của sản phẩm; nơi bày bán nhiều sản phẩm thì ghi một lần ở mục Điểm bán",
        json_schema_extra=_items_may_be_text,
    )
    batches: Annotated[list[Batch], AfterValidator(_unique_batch_codes)] = Field(
        default_factory=list, title="Lô sản xuất", description="Mỗi lô có trang và mã QR riêng"
    )
    retired: Retirement | None = Field(
        None,
        title="Đã ngừng sản xuất",
        description="Sản phẩm không còn sản xuất: trang và mã QR đã in vẫn mở được, trang ghi rõ đã ngừng. "
        "Đừng xoá tệp của sản phẩm đã in mã QR.",
    )
    verified: Date | None = Field(
        None,
        title="Thông tin xác nhận đến ngày",
        description="Ngày thông tin trong tệp này được kiểm tra lần cuối (31/05/2025 hoặc 2025-05-31): "
        "trang ghi 'Thông tin tính đến ngày …' theo ngày này; bỏ trống thì lấy ngày lưu (commit) tệp lần cuối",
    )
    en: ProductEnglish | None = Field(
        None, title="Tiếng Anh", description="Bản dịch tiếng Anh cho khách du lịch (trang /en/products/…)"
    )

    _english = field_validator("en")(_vietnamese_first)


class Commune(Model):
    """Thông tin về xã, ghi một lần trong mkdocs.yml (mục `extra: commune:`)."""

    name: Text = Field(
        title="Tên xã (tên dùng trong Chương trình OCOP)",
        description="Tên xã như ghi trong kế hoạch OCOP, ví dụ: Quảng Trung",
    )
    former_district: Text | None = Field(
        None, title="Huyện cũ (trước 1/7/2025)", description="Huyện của xã trước ngày 1/7/2025"
    )
    province: Text = Field(title="Tỉnh", description="Tỉnh của xã")
    merged_into: Text | None = Field(
        None,
        title="Xã mới sau sắp xếp đơn vị hành chính",
        description="Tên xã mới sau sắp xếp đơn vị hành chính (nếu có)",
    )
    merged_on: Date | None = Field(
        None, title="Ngày sắp xếp có hiệu lực", description="Ngày văn bản sắp xếp có hiệu lực"
    )
    merger_decision: Text | None = Field(
        None, title="Văn bản sắp xếp", description="Số và tên văn bản sắp xếp đơn vị hành chính"
    )
    phone: Phone | None = Field(
        None,
        title="Điện thoại liên hệ của UBND xã",
        description="Số điện thoại nhận phản ánh của người mua, ghi cả số 0 ở đầu",
    )
    zalo: Phone | None = Field(
        None, title="Số Zalo nhận phản ánh của UBND xã", description="Số Zalo nhận phản ánh của người mua"
    )
    email: Text | None = Field(None, title="Thư điện tử liên hệ", description="Địa chỉ thư điện tử nhận phản ánh")
    office_address: Text | None = Field(None, title="Địa chỉ trụ sở", description="Địa chỉ trụ sở UBND xã")

    @property
    def report_channel(self) -> bool:
        """A buyer who suspects a fake has somewhere to write or call (else the pages only name the office)."""
        return bool(self.phone or self.zalo or self.email or self.office_address)


# Where to buy and where to meet the products (the plan, part II.3: trade promotion).


class OutletKind(str, Enum):
    """The kinds of place the plan's sales system names, and the online shops buyers use."""

    trung_tam_ocop = "trung tâm OCOP"
    sieu_thi = "siêu thị"
    cho = "chợ"
    khach_san = "khách sạn"
    nha_hang = "nhà hàng"
    san_bay = "sân bay"
    quay_gioi_thieu = "quầy giới thiệu sản phẩm"
    cua_hang_co_so = "cửa hàng của cơ sở"
    shopee = "Shopee"
    facebook = "Facebook"
    zalo = "Zalo"
    truc_tuyen = "trang bán hàng trực tuyến khác"
    khac = "khác"

    @property
    def online(self) -> bool:
        return self in (OutletKind.shopee, OutletKind.facebook, OutletKind.zalo, OutletKind.truc_tuyen)


class Outlet(Model):
    """Điểm bán sản phẩm OCOP: một tệp YAML trong products/_diem-ban/, tên tệp là địa chỉ của điểm bán."""

    name: Text = Field(title="Tên điểm bán", description="Tên cửa hàng, chợ, siêu thị hoặc gian hàng trực tuyến")
    kind: OutletKind = Field(
        title="Loại điểm bán",
        description="trung tâm OCOP, siêu thị, chợ, khách sạn, nhà hàng, sân bay, quầy giới thiệu sản phẩm, "
        "cửa hàng của cơ sở, Shopee, Facebook, Zalo, trang bán hàng trực tuyến khác, khác",
    )
    address: Text | None = Field(
        None, title="Địa chỉ", description="Số nhà, đường, xã/phường, tỉnh; gian hàng trực tuyến thì bỏ trống"
    )
    hours: Text | None = Field(None, title="Giờ mở cửa", description="Ví dụ: 7:00 – 21:00 hằng ngày")
    phone: Phone | None = Field(None, title="Điện thoại", description="Số điện thoại của điểm bán, ghi cả số 0 ở đầu")
    zalo: Phone | None = Field(None, title="Số Zalo", description="Số Zalo của điểm bán (nếu có)")
    url: WebAddress | None = Field(
        None, title="Trang web / gian hàng trực tuyến", description="Bắt buộc với Shopee, Facebook, Zalo và trang trực tuyến"
    )
    map: WebAddress | None = Field(
        None, title="Liên kết bản đồ", description="Địa chỉ chép từ Google Maps hoặc OpenStreetMap (nút Chia sẻ)"
    )
    products: list[Slug] = Field(
        default_factory=list, title="Sản phẩm bày bán", description="Địa chỉ trang (slug) của từng sản phẩm, ví dụ: nuoc-mam-nam-quyen"
    )
    note: Text | None = Field(None, title="Ghi chú", description="Ghi chú thêm về điểm bán (nếu có)")

    @model_validator(mode="after")
    def _online_needs_address(self) -> Outlet:
        if self.kind.online and not self.url:
            raise ValueError(f"gian hàng {self.kind.value} cần trường 'url' (địa chỉ trang bán hàng)")
        return self


class Fair(Model):
    """Hội chợ, triển lãm, phiên xúc tiến thương mại có sản phẩm của xã: một tệp YAML trong products/_hoi-cho/."""

    name: Text = Field(title="Tên hội chợ, triển lãm", description="Tên chính thức của hội chợ, triển lãm")
    start: Date = Field(title="Ngày bắt đầu", description="31/05/2025 hoặc 2025-05-31")
    end: Date | None = Field(None, title="Ngày kết thúc", description="Bỏ trống nếu chỉ diễn ra một ngày")
    place: Text | None = Field(
        None, title="Địa điểm", description="Nơi tổ chức, ví dụ: tên nhà thi đấu, quảng trường, thành phố"
    )
    organizer: Text | None = Field(None, title="Đơn vị tổ chức", description="Cơ quan, đơn vị tổ chức hội chợ")
    booth: Text | None = Field(None, title="Gian hàng", description="Ví dụ: gian hàng số 12, khu sản phẩm OCOP")
    url: WebAddress | None = Field(
        None,
        title="Trang thông tin về hội chợ",
        description="Trang thông tin chính thức về hội chợ, bắt đầu bằng https://",
    )
    products: list[Slug] = Field(default_factory=list, title="Sản phẩm tham gia", description="Địa chỉ trang (slug) của từng sản phẩm")
    description: LongText | None = Field(
        None, title="Giới thiệu", description="Giới thiệu ngắn; một dòng trống tách hai đoạn"
    )

    _ends_after_start = field_validator("end")(_after("start", "ngày kết thúc phải từ ngày bắt đầu trở đi", same_day=True))

    @property
    def last_day(self) -> dt.date:
        return self.end or self.start
