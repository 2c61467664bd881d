"""Reading the structure of SPARQL query text without evaluating it.

A small tokenizer that knows comments, strings and IRIs, enough to tell the query form, to find
the group of the top-level ``WHERE`` clause, and to spot clauses that would reach outside the
dataset (``SERVICE``, ``FROM``); and to find where a variable stands for a query parameter. It
is what lets parameters be written into the query as constants, or sent to a remote endpoint as
a ``VALUES`` block, placed by structure, never by splicing user text into the query.
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
    kind: str  # word, var, brace, paren
    text: str
    start: int
    depth: int  # nesting of { } before this token


def tokens(text: str) -> list[Token]:
    """Keywords, variables, braces and parentheses of ``text``; comments, strings and IRIs
    are skipped."""
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
        elif char in "()":
            found.append(Token("paren", char, i, depth))
            i += 1
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


def _closing(found: list[Token], index: int) -> int:
    """The index of the ``}`` that closes the ``{`` at ``found[index]``."""
    depth = found[index].depth
    for j in range(index + 1, len(found)):
        if found[j].kind == "brace" and found[j].text == "}" and found[j].depth == depth:
            return j
    raise QueryTextError("unbalanced '{' in the query")


def _projection(found: list[Token]) -> set[str] | None:
    """The variables a SELECT clause (its tokens after ``SELECT``) projects; ``None`` for ``*``."""
    names, level, parens = set(), 0, False
    for token in found:
        if token.kind == "paren":
            parens = True
            level += 1 if token.text == "(" else -1
        elif token.kind == "var" and level == 0:
            names.add(token.text[1:])
    return None if not names and not parens else names


def _checked(constants: dict[str, str]) -> None:
    for name in constants:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryTextError(f"not a variable name: {name!r}")


def with_constants(text: str, constants: dict[str, str]) -> str | None:
    """``text`` with the variables of ``constants`` written as those terms, or ``None``.

    ``constants`` maps variable names to terms serialised as N-Triples. A variable is replaced
    wherever it names the same variable as in the query's WHERE clause: in that clause and in
    the sub-queries that project it (recursively), with their FILTER, OPTIONAL, EXISTS and GRAPH
    parts; not in a sub-query that does not project it (there it is another variable).
    ``BOUND(?v)`` becomes ``true``. Each of those groups opens with ``VALUES (?v) { (term) }``,
    so the SELECT clauses, GROUP BY, ORDER BY and CONSTRUCT templates, which keep the
    variable, still see it bound. The result means what binding the variables before the
    query runs means, but an engine plans it from the constants.

    ``None`` when the query uses a variable where a term cannot stand or where replacing it
    could change the answer (``AS ?v``, ``VALUES ?v``, inside ``MINUS``): the caller then
    binds it as before.
    """
    if not constants:
        return text
    _checked(constants)
    found = tokens(text)
    query_form(text)  # refuses updates
    for i, token in enumerate(found):
        word = token.text.upper() if token.kind == "word" else ""
        if token.kind == "var" and token.text[1:] in constants and i:
            before = found[i - 1]
            if before.kind == "word" and before.text.upper() == "AS":
                return None
        if word == "VALUES":
            after = found[i + 1 : i + 2]
            if after and after[0].kind == "paren":
                closing = next(j for j in range(i + 1, len(found)) if found[j].text == ")")
                listed = found[i + 2 : closing]
            else:
                listed = after
            if any(t.kind == "var" and t.text[1:] in constants for t in listed):
                return None
        if word == "MINUS" and i + 1 < len(found) and found[i + 1].text == "{":
            inside = found[i + 1 : _closing(found, i + 1)]
            if any(t.kind == "var" and t.text[1:] in constants for t in inside):
                return None
    start = where_group_start(text)
    top = next(i for i, t in enumerate(found) if t.kind == "brace" and t.start == start - 1)
    edits: list[tuple[int, int, str]] = []

    def visit(opening: int, names: set[str]) -> None:
        closing = _closing(found, opening)
        chosen = [n for n in constants if n in names]
        variables = " ".join(f"?{n}" for n in chosen)
        terms = " ".join(constants[n] for n in chosen)
        at = found[opening].start + 1
        edits.append((at, at, f"\n  VALUES ({variables}) {{ ({terms}) }}\n"))
        j = opening + 1
        while j < closing:
            token = found[j]
            if token.kind == "word" and token.text.upper() == "SELECT":
                # a sub-query, alone in its braces: its own WHERE group, then its modifiers
                group = next(k for k in range(j + 1, closing) if found[k].text == "{")
                projected = _projection(found[j + 1 : group])
                inner = names if projected is None else names & projected
                if inner:
                    visit(group, inner)
                j = _closing(found, j - 1)
                continue
            if token.kind == "var" and token.text[1:] in names:
                name = token.text[1:]
                before, after = found[j - 1], found[j + 1]
                bound = (
                    before.text == "("
                    and j >= 2
                    and found[j - 2].kind == "word"
                    and found[j - 2].text.upper() == "BOUND"
                    and after.text == ")"
                )
                if bound:
                    edits.append((found[j - 2].start, after.start + 1, "true"))
                else:
                    edits.append((token.start, token.start + len(token.text), constants[name]))
            j += 1

    visit(top, set(constants))
    out = text
    for begin, end, replacement in sorted(edits, reverse=True):
        out = out[:begin] + replacement + out[end:]
    return out


_GUARD = re.compile(
    r'\{\s*FILTER\s*\(\s*COALESCE\s*\(\s*STR\s*\(\s*[?$](?P<var>\w+)\s*\)\s*,\s*""\s*\)\s*'
    r'(?P<op>!?=)\s*""\s*\)\s*\}',
    re.IGNORECASE,
)
_FALSE = '{ FILTER (false) FILTER ("" != "") }'  # each engine reads one of them as false


def settle_guards(text: str, given: set[str]) -> str:
    """``text`` with its form guards decided by which parameters are given.

    A named query may come in forms, each opened by a guard group that keeps it only without a
    parameter (``{ FILTER (COALESCE(STR(?region), "") = "") }``) or only with it (``!= ""``).
    Whether a guard holds depends only on whether the parameter is given, so it is decided
    here: a guard that holds is removed, and the form a guard opens, when it does not hold,
    becomes a group of constant false filters. No engine is then left to order a guard
    against the rest of its form (Virtuoso applies it after the join)."""
    found = tokens(text)
    opening = {t.start: i for i, t in enumerate(found) if t.kind == "brace" and t.text == "{"}
    cuts: set[tuple[int, int, str]] = set()
    for match in _GUARD.finditer(text):
        index = opening.get(match.start())
        if index is None:
            continue  # the words of a comment or a string
        if (match["var"] in given) == (match["op"] == "!="):
            cuts.add((match.start(), match.end(), ""))  # it holds: no test left to order
            continue
        depth = found[index].depth
        outer = next(
            k
            for k in range(index - 1, -1, -1)
            if found[k].text == "{" and found[k].depth == depth - 1
        )
        cuts.add((found[outer].start, found[_closing(found, outer)].start + 1, _FALSE))
    kept = [c for c in cuts if not any(o != c and o[0] <= c[0] and c[1] <= o[1] for o in cuts)]
    for start, end, replacement in sorted(kept, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text
