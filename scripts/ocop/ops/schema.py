"""JSON Schemas of the data files, made from the models: the one description of every field that editors
(VS Code's YAML extension today) check the officer's files against while she types."""
from __future__ import annotations

import json

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
