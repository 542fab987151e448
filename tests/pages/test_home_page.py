"""The home page and the hand-written pages it leads to (the plan), with the facts the commune's plan gives."""
from __future__ import annotations

from conftest import text_of


def test_home_and_plan_pages(built):
    home = text_of(built.page(""))
    assert "Quảng Trung" in home and "Thanh Hóa" in home and "Quảng Chính" in home
    plan = text_of(built.page("ke-hoach-2025/"))
    assert "Phấn đấu có thêm 1 sản phẩm đạt tiêu chuẩn OCOP 3 sao" in plan
