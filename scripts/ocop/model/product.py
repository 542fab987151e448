"""A product as its YAML file says: its certification (the OCOP decision and stars), its batches,
price, sellers and retirement."""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, Field, ValidationInfo, field_validator, model_validator

from .fields import (
    Date,
    LongText,
    Model,
    Phone,
    Photo,
    ShortCode,
    Slug,
    Text,
    TextList,
    WebAddress,
    items_may_be_text,
    later_than,
    not_after_today,
    vietnamese_first,
)

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
    issuer: Text | None = Field(None, title="Cơ quan cấp", description="Cơ quan ký quyết định công nhận, ví dụ: UBND tỉnh Ví Dụ")
    valid_until: Date | None = Field(None, title="Hiệu lực đến", description="Bỏ trống: 36 tháng kể từ ngày quyết định")

    @model_validator(mode="before")
    @classmethod
    def _candidate_word(cls, value: Any) -> Any:
        return {"candidate": True} if value == "candidate" else value

    @field_validator("date")
    @classmethod
    def _decided_by_today(cls, day: dt.date | None, info: ValidationInfo) -> dt.date | None:
        return not_after_today(day, info, "ngày quyết định")

    _valid_after_decision = field_validator("valid_until")(later_than("date", "ngày hết hiệu lực phải sau ngày quyết định"))

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
        return not_after_today(day, info, "ngày sản xuất")

    _expires_after_production = field_validator("expires")(later_than("produced", "hạn sử dụng phải sau ngày sản xuất"))

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

    name: Text | None = Field(None, title="Tên tiếng Anh", description="Ví dụ: Ví Dụ fish sauce")
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
        json_schema_extra=items_may_be_text,
    )
    where_to_buy: list[Seller] = Field(
        default_factory=list,
        title="Mua ở đâu",
        description="Nơi bán riêng của sản phẩm; nơi bày bán nhiều sản phẩm thì ghi một lần ở mục Điểm bán",
        json_schema_extra=items_may_be_text,
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

    _english = field_validator("en")(vietnamese_first)
