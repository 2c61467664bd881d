"""SPARQL 1.1 query results (JSON, XML, CSV, TSV) written from engine-neutral ``Result``s.

The endpoint stops reading solutions at its row limit, so it cannot hand the engine's own
iterator to the engine's serialiser; it writes the rows it kept with these functions instead.
The formats follow the W3C recommendations: SPARQL 1.1 Query Results JSON, SPARQL Query Results
XML, and SPARQL 1.1 Query Results CSV and TSV (TSV cells are RDF terms in Turtle/N-Triples
syntax, CSV cells are plain values).
"""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

from diplograph.params import ntriples
from diplograph.results import Result, Term

SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"


def to_json(result: Result) -> bytes:
    return json.dumps(result.to_json(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _xml_term(term: Term) -> str:
    if term.type == "uri":
        return f"<uri>{escape(term.value)}</uri>"
    if term.type == "bnode":
        return f"<bnode>{escape(term.value)}</bnode>"
    attributes = ""
    if term.lang:
        attributes = f" xml:lang={quoteattr(term.lang)}"
    elif term.datatype:
        attributes = f" datatype={quoteattr(term.datatype)}"
    return f"<literal{attributes}>{escape(term.value)}</literal>"


def to_xml(result: Result) -> bytes:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<sparql xmlns="{SPARQL_RESULTS_NS}">']
    if result.boolean is not None:
        lines += ["<head/>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>"]
    else:
        lines.append("<head>")
        lines += [f"<variable name={quoteattr(name)}/>" for name in result.variables]
        lines += ["</head>", "<results>"]
        for row in result.bindings:
            lines.append("<result>")
            for name, term in zip(result.variables, row, strict=True):
                if term is not None:
                    lines.append(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
            lines.append("</result>")
        lines.append("</results>")
    lines.append("</sparql>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _csv_cell(term: Term | None) -> str:
    if term is None:
        return ""
    return "_:" + term.value if term.type == "bnode" else term.value


def to_csv(result: Result) -> bytes:
    """CSV results: a header of variable names, then plain values (lines end with CRLF)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.boolean is not None:
        writer.writerow(["boolean"])
        writer.writerow(["true" if result.boolean else "false"])
    else:
        writer.writerow(result.variables)
        for row in result.bindings:
            writer.writerow([_csv_cell(term) for term in row])
    return buffer.getvalue().encode("utf-8")


def _tsv_cell(term: Term | None) -> str:
    if term is None:
        return ""
    if term.type == "bnode":
        return "_:" + term.value
    return ntriples(term)


def to_tsv(result: Result) -> bytes:
    """TSV results: ``?name`` headers, then terms as N-Triples (tabs and newlines escaped)."""
    if result.boolean is not None:
        return f"?boolean\n{'true' if result.boolean else 'false'}\n".encode()
    lines = ["\t".join(f"?{name}" for name in result.variables)]
    lines += ["\t".join(_tsv_cell(term) for term in row) for row in result.bindings]
    return ("\n".join(lines) + "\n").encode("utf-8")


WRITERS = {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv}


def write_results(result: Result, fmt: str) -> bytes:
    """``result`` (solutions or a boolean) in the results format named ``fmt``."""
    return WRITERS[fmt](result)
