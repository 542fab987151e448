"""`ocop publish` first commits what the officer saved (the editor makes no commit), in Vietnamese."""
from __future__ import annotations

import subprocess


def git(root, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "core.quotepath=off", *args], cwd=root, check=True, capture_output=True, text=True, encoding="utf-8",
    ).stdout


def test_publish_commits_the_officers_changes_before_it_publishes(project, tmp_path):
    root = project.root
    (root / ".gitignore").write_text("site/\n.cache/\n", encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "-c", "user.name=Test", "-c", "user.email=t@example.org", "commit", "-q", "-m", "Dữ liệu mẫu")
    product = root / "products" / "nam-quyen" / "nuoc-mam-nam-quyen.yml"
    product.write_text(product.read_text(encoding="utf-8").replace("summary: Nước mắm", "summary: Nước mắm truyền thống"), encoding="utf-8")
    project.write("docs/tin-tuc/posts/2026-11-29-hoi-cho.md", "---\ntitle: Hội chợ\ndate: 2026-11-29\n---\n\nNội dung.\n")
    (root / "notes.txt").write_text("not data\n", encoding="utf-8")
    # A product as the editor writes it: no slug, no code (they are read-only there).
    project.write("products/nam-quyen/mam-tep.yml", "name: Mắm tép Năm Quyền\nproducer: nam-quyen\ngroup: thuc-pham\n")

    result = project.ocop("publish", "--to", str(tmp_path / "www"))

    assert result.code == 0, result.text
    assert "Đã lưu 3 tệp thay đổi vào lịch sử Git" in result.out
    message = git(root, "log", "-1", "--skip=1", "--format=%B")
    assert message.startswith("Cập nhật nội dung ngày ") and "3 tệp (ocop publish)" in message
    assert "- sửa products/nam-quyen/nuoc-mam-nam-quyen.yml" in message
    assert "- thêm docs/tin-tuc/posts/2026-11-29-hoi-cho.md" in message
    assert "- thêm products/nam-quyen/mam-tep.yml" in message
    # Then the new product's slug and code, with the register, in a commit of their own.
    codes = git(root, "log", "-1", "--format=%B")
    assert codes.startswith("Cấp mã ngắn cho sản phẩm mới ngày ")
    assert "- sửa products/nam-quyen/mam-tep.yml" in codes and "- sửa products/_registry/codes.yml" in codes
    written = (root / "products/nam-quyen/mam-tep.yml").read_text(encoding="utf-8")
    assert "slug: mam-tep-nam-quyen\n" in written and "code: " in written
    assert git(root, "status", "--porcelain") == "?? notes.txt\n"  # only the data is committed
    assert "truyền thống" in (tmp_path / "www" / "san-pham" / "nuoc-mam-nam-quyen" / "index.html").read_text(encoding="utf-8")
    # Nothing new: no empty commit.
    count = git(root, "rev-list", "--count", "HEAD")
    assert project.ocop("publish", "--to", str(tmp_path / "www")).code == 0
    assert git(root, "rev-list", "--count", "HEAD") == count


def test_publish_without_git_still_publishes_and_says_so(project, tmp_path):
    result = project.ocop("publish", "--to", str(tmp_path / "www"))
    assert result.code == 0, result.text
    assert "không phải bản sao Git" in result.out
    assert (tmp_path / "www" / "index.html").is_file()


def test_publish_commits_and_publishes_only_what_the_site_is_built_from(project, tmp_path):
    """What Windows, Office and editors leave beside the pages stays out of Git and out of the site; a
    file nothing links to (a password list dropped into docs/) is named in a warning before it goes out."""
    from conftest import ROOT

    root = project.root
    (root / ".gitignore").write_bytes((ROOT / ".gitignore").read_bytes())  # as in a clone of the project
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "-c", "user.name=Test", "-c", "user.email=t@example.org", "commit", "-q", "-m", "Dữ liệu mẫu")
    junk = ["docs/~$bao-cao.docx", "docs/Thumbs.db", "docs/desktop.ini", "products/nam-quyen/nuoc-mam-nam-quyen.yml.bak",
            "docs/tin-tuc/posts/bai.tmp", "products/huan-hong/~$ghi-chu.docx"]
    for name in junk:
        project.write(name, "rác thử nghiệm\n")
    project.write("docs/mat-khau.txt", "mật khẩu thử nghiệm\n")
    target = tmp_path / "www"

    result = project.ocop("publish", "--to", str(target))

    assert result.code == 0, result.text
    assert "Cảnh báo: docs/mat-khau.txt: không trang nào liên kết tới tệp này" in result.err
    committed = git(root, "ls-files").splitlines()
    assert not [name for name in junk if name in committed]
    assert "docs/mat-khau.txt" in committed  # warned, not hidden: the officer decides
    published = {path.relative_to(target).as_posix() for path in target.rglob("*")}
    assert not {"~$bao-cao.docx", "Thumbs.db", "desktop.ini", "tin-tuc/posts/bai.tmp"} & published
    checked = project.ocop("check")
    assert "docs/mat-khau.txt: không trang nào liên kết tới tệp này" in checked.err
