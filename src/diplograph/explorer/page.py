"""The explorer's HTML: one self-contained file, safe for any text the records hold.

The page inlines the copy of vis-network that pyvis ships (so it works from ``file://`` with no
network), our own JavaScript and CSS, and the data as JSON in a non-executed ``<script
type="application/json">`` block. pyvis's own template is not used: it links Bootstrap from a
CDN and puts titles and menu values into HTML unescaped. A Content-Security-Policy lets only
the page's own scripts run (by hash) and forbids every network request, so even markup that
slipped into the page could neither run nor fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

VIS_NETWORK_PATHS = (
    "templates/lib/vis-9.1.2/vis-network.min.js",
    "lib/vis-9.1.2/vis-network.min.js",
)
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_PLACEHOLDER = re.compile(r"\{\{(TITLE|CSP|CSS|DATA|VIS_JS|APP_JS)\}\}")


def safe_json(value: Any) -> str:
    """JSON that cannot end its ``<script>`` block or open markup: ``<``, ``>``, ``&`` and the
    two line separators JavaScript treats as newlines are written as ``\\u`` escapes."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group(0)], text)


def _asset(name: str) -> str:
    return (resources.files("diplograph.explorer") / "assets" / name).read_text(encoding="utf-8")


@cache
def vis_network_js() -> str:
    """The vis-network bundle pyvis ships, made safe to inline in a ``<script>`` element."""
    # Found, not imported: importing pyvis loads IPython and Jinja, a third of a second.
    spec = importlib.util.find_spec("pyvis")
    folders = spec.submodule_search_locations if spec else None
    if not folders:
        raise FileNotFoundError("pyvis is not installed; reinstall diplograph")
    for path in VIS_NETWORK_PATHS:
        candidate = Path(folders[0], *path.split("/"))
        if candidate.is_file():
            text = candidate.read_text(encoding="utf-8")
            return re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)
    raise FileNotFoundError("pyvis does not ship vis-network 9.1.2 where expected; reinstall pyvis")


@cache
def _static_parts() -> tuple[str, str, str]:
    return _asset("template.html"), _asset("explorer.css"), _asset("explorer.js")


def _script_hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render_page(data: dict[str, Any]) -> str:
    """The complete HTML document for ``data`` (see ``explorer.data.page_data``)."""
    template, css, app_js = _static_parts()
    vis_js = vis_network_js()
    csp = (
        "default-src 'none'; "
        f"script-src {_script_hash(vis_js)} {_script_hash(app_js)}; "
        "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    )
    parts = {
        "TITLE": html.escape(str(data.get("title", "")), quote=True),
        "CSP": html.escape(csp, quote=False).replace('"', "&quot;"),
        "CSS": css,
        "DATA": safe_json(data),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    # One pass: text put in place is never scanned for placeholders again.
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], template)
