"""A producer (cơ sở sản xuất) as its `producer.yml` says: who makes the products, where, how to reach them."""
from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from .fields import Date, LongText, Model, Phone, Photo, Text, WebAddress, items_may_be_text, vietnamese_first

class Address(Model):
    village: Text | None = Field(None, title="Thôn, xóm", description="Thôn, xóm hoặc số nhà, đường")
    commune: Text | None = Field(None, title="Xã, phường", description="Xã hoặc phường theo địa chỉ hiện nay")
    district: Text | None = Field(
        None,
        title="Huyện (chỉ với địa chỉ trước 1/7/2025)",
        description="Chỉ ghi khi chép địa chỉ cũ: từ 1/7/2025 không còn cấp huyện",
    )
    province: Text | None = Field(None, title="Tỉnh, thành phố", description="Tên tỉnh, thành phố hiện nay, không ghi chữ 'tỉnh'")

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
    former_commune: Text | None = Field(
        None,
        title="Xã cũ",
        description="Xã (phường, thị trấn) trước 1/7/2025 nơi cơ sở ở: một trong các xã cũ ghi trong mkdocs.yml "
        "(extra: commune: former_communes); trang danh mục lọc theo xã cũ",
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
        json_schema_extra=items_may_be_text,
    )
    verified: Date | None = Field(
        None,
        title="Thông tin xác nhận đến ngày",
        description="Ngày thông tin trong tệp này được kiểm tra lần cuối (31/05/2025 hoặc 2025-05-31): "
        "trang ghi 'Thông tin tính đến ngày …' theo ngày này; bỏ trống thì lấy ngày lưu (commit) tệp lần cuối",
    )
    en: ProducerEnglish | None = Field(None, title="Tiếng Anh", description="Bản dịch tiếng Anh cho trang /en/")

    _english = field_validator("en")(vietnamese_first)
