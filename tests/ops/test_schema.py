"""JSON Schemas of the data files (ops/schema.py): the committed ones are current, and the example files
and the plan satisfy them; `ocop check` warns when a site's schemas are not the installed engine's."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml
from conftest import ROOT


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


def test_plan_file_satisfies_its_schema():
    import json

    import jsonschema
    import yaml
    from conftest import ROOT

    schema = json.loads((ROOT / "products/_schema/plan.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(yaml.safe_load((ROOT / "products/_ke-hoach.yml").read_text(encoding="utf-8")), schema)


def test_check_warns_when_the_schemas_are_not_the_installed_engines(project):
    """After an upgrade that changed a model, the site's schemas are old: `ocop check` says so (and still
    passes), `ocop schema` rewrites them. Full tier: it runs `ocop`."""
    stale = project.products / "_schema" / "product.schema.json"
    stale.write_text(stale.read_text(encoding="utf-8").replace('"title"', '"title_cu"', 1), encoding="utf-8")
    checked = project.ocop("check")
    assert checked.code == 0, checked.text
    assert "products/_schema/: product.schema.json khác với bộ máy tạo trang đang cài" in checked.err
    assert "chạy ocop schema" in checked.err
    assert project.ocop("schema").code == 0
    assert "_schema" not in project.ocop("check").err
