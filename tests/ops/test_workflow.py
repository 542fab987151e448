"""The officer's loop: edit a YAML file, see the page change; export the pages for another engine."""
from __future__ import annotations

import json
import subprocess
import urllib.request
from pathlib import Path

import jsonschema
import yaml
from conftest import BIN, ROOT, environment, free_port, text_of, wait_until

FISH_SAUCE = "products/nam-quyen/nuoc-mam-nam-quyen.yml"


def _edit(project, old: str, new: str) -> None:
    path = project.root / FISH_SAUCE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_edited_yaml_file_changes_the_built_page(project):
    assert project.build().code == 0
    assert "Ủ chượp trong chum sành" not in project.page("san-pham/nuoc-mam-nam-quyen/")
    _edit(project, "certification:", "story: Ủ chượp trong chum sành.\ncertification:")
    assert project.build().code == 0
    assert "Ủ chượp trong chum sành" in text_of(project.page("san-pham/nuoc-mam-nam-quyen/"))


def test_mkdocs_serve_picks_up_an_edit(project):
    """`make serve` watches products/: an edit shows on the next load, without restarting."""
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/san-pham/nuoc-mam-nam-quyen/"

    def fetch():
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    try:
        assert "Nước mắm Năm Quyền" in wait_until(fetch, timeout=60)
        _edit(project, "name: Nước mắm Năm Quyền", "name: Nước mắm cốt Năm Quyền")
        wait_until(lambda: "Nước mắm cốt Năm Quyền" in fetch(), timeout=60)
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_stopping_ocop_serve_stops_its_preview_server(project):
    """`ocop serve` runs `mkdocs serve` as a child: stopping `ocop` (as a service manager or a test does,
    with SIGTERM) must free the port, or the next preview cannot start."""
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "ocop"), "serve", "--address", f"127.0.0.1:{port}"],
        cwd=project.root, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/"

    def answers() -> bool:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status == 200
        except OSError:
            return False

    try:
        wait_until(answers, timeout=90)
    finally:
        server.terminate()
        server.wait(timeout=30)
    wait_until(lambda: not answers(), timeout=30)


def test_export_builds_with_plain_mkdocs(project, tmp_path):
    """The exported project does not depend on the plugin: plain MkDocs builds it, run in its folder with
    its own mkdocs.yml, into the same pages."""
    exported = tmp_path / "exported"
    result = project.ocop("export", str(exported))
    assert result.code == 0, result.text
    assert (exported / "docs" / "san-pham" / "nuoc-mam-nam-quyen.md").is_file()
    assert (exported / "docs" / "san-pham" / "nuoc-mam-nam-quyen" / "qr-nuoc-mam-nam-quyen.png").is_file()
    assert (exported / "docs" / "index.md").is_file()
    plain = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict"], cwd=exported, capture_output=True, text=True, env=environment(),
    )
    assert plain.returncode == 0, plain.stderr
    assert project.build().code == 0
    for page in ("san-pham/nuoc-mam-nam-quyen/index.html", "co-so/huan-hong/index.html", "san-pham/index.html"):
        plain_html = (exported / "site" / page).read_text(encoding="utf-8")
        assert text_of(plain_html) == text_of((project.site / page).read_text(encoding="utf-8"))


def test_export_refuses_a_folder_with_content(project, tmp_path):
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "keep.txt").write_text("x")
    result = project.ocop("export", str(tmp_path / "full"))
    assert result.code == 1 and "thư mục trống" in result.err


def test_committed_json_schemas_are_current():
    from ocop.ops.schema import schemas

    for name, text in schemas().items():
        assert (ROOT / "products" / "_schema" / name).read_text(encoding="utf-8") == text, f"run `ocop schema` ({name})"


def test_example_files_satisfy_the_schemas():
    """What the editor checks as the officer types agrees with what `ocop check` accepts."""
    schema_dir = ROOT / "products" / "_schema"
    product_schema = json.loads((schema_dir / "product.schema.json").read_text(encoding="utf-8"))
    producer_schema = json.loads((schema_dir / "producer.schema.json").read_text(encoding="utf-8"))
    files = sorted(path for path in Path(ROOT / "products").glob("*/*.yml") if not path.parent.name.startswith("_"))
    assert len(files) >= 4
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        jsonschema.validate(data, producer_schema if path.name == "producer.yml" else product_schema)
        assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../_schema/")
    jsonschema.validate({"name": "X", "producer": "x", "group": "thuc-pham", "certification": "candidate"}, product_schema)
    try:
        jsonschema.validate({"name": "X", "producer": "x", "group": "thuc-pham", "stras": 3}, product_schema)
    except jsonschema.ValidationError:
        pass
    else:
        raise AssertionError("the schema should refuse unknown fields")
