"""The models' own words: every field has a Vietnamese title and a Vietnamese hint (its description).

They are what the officer reads: the editor at /quan-tri/ shows the title as the field's label and the
description as the hint under it, and the JSON Schemas that `ocop schema` writes carry both into the YAML
editors that complete the fields as she types.
"""
from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT
from pydantic import BaseModel

from ocop.model.models import Commune, Fair, Outlet, Producer, Product
from ocop.model.plan import Plan

# A letter only Vietnamese writes: an English word or a field name has none.
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE)

FILES = {"producer": Producer, "product": Product, "outlet": Outlet, "fair": Fair, "plan": Plan}


def every_field(model: type[BaseModel], path: str = ""):
    """(dotted name, field) of a model and of every model inside it."""
    for name, info in model.model_fields.items():
        yield f"{path}{name}", info
        for inner in _models_in(info.annotation):
            yield from every_field(inner, f"{path}{name}.")


def _models_in(annotation) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [found for argument in getattr(annotation, "__args__", ()) for found in _models_in(argument)]


@pytest.mark.parametrize("model", [*FILES.values(), Commune], ids=lambda model: model.__name__)
def test_every_field_has_a_vietnamese_label_and_hint(model):
    fields = list(every_field(model))
    assert len(fields) >= 3
    for name, info in fields:
        assert info.title and info.title.lower() != name.rsplit(".", 1)[-1], f"{model.__name__}.{name}: no Vietnamese label"
        assert info.description, f"{model.__name__}.{name}: no hint (Field description)"
        hint = info.description
        assert VIETNAMESE.search(hint) and hint.strip().lower() != name.rsplit(".", 1)[-1], (
            f"{model.__name__}.{name}: the hint is not Vietnamese: {hint!r}"
        )
        assert hint != info.title, f"{model.__name__}.{name}: the hint only repeats the label"


@pytest.mark.parametrize("kind", FILES)
def test_the_committed_json_schemas_carry_the_hints(kind):
    """What a YAML editor shows while the officer types: every property of products/_schema/ has its hint."""
    schema = json.loads((ROOT / "products" / "_schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    objects = [schema, *schema.get("$defs", {}).values()]
    properties = [(name, sub) for item in objects for name, sub in item.get("properties", {}).items()]
    assert len(properties) > 3
    for name, sub in properties:
        assert VIETNAMESE.search(sub.get("description", "")), f"{kind}.schema.json: '{name}' has no Vietnamese hint"
