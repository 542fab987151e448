"""A news post's page: what the post may show."""
from __future__ import annotations

POST = "docs/tin-tuc/posts/2026-11-28-ke-hoach-ocop-nam-2025.md"


def test_a_post_showing_a_photo_from_another_host_is_refused_in_vietnamese(project):
    """The site loads nothing from another host: a photo pasted as an address (the editor's image dialog
    offers no URL entry) is named with its line, and the site is not built."""
    post = project.root / POST
    text = post.read_text(encoding="utf-8")
    post.write_text(text + "\n![Gian hàng](https://example.org/gian-hang.jpg)\n", encoding="utf-8")
    line = len(text.splitlines()) + 2
    result = project.ocop("check")
    assert result.code != 0
    assert (
        f"{POST}:{line}: ảnh 'https://example.org/gian-hang.jpg' lấy từ trang web khác: trang web của xã không tải "
        "gì từ nơi khác"
    ) in result.text
    result = project.build()
    assert result.code != 0 and not (project.site / "index.html").exists()
