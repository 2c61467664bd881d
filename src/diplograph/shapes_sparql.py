"""SHACL shapes as SPARQL: every constraint of ``ontology/shapes.ttl`` becomes one query for its
violations, run on the build's Oxigraph store instead of pyshacl on an rdflib graph.

The queries are generated from the shapes, so the shapes file stays the one statement of the
rules. The translation covers the SHACL Core the shapes use (targets by class and by subject;
predicate, inverse and alternative paths; ``sh:minCount``, ``maxCount``, ``class``,
``datatype``, ``nodeKind``, ``pattern``, ``in``, ``hasValue``, ``or``, ``and``, ``not``,
``node`` and ``lessThanOrEquals``); a shape using anything else raises ``UnsupportedShape``,
and the caller validates with pyshacl instead.

Each query returns one row per result pyshacl reports (pyshacl is the reference, and
``tests/test_shapes_sparql.py`` compares both), with pyshacl's semantics:

- the data graph is the union of every graph, ontology included (pyshacl mixes the ontology
  into the data graph), so class targets and ``sh:class`` follow ``rdfs:subClassOf``;
- a literal has a datatype when rdflib reads it as well-typed for it (for example, rdflib
  refuses ``"0000-01-01"^^xsd:date``), checked in Python through a custom function;
- ``sh:pattern`` is Python's ``re.search`` and ``sh:lessThanOrEquals`` compares the Python
  values, both custom functions too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from functools import lru_cache

import pyoxigraph
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH, XSD
from rdflib.term import XSDToPython

FUNCTION_BASE = "urn:diplograph:shacl-function:"
INSTANCE_OF = f"<{RDF.type}>/<{RDFS.subClassOf}>*"
# Stands for "node is an instance of class i" in a query until the store's subclasses of the
# class are known: testing rdf:type against them is several times faster than the path.
INSTANCE_MARK = re.compile("\x00([0-9]+) ([?][a-z0-9]+) ([?][a-z0-9]+)\x00")

# Parameters of a shape that select or describe it rather than constrain its values.
DESCRIPTIVE = {
    RDF.type,
    RDFS.comment,
    RDFS.label,
    SH.message,
    SH.name,
    SH.description,
    SH.order,
    SH.group,
    SH.severity,
    SH.deactivated,
    SH.targetClass,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.targetNode,
    SH.path,
    SH.property,
    SH.flags,
}
VALUE_PARAMETERS = {
    SH["class"],
    SH.datatype,
    SH.nodeKind,
    SH.pattern,
    SH["in"],
    SH["or"],
    SH["and"],
    SH["not"],
    SH.node,
    SH.lessThanOrEquals,
}
FOCUS_PARAMETERS = {SH.minCount, SH.maxCount, SH.hasValue}
SINGLE = {SH.path, SH.minCount, SH.maxCount, SH.datatype, SH.nodeKind, SH["in"], SH.flags}
NODE_KINDS = {
    SH.IRI: "isIRI({v})",
    SH.BlankNode: "isBlank({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isBlank({v}) || isIRI({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}
# pyshacl also checks the Python type rdflib gives the value of these datatypes.
PYTHON_TYPES: dict[URIRef, type] = {
    XSD.integer: int,
    XSD.float: float,
    XSD.decimal: Decimal,
    XSD.boolean: bool,
    XSD.date: date,
    XSD.time: time,
    XSD.dateTime: datetime,
}

Function = Callable[..., pyoxigraph.Literal]


class UnsupportedShape(ValueError):
    """A shape uses SHACL that the translation does not cover."""


@dataclass(frozen=True)
class Check:
    """One constraint: a row of its query whose ``flag`` is true is one violation of it."""

    rule: str
    """``shape <path>`` for a property shape, ``shape`` for a node shape (as ``check`` says)."""
    message: str
    flag: str


@dataclass(frozen=True)
class ShapeQuery:
    """The constraints checked on the same rows: focus nodes, or focus and value nodes."""

    query: str
    checks: tuple[Check, ...]


@dataclass
class CompiledShapes:
    queries: list[ShapeQuery]
    functions: dict[pyoxigraph.NamedNode, Function] = field(default_factory=dict)
    classes: list[str] = field(default_factory=list)
    """The classes of ``sh:class`` and ``sh:targetClass``, numbered as in the queries' marks."""

    def violations(self, store: pyoxigraph.Store) -> list[tuple[str, str, str]]:
        """(rule, focus node, message) of every result, as pyshacl would report them."""
        found = []
        for shape_query, query in zip(self.queries, self.sparql(store), strict=True):
            solutions = store.query(
                query, use_default_graph_as_union=True, custom_functions=self.functions
            )
            for solution in solutions:
                focus = solution["focus"].value  # type: ignore[union-attr]
                for check in shape_query.checks:
                    if solution[check.flag] == TRUE:
                        found.append((check.rule, focus, check.message))
        return found

    def sparql(self, store: pyoxigraph.Store) -> list[str]:
        """The queries, with the classes' tests written for the subclasses in ``store``."""
        subclasses = [_subclasses(store, cls) for cls in self.classes]

        def instance_test(mark: re.Match[str]) -> str:
            index, node, type_var = int(mark[1]), mark[2], mark[3]
            if subclasses[index] is None:
                return f"{node} {INSTANCE_OF} <{self.classes[index]}>"
            return f"VALUES {type_var} {{ {subclasses[index]} }} {node} <{RDF.type}> {type_var}"

        return [INSTANCE_MARK.sub(instance_test, q.query) for q in self.queries]


