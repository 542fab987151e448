"""`ocop publish`: a site that failed to build or to pass its checks never replaces the published one.

The published folder is compared byte for byte (and modification time for modification time) before
and after each failure: a build that fails midway, a build killed midway, a site that fails its check,
bad data, a folder that is not ours, a second publish at the same time.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BIN, environment, wait_until
from ocop.ops.publish import MARKER, PublishError, recover, switch

# Raises on the third page MkDocs writes: by then the new folder holds part of a site.
FAILING_HOOK = """\
import os
from mkdocs.exceptions import PluginError

pages = 0


def on_post_page(output, page, config):
    global pages
    pages += 1
    if pages == 3:
        with open(os.environ["OCOP_TEST_SEEN"], "w", encoding="utf-8") as seen:
            seen.write(config.site_dir + "\\n" + "\\n".join(sorted(os.listdir(config.site_dir))))
        raise PluginError("hỏng giữa chừng (kiểm thử)")
    return output
"""
# Waits on the third page, so that the test can kill the publish midway.
SLOW_HOOK = """\
import os
import time

pages = 0


def on_post_page(output, page, config):
    global pages
    pages += 1
    if pages == 3:
        open(os.environ["OCOP_TEST_SEEN"], "w").close()
        time.sleep(120)
    return output
