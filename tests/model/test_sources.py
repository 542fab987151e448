"""Only the project's own files are read or published (model/sources.py): links leaving it are refused."""
from __future__ import annotations

import os
import time

from conftest import draw_photo
from PIL import Image

SECRET = "BÍ MẬT thử nghiệm: dòng đầu không được lộ"


def _outside(tmp_path):
    """A folder beside the project (not in it) with a data file and a photo that must never be read."""
    outside = tmp_path / "ben-ngoai"
    outside.mkdir()
    (outside / "bi-mat.yml").write_text(SECRET + "\n", encoding="utf-8")
    draw_photo(outside / "anh-ngoai.jpg", size=(800, 600))
    return outside


def test_links_leaving_the_project_are_refused_by_check_and_build_and_nothing_outside_is_read(project, tmp_path):
    outside = _outside(tmp_path)
    os.symlink("/etc/passwd", project.root / "docs" / "mat-khau.txt")
    os.symlink("/etc", project.root / "docs" / "etc")
    os.symlink("/etc/hostname", project.root / "overrides" / "ten-may.txt")  # the theme's files are published too
    os.symlink(outside / "bi-mat.yml", project.products / "nam-quyen" / "bi-mat.yml")
    posts = project.root / "docs" / "tin-tuc" / "posts"
    os.symlink(outside / "anh-ngoai.jpg", posts / "anh" / "cho-que.jpg")
    post = (posts / "2026-11-28-ke-hoach-ocop-nam-2025.md").read_text(encoding="utf-8")
    (posts / "2026-11-28-ke-hoach-ocop-nam-2025.md").write_text(post + "\n![Chợ quê](anh/cho-que.jpg)\n", encoding="utf-8")

    check = project.ocop("check")
    assert check.code != 0
    for name in ("docs/mat-khau.txt", "docs/etc", "overrides/ten-may.txt", "products/nam-quyen/bi-mat.yml", "docs/tin-tuc/posts/anh/cho-que.jpg"):
        assert f"{name}: là liên kết (symlink) trỏ ra ngoài thư mục dự án" in check.text, check.text
    assert SECRET not in check.text and "root:" not in check.text and str(outside) not in check.text

    started = time.monotonic()
    build = project.build()
    assert build.code != 0
    assert time.monotonic() - started < 60  # /etc was not walked
    assert "docs/etc: là liên kết (symlink) trỏ ra ngoài thư mục dự án" in build.text
    assert SECRET not in build.text and "root:" not in build.text
    published = [path for path in project.site.rglob("*")] if project.site.exists() else []
    assert not [path for path in published if path.name in ("passwd", "mat-khau.txt", "cho-que.jpg", "hostname")]


def test_a_folder_link_leaving_the_project_stops_the_preview_too(project):
    """`serve` shows data mistakes on its pages and keeps running, but it may not walk /etc meanwhile."""
    os.symlink("/etc", project.root / "docs" / "etc")
    served = project.mkdocs("serve", "--dev-addr", "127.0.0.1:1")  # never listens: the first build stops it
    assert served.code != 0
    assert "docs/etc: là liên kết (symlink) trỏ ra ngoài thư mục dự án" in served.text


def test_a_link_that_stays_inside_the_project_is_published_and_one_into_git_or_a_loop_is_refused(project):
    photo = project.root / "docs" / "assets" / "anh-thu-nghiem.jpg"
    draw_photo(project.products / "nam-quyen" / "anh-thu-nghiem.jpg", size=(80, 60))
    os.symlink("../../products/nam-quyen/anh-thu-nghiem.jpg", photo)
    result = project.build()
    assert result.code == 0, result.text
    assert (project.site / "assets" / "anh-thu-nghiem.jpg").read_bytes() == photo.read_bytes()

    (project.root / ".git").mkdir()
    (project.root / ".git" / "config").write_text("[remote]\n", encoding="utf-8")
    os.symlink("../.git/config", project.root / "docs" / "cau-hinh.txt")
    os.symlink("..", project.root / "docs" / "vong")
    check = project.ocop("check")
    assert check.code != 0
    assert "docs/cau-hinh.txt: là liên kết (symlink) trỏ vào thư mục ẩn của dự án" in check.text
    assert "docs/vong: là liên kết (symlink) tới chính thư mục chứa nó" in check.text


LATE_LINK = '''\
"""A link made after the check (on_config) and before MkDocs walks docs/: as a second process could."""
import os


def on_pre_build(config):
    os.symlink("/etc/hostname", os.path.join(config["docs_dir"], "ten-may.txt"))
'''


def test_a_link_made_after_the_check_is_never_published(project):
    """The plugin drops from MkDocs' files any file of docs/ reached through a link leaving the project."""
    project.write("hooks/lien-ket-muon.py", LATE_LINK)
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - hooks/lien-ket-muon.py\n", encoding="utf-8")
    result = project.build()
    assert result.code != 0
    assert "bỏ qua docs/ten-may.txt: liên kết (symlink) trỏ ra ngoài thư mục dự án" in result.text, result.text
    assert not list(project.site.rglob("ten-may*")) if project.site.exists() else True


def test_a_link_out_of_the_project_behind_an_accepted_folder_link_is_refused(project):
    """docs/anh → ../kho-anh is accepted (inside the project), but MkDocs walks it: a link in it to /etc
    is found too, and so is one back to docs/, which would make MkDocs' walk endless."""
    store = project.root / "kho-anh"
    store.mkdir()
    os.symlink("/etc/passwd", store / "mat-khau.txt")
    os.symlink("../docs", store / "ve-docs")  # docs/anh/ve-docs/anh/ve-docs/…: endless
    os.symlink("../kho-anh", project.root / "docs" / "anh")
    check = project.ocop("check")
    assert check.code != 0
    assert "docs/anh/mat-khau.txt: là liên kết (symlink) trỏ ra ngoài thư mục dự án" in check.text, check.text
    assert "docs/anh/ve-docs: là liên kết (symlink) tới chính thư mục chứa nó" in check.text, check.text
    (store / "mat-khau.txt").unlink()
    (store / "ve-docs").unlink()
    draw_photo(store / "cho-que.jpg", size=(80, 60))
    result = project.build()  # the accepted folder link: its photo is published
    assert result.code == 0, result.text
    assert (project.site / "anh" / "cho-que.jpg").read_bytes() == (store / "cho-que.jpg").read_bytes()


def test_a_post_photo_linked_from_inside_the_project_is_resized_like_any(project):
    """Accepted, it is still a news photo: published as its renditions, never as the original."""
    draw_photo(project.products / "nam-quyen" / "cho-que.jpg", size=(2400, 1800), gps=True)
    posts = project.root / "docs" / "tin-tuc" / "posts"
    (posts / "anh").mkdir(exist_ok=True)
    os.symlink("../../../../products/nam-quyen/cho-que.jpg", posts / "anh" / "cho-que.jpg")
    post = posts / "2026-11-28-ke-hoach-ocop-nam-2025.md"
    post.write_text(post.read_text(encoding="utf-8") + "\n![Chợ quê thử nghiệm](anh/cho-que.jpg)\n", encoding="utf-8")
    result = project.build()
    assert result.code == 0, result.text
    published = sorted(path.name for path in project.site.rglob("cho-que*"))
    assert "cho-que-400.webp" in published, published
    with Image.open(project.site / "tin-tuc" / "anh" / "cho-que.jpg") as image:
        assert image.width == 1200 and not image.getexif()