def _subclasses(store: pyoxigraph.Store, cls: str) -> str | None:
    """The class and its subclasses in the store, as a SPARQL list (``None``: a blank one)."""
    query = f"SELECT DISTINCT ?c WHERE {{ ?c <{RDFS.subClassOf}>* <{cls}> }}"
    found = {row["c"] for row in store.query(query, use_default_graph_as_union=True)}  # type: ignore[union-attr]
    if not all(isinstance(c, pyoxigraph.NamedNode) for c in found):
        return None
    return " ".join(sorted({f"<{c.value}>" for c in found} | {f"<{cls}>"}))


def compile_shapes(shapes: Graph) -> CompiledShapes:
    """The violation queries of every targeted shape of ``shapes``."""
    return _Compiler(shapes).compile()


def path_text(graph: Graph, path: object) -> str:
    """A SHACL path in short words: ``label``, ``^hasStageChange|stageChangeOf``."""
    if isinstance(path, URIRef):
        return str(path).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    inverse = graph.value(path, SH.inversePath)  # type: ignore[arg-type]
    if inverse is not None:
        return f"^{path_text(graph, inverse)}"
    alternatives = graph.value(path, SH.alternativePath)  # type: ignore[arg-type]
    if alternatives is not None:
        return "|".join(path_text(graph, p) for p in Collection(graph, alternatives))
    for repeat, mark in (
        (SH.zeroOrMorePath, "*"),
        (SH.oneOrMorePath, "+"),
        (SH.zeroOrOnePath, "?"),
    ):
        inner = graph.value(path, repeat)  # type: ignore[arg-type]
        if inner is not None:
            return f"({path_text(graph, inner)}){mark}"
    if graph.value(path, RDF.first) is not None:  # type: ignore[arg-type]
        return "/".join(path_text(graph, p) for p in Collection(graph, path))  # type: ignore[arg-type]
    return str(path)


