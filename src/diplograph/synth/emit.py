"""Writing records as YAML (the block style people write), and counting the triples a record
will give once built, so the generator can size its output."""

from __future__ import annotations

import json
import re

_PLAIN = re.compile(r"^[a-z][a-z0-9-]*$|^\d{4}(-\d{2}){0,2}$")
_PARTNERSHIP_KINDS = ("sister-city", "sister-province", "friendship-city")
_LANGUAGE_MAPS = {"label", "alt_label", "description", "sector", "purpose", "target_milestone"}


def scalar(value: object) -> str:
    """A YAML scalar: ids, concept ids and dates plain, other text double-quoted."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    if _PLAIN.match(text) and text not in ("true", "false", "null", "yes", "no", "on", "off"):
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(value: object) -> str | None:
    """A one-line form for small values: scalars, lists of scalars, flat mappings."""
    if isinstance(value, dict):
        if all(not isinstance(v, dict | list) for v in value.values()):
            return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in value.items()) + "}"
        return None
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            return "[" + ", ".join(scalar(v) for v in value) + "]"
        return None
    return scalar(value)


def _block(value: object, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            flat = _flow(item)
            if flat is not None:
                out.append(f"{pad}{key}: {flat}")
            else:
                out.append(f"{pad}{key}:")
                _block(item, indent + 2, out)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                lines: list[str] = []
                _block(item, indent + 2, lines)
                lines[0] = f"{pad}- " + lines[0][indent + 2 :]
                out.extend(lines)
            else:
                out.append(f"{pad}- {_flow(item)}")


def to_yaml(record: dict, comment: str = "") -> str:
    """The YAML text of a record: top-level sections in the given order, a blank line between."""
    out = [f"# {line}" for line in comment.splitlines()]
    for section, value in record.items():
        if out:
            out.append("")
        out.append(f"{section}:")
        _block(value, 2, out)
    return "\n".join(out) + "\n"


# -- triple counting: mirrors diplograph.convert ------------------------------------------


def _quotes(value: object, extra: int = 0) -> int:
    if not value:
        return 0
    count = len(value) if isinstance(value, list) else 1
    return count * (4 + extra)


def _language_map(value: dict | list) -> int:
    if isinstance(value, list):
        return sum(_language_map(v) for v in value)
    return sum(len(v) if isinstance(v, list) else 1 for v in value.values())


def _nested(key: str, item: dict) -> int:
    if key == "stages":
        dates = sum(1 for k in ("date", "planned_date", "reached_by") if k in item)
        return 4 + dates + ("event" in item) + ("note" in item) + _quotes(item.get("quote"))
    if key == "participants":
        return 4 + ("post" in item) + _quotes(item.get("quote"))
    if key == "activities":
        label = len(item.get("label", {}))
        return 2 + label + ("field" in item) + ("status" in item) + _quotes(item.get("quote"))
    # quantities
    bounds = sum(1 for k in ("value", "min", "max") if k in item) + 2 * ("more_than" in item)
    return 2 + bounds + ("currency" in item) + ("unit" in item) + bool(item.get("approximate"))


def entity_triples(entity: dict) -> int:
    """The number of triples ``diplograph.convert`` makes of one entity."""
    count = 1
    for key, value in entity.items():
        if key == "id":
            continue
        if key == "quote":
            count += _quotes(value)
        elif key == "quotes":
            count += sum(_quotes(v, 1) for v in value.values())
        elif key in _LANGUAGE_MAPS or key in ("designation", "characterisation", "benefits"):
            count += _language_map(value)
        elif key in ("stages", "participants", "activities", "amounts"):
            count += sum(_nested(key, item) for item in value)
        elif key in ("land_area", "expected_jobs"):
            count += _nested(key, value)
        elif key == "parties":
            partnership = entity.get("kind") in _PARTNERSHIP_KINDS
            count += 2 * len(value) - 1 if partnership else len(value)
        elif isinstance(value, list):
            count += len(value)
        else:
            count += 1
    return count


def record_triples(record: dict) -> int:
    """Triples of a whole record: its source node and every entity."""
    source = record["source"]
    count = 3 + sum(1 for k in source if k not in ("id", "kind", "title", "text")) + 1
    count += "text" in source
    for section, entities in record.items():
        if section == "source":
            continue
        count += sum(entity_triples(e) for e in entities)
        count += len(entities) if section == "mentions" else 0
    return count
