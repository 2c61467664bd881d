"""HermiT and Pellet (the Java OWL 2 DL reasoners shipped with owlready2), with a time limit.

The asserted data (ontology included) is loaded into a fresh ``owlready2.World()`` — never
owlready2's default world — from N-Triples written by rdflib, saved again as N-Triples and
handed to the reasoner in a process of its own session,
so that the time limit can end the Java process and everything it started, and a failure
becomes one line instead of a Java stack trace.

What the reasoner says is read back as triples: the types of each individual (closed upwards
over the class hierarchy it computed, so that they compare with what the rules infer) and
the values of every object property, minus what was asserted.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import owlready2
from owlready2 import reasoning as owl_reasoning
from rdflib import RDF, Graph, URIRef

from diplograph.reasoning.model import Inconsistent, Inference, ReasonerTimeout, ReasoningError
from diplograph.reasoning.workspace import TRIVIAL_TYPES

JAVA_MEMORY_MB = 2000
DEFAULT_TIMEOUT = 120.0
_TYPE = str(RDF.type)
_RESULT = re.compile(r"^([A-Za-z]+)\( ((?:<[^>]+>\s*)+)\)$", re.MULTILINE)
_HERMIT_PROPERTY = re.compile(
    r"^<([^>]+)> \(known instances:\s*(.*?)\s*\|\s*possible instances:", re.MULTILINE
)
_PAIR = re.compile(r"\(<([^>]+)>, <([^>]+)>\)")
_PELLET_PROPERTY = re.compile(r"^PROPINST: (\S+) (\S+) (\S+)\s*$", re.MULTILINE)


def reasoner_input(asserted: Graph, folder: Path) -> Path:
    """Write what the reasoner reads, through a fresh owlready2 world; the file's path.

    Loading into owlready2 (rather than handing rdflib's file straight to Java) checks that
    the data reads as OWL and gives the reasoner owlready2's normalised N-Triples.
    """
    data = folder / "asserted.nt"
    asserted.serialize(data, format="nt", encoding="utf-8")
    world = owlready2.World()
    try:
        world.get_ontology(data.as_uri()).load(format="ntriples")
        prepared = folder / "reasoner-input.nt"
        world.save(str(prepared), format="ntriples")
        return prepared
    except (OSError, ValueError, owlready2.OwlReadyError) as exc:
        raise ReasoningError(f"owlready2 could not read the data: {exc}") from None
    finally:
        world.close()


def _java(
    classpath: str, main_class: str, arguments: list[str], timeout: float, engine: str
) -> subprocess.CompletedProcess[str]:
    """Run Java in its own session; on time-out end that session (the JVM and its children)."""
    command = [owlready2.JAVA_EXE, f"-Xmx{JAVA_MEMORY_MB}M", "-cp", classpath, main_class]
    process = subprocess.Popen(
        command + arguments,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise ReasonerTimeout(f"{engine} did not finish within {timeout:g} s") from None
    except FileNotFoundError:  # pragma: no cover - depends on the machine
        raise ReasoningError(f"{engine} needs Java: `{owlready2.JAVA_EXE}` was not found") from None
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def _first_error_line(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("at ") and "Classifying" not in line:
            return line[:300]
    return "no message"


def run_hermit(path: Path, timeout: float) -> str:
    arguments = [
        "-c",
        "-O",
        "-I",
        "-Y",
        "--ignoreUnsupportedDatatypes",
        path.as_uri(),
    ]
    result = _java(
        owl_reasoning._HERMIT_CLASSPATH,
        "org.semanticweb.HermiT.cli.CommandLine",
        arguments,
        timeout,
        "HermiT",
    )
    if result.returncode != 0:
        if "Inconsistent ontology" in result.stdout + result.stderr:
            raise Inconsistent("hermit", [], "HermiT found the data inconsistent with the ontology")
        raise ReasoningError(f"HermiT failed: {_first_error_line(result.stderr)}")
    return result.stdout


def run_pellet(path: Path, timeout: float) -> str:
    arguments = [
        "realize",
        "--loader",
        "OWLAPIv3",  # the bundled Jena loader needs a newer Java than 17
        "--infer-prop-values",
        "--ignore-imports",
        path.as_uri(),
    ]
    result = _java(owl_reasoning._PELLET_CLASSPATH, "pellet.Pellet", arguments, timeout, "Pellet")
    if result.returncode != 0:
        if "inconsistent" in result.stderr.lower():
            raise Inconsistent("pellet", [], "Pellet found the data inconsistent with the ontology")
        raise ReasoningError(f"Pellet failed: {_first_error_line(result.stderr)}")
    return result.stdout


Role = tuple[str, bool]  # a property, or its inverse (True)
_ROLE = re.compile(r"ObjectInverseOf\( <([^>]+)> \)|<([^>]+)>")
_PROPERTY_AXIOM = re.compile(
    r"^(SubObjectPropertyOf|EquivalentObjectProperties)\( (.*) \)$", re.MULTILINE
)


def hermit_facts(
    output: str,
) -> tuple[dict[str, set[str]], dict[str, set[str]], set[tuple[str, str, str]]]:
    """Direct types, superclasses and property values from HermiT's answer.

    HermiT lists the values of each property without those that only follow from a
    subproperty (``headquarteredIn`` ⊑ ``originRegion``), so they are added here from the
    property hierarchy HermiT printed (``-O``), inverses included.
    """
    types: dict[str, set[str]] = defaultdict(set)
    supers: dict[str, set[str]] = defaultdict(set)
    for relation, iris in _RESULT.findall(output):
        names = re.findall(r"<([^>]+)>", iris)
        if relation == "Type" and len(names) == 2:
            types[names[0]].add(names[1])
        elif relation == "SubClassOf" and len(names) == 2:
            supers[names[0]].add(names[1])
        elif relation == "EquivalentClasses":
            for a in names:
                supers[a].update(n for n in names if n != a)
    values = {
        (a, prop, b)
        for prop, known in _HERMIT_PROPERTY.findall(output)
        for a, b in _PAIR.findall(known)
    }
    return types, supers, _close_over_properties(values, _role_hierarchy(output))


def _role_hierarchy(output: str) -> dict[Role, set[Role]]:
    above: dict[Role, set[Role]] = defaultdict(set)
    for relation, body in _PROPERTY_AXIOM.findall(output):
        roles = [(inv or iri, bool(inv)) for inv, iri in _ROLE.findall(body)]
        pairs = [(roles[0], roles[1])] if relation.startswith("Sub") and len(roles) == 2 else []
        if relation.startswith("Equivalent"):
            pairs = [(a, b) for a in roles for b in roles if a != b]
        for sub, sup in pairs:
            above[sub].add(sup)
            above[(sub[0], not sub[1])].add((sup[0], not sup[1]))
    return above


def _close_over_properties(
    values: set[tuple[str, str, str]], above: dict[Role, set[Role]]
) -> set[tuple[str, str, str]]:
    closed = set(values)
    for a, prop, b in values:
        seen: set[Role] = set()
        todo: list[Role] = [(prop, False)]
        while todo:
            for sup in above.get(todo.pop(), ()):
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        for iri, inverse in seen:
            closed.add((b, iri, a) if inverse else (a, iri, b))
    return closed


def pellet_facts(output: str) -> tuple[dict[str, set[str]], dict[str, set[str]], set[tuple]]:
    """The same from Pellet's indented class tree (``Class - (ind, …)``) and PROPINST lines."""
    types: dict[str, set[str]] = defaultdict(set)
    supers: dict[str, set[str]] = defaultdict(set)
    stack: list[tuple[int, list[str]]] = []
    for line in output.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("PROPINST:") or stripped.startswith("DATAPROPVAL:"):
            continue
        depth = len(line) - len(line.lstrip())
        head, _, individuals = stripped.partition(" - ")
        classes = [c.strip() for c in head.split(" = ")]
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if stack:
            for cls in classes:
                supers[cls].update(stack[-1][1])
        for cls in classes:
            supers[cls].update(c for c in classes if c != cls)
        stack.append((depth, classes))
        if individuals:
            for name in individuals.strip("()").split(", "):
                if "Anonymous" not in name:
                    types[name.strip()].update(classes)
    values = {(a, p, b) for a, p, b in _PELLET_PROPERTY.findall(output)}
    return types, supers, values


def _ancestors(cls: str, supers: dict[str, set[str]]) -> set[str]:
    seen, todo = set(), [cls]
    while todo:
        for parent in supers.get(todo.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def facts_to_triples(
    types: dict[str, set[str]], supers: dict[str, set[str]], values: set[tuple], asserted: Graph
) -> list[str]:
    """Close the types over the class hierarchy, drop what was asserted; N-Triples lines."""
    classes = set(supers) | {c for cs in supers.values() for c in cs}
    lines = set()
    for individual, direct in types.items():
        if individual in classes:
            continue
        for cls in set(direct).union(*(_ancestors(c, supers) for c in direct)):
            if cls not in TRIVIAL_TYPES and not cls.startswith("http://www.w3.org/2002/07/owl#"):
                triple = (URIRef(individual), RDF.type, URIRef(cls))
                if triple not in asserted:
                    lines.add(f"<{individual}> <{_TYPE}> <{cls}> .")
    for a, prop, b in values:
        if prop.startswith("http://www.w3.org/2002/07/owl#"):
            continue
        if (URIRef(a), URIRef(prop), URIRef(b)) not in asserted:
            lines.add(f"<{a}> <{prop}> <{b}> .")
    return sorted(lines)


def run_owl_reasoner(engine: str, asserted: Graph, timeout: float = DEFAULT_TIMEOUT) -> Inference:
    """Run ``hermit`` or ``pellet`` on the asserted graph; raises ``Inconsistent``,
    ``ReasonerTimeout`` or ``ReasoningError``."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="diplograph-owl-") as tmp:
        prepared = reasoner_input(asserted, Path(tmp))
        remaining = max(1.0, timeout - (time.perf_counter() - started))
        if engine == "hermit":
            types, supers, values = hermit_facts(run_hermit(prepared, remaining))
        elif engine == "pellet":
            types, supers, values = pellet_facts(run_pellet(prepared, remaining))
        else:
            raise ValueError(f"not a Java reasoner: {engine!r}")
    triples = facts_to_triples(types, supers, values, asserted)
    return Inference(engine, triples, time.perf_counter() - started)