"""


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def leftovers(target: Path) -> list[str]:
    return sorted(path.name for path in target.parent.iterdir() if path.name.startswith(f".{target.name}.ocop-") and "lock" not in path.name)


def add_hook(project, text: str) -> None:
    project.write("hooks/thu.py", text)
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - hooks/thu.py\n", encoding="utf-8")


@pytest.fixture
def published(project, tmp_path):
    """The example site published once into www/; returns (project, folder, its snapshot)."""
    target = tmp_path / "www"
    result = project.ocop("publish", "--to", str(target))
    assert result.code == 0, result.text
    assert f"Đã xuất bản trang web vào {target}." in result.out
    return project, target, snapshot(target)


def test_publish_replaces_the_site_with_the_new_build(published):
    project, target, before = published
    assert "san-pham/nuoc-mam-nam-quyen/index.html" in before and MARKER in before
    fish_sauce = project.root / "products/nam-quyen/nuoc-mam-nam-quyen.yml"
    fish_sauce.write_text(fish_sauce.read_text(encoding="utf-8").replace("certification:", "story: Ủ chượp trong chum.\ncertification:"), encoding="utf-8")
    result = project.ocop("publish", "--to", str(target))
    assert result.code == 0, result.text
    assert "Ủ chượp trong chum." in (target / "san-pham/nuoc-mam-nam-quyen/index.html").read_text(encoding="utf-8")
    assert leftovers(target) == []


def test_a_build_failing_midway_leaves_the_old_site_byte_for_byte(published, tmp_path):
    project, target, before = published
    add_hook(project, FAILING_HOOK)
    seen = tmp_path / "seen.txt"
    result = project.ocop("publish", "--to", str(target), env={"OCOP_TEST_SEEN": str(seen)})
    assert result.code == 1
    assert "hỏng giữa chừng" in result.err and "trang web cũ vẫn giữ nguyên" in result.err
    staging, *written = seen.read_text(encoding="utf-8").splitlines()
    assert Path(staging).parent == target.parent and Path(staging).name.startswith(".www.ocop-new-")
    assert "assets" in written and "index.html" in written  # the new folder was half written
    assert snapshot(target) == before
    assert leftovers(target) == [] and not Path(staging).exists()


def test_a_publish_killed_midway_leaves_the_old_site_and_the_next_one_cleans_up(published, tmp_path):
    project, target, before = published
    add_hook(project, SLOW_HOOK)
    seen = tmp_path / "seen"
    process = subprocess.Popen(
        [str(BIN / "ocop"), "publish", "--to", str(target)], cwd=project.root, env=environment({"OCOP_TEST_SEEN": str(seen)}),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        wait_until(seen.exists, timeout=120)
        assert len(leftovers(target)) == 1  # the unfinished new folder
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the publish and the build it started, as a power cut would
        process.wait(timeout=30)
    assert snapshot(target) == before
    (project.root / "mkdocs.yml").write_text(
        (project.root / "mkdocs.yml").read_text(encoding="utf-8").replace("\nhooks:\n  - hooks/thu.py\n", "\n"), encoding="utf-8"
    )
    result = project.ocop("publish", "--to", str(target))
    assert result.code == 0, result.text
    assert leftovers(target) == []


def test_a_site_failing_its_check_is_not_published(published):
    project, target, before = published
    page = project.root / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<img src="thieu.png" alt="Ảnh">\n', encoding="utf-8")
    result = project.ocop("publish", "--to", str(target))
    assert result.code == 1
    assert "liên kết 'thieu.png' không dẫn tới trang hay tệp nào" in result.err
    assert snapshot(target) == before and leftovers(target) == []


def test_bad_data_publishes_nothing(project, tmp_path):
    project.write("products/nam-quyen/mam-tom.yml", "name: Mắm tôm\nproducer: nam-quyen\ngroup: thuc-pham\ncertification:\n  stars: 6\n")
    target = tmp_path / "www"
    result = project.ocop("publish", "--to", str(target))
    assert result.code == 1 and "Traceback" not in result.text
    assert "products/nam-quyen/mam-tom.yml:5: trường 'certification.stars'" in result.err
    assert not target.exists() and leftovers(target) == []


def test_a_folder_not_written_by_ocop_is_never_replaced(project, tmp_path):
    target = tmp_path / "tai-lieu"
    target.mkdir()
    (target / "bao-cao.docx").write_bytes(b"van ban quan trong")
    result = project.ocop("publish", "--to", str(target))
    assert result.code == 1 and "không phải trang do 'ocop publish' tạo" in result.err
    assert [path.name for path in target.iterdir()] == ["bao-cao.docx"]


def test_one_publish_at_a_time(published):
    project, target, before = published
    fcntl = pytest.importorskip("fcntl")
    with open(target.parent / ".www.ocop-lock", "a+b") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        result = project.ocop("publish", "--to", str(target))
    assert result.code == 1 and "Đang có một lần xuất bản khác" in result.err
    assert snapshot(target) == before


def test_a_publish_stopped_between_the_two_renames_is_recovered(published):
    """Where folders cannot be swapped in one call (Windows), a stop between the renames leaves only
    `.www.ocop-old-*`: the next publish puts it back before anything else."""
    project, target, before = published
    moved = target.parent / ".www.ocop-old-20250101-000000-000000"
    target.rename(moved)
    messages = []
    recover(target, messages.append)
    assert snapshot(target) == before and not moved.exists()
    assert "Đã khôi phục trang web trước đó" in messages[0]


def _site(folder: Path, text: str) -> Path:
    folder.mkdir()
    (folder / "index.html").write_text(text, encoding="utf-8")
    return folder


def test_switch_with_two_renames_as_on_windows(tmp_path):
    target = _site(tmp_path / "www", "cũ")
    switch(_site(tmp_path / ".www.ocop-new-1", "mới"), target, exchange=lambda first, second: False)
    assert (target / "index.html").read_text(encoding="utf-8") == "mới"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["www"]


def test_switch_puts_the_old_site_back_when_the_second_rename_fails(tmp_path, monkeypatch):
    """A program holding a file open in the new folder makes the second rename fail (Windows)."""
    target = _site(tmp_path / "www", "cũ")
    new = _site(tmp_path / ".www.ocop-new-1", "mới")
    real_replace = os.replace

    def replace(source, destination):
        if Path(source) == new:
            raise PermissionError(13, "tệp đang được mở")
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr("ocop.ops.publish.time.sleep", lambda seconds: None)
    with pytest.raises(PublishError, match="trang web cũ vẫn giữ nguyên"):
        switch(new, target, exchange=lambda first, second: False)
    assert (target / "index.html").read_text(encoding="utf-8") == "cũ"
    assert sorted(path.name for path in tmp_path.iterdir()) == [".www.ocop-new-1", "www"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
def test_switch_swaps_in_one_call_on_linux(tmp_path):
    target = _site(tmp_path / "www", "cũ")
    calls = []

    def exchange(first, second):
        from ocop.ops.publish import _exchange

        calls.append(_exchange(first, second))
        return calls[-1]

    switch(_site(tmp_path / ".www.ocop-new-1", "mới"), target, exchange=exchange)
    assert (target / "index.html").read_text(encoding="utf-8") == "mới"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["www"]
    assert calls == [True]


def _git(repository: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repository, capture_output=True, text=True, encoding="utf-8")


@pytest.fixture
def repository(project):
    if _git(project.root, "--version").returncode != 0:
        pytest.skip("git is not installed")
    for args in (("init", "-q", "-b", "main"), ("config", "user.email", "thu@example.org"), ("config", "user.name", "Thử"),
                 ("add", "-A"), ("commit", "-qm", "thử")):
        assert _git(project.root, *args).returncode == 0
    return project


def test_gh_pages_gets_the_checked_build_without_network(repository):
    result = repository.ocop("publish", "--gh-pages", "--no-push")
    assert result.code == 0, result.text
    assert "Đã ghi trang web vào nhánh gh-pages; chưa đẩy lên GitHub (--no-push)." in result.out
    files = _git(repository.root, "ls-tree", "-r", "--name-only", "gh-pages").stdout.split()
    assert "index.html" in files and ".nojekyll" in files and "san-pham/nem-huan-hong/index.html" in files


def test_gh_pages_is_refused_when_the_check_fails(repository):
    page = repository.root / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<img src="thieu.png" alt="Ảnh">\n', encoding="utf-8")
    result = repository.ocop("publish", "--gh-pages", "--no-push")
    assert result.code == 1 and "liên kết 'thieu.png' không dẫn tới" in result.err
    assert _git(repository.root, "rev-parse", "--verify", "--quiet", "gh-pages").returncode != 0


def test_publish_checks_the_folder_itself_after_the_build(published):
    """A step that runs after the plugin's own check (here a hook) cannot slip a broken page through."""
    project, target, before = published
    add_hook(project, (
        "import os\n\nfrom mkdocs.plugins import event_priority\n\n\n@event_priority(-200)  # after the plugin's own check\n"
        "def on_post_build(config):\n"
        "    with open(os.path.join(config.site_dir, 'muon.html'), 'w', encoding='utf-8') as page:\n"
        "        page.write('<a href=\"khong-co/\">x</a>')\n"
    ))
    result = project.ocop("publish", "--to", str(target))
    assert result.code == 1
    assert "Trang web vừa tạo có 1 lỗi nên chưa được xuất bản:\n  - muon.html:1: liên kết 'khong-co/' không dẫn tới" in result.err
    assert snapshot(target) == before and leftovers(target) == []


