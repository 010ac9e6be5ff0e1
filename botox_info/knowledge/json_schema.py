"""The knowledge-base format as JSON Schema, generated from schema.py's one definition.

It describes what a clinic's file may hold (schema.LAYER), which the built-in
file also satisfies, so an editor's YAML language server can complete and
check either. A statement, aftercare step, onset or duration may instead be
a reference, `{same_as: ID}` (see references.py). Cross-references (a cited
source or a same_as id that exists, unique ids) need the other files and are
left to `botox-info validate`.
"""

from __future__ import annotations

from typing import Any

from .schema import LAYER, SHARED, SLUG_TEXT, Flag, ListOf, MapOf, Number, OneOf, Record, Spec


def json_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "botox-info knowledge base",
        "description": "Side effects of Botox® injections with their sources; a clinic's file may hold any part.",
        **_convert(LAYER),
    }


def _convert(spec: Spec) -> dict[str, Any]:
    if isinstance(spec, Record):
        properties = {**spec.required, **spec.optional}
        converted: dict[str, Any] = {
            "type": "object",
            "properties": {name: _convert(child) for name, child in properties.items()},
            "additionalProperties": False,  # a typo such as 'mitigaton' is an error, as in validate
        }
        if spec.required:
            converted["required"] = list(spec.required)
        if spec.same_as:  # if/then/else rather than anyOf: an editor then names the very key that is wrong
            return {"type": "object", "if": {"required": ["same_as"]}, "then": _reference(spec), "else": converted}
        return converted
    if isinstance(spec, MapOf):
        return {"type": "object", "propertyNames": _convert(spec.key), "additionalProperties": _convert(spec.value)}
    if isinstance(spec, ListOf):
        return {"type": "array", "items": _convert(spec.item), "minItems": spec.min_items}
    if isinstance(spec, OneOf):
        return {"enum": list(spec.choices)}
    if isinstance(spec, Flag):
        return {"type": "boolean"}
    if isinstance(spec, Number):
        return {"type": "integer"} if spec.integer else {"type": "number"}
    text: dict[str, Any] = {"type": "string", "minLength": 1, "description": spec.hint}
    # Anchored, as the validator matches whole values; a plain text needs one visible character.
    text["pattern"] = f"^(?:{spec.pattern.pattern})$" if spec.pattern else r"\S"
    return text


def _reference(spec: Record) -> dict[str, Any]:
    """`{same_as: ID}` in place of a whole statement: only what the shared item does not give, and sources."""
    facts = {*SHARED.required, *SHARED.optional} - {"id", "sources"}
    fields = {name: child for name, child in {**spec.required, **spec.optional}.items() if name not in facts}
    return {
        "type": "object",
        "properties": {"same_as": _convert(SLUG_TEXT), **{name: _convert(child) for name, child in fields.items()}},
        "required": ["same_as", *(name for name in spec.required if name in fields and name != "sources")],
        "additionalProperties": False,
    }
