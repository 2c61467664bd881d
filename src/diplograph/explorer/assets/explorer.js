/* diplograph explorer: draws the page's embedded JSON with vis-network.
 * Every string from the data reaches the page through textContent or a text node, never as HTML.
 */
(function () {
  "use strict";

  const DATA = JSON.parse(document.getElementById("diplograph-data").textContent);
  const byIri = new Map(DATA.nodes.map((n) => [n.iri, n]));
  const typeStyle = new Map(DATA.types.map((t) => [t.type, t]));
  const stageColour = new Map(DATA.stages.map((s) => [s.id, s.color]));
  const adjacency = new Map(DATA.nodes.map((n) => [n.iri, []]));
  DATA.edges.forEach((e, i) => {
    adjacency.get(e.from).push({ edge: i, other: e.to, out: true });
    adjacency.get(e.to).push({ edge: i, other: e.from, out: false });
  });
  const SOURCE_EDGE = "http://purl.org/dc/terms/source";

  /* ---- small DOM helpers (text only) ---- */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "class") node.className = value;
      else if (key === "onclick") node.addEventListener("click", value);
      else if (key === "hidden") node.hidden = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function fold(text) { return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  function typeLabel(type) { const s = typeStyle.get(type); return s ? s.label.replace(/s$/, "").replace(/ie$/, "y") : type; }
  function link(iri, text) {
    if (!byIri.has(iri)) return el("span", {}, text || iri);
    return el("button", { class: "link", type: "button", "data-iri": iri, onclick: () => select(iri) }, text || byIri.get(iri).label);
  }

  /* ---- the network ---- */
  function tooltip(n) {
    const box = el("div", {}, el("strong", {}, n.label), el("div", { class: "t-type" }, typeLabel(n.type) + (n.stage ? " · " + stageName(n.stage) : "")));
    const facts = Object.entries(n.facts || {}).slice(0, 3);
    for (const [key, values] of facts) box.append(el("div", {}, key + ": " + values.join("; ").slice(0, 160)));
    return box;
  }
  function stageName(id) { const s = DATA.stages.find((x) => x.id === id); return s ? s.label : id; }
  function visNode(n) {
    const style = typeStyle.get(n.type);
    const node = { id: n.iri, label: n.short, shape: style.shape, value: 1 + n.degree, title: tooltip(n) };
    node.color = { background: style.color, border: "#17202a33", highlight: { background: style.color, border: "#000" }, hover: { background: style.color, border: "#000" } };
    if (n.type === "Partnership") {
      const fill = stageColour.get(n.stage || "none") || "#d5dbdb";
      node.color = { background: fill, border: style.color, highlight: { background: fill, border: "#000" }, hover: { background: fill, border: "#000" } };
      node.borderWidth = 2;
      if (n.planned) node.shapeProperties = { borderDashes: [4, 3] };
    }
    if (n.members) { node.borderWidth = 4; node.color.border = "#17202a"; }
    return node;
  }
  const many = DATA.nodes.length > 600;
  const nodes = new vis.DataSet(DATA.nodes.map(visNode));
  const edges = new vis.DataSet(DATA.edges.map((e, i) => ({
    id: i, from: e.from, to: e.to, label: e.predicate === SOURCE_EDGE ? undefined : e.label, title: e.label, arrows: { to: { enabled: true, scaleFactor: 0.4 } },
    dashes: e.predicate === SOURCE_EDGE, color: { color: e.predicate === SOURCE_EDGE ? "#d5d8dc" : "#aab7b8", highlight: "#17202a", hover: "#566573" },
  })));
  const options = {
    layout: { randomSeed: 20250612, improvedLayout: DATA.nodes.length <= 150 },
    physics: {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -70, centralGravity: 0.012, springLength: 110, springConstant: 0.06, avoidOverlap: 0.3 },
      stabilization: { enabled: true, iterations: DATA.nodes.length > 1000 ? 150 : many ? 250 : 600, updateInterval: 50, fit: true },
      maxVelocity: 60, minVelocity: 1,
    },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: many, hideEdgesOnZoom: many, keyboard: false, multiselect: false },
    nodes: {
      scaling: { min: 8, max: 34, label: { enabled: true, min: 11, max: 17, drawThreshold: 7 } },
      font: { size: 12, face: "system-ui, sans-serif", color: "#1c2833", strokeWidth: 3, strokeColor: "#ffffff" },
    },
    edges: {
      smooth: many ? false : { type: "continuous", roundness: 0.3 },
      width: 1, selectionWidth: 2,
      font: { size: 9, face: "system-ui, sans-serif", color: "#566573", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      scaling: { label: { enabled: true, drawThreshold: 8 } },
    },
  };
  const container = document.getElementById("graph");
  const network = new vis.Network(container, { nodes, edges }, options);
  const statusLine = document.getElementById("status");
  network.on("stabilizationProgress", (p) => { statusLine.textContent = "Laying out the graph… " + Math.round((100 * p.iterations) / p.total) + "%"; });
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({ physics: false });
    document.body.dataset.state = "ready";
    updateStatus();
  });

  /* ---- state: filters and focus ---- */
  const state = { types: new Set(DATA.types.map((t) => t.type)), country: "", programme: "", stage: "", focus: null, depth: 2 };
  let selected = null;

  function neighbourhood(start, depth) {
    const seen = new Set(start);
    let frontier = [...start];
    for (let d = 0; d < depth; d++) {
      const next = [];
      for (const iri of frontier) for (const a of adjacency.get(iri)) if (!seen.has(a.other)) { seen.add(a.other); next.push(a.other); }
      frontier = next;
    }
    return seen;
  }
  function visibleSet() {
    let allowed = null;
    const restrict = (set) => { allowed = allowed === null ? set : new Set([...allowed].filter((x) => set.has(x))); };
    if (state.country) restrict(new Set(DATA.nodes.filter((n) => n.iri === state.country || (n.countries || []).includes(state.country)).map((n) => n.iri)));
    if (state.programme) restrict(neighbourhood(DATA.nodes.filter((n) => (n.programmes || []).includes(state.programme)).map((n) => n.iri), 1));
    if (state.stage) restrict(neighbourhood(DATA.nodes.filter((n) => n.type === "Partnership" && (n.stage || "none") === state.stage).map((n) => n.iri), 1));
    if (state.focus) restrict(neighbourhood([state.focus], state.depth));
    const visible = new Set();
    for (const n of DATA.nodes) {
      if ((allowed === null || allowed.has(n.iri)) && (state.types.has(n.type) || n.iri === state.focus)) visible.add(n.iri);
    }
    return visible;
  }
  let shown = new Set(DATA.nodes.map((n) => n.iri));
  function apply(fit) {
    const visible = visibleSet();
    const nodeUpdates = [];
    for (const n of DATA.nodes) {
      const now = visible.has(n.iri);
      if (now !== shown.has(n.iri)) nodeUpdates.push({ id: n.iri, hidden: !now });
    }
    const edgeUpdates = [];
    DATA.edges.forEach((e, i) => {
      const now = visible.has(e.from) && visible.has(e.to);
      const before = shown.has(e.from) && shown.has(e.to);
      if (now !== before) edgeUpdates.push({ id: i, hidden: !now });
    });
    shown = visible;
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    if (fit && visible.size) network.fit({ nodes: [...visible], animation: false });
    updateStatus();
  }
  function updateStatus() {
    const ready = document.body.dataset.state === "ready";
    statusLine.textContent = (ready ? "" : "Laying out… ") + shown.size + " of " + DATA.nodes.length + " nodes shown" + (state.focus ? " (focus: " + byIri.get(state.focus).label + ", " + state.depth + " hops)" : "");
  }

  /* ---- controls ---- */
  function fillSelect(id, options) {
    const select = document.getElementById(id);
    for (const o of options) select.append(el("option", { value: o.id }, o.label));
    select.addEventListener("change", () => { state[id] = select.value; apply(true); });
    if (!options.length) select.disabled = true;
  }
  fillSelect("country", DATA.countries);
  fillSelect("programme", DATA.programmes);
  fillSelect("stage", DATA.stages);

  const typeBox = document.getElementById("type-filters");
  for (const t of DATA.types) {
    const box = el("input", { type: "checkbox", "data-type": t.type, checked: "checked" });
    box.addEventListener("change", () => { if (box.checked) state.types.add(t.type); else state.types.delete(t.type); apply(false); });
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = t.color;
    typeBox.append(el("label", { class: "legend-item" }, box, swatch, t.label, el("span", { class: "n" }, t.count)));
  }
  const stageLegend = document.getElementById("stage-legend");
  if (DATA.stages.length) stageLegend.append(el("div", {}, "Partnership fill = stage reached; dashed = only planned"));
  for (const s of DATA.stages) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = s.color || "#d5dbdb";
    stageLegend.append(el("div", { class: "legend-item" }, swatch, s.label));
  }

  const focusButton = document.getElementById("focus");
  const depthSelect = document.getElementById("depth");
  focusButton.addEventListener("click", () => { if (!selected) return; state.focus = selected; state.depth = Number(depthSelect.value); apply(true); });
  depthSelect.addEventListener("change", () => { if (state.focus) { state.depth = Number(depthSelect.value); apply(true); } });
  document.getElementById("reset").addEventListener("click", () => reset(true));
  function reset(fit) {
    state.types = new Set(DATA.types.map((t) => t.type));
    state.country = state.programme = state.stage = "";
    state.focus = null;
    for (const id of ["country", "programme", "stage"]) document.getElementById(id).value = "";
    typeBox.querySelectorAll("input").forEach((b) => { b.checked = true; });
    apply(fit);
  }

  /* ---- search ---- */
  const searchBox = document.getElementById("search");
  const results = document.getElementById("results");
  function matches(query) {
    const q = fold(query.trim());
    if (!q) return [];
    const found = DATA.nodes.filter((n) => n.search.includes(q));
    const rank = (n) => (fold(n.label) === q ? 0 : fold(n.label).startsWith(q) ? 1 : n.search.split("\n").some((s) => s === q) ? 0.5 : 2);
    return found.sort((a, b) => rank(a) - rank(b) || b.degree - a.degree || a.label.localeCompare(b.label)).slice(0, 25);
  }
  searchBox.addEventListener("input", () => {
    clear(results);
    for (const n of matches(searchBox.value)) {
      results.append(el("li", {}, el("button", { type: "button", "data-iri": n.iri, onclick: () => select(n.iri) }, n.label, el("span", { class: "type" }, typeLabel(n.type)))));
    }
  });
  searchBox.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    const first = matches(searchBox.value)[0];
    if (first) select(first.iri);
  });

  /* ---- selection and details ---- */
  function select(iri) {
    if (!byIri.has(iri)) return;
    if (!shown.has(iri)) reset(false);
    selected = iri;
    focusButton.disabled = false;
    network.selectNodes([iri]);
    network.focus(iri, { scale: Math.max(network.getScale(), 1.1), animation: false });
    showDetails(iri);
  }
  network.on("click", (params) => {
    if (params.nodes.length) { selected = params.nodes[0]; focusButton.disabled = false; showDetails(selected); }
  });

  const details = document.getElementById("details");
  function section(title, ...content) { return [el("h3", {}, title), ...content]; }
  function showDetails(iri) {
    const n = byIri.get(iri);
    clear(details);
    details.dataset.iri = iri;
    const badge = el("span", { class: "badge" }, typeLabel(n.type) + (n.kind ? " · " + n.kind : ""));
    badge.style.background = typeStyle.get(n.type).color;
    details.append(el("h2", {}, n.label), badge, el("div", {}, el("code", {}, n.iri)));
    if (n.reference) details.append(el("p", { class: "hint" }, "From the reference data."));

    const names = el("table", {});
    for (const [key, title] of [["labels", ""], ["alt_labels", " (also)"]]) {
      for (const [lang, texts] of Object.entries(n[key] || {})) {
        for (const text of texts.slice(0, 50)) names.append(el("tr", {}, el("th", {}, lang + title), el("td", { lang: lang === "und" ? "" : lang }, text)));
      }
    }
    details.append(...section("Names", names));

    const facts = Object.entries(n.facts || {});
    if (facts.length || (n.fields || []).length) {
      const dl = el("dl", {});
      for (const [key, values] of facts) { dl.append(el("dt", {}, key)); for (const v of values) dl.append(el("dd", {}, v)); }
      if ((n.fields || []).length) { dl.append(el("dt", {}, "fields")); dl.append(el("dd", {}, n.fields.join(", "))); }
      details.append(...section("Facts", dl));
    }
    if ((n.stages || []).length) {
      const table = el("table", {}, el("tr", {}, el("th", {}, "Stage"), el("th", {}, "When"), el("th", {}, "Event")));
      for (const s of n.stages) {
        const when = s.date || (s.reached_by ? "by " + s.reached_by : s.planned_date ? "planned " + s.planned_date : "");
        table.append(el("tr", { class: s.date || s.reached_by ? "" : "planned" }, el("td", {}, s.label), el("td", {}, when), el("td", {}, s.event ? link(s.event, s.event_label) : s.event_label || "")));
      }
      details.append(...section("Stage history", table));
    }
    if ((n.participants || []).length) {
      const list = el("ul", {});
      for (const p of n.participants) list.append(el("li", {}, link(p.agent, p.agent_label), p.post ? el("span", {}, " as ", link(p.post, p.post_label)) : null));
      details.append(...section("Participants", list));
    }
    if ((n.activities || []).length) {
      const list = el("ul", {});
      for (const a of n.activities) list.append(el("li", {}, a.label + (a.field ? " (" + a.field + ")" : "") + (a.status ? " — " + a.status : "")));
      details.append(...section("Activities", list));
    }
    if ((n.mentions || []).length) {
      const list = el("ul", {});
      for (const m of n.mentions) {
        const extra = (m.context ? " (" + m.context + ")" : "") + ((m.confusable_with || []).length ? "; not to be confused with " + m.confusable_with.join(", ") : "");
        list.append(el("li", {}, "Written as “" + (m.text || "") + "”" + extra, m.source ? el("span", {}, " in ", link(m.source)) : null));
      }
      details.append(...section("Mentions", list));
    }
    const relations = el("ul", {});
    const rows = adjacency.get(iri).filter((a) => DATA.edges[a.edge].predicate !== SOURCE_EDGE || !a.out);
    rows.sort((a, b) => DATA.edges[a.edge].label.localeCompare(DATA.edges[b.edge].label));
    for (const a of rows.slice(0, 300)) {
      const e = DATA.edges[a.edge];
      relations.append(el("li", {}, (a.out ? e.label + " → " : "← " + e.label + ": "), link(a.other), el("span", { class: "type" }, " (" + typeLabel(byIri.get(a.other).type) + ")")));
    }
    if (rows.length > 300) relations.append(el("li", { class: "hint" }, (rows.length - 300) + " more"));
    if (rows.length) details.append(...section("Relations (" + rows.length + ")", relations));
    if ((n.sources || []).length) {
      const box = el("div", {});
      for (const s of n.sources) {
        box.append(el("div", {}, link(s.source, s.title)));
        for (const q of s.quotes) {
          box.append(el("blockquote", { lang: q.lang || "" }, "“" + q.text + "”", q.about ? el("span", { class: "about" }, "supports: " + q.about) : null));
        }
      }
      details.append(...section("Sources", box));
    }
    if (n.members) {
      const list = el("ul", {});
      for (const m of n.members.slice(0, 500)) list.append(el("li", {}, m.label + " ", el("code", {}, m.id)));
      details.append(...section("Members (" + n.member_count + ")", el("p", { class: "hint" }, "To see one of them with its neighbours, run: diplograph explore --focus ID"), list));
    }
  }

  /* ---- overview and note ---- */
  const overview = document.getElementById("overview");
  const counts = el("div", { class: "group" }, el("span", { class: "title" }, DATA.overview.nodes + " entities, " + DATA.overview.edges + " relations:"));
  for (const t of DATA.overview.by_type) counts.append(el("span", { "data-type": t.type }, el("span", { class: "count" }, t.count), " " + t.label));
  overview.append(counts);
  if (DATA.overview.partnerships_by_stage.length) {
    const stages = el("div", { class: "group" }, el("span", { class: "title" }, "Partnerships by stage:"));
    for (const s of DATA.overview.partnerships_by_stage) stages.append(el("span", { "data-stage": s.stage }, el("span", { class: "count" }, s.count), " " + s.label));
    overview.append(stages);
  }
  if (DATA.note) { const note = document.getElementById("note"); note.textContent = DATA.note; note.hidden = false; }

  window.diplograph = {
    network, nodes, edges, data: DATA, select, reset, apply, state,
    visibleNodeIds: () => nodes.get({ filter: (n) => !n.hidden }).map((n) => n.id),
    selected: () => selected,
  };
  updateStatus();
})();
