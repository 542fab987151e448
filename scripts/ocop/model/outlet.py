"""Where to buy the products (the plan, part II.3: trade promotion): an outlet, as its file in
`products/_diem-ban/` says."""
from __future__ import annotations

from enum import Enum

from pydantic import Field, model_validator

from .fields import Model, Phone, Slug, Text, WebAddress

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
        default_factory=list, title="Sản phẩm bày bán", description="Địa chỉ trang (slug) của từng sản phẩm, ví dụ: nuoc-mam-vi-du"
    )
    note: Text | None = Field(None, title="Ghi chú", description="Ghi chú thêm về điểm bán (nếu có)")

    @model_validator(mode="after")
    def _online_needs_address(self) -> Outlet:
        if self.kind.online and not self.url:
            raise ValueError(f"gian hàng {self.kind.value} cần trường 'url' (địa chỉ trang bán hàng)")
        return self
