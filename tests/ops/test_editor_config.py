"""The editor's configuration (ops/editor_config.py), in-process: the producers offered while the data
has a mistake, the backend with and without a Git host, the file written. What it has of the models is
compared with the JSON Schemas on the served editor (tests/ops/test_editor.py). Fast tier."""
from __future__ import annotations

import yaml
from conftest import ROOT

from ocop.ops.editor_config import EditorSettings, config_yaml, editor_config, producers_of


def test_producers_are_offered_by_name_even_when_one_file_cannot_be_read(tmp_path):
    (tmp_path / "co-so-vi-du").mkdir()
    (tmp_path / "co-so-vi-du" / "producer.yml").write_text("name: Cơ sở Ví Dụ\n", encoding="utf-8")
    (tmp_path / "co-so-loi").mkdir()
    (tmp_path / "co-so-loi" / "producer.yml").write_text("name: [chưa đóng\n", encoding="utf-8")
    (tmp_path / "_diem-ban").mkdir()
    (tmp_path / "_diem-ban" / "producer.yml").write_text("name: Không phải cơ sở\n", encoding="utf-8")
    assert producers_of(tmp_path) == (("co-so-loi", "co-so-loi"), ("co-so-vi-du", "Cơ sở Ví Dụ (co-so-vi-du)"))


def test_without_a_git_host_only_the_project_folder_is_offered_and_the_preview_is_the_site():
    config = editor_config(EditorSettings(site_name="Trang thử nghiệm", site_url="https://vi-du.example/"))
    assert config["backend"]["auth_methods"] == [] and config["backend"]["repo"].endswith("/trang-ocop")
    assert "site_url" not in config and config["app_title"] == "Quản trị nội dung – Trang thử nghiệm"
    assert "trình soạn thảo" in config["backend"]["commit_messages"]["create"]


def test_with_a_git_host_its_backend_and_the_published_address_are_used():
    backend = {"name": "gitea", "repo": "ubnd-thu-nghiem/ocop", "base_url": "https://git.vi-du.example"}
    config = editor_config(EditorSettings(site_name="Thử", site_url="https://vi-du.example/", backend=backend))
    assert {key: config["backend"][key] for key in backend} == backend and "auth_methods" not in config["backend"]
    assert config["site_url"] == "https://vi-du.example/"


def test_the_written_file_says_it_is_generated_and_reads_back_as_the_configuration():
    settings = EditorSettings(
        site_name="Thử", site_url="", categories=("Tin thử nghiệm",), producers=producers_of(ROOT / "products"),
    )
    text = config_yaml(settings)
    assert text.startswith("# Tạo tự động") and "đừng sửa tay" in text.splitlines()[0]
    assert yaml.safe_load(text) == editor_config(settings)
    products = next(c for c in editor_config(settings)["collections"] if c["name"] == "san-pham")
    producer = next(f for f in products["fields"] if f["name"] == "producer")
    assert {"label": "Năm Quyền (nam-quyen)", "value": "nam-quyen"} in producer["options"]
