"""Safe YAML reading that remembers the line of every mapping key and list item.

Records are untrusted text: this is PyYAML's ``SafeLoader`` (no object construction), with two
changes: mappings and lists keep the line numbers of their entries, so errors can point at
them, and timestamps stay strings, so that dates are checked by the record validator.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml


class LineDict(dict):
    """A mapping from YAML that knows its own line and the line of each key (1-based)."""

    line: int = 0
    lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


class LineList(list):
    """A list from YAML that knows its own line and the line of each item (1-based)."""

    line: int = 0
    lines: list[int]

    def line_of(self, index: int) -> int:
        return self.lines[index] if index < len(self.lines) else self.line


class _RecordLoader(yaml.SafeLoader):
    pass


_RecordLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _mapping(node: yaml.MappingNode, build: Callable[[yaml.Node], Any]) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = build(key_node)
        if not isinstance(key, str | int | float | bool):
            raise yaml.constructor.ConstructorError(
                None, None, "a mapping key must be a plain value", key_node.start_mark
            )
        key = str(key)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        result[key] = build(value_node)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(node: yaml.SequenceNode, build: Callable[[yaml.Node], Any]) -> LineList:
    result = LineList(build(child) for child in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result


def _construct_mapping(loader: _RecordLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    return _mapping(node, lambda child: loader.construct_object(child, deep=True))


def _construct_sequence(loader: _RecordLoader, node: yaml.SequenceNode) -> LineList:
    return _sequence(node, lambda child: loader.construct_object(child, deep=True))


_RecordLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_RecordLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)

_STR = "tag:yaml.org,2002:str"
_MAP = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG
_SEQ = yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG
_SCALARS = {f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float")}


class _Builder:
    """Builds from a composed document what ``_RecordLoader`` would, without PyYAML's generic
    construction of each node (most of the time of reading records with libyaml)."""

    def __init__(self, loader: yaml.BaseLoader) -> None:
        self.loader = loader
        self.built: dict[int, Any] = {}  # by id(node): an alias gets the object its anchor got
        self.building: set[int] = set()

    def build(self, node: yaml.Node) -> Any:
        tag = node.tag
        if tag == _STR and type(node) is yaml.ScalarNode:
            return node.value
        key = id(node)
        if key in self.built:
            return self.built[key]
        if key in self.building:
            raise yaml.constructor.ConstructorError(
                None, None, "found unconstructable recursive node", node.start_mark
            )
        self.building.add(key)
        if tag == _MAP and isinstance(node, yaml.MappingNode):
            self.loader.flatten_mapping(node)  # type: ignore[attr-defined]
            data: Any = _mapping(node, self.build)
        elif tag == _SEQ and isinstance(node, yaml.SequenceNode):
            data = _sequence(node, self.build)
        elif tag in _SCALARS and isinstance(node, yaml.ScalarNode):
            data = self.loader.yaml_constructors[tag](self.loader, node)  # type: ignore[attr-defined]
        else:  # other tags: PyYAML's own construction (and its errors)
            data = self.loader.construct_object(node, deep=True)  # type: ignore[attr-defined]
        self.building.discard(key)
        self.built[key] = data
        return data


try:  # libyaml parses several times faster; the constructors (line numbers) stay the same

    class _CRecordLoader(yaml.CSafeLoader):  # type: ignore[name-defined,misc]
        yaml_implicit_resolvers = _RecordLoader.yaml_implicit_resolvers
        yaml_constructors = dict(_RecordLoader.yaml_constructors)  # noqa: RUF012

        # libyaml calls these for every node. No path resolvers are registered, so what is
        # left of PyYAML's resolving is matching a plain scalar against the implicit types.
        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            pass

        def ascend_resolver(self) -> None:
            pass

        def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
            if kind is yaml.ScalarNode:
                if implicit[0]:
                    for tag, regexp in _PLAIN.get(value[:1], _ANY):
                        if regexp.match(value):
                            return tag
                return _STR
            return _SEQ if kind is yaml.SequenceNode else _MAP

    assert not _CRecordLoader.yaml_path_resolvers
    _ANY = _CRecordLoader.yaml_implicit_resolvers.get(None, [])
    _PLAIN = {
        first: [*resolvers, *_ANY]
        for first, resolvers in _CRecordLoader.yaml_implicit_resolvers.items()
        if first is not None
    }

except AttributeError:  # PyYAML built without libyaml
    _CRecordLoader = _RecordLoader  # type: ignore[misc]


def _load_fast(text: str) -> Any:
    loader = _CRecordLoader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _Builder(loader).build(node)
    finally:
        loader.dispose()


class YamlError(ValueError):
    """A file that is not valid YAML; ``line`` is 1-based."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.message = path, line, message


def read_yaml(path: Path) -> Any:
    """``load_yaml``, faster: libyaml and a direct construction give the same documents, and
    the pure-Python parser only words an error."""
    text = path.read_text(encoding="utf-8")
    try:
        return _load_fast(text)
    except yaml.MarkedYAMLError:
        return load_yaml(path)


def load_yaml(path: Path) -> Any:
    """Read one YAML document with line numbers; raise ``YamlError`` naming the line."""
    text = path.read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=_RecordLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlError(path, line, f"not valid YAML: {exc.problem or exc}") from None
