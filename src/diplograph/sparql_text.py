"""Reading the structure of SPARQL query text without evaluating it.

A small tokenizer that knows comments, strings and IRIs, enough to tell the query form, to find
the group of the top-level ``WHERE`` clause, and to spot clauses that would reach outside the
dataset (``SERVICE``, ``FROM``). It is what lets parameters be sent to a remote endpoint as a
``VALUES`` block placed by structure, never by splicing user text into the query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_IRI = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_\-.]*(?::[^\s{}()\[\];,\"'<>#]*)?|:[^\s{}()\[\];,\"'<>#]*")
_VARIABLE = re.compile(r"[?$][A-Za-z0-9_]+")
_LONG_STRING = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|' r"'''(?:[^'\\]|\\.|'(?!''))*'''", re.S)
_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|' r"'(?:[^'\\\n]|\\.)*'")

FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY"}


class QueryTextError(ValueError):
    """The text is not a query this layer can run."""


@dataclass(frozen=True)
class Token:
    kind: str  # word, var, brace, other
    text: str
    start: int
    depth: int  # nesting of { } before this token


def tokens(text: str) -> list[Token]:
    """Keywords, variables and braces of ``text``; comments, strings and IRIs are skipped."""
    found: list[Token] = []
    depth, i, n = 0, 0, len(text)
    while i < n:
        char = text[i]
        if char.isspace():
            i += 1
        elif char == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif char in "\"'":
            match = _LONG_STRING.match(text, i) or _STRING.match(text, i)
            if match is None:
                raise QueryTextError("unterminated string in the query")
            i = match.end()
        elif char == "<" and (match := _IRI.match(text, i)):
            i = match.end()
        elif char in "?$" and (match := _VARIABLE.match(text, i)):
            found.append(Token("var", match.group(), i, depth))
            i = match.end()
        elif char == "{":
            found.append(Token("brace", "{", i, depth))
            depth += 1
            i += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                raise QueryTextError("unbalanced '}' in the query")
            found.append(Token("brace", "}", i, depth))
            i += 1
        elif match := _NAME.match(text, i):
            found.append(Token("word", match.group(), i, depth))
            i = match.end()
        else:
            i += 1
    if depth != 0:
        raise QueryTextError("unbalanced '{' in the query")
    return found


def _keywords(found: list[Token]) -> list[Token]:
    return [t for t in found if t.kind == "word" and ":" not in t.text]


def query_form(text: str) -> str:
    """SELECT, CONSTRUCT, DESCRIBE or ASK; updates are refused."""
    for token in _keywords(tokens(text)):
        word = token.text.upper()
        if word in FORMS:
            return word
        if word in UPDATE_KEYWORDS:
            raise QueryTextError("updates are not allowed here: this runs read-only queries")
    raise QueryTextError("not a SPARQL query: no SELECT, CONSTRUCT, DESCRIBE or ASK")


def outside_clauses(text: str) -> set[str]:
    """Which of SERVICE, FROM (dataset clauses) the query uses."""
    words = {t.text.upper() for t in _keywords(tokens(text))}
    return words & {"SERVICE", "FROM"}


def where_group_start(text: str) -> int:
    """The offset just after the ``{`` that opens the top-level WHERE group."""
    found = tokens(text)
    form = query_form(text)
    index = next(i for i, t in enumerate(found) if t.kind == "word" and t.text.upper() == form)
    rest = found[index + 1 :]
    if form == "CONSTRUCT" and rest and rest[0].text == "{":
        # Skip the template: the WHERE group follows it, unless this is CONSTRUCT WHERE { }.
        closing = next(i for i, t in enumerate(rest) if t.text == "}" and t.depth == 0)
        rest = rest[closing + 1 :]
    for token in rest:
        if token.kind == "brace" and token.text == "{" and token.depth == 0:
            return token.start + 1
    raise QueryTextError("the query has no WHERE group")


def with_values(text: str, values: dict[str, str]) -> str:
    """``text`` with ``VALUES (?a ?b) { (t1 t2) }`` opening its WHERE group.

    ``values`` maps variable names (checked here) to terms already serialised as N-Triples, so
    the only text added is made of checked names and escaped terms.
    """
    if not values:
        return text
    for name in values:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryTextError(f"not a variable name: {name!r}")
    at = where_group_start(text)
    names = " ".join(f"?{n}" for n in values)
    terms = " ".join(values.values())
    return f"{text[:at]}\n  VALUES ({names}) {{ ({terms}) }}\n{text[at:]}"
