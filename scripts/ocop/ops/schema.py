"""JSON Schemas of the data files, made from the models: the one description of every field that editors
(VS Code's YAML extension today) check the officer's files against while she types."""
from __future__ import annotations

import json
from pathlib import Path

from ..model.fair import Fair
from ..model.outlet import Outlet
from ..model.plan import Plan
from ..model.producer import Producer
from ..model.product import Product

SCHEMA_DIR = "_schema"  # under products/


def schemas() -> dict[str, str]:
    """JSON Schemas of the data files (producer, product, plan), for editors that check YAML as one types."""
    result = {}
    for name, model in (
        ("producer.schema.json", Producer),
        ("product.schema.json", Product),
        ("plan.schema.json", Plan),
        ("outlet.schema.json", Outlet),
        ("fair.schema.json", Fair),
    ):
        document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
        result[name] = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return result


def stale_schemas(products_dir: Path) -> list[str]:
    """The site's schema files (products/_schema/) that differ from the installed engine's models, as
    Vietnamese warnings: after an upgrade of the engine, `ocop schema` rewrites them (never done by itself,
    so an upgrade changes nothing in the site's folder). A site without the folder gets no warning."""
    folder = products_dir / SCHEMA_DIR
    if not folder.is_dir():
        return []
    differing = [name for name, text in schemas().items()
                 if not (folder / name).is_file() or (folder / name).read_text(encoding="utf-8") != text]
    if not differing:
        return []
    return [f"{products_dir.name}/{SCHEMA_DIR}/: {', '.join(differing)} khác với bộ máy tạo trang đang cài "
            "(có lẽ vừa nâng cấp): chạy ocop schema để trình soạn thảo gợi ý đúng các trường"]
