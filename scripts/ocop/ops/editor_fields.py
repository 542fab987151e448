"""The editor's form fields (Sveltia CMS widgets) of a pydantic model, field by field.

The same models make the JSON Schemas (schema.py): a field renamed, made required or given another
choice in the models is renamed, required or offered in the editor's forms too. Each field's label and
hint are the model's `title` and `description`.
"""
from __future__ import annotations

import datetime as dt
import types
import typing
from enum import Enum
from typing import Any

from pydantic import BaseModel

LONG_TEXT = 2000  # longer than this: a text area rather than one line


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type without `| None`, and whether None was allowed."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        optional = len(args) < len(typing.get_args(annotation))
        inner, _ = _unwrap(args[0]) if len(args) == 1 else (args[0], False)
        return inner, optional
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    return annotation, False


def _metadata(annotation: Any) -> list:
    """Every constraint attached to a type, through `Annotated` and `| None`."""
    found = []
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        inner, *extra = typing.get_args(annotation)
        found += extra + _metadata(inner)
    elif origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found += _metadata(arg)
    return found


def _date_field(annotation: Any) -> bool:
    return _unwrap(annotation)[0] is dt.date


def _is_long(annotation: Any, info) -> bool:
    lengths = [getattr(item, "max_length", None) or 0 for item in _metadata(annotation) + list(info.metadata)]
    return max(lengths, default=0) > LONG_TEXT


def _widget(annotation: Any, info) -> dict:
    """The Sveltia widget of one model field's type."""
    inner, _ = _unwrap(annotation)
    origin = typing.get_origin(inner)
    if _date_field(annotation):
        # A date picker written as 2025-05-31, which YAML reads as a date and the models accept.
        return {"widget": "datetime", "type": "date", "format": "YYYY-MM-DD", "time_format": False}
    if isinstance(inner, type) and issubclass(inner, Enum):
        return {"widget": "select", "options": [member.value for member in inner]}
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return {"widget": "object", "collapsed": True, "fields": model_fields(inner)}
    if origin is list:
        (item,) = typing.get_args(inner)
        item_type, _ = _unwrap(item)
        if isinstance(item_type, type) and issubclass(item_type, BaseModel):
            return {"widget": "list", "collapsed": True, "fields": model_fields(item_type)}
        return {"widget": "list", "field": {"name": "item", "label": "Mục", "widget": "string"}}
    if inner is bool:
        return {"widget": "boolean"}
    if inner is int:
        return {"widget": "number", "value_type": "int"}
    if inner is float:
        return {"widget": "number", "value_type": "float"}
    return {"widget": "text" if _is_long(annotation, info) else "string"}


def model_fields(model: type[BaseModel], overrides: dict[str, dict] | None = None) -> list[dict]:
    """The editor's fields of a model, in the model's order, the English block (`en`) last."""
    overrides = overrides or {}
    fields = []
    for name, info in model.model_fields.items():
        field = {"name": name, "label": info.title or name, **_widget(info.annotation, info)}
        if info.description:
            field["hint"] = info.description
        field["required"] = info.is_required()
        override = overrides.get(name, {})
        if override.get("widget", field["widget"]) != field["widget"]:  # another widget: none of the type's options
            field = {key: field[key] for key in ("name", "label", "hint", "required") if key in field}
        field.update(override)
        if field["widget"] != "number":
            field.pop("value_type", None)
        fields.append(field)
    fields.sort(key=lambda field: field["name"] == "en")
    return fields
