"""The query page at ``/query``: a text box, the named queries as examples, a results table.

One self-contained HTML page: no CDN, no outside fonts or scripts, so it works with no
network at all. Every string from the project (query titles, descriptions, texts) reaches the
page either escaped by ``html.escape`` or inside a JSON block whose ``<``, ``>`` and ``&`` are
written as ``\\u`` escapes; the script puts results into the page with ``textContent`` only.
"""

from __future__ import annotations

import html
import json
import secrets
from typing import Any

from diplograph.queries_catalog import NamedQuery

STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem; }
textarea { width: 100%; min-height: 14rem; font: 13px/1.4 ui-monospace, monospace; }
table { border-collapse: collapse; margin-top: .5rem; font-size: 13px; }
td, th { border: 1px solid #ccc; padding: .2rem .4rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
pre { background: #f7f7f7; padding: .5rem; overflow: auto; }
.error { color: #a00; white-space: pre-wrap; }
.warning { color: #8a5a00; }
li { margin: .2rem 0; }
"""

SCRIPT = """
const examples = JSON.parse(document.getElementById("examples").textContent);
const box = document.getElementById("query");
const out = document.getElementById("results");
const status = document.getElementById("status");
const choice = document.getElementById("example");
for (const ex of examples) {
  const option = document.createElement("option");
  option.value = ex.name; option.textContent = ex.title + " (" + ex.name + ")";
  choice.appendChild(option);
}
choice.addEventListener("change", () => {
  const ex = examples.find((e) => e.name === choice.value);
  if (ex) box.value = ex.text;
});
function cell(term) {
  if (!term) return "";
  if (term.type === "literal" && term["xml:lang"]) return term.value + " @" + term["xml:lang"];
  return term.value;
}
function table(data) {
  const t = document.createElement("table");
  const head = t.insertRow();
  for (const v of data.head.vars) {
    const th = document.createElement("th"); th.textContent = v; head.appendChild(th);
  }
  for (const b of data.results.bindings) {
    const row = t.insertRow();
    for (const v of data.head.vars) row.insertCell().textContent = cell(b[v]);
  }
  return t;
}
async function run(event) {
  event.preventDefault();
  out.replaceChildren(); status.textContent = "running…"; status.className = "";
  const started = performance.now();
  let response;
  try {
    response = await fetch("sparql", {
      method: "POST",
      headers: {"Accept": "application/sparql-results+json, text/turtle;q=0.9"},
      body: new URLSearchParams({query: box.value}),
    });
  } catch (err) {
    status.textContent = "the server cannot be reached: " + err; status.className = "error";
    return;
  }
  const text = await response.text();
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (!response.ok) {
    status.textContent = "HTTP " + response.status + ": " + text; status.className = "error";
    return;
  }
  const rows = response.headers.get("X-Result-Rows");
  status.textContent = (rows === null ? "done" : rows + " rows") + " in " + seconds + " s";
  if (response.headers.get("X-Result-Truncated") === "true") {
    const warn = document.createElement("p"); warn.className = "warning";
    warn.textContent = "Only the first " + response.headers.get("X-Result-Limit") +
      " rows are shown: the server's row limit cut the result.";
    out.appendChild(warn);
  }
  const type = response.headers.get("Content-Type") || "";
  if (type.startsWith("application/sparql-results+json")) {
    const data = JSON.parse(text);
    if ("boolean" in data) {
      const p = document.createElement("p"); p.textContent = "ASK: " + data.boolean;
      out.appendChild(p);
    } else {
      out.appendChild(table(data));
    }
  } else {
    const pre = document.createElement("pre"); pre.textContent = text; out.appendChild(pre);
  }
}
document.getElementById("form").addEventListener("submit", run);
if (examples.length) box.value = examples[0].text;
"""


def _json_for_script(data: Any) -> str:
    """JSON that cannot end the ``<script>`` block it sits in."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _example_link(query: NamedQuery) -> str:
    from urllib.parse import urlencode

    url = f"queries/{query.name}"
    if query.example:
        url += "?" + urlencode(query.example)
    return url


def render(queries: dict[str, NamedQuery], nonce: str) -> str:
    """The page, with ``nonce`` on its script (the response's Content-Security-Policy names
    it, so no other script can run)."""
    examples = [{"name": q.name, "title": q.title, "text": q.text} for q in queries.values()]
    items = []
    for q in queries.values():
        params = ", ".join(
            f"{p.name} ({p.kind}{'' if p.required else ', optional'})" for p in q.params
        )
        items.append(
            f'<li><a href="{html.escape(_example_link(q))}">{html.escape(q.name)}</a>: '
            f"{html.escape(q.title)}"
            + (f" <small>— parameters: {html.escape(params)}</small>" if params else "")
            + "</li>"
        )
    listing = "\n".join(items) or "<li>(no named queries in queries/)</li>"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>diplograph — SPARQL query</title>
<style nonce="{nonce}">{STYLE}</style>
</head>
<body>
<h1>SPARQL query</h1>
<p>Queries run read-only on this server's graph (the union of all its named graphs).
<a href="./">Explorer</a> · <a href="graphs">graphs</a> ·
<a href="queries">named queries (JSON)</a></p>
<form id="form">
<label>Start from a named query: <select id="example"></select></label>
<textarea id="query" name="query" spellcheck="false" aria-label="SPARQL query"></textarea>
<button type="submit">Run</button> <span id="status" role="status"></span>
</form>
<div id="results"></div>
<h2>Named queries</h2>
<ul>
{listing}
</ul>
<script type="application/json" id="examples">{_json_for_script(examples)}</script>
<script nonce="{nonce}">{SCRIPT}</script>
</body>
</html>
"""


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


def csp(nonce: str) -> str:
    return (
        f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
        "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'"
    )
