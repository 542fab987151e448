"""The commune, written once in mkdocs.yml (`extra: commune:`): its name, province, the merger, whom a buyer reports a fake to."""
from __future__ import annotations

from pydantic import Field

from .fields import Date, Model, Phone, Text

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