def test_a_bare_publish_without_a_target_says_how_to_set_one(project, tmp_path):
    result = project.ocop("publish")
    assert result.code == 2 and "Traceback" not in result.text
    assert "Chưa biết đăng trang vào đâu" in result.err
    assert "publish_to:" in result.err and "mkdocs.yml" in result.err and "ocop publish --to" in result.err
    assert "usage" not in result.text and "required" not in result.text
    assert not (project.root / "site").exists()


def test_a_bare_publish_publishes_to_the_target_in_mkdocs_yml(project):
    """As the guide's step 4 says: `ocop publish`, once `publish_to` is set in mkdocs.yml."""
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "# publish_to: " in text  # the example shows the option, commented out
    config.write_text(text.replace("      products_dir: products\n", "      products_dir: products\n      publish_to: ../www\n"), encoding="utf-8")
    result = project.ocop("publish")
    target = (project.root / "../www").resolve()
    assert result.code == 0, result.text
    assert f"Đã xuất bản trang web vào {target}." in result.out
    assert (target / "san-pham/nuoc-mam-nam-quyen/index.html").is_file() and (target / MARKER).is_file()


def test_publishing_through_a_release_link_makes_a_new_release_and_swaps_the_link(project, tmp_path):
    """`www → releases/r1`: a new release beside r1, the link swapped; r1 never changed, nothing left over."""
    first = tmp_path / "releases" / "r1"
    assert project.ocop("publish", "--to", str(first)).code == 0
    link = tmp_path / "www"
    link.symlink_to("releases/r1", target_is_directory=True)
    (tmp_path / ".www.ocop-new-20260101-000000-000000").symlink_to("releases/r1")  # left by an older publish
    before, mode = snapshot(first), first.stat().st_mode
    result = project.ocop("publish", "--to", str(link))
    assert result.code == 0, result.text
    assert link.is_symlink() and os.readlink(link).startswith("releases/ocop-")
    assert (link / "san-pham/nuoc-mam-nam-quyen/index.html").is_file() and (link / MARKER).is_file()
    assert snapshot(first) == before and first.stat().st_mode == mode  # nothing chmod-ed through the link
    assert leftovers(link) == [] and leftovers(first) == []
    page = project.root / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<img src="thieu.png" alt="Ảnh">\n', encoding="utf-8")
    current = os.readlink(link)
    result = project.ocop("publish", "--to", str(link))
    assert result.code == 1 and "thieu.png" in result.err
    assert os.readlink(link) == current and leftovers(link) == [] and leftovers(link.resolve()) == []
    assert sorted(path.name for path in (tmp_path / "releases").iterdir() if not path.name.startswith(".")) == sorted(["r1", current.split("/")[1]])


def test_a_link_to_a_folder_not_written_by_ocop_is_refused(project, tmp_path):
    documents = tmp_path / "tai-lieu"
    documents.mkdir()
    (documents / "bao-cao.docx").write_bytes(b"van ban quan trong")
    (tmp_path / "www").symlink_to(documents, target_is_directory=True)
    result = project.ocop("publish", "--to", str(tmp_path / "www"))
    assert result.code == 1 and "không phải trang do 'ocop publish' tạo" in result.err
    assert [path.name for path in documents.iterdir()] == ["bao-cao.docx"] and os.readlink(tmp_path / "www") == str(documents)