class _Compiler:
    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.functions: dict[pyoxigraph.NamedNode, Function] = {}
        self.classes: list[str] = []
        self.names = 0

    # -- shapes and their parameters ---------------------------------------------------------

    def compile(self) -> CompiledShapes:
        targeted = sorted(
            {
                s
                for p in (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
                for s in self.graph.subjects(p, None)
            },
            key=str,
        )
        for shape in self.graph.subjects(RDF.type, None):
            if {RDFS.Class, URIRef("http://www.w3.org/2002/07/owl#Class")} & set(
                self.graph.objects(shape, RDF.type)
            ) and (shape, RDF.type, SH.NodeShape) in self.graph:
                raise UnsupportedShape(f"{shape}: implicit class targets are not translated")
        queries = [q for shape in targeted for q in self.shape_queries(shape)]
        return CompiledShapes(queries, self.functions, self.classes)

    def parameters(self, shape: object) -> dict[URIRef, list]:
        found: dict[URIRef, list] = {}
        for p, o in self.graph.predicate_objects(shape):  # type: ignore[arg-type]
            if p not in DESCRIPTIVE | VALUE_PARAMETERS | FOCUS_PARAMETERS:
                raise UnsupportedShape(f"{shape}: {p} is not translated")
            found.setdefault(p, []).append(o)
        for p, values in found.items():
            if len(values) > 1 and p in SINGLE:
                raise UnsupportedShape(f"{shape}: more than one {p}")
        if SH.flags in found and SH.pattern not in found:
            raise UnsupportedShape(f"{shape}: sh:flags without sh:pattern")
        return found

    def deactivated(self, parameters: dict[URIRef, list]) -> bool:
        return any(bool(getattr(d, "value", False)) for d in parameters.get(SH.deactivated, []))

    def active(self, parameters: dict[URIRef, list]) -> bool:
        """Whether the shape reports violations (pyshacl's results are filtered to them)."""
        severity = parameters.get(SH.severity, [SH.Violation])
        return not self.deactivated(parameters) and severity == [SH.Violation]

    def message(self, shape: object, parameters: dict[URIRef, list]) -> str:
        messages = parameters.get(SH.message, [])
        if len(messages) != 1 or not isinstance(messages[0], Literal):
            raise UnsupportedShape(f"{shape}: needs exactly one sh:message to be translated")
        return str(messages[0])

    def instance_of(self, node: str, cls: object) -> str:
        """A pattern matching when ``node`` is an instance of ``cls`` (see ``INSTANCE_MARK``)."""
        if not isinstance(cls, URIRef):
            raise UnsupportedShape(f"class {cls}")
        if str(cls) not in self.classes:
            self.classes.append(str(cls))
        return f"\x00{self.classes.index(str(cls))} {node} {self.fresh('t')}\x00"

    def fresh(self, stem: str) -> str:
        self.names += 1
        return f"?{stem}{self.names}"

    # -- the queries of a targeted shape -----------------------------------------------------

    def shape_queries(self, shape: object) -> Iterator[ShapeQuery]:
        """A query for the checks on the focus nodes, and one per path for those on its values
        (and one per ``sh:lessThanOrEquals``, whose results are pairs of values)."""
        parameters = self.parameters(shape)
        if self.deactivated(parameters):  # its property shapes are not checked either
            return
        focus = f"{{ SELECT DISTINCT ?focus WHERE {{ {self.targets(shape)} }} }}"
        on_focus: list[tuple[Check, str]] = []
        shapes = [shape] if SH.path in parameters else parameters.get(SH.property, [])
        if SH.path not in parameters and self.active(parameters):
            constraints = self.constraints(parameters, "node")
            if constraints:
                message = self.message(shape, parameters)
                for p, value in constraints:
                    ok = self.value_ok(p, value, "?focus", "?focus", None)
                    on_focus.append((self.check("shape", message), ok))
        for prop in shapes:
            prop_parameters = self.parameters(prop)
            if SH.property in prop_parameters:
                raise UnsupportedShape(f"{prop}: sh:property inside a property shape")
            if not self.active(prop_parameters):
                continue
            path_node = prop_parameters[SH.path][0]
            path = self.path(path_node)
            rule = f"shape {path_text(self.graph, path_node)}"
            message = self.message(prop, prop_parameters)
            on_values: list[tuple[Check, str]] = []
            for p, value in self.constraints(prop_parameters, "property"):
                check = self.check(rule, message)
                if p in FOCUS_PARAMETERS:
                    on_focus.append((check, self.focus_ok(p, value, "?focus", path)))
                elif p == SH.lessThanOrEquals:
                    yield self.pairs_query(focus, path, value, check)
                else:
                    on_values.append((check, self.value_ok(p, value, "?value", "?focus", path)))
            if on_values:
                rows = (
                    f"{{ SELECT DISTINCT ?focus ?value WHERE {{ {focus} ?focus {path} ?value }} }}"
                )
                yield self.flagged(rows, on_values)
        if on_focus:
            yield self.flagged(focus, on_focus)

    def check(self, rule: str, message: str) -> Check:
        return Check(rule, message, self.fresh("c")[1:])

    def flagged(self, rows: str, checks: list[tuple[Check, str]]) -> ShapeQuery:
        """A query of ``rows`` flagging each check that fails on a row (an error counts as met,
        as it would in a filter)."""
        binds = " ".join(f"BIND (!({ok}) AS ?{check.flag})" for check, ok in checks)
        failing = " || ".join(f"?{check.flag}" for check, _ in checks)
        flags = " ".join(f"?{check.flag}" for check, _ in checks)
        query = f"SELECT ?focus {flags} WHERE {{ {rows} {binds} FILTER ({failing}) }}"
        return ShapeQuery(query, tuple(check for check, _ in checks))

    def pairs_query(self, focus: str, path: str, other: object, check: Check) -> ShapeQuery:
        # one result per pair of values that are not in order, as pyshacl reports
        pairs = f"{focus} ?focus {path} ?value . ?focus {self.path(other)} ?other"
        query = (
            f"SELECT ?focus ?{check.flag} WHERE {{ "
            f"{{ SELECT DISTINCT ?focus ?value ?other WHERE {{ {pairs} }} }} "
            f"FILTER (!({self.in_order('?value', '?other')})) BIND (true AS ?{check.flag}) }}"
        )
        return ShapeQuery(query, (check,))

    def constraints(self, parameters: dict[URIRef, list], kind: str) -> list[tuple[URIRef, object]]:
        flags = parameters.get(SH.flags, [None])[0]
        found = [
            (p, (value, flags) if p == SH.pattern else value)
            for p, values in sorted(parameters.items())
            if p in VALUE_PARAMETERS | FOCUS_PARAMETERS
            for value in values
        ]
        if kind == "node" and any(
            p in (SH.minCount, SH.maxCount, SH.lessThanOrEquals) for p, _ in found
        ):
            raise UnsupportedShape("cardinality or property pairs on a node shape")
        return found

    def targets(self, shape: object) -> str:
        parts = []
        for cls in self.graph.objects(shape, SH.targetClass):  # type: ignore[arg-type]
            parts.append(f"{self.instance_of('?focus', cls)} .")
        for p in self.graph.objects(shape, SH.targetSubjectsOf):  # type: ignore[arg-type]
            parts.append(f"?focus {self.term(p)} [] .")
        for p in self.graph.objects(shape, SH.targetObjectsOf):  # type: ignore[arg-type]
            parts.append(f"[] {self.term(p)} ?focus .")
        for node in self.graph.objects(shape, SH.targetNode):  # type: ignore[arg-type]
            parts.append(f"VALUES ?focus {{ {self.term(node)} }}")
        return " UNION ".join(f"{{ {part} }}" for part in parts)

    # -- expressions: does a node conform? ---------------------------------------------------

    def conforms(self, shape: object, node: str) -> str:
        """An expression true when ``node`` conforms to ``shape`` (for or, and, not, node)."""
        parameters = self.parameters(shape)
        if self.deactivated(parameters):
            return "true"
        parts = []
        if SH.path in parameters:
            path = self.path(parameters[SH.path][0])
            for p, value in self.constraints(parameters, "property"):
                if p in FOCUS_PARAMETERS:
                    parts.append(self.focus_ok(p, value, node, path))
                else:
                    v = self.fresh("v")
                    ok = self.value_ok(p, value, v, node, path)
                    parts.append(f"NOT EXISTS {{ {node} {path} {v} . FILTER (!({ok})) }}")
            if SH.property in parameters:
                raise UnsupportedShape(f"{shape}: sh:property inside a property shape")
        else:
            for p, value in self.constraints(parameters, "node"):
                parts.append(self.value_ok(p, value, node, node, None))
        parts += [self.conforms(prop, node) for prop in parameters.get(SH.property, [])]
        return " && ".join(f"({part})" for part in parts) or "true"

    def focus_ok(self, p: URIRef, value: object, node: str, path: str) -> str:
        if p == SH.hasValue:
            return f"EXISTS {{ {node} {path} {self.term(value)} }}"
        count = int(value)  # type: ignore[call-overload]
        if p == SH.minCount:
            return self.at_least(count, node, path) if count > 0 else "true"
        return f"!({self.at_least(count + 1, node, path)})"  # sh:maxCount

    def at_least(self, count: int, node: str, path: str) -> str:
        """``node`` has ``count`` distinct values on ``path``."""
        values = [self.fresh("n") for _ in range(count)]
        patterns = " . ".join(f"{node} {path} {v}" for v in values)
        distinct = " && ".join(
            f"!sameTerm({a}, {b})" for i, a in enumerate(values) for b in values[i + 1 :]
        )
        return f"EXISTS {{ {patterns} {f'FILTER ({distinct})' if distinct else ''} }}"

    def value_ok(self, p: URIRef, value: object, v: str, node: str, path: str | None) -> str:
        """An expression true when value node ``v`` (of focus ``node``) meets one constraint."""
        if p == SH["class"]:
            return f"EXISTS {{ {self.instance_of(v, value)} }}"
        if p == SH.datatype:
            return self.datatype_ok(value, v)
        if p == SH.nodeKind:
            if value not in NODE_KINDS:
                raise UnsupportedShape(f"sh:nodeKind {value}")
            return NODE_KINDS[value].format(v=v)  # type: ignore[index]
        if p == SH.pattern:
            return f"IF(isBlank({v}), false, {self.pattern_function(*value)}({v}))"  # type: ignore[misc]
        if p == SH["in"]:
            members = [self.term(m) for m in Collection(self.graph, value)]  # type: ignore[arg-type]
            return " || ".join(f"sameTerm({v}, {m})" for m in members) or "false"
        if p == SH.hasValue:  # on a node shape: the node itself is the value
            return f"sameTerm({v}, {self.term(value)})"
        if p in (SH["or"], SH["and"]):
            members = [self.conforms(m, v) for m in Collection(self.graph, value)]  # type: ignore[arg-type]
            joined = (" || " if p == SH["or"] else " && ").join(f"({m})" for m in members)
            return joined or ("false" if p == SH["or"] else "true")
        if p == SH["not"]:
            return f"!({self.conforms(value, v)})"
        if p == SH.node:
            return self.conforms(value, v)
        if p == SH.lessThanOrEquals and path is not None:
            other = self.fresh("o")
            return (
                f"NOT EXISTS {{ {node} {self.path(value)} {other} . "
                f"FILTER (!({self.in_order(v, other)})) }}"
            )
        raise UnsupportedShape(f"{p} here is not translated")

    # -- the checks done in Python -----------------------------------------------------------

    def datatype_ok(self, datatype: object, v: str) -> str:
        if not isinstance(datatype, URIRef) or datatype in (RDFS.Literal, RDFS.Datatype):
            raise UnsupportedShape(f"sh:datatype {datatype}")
        same = f"(isLiteral({v}) && sameTerm(DATATYPE({v}), {self.term(datatype)}))"
        if datatype in (XSD.string, RDF.langString) or (
            datatype not in XSDToPython and datatype not in PYTHON_TYPES
        ):
            return same  # a text, or a type rdflib does not read: pyshacl takes any lexical form
        name = self.function(f"datatype-{len(self.functions)}", _datatype_function(datatype))
        return f"IF({same}, {name}({v}), false)"  # IF, not &&: Oxigraph evaluates both sides

    def pattern_function(self, pattern: object, flags: object) -> str:
        # as pyshacl: of the flags, only i and m count
        text = str(flags).lower() if flags is not None else ""
        compiled = re.compile(
            str(pattern), (re.I if "i" in text else 0) | (re.M if "m" in text else 0)
        )
        return self.function(f"pattern-{len(self.functions)}", _pattern_function(compiled))

    def in_order(self, a: str, b: str) -> str:
        name = self.function("less-than-or-equals", _less_than_or_equals)
        return f"{name}({a}, {b})"

    def function(self, name: str, implementation: Function) -> str:
        node = pyoxigraph.NamedNode(FUNCTION_BASE + name)
        self.functions.setdefault(node, implementation)
        return f"<{node.value}>"

    # -- terms and paths ---------------------------------------------------------------------

    def term(self, node: object) -> str:
        if isinstance(node, URIRef):
            return f"<{node}>"
        if isinstance(node, Literal):
            return node.n3()
        raise UnsupportedShape(f"a blank node {node} where a value is expected")

    def path(self, node: object) -> str:
        if isinstance(node, URIRef):
            return f"<{node}>"
        if not isinstance(node, BNode):
            raise UnsupportedShape(f"path {node}")
        inverse = self.graph.value(node, SH.inversePath)
        if inverse is not None:
            return f"^({self.path(inverse)})"
        alternatives = self.graph.value(node, SH.alternativePath)
        if alternatives is not None:
            return "(" + "|".join(self.path(p) for p in Collection(self.graph, alternatives)) + ")"
        for repeat, mark in (
            (SH.zeroOrMorePath, "*"),
            (SH.oneOrMorePath, "+"),
            (SH.zeroOrOnePath, "?"),
        ):
            inner = self.graph.value(node, repeat)
            if inner is not None:
                return f"({self.path(inner)}){mark}"
        if self.graph.value(node, RDF.first) is not None:
            return "(" + "/".join(self.path(p) for p in Collection(self.graph, node)) + ")"
        raise UnsupportedShape(f"path {node}")


TRUE, FALSE = pyoxigraph.Literal(True), pyoxigraph.Literal(False)


def _datatype_function(datatype: URIRef) -> Function:
    python_type = PYTHON_TYPES.get(datatype)

    @lru_cache(maxsize=65536)
    def well_typed(lexical: str) -> bool:
        # as pyshacl's DatatypeConstraintComponent on the literal rdflib reads
        value = Literal(lexical, datatype=datatype)
        if value.ill_typed:
            return False
        return python_type is None or isinstance(value.value, python_type)

    def check(term: pyoxigraph.Literal) -> pyoxigraph.Literal:
        return TRUE if well_typed(term.value) else FALSE

    return check


def _pattern_function(compiled: re.Pattern[str]) -> Function:
    @lru_cache(maxsize=65536)
    def matches(text: str) -> bool:
        return compiled.search(text) is not None

    def check(term: pyoxigraph.NamedNode | pyoxigraph.Literal) -> pyoxigraph.Literal:
        return TRUE if matches(term.value) else FALSE

    return check


def _python_value(term: object) -> tuple[bool, object]:
    """(is a string, the value pyshacl compares) of a term, as rdflib reads it."""
    if isinstance(term, pyoxigraph.NamedNode):
        return True, term.value
    if isinstance(term, pyoxigraph.Literal):
        if term.language or term.datatype.value == str(XSD.string):
            return True, term.value
        value = Literal(term.value, datatype=URIRef(term.datatype.value)).value
        return isinstance(value, str), value
    return False, None


def _less_than_or_equals(a: object, b: object) -> pyoxigraph.Literal:
    # pyshacl: a string (IRI or text) is never in order with a non-string; else Python's <=
    a_text, a_value = _python_value(a)
    b_text, b_value = _python_value(b)
    if a_text != b_text or a_value is None or b_value is None:
        return FALSE
    try:
        return TRUE if a_value <= b_value else FALSE  # type: ignore[operator]
    except TypeError:
        return FALSE
