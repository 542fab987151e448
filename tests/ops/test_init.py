"""`ocop init DIR`: a new commune's site folder that builds strict at once, with the questions asked in
Vietnamese when the options are missing; a folder with files is refused. All full tier: each runs `ocop`
(and Git) in a subprocess, and most build the new site. The same from a wheel alone: engine/test_wheel.py."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import BIN, ROOT, environment, fetch, free_port, run, wait_until

EPOCH = "1796000000"  # 2026-11-29 in Vietnam
HUONG_SON = ["--commune", "Hương Sơn", "--province", "Hà Tĩnh", "--domain", "huongson.hatinh.gov.vn"]


def ocop(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BIN / "ocop"), *args], cwd=cwd, input=stdin, capture_output=True, text=True, encoding="utf-8",
        env=environment({"SOURCE_DATE_EPOCH": EPOCH}), timeout=600,
    )


def files_of(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file() and ".git" not in path.parts)


@pytest.mark.full  # `ocop init` (and a build) as processes
def test_a_new_site_holds_only_the_communes_files_is_committed_and_builds_strict(tmp_path):
    result = ocop(tmp_path, "init", "huong-son", *HUONG_SON)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "huong-son"
    assert files_of(site) == [
        ".github/workflows/rebuild-daily.yml", ".gitignore",
        "docs/assets/images/tac-gia/nong-nghiep.svg", "docs/assets/images/tac-gia/van-hoa-xa-hoi.svg",
        "docs/en/index.md", "docs/index.md", "docs/tin-tuc/.authors.yml", "docs/tin-tuc/index.md",
        "docs/tin-tuc/posts/anh/.gitkeep", "docs/van-ban.md", "mkdocs.yml",
        "products/_ke-hoach.yml", "products/_registry/codes.yml",
        *(f"products/_schema/{name}.schema.json" for name in ("fair", "outlet", "plan", "producer", "product")),
        "requirements.txt",
    ]
    settings = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))
    assert settings["site_url"] == "https://huongson.hatinh.gov.vn/"
    assert settings["extra"]["commune"] == {"name": "Hương Sơn", "province": "Hà Tĩnh"}
    assert {"domain_confirmed": False} == {k: v for k, v in settings["plugins"][2]["ocop"].items() if k == "domain_confirmed"}
    plan = yaml.safe_load((site / "products/_ke-hoach.yml").read_text(encoding="utf-8"))
    assert plan == {"title": "Kế hoạch thực hiện Chương trình OCOP năm 2026", "year": 2026, "targets": []}
    lines = [line for line in (site / "requirements.txt").read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert lines == ["ocop-site==0.1.0"]  # the editable install of this repository: its name and version
    assert len(run(["git", "log", "--oneline"], site).stdout.splitlines()) == 1
    assert run(["git", "branch", "--show-current"], site).stdout.strip() == "main"

    built = ocop(site, "build")
    assert built.returncode == 0, built.stderr
    assert run(["git", "status", "--porcelain"], site).stdout == ""  # site/ and .cache/ are ignored
    home = (site / "site/index.html").read_text(encoding="utf-8")
    assert "Sản phẩm OCOP xã Hương Sơn" in home and "tỉnh Hà Tĩnh" in home
    catalogue = (site / "site/san-pham/index.html").read_text(encoding="utf-8")
    assert "Chưa có sản phẩm nào." in catalogue and "quan-tri" not in catalogue  # the editor's hint: preview only
    guide = (site / "site/huong-dan/index.html").read_text(encoding="utf-8")
    assert "cán bộ nông nghiệp của xã Hương Sơn" in guide  # the engine's guide, with this commune's name
    assert (site / "site/huong-dan/anh/san-pham-moi.png").is_file()
    start = (site / "site/huong-dan/bat-dau/index.html").read_text(encoding="utf-8")
    assert "Trang OCOP của xã Hương Sơn gồm hai phần" in start and "ocop init trang-ocop" in start  # how it was made
    assert (site / "site/assets/stylesheets/ocop.css").is_file()  # the engine's theme


@pytest.mark.full  # `ocop init` (and a build) as processes
def test_the_preview_of_a_new_site_links_the_editor_from_the_empty_catalogue(tmp_path):
    assert ocop(tmp_path, "init", "site", *HUONG_SON).returncode == 0
    port = free_port()
    server = subprocess.Popen([str(BIN / "ocop"), "serve", "--address", f"127.0.0.1:{port}"], cwd=tmp_path / "site",
                              env=environment({"SOURCE_DATE_EPOCH": EPOCH}), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/"
        wait_until(lambda: fetch(base + "san-pham/")[0] == 200, timeout=60)
        catalogue = fetch(base + "san-pham/")[1]
        assert "Thêm sản phẩm đầu tiên" in catalogue and 'href="../quan-tri/"' in catalogue
        assert fetch(base + "quan-tri/")[0] == 200  # where the hint leads
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.full  # `ocop init` (and a build) as processes
def test_the_questions_are_asked_in_vietnamese_and_the_domain_is_suggested(tmp_path):
    result = ocop(tmp_path, "init", "xa-moi", stdin="Xã Hương Sơn\nHà Tĩnh\nSơn Tây, Sơn Lĩnh\n\n")
    assert result.returncode == 0, result.stderr
    assert "Tên xã, phường hoặc đặc khu hiện nay" in result.stdout and "Tên miền của trang [huongson.hatinh.gov.vn]" in result.stdout
    site = tmp_path / "xa-moi"
    settings = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: https://huongson.hatinh.gov.vn/\n" in settings and 'name: "Hương Sơn"' in settings
    home = (site / "docs/index.md").read_text(encoding="utf-8")
    assert "Từ ngày 1/7/2025, xã Hương Sơn gồm các xã cũ Sơn Tây và Sơn Lĩnh." in home
    assert ocop(site, "build").returncode == 0


@pytest.mark.full  # `ocop init` (and a build) as processes
def test_a_ward_of_a_city_keeps_its_words_and_a_long_district_domain_is_told_before_anything_is_printed(tmp_path):
    domain = "phuong7.quan-thuan-hoa-cu.thanh-pho-hue-vi-du.gov.vn"  # 5 labels, 49 characters: fictional
    result = ocop(tmp_path, "init", "phuong-7", "--commune", "Phường 7", "--province", "Huế", "--domain", domain)
    assert result.returncode == 0, result.stderr
    assert f"Mã QR trên bao bì: HTTPS://{domain.upper()}/Q/MÃ/ (phiên bản 4, rộng 20,5 mm" in result.stdout
    assert "có cả cấp huyện" in result.stdout and "mã QR cần phiên bản 4" in result.stdout
    site = tmp_path / "phuong-7"
    settings = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))
    assert settings["extra"]["commune"] == {"name": "Phường 7", "province": "Thành phố Huế"}
    assert settings["site_name"] == "Sản phẩm OCOP phường 7"
    assert ocop(site, "build").returncode == 0
    home = (site / "site/index.html").read_text(encoding="utf-8")
    assert "thành phố Huế" in home and "xã Phường" not in home and "tỉnh Thành phố" not in home
    assert "cán bộ nông nghiệp của phường 7" in (site / "site/huong-dan/index.html").read_text(encoding="utf-8")


@pytest.mark.full  # `ocop init` (and a build) as processes
def test_a_folder_with_files_is_refused_and_left_as_it_was(tmp_path):
    (tmp_path / "co-san").mkdir()
    (tmp_path / "co-san" / "ghi-chu.txt").write_text("của tôi", encoding="utf-8")
    result = ocop(tmp_path, "init", "co-san", *HUONG_SON)
    assert result.returncode == 2
    assert "đã có tệp: ocop init chỉ tạo trang trong thư mục trống hoặc chưa có" in result.stderr
    assert files_of(tmp_path / "co-san") == ["ghi-chu.txt"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["co-san"]  # no temporary folder left beside it


@pytest.mark.full  # `ocop init` (and a build) as processes
def test_an_answer_left_out_or_wrong_stops_before_anything_is_written(tmp_path):
    result = ocop(tmp_path, "init", "moi", stdin="")
    assert result.returncode == 2 and 'Thiếu tên xã: ghi --commune "Tên xã"' in result.stderr
    wrong = ocop(tmp_path, "init", "moi", "--commune", "Hương Sơn", "--province", "Hà Tĩnh", "--domain", "hương sơn.gov.vn")
    assert wrong.returncode == 2 and "tên miền 'hương sơn.gov.vn': tên miền chỉ dùng chữ không dấu" in wrong.stderr
    assert "ví dụ huongson.gov.vn" in wrong.stderr  # the ASCII form suggested
    assert list(tmp_path.iterdir()) == []


@pytest.mark.full  # `ocop init` (and a build) as processes
def test_a_page_the_site_writes_under_docs_huong_dan_replaces_the_guides(tmp_path):
    assert ocop(tmp_path, "init", "site", *HUONG_SON).returncode == 0
    site = tmp_path / "site"
    (site / "docs/huong-dan").mkdir()
    (site / "docs/huong-dan/loi.md").write_text("# Lỗi thường gặp ở xã Hương Sơn\n\nBản riêng của xã.\n", encoding="utf-8")
    assert ocop(site, "build").returncode == 0
    assert "Bản riêng của xã." in (site / "site/huong-dan/loi/index.html").read_text(encoding="utf-8")
    assert "Hướng dẫn cập nhật trang" in (site / "site/huong-dan/index.html").read_text(encoding="utf-8")


def test_the_starter_workflow_is_this_repositorys():
    """One workflow for every site: the starter's copy (package data) and the repository's stay the same."""
    starter = ROOT / "scripts/ocop/ops/starter/github/workflows/rebuild-daily.yml"
    assert starter.read_bytes() == (ROOT / ".github/workflows/rebuild-daily.yml").read_bytes()
