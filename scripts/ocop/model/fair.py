"""Where to meet the products (the plan, part II.3: trade promotion): a fair or exhibition, as its file
in `products/_hoi-cho/` says."""
from __future__ import annotations

import datetime as dt

from pydantic import Field, field_validator

from .fields import Date, LongText, Model, Slug, Text, WebAddress, later_than

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

    _ends_after_start = field_validator("end")(later_than("start", "ngày kết thúc phải từ ngày bắt đầu trở đi", same_day=True))

    @property
    def last_day(self) -> dt.date:
        return self.end or self.start
