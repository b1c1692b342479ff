// chronicle's page: a small hash-routed view over the read-only JSON API.
// No framework, no build step, nothing loaded from elsewhere. Text from the
// store is always put in with textContent, never as HTML.
"use strict";

const QUADS = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
const QUAD_CLASS = ["q-vcoop", "q-mcoop", "q-vconf", "q-mconf"];
const QUAD_COLOR = ["#3a7dc9", "#2e9e6a", "#e39a2b", "#c8402f"];
const TYPE_QUAD = {
  AGREE: 0, CONSULT: 0, SUPPORT: 0, CONCEDE: 0,
  COOPERATE: 1, AID: 1, RETREAT: 1,
  REQUEST: 2, ACCUSE: 2, REJECT: 2, THREATEN: 2,
  PROTEST: 3, SANCTION: 3, MOBILIZE: 3, COERCE: 3, ASSAULT: 3,
};
const SVGNS = "http://www.w3.org/2000/svg";

// ---------- small helpers ----------

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) if (c) e.append(c);
  return e;
}

function tip(text) { return svg("title", { text }); }

function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "") u.set(k, v);
  }
  const s = u.toString();
  return s ? "?" + s : "";
}

async function api(path, params) {
  const res = await fetch("/api/" + path + qs(params || {}), { headers: { Accept: "application/json" } });
  let body;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const msg = body && body.error ? body.error.message : res.status + " " + res.statusText;
    throw new Error(msg);
  }
  return body;
}

function docLink(id, text) { return el("a", { href: "#/doc/" + encodeURIComponent(id), text: text || id }); }
function actorLink(key, text) { return el("a", { href: "#/actor/" + encodeURIComponent(key), text: text || key }); }
function timelineLink(actor, other, text) {
  return el("a", { href: "#/timeline" + qs({ actor, other }), text: text || "timeline" });
}
function typeTag(type, negated) {
  const q = TYPE_QUAD[type];
  return el("span", { class: "tag " + (negated ? "neg" : (q === undefined ? "" : QUAD_CLASS[q])), text: (negated ? "NOT " : "") + type });
}
function fmtActor(name, country) {
  if (name && country && name !== country) return name + " (" + country + ")";
  return name || country || "?";
}

const view = () => document.getElementById("view");
// Puts nodes (arrays of them nested at will; null and false skipped) in the view.
function show(...nodes) {
  view().replaceChildren(...nodes.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false));
}
function fail(e) { show(el("p", { class: "error", text: e.message || String(e) })); }

function pager(data, go) {
  const box = el("div", { class: "pager" });
  if (data.offset > 0) box.append(el("button", { class: "plain", text: "← previous", onclick: () => go(Math.max(0, data.offset - data.limit)) }));
  box.append(el("span", { class: "muted", text: data.items.length ? `${data.offset + 1}–${data.offset + data.items.length}` : "nothing" }));
  if (data.more) box.append(el("button", { class: "plain", text: "next →", onclick: () => go(data.offset + data.limit) }));
  return box;
}

function setHash(route, params) { location.hash = "#/" + route + qs(params); }

// ---------- routing ----------

function parseHash() {
  const h = location.hash.replace(/^#\/?/, "");
  const [path, query] = h.split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { parts, params: Object.fromEntries(new URLSearchParams(query || "")) };
}

const ROUTES = {
  "": viewDocuments,
  doc: viewDocument,
  actors: viewActors,
  actor: viewActor,
  graph: viewGraph,
  timeline: viewTimeline,
  quotes: viewQuotes,
  stories: viewStories,
  stats: viewStats,
};

async function route() {
  const { parts, params } = parseHash();
  const name = parts[0] || "";
  const tab = { "": "documents", doc: "documents", actor: "actors" }[name] || name;
  for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", a.dataset.tab === tab);
  const fn = ROUTES[name];
  if (!fn) return fail(new Error("no such page: " + name));
  show(el("p", { class: "muted", text: "Loading…" }));
  try { await fn(parts.slice(1), params); } catch (e) { fail(e); }
}

// ---------- documents and search ----------

async function viewDocuments(_, p) {
  const offset = Number(p.offset || 0);
  document.getElementById("q").value = p.q || "";
  if (p.q) {
    const data = await api("search", { q: p.q, offset, limit: 20 });
    const items = data.items.map((h) => el("div", { class: "card hit" },
      el("div", { class: "title" }, docLink(h.id, h.title || h.id)),
      el("div", { class: "meta" }, el("span", { text: h.published || "undated" }), h.source && el("span", { text: h.source }), el("span", { text: h.id })),
      el("div", {}, h.parts.map((part) => part.mark ? el("mark", { text: part.text }) : part.text))));
    show(el("h1", { text: `Search: ${p.q}` }), items.length ? items : el("p", { class: "muted", text: "No document matches." }),
      pager(data, (o) => setHash("", { q: p.q, offset: o })));
    return;
  }
  const data = await api("documents", { offset, limit: 30, source: p.source, from: p.from, to: p.to });
  const rows = data.items.map((d) => el("tr", {},
    el("td", { text: d.published || "—" }),
    el("td", {}, docLink(d.id, d.title || d.id)),
    el("td", { text: d.source || "" }),
    el("td", { class: "num", text: d.entities }), el("td", { class: "num", text: d.quotes }), el("td", { class: "num", text: d.events })));
  show(el("h1", { text: "Documents" }),
    filterForm([["source", "outlet"], ["from", "from (2024-03)"], ["to", "to"]], p, (v) => setHash("", v)),
    el("table", {}, el("thead", {}, el("tr", {}, ["published", "title", "outlet"].map((t) => el("th", { text: t })),
      ["entities", "quotes", "events"].map((t) => el("th", { class: "num", text: t })))), el("tbody", {}, rows)),
    pager(data, (o) => setHash("", { ...p, offset: o })));
}

function filterForm(fields, p, go, extra) {
  const inputs = {};
  const form = el("form", { class: "filters" });
  for (const [name, label, options] of fields) {
    let input;
    if (options) {
      input = el("select", { name }, options.map((o) => el("option", { value: o, text: o || "any" })));
      input.value = p[name] || "";
    } else {
      input = el("input", { name, value: p[name] || "", size: 14 });
    }
    inputs[name] = input;
    form.append(el("label", {}, label, input));
  }
  if (extra) form.append(extra);
  form.append(el("button", { type: "submit", text: "Apply" }));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const v = {};
    for (const [k, i] of Object.entries(inputs)) if (i.value.trim()) v[k] = i.value.trim();
    go(v);
  });
  return form;
}

// ---------- the article view ----------

const KINDS = [
  ["ent", "entities"], ["quote", "quotes"], ["event", "events"], ["time", "times"], ["dup", "shared passages"],
];

// Cuts the body into segments at every span boundary (UTF-16 offsets, as
// the server sends them beside the byte offsets), each segment knowing the
// annotations that cover it.
function segments(body, spans) {
  const cuts = new Set([0, body.length]);
  for (const s of spans) { cuts.add(s.a); cuts.add(s.b); }
  const points = [...cuts].filter((x) => x >= 0 && x <= body.length).sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    if (a === b) continue;
    out.push({ a, b, text: body.slice(a, b), on: spans.filter((s) => s.a <= a && s.b >= b && s.a < s.b) });
  }
  return out;
}

async function viewDocument(parts) {
  const id = parts.join("/");
  const data = await api("documents/" + encodeURIComponent(id));
  const r = data.record;
  const body = r.body;
  const spans = [];
  const add = (kind, ref, x, extra) => {
    if (x.start16 === null || x.start16 === undefined) return;
    spans.push({ kind, ref, a: x.start16, b: x.end16, ...extra });
  };
  r.entities.forEach((e, i) => e.mentions.forEach((m) => add("ent", "e" + i, m, { type: e.type })));
  r.quotes.forEach((q, i) => add("quote", "q" + i, q));
  r.events.forEach((v, i) => add("event", "v" + i, v));
  r.times.forEach((t, i) => add("time", "t" + i, t));
  r.duplicates.forEach((d, i) => add("dup", "d" + i, d));

  const detail = el("div", { class: "card detail" }, el("span", { class: "muted", text: "Click a highlighted passage or an item to see what was found there." }));
  const bodyBox = el("div", { class: "body show-ent show-quote show-event show-time show-dup" });
  for (const seg of segments(body, spans)) {
    const classes = ["seg"];
    const ent = seg.on.filter((s) => s.kind === "ent").pop();
    if (ent) classes.push("ent-" + ent.type);
    for (const k of ["quote", "event", "time", "dup"]) if (seg.on.some((s) => s.kind === k)) classes.push(k);
    const pieces = seg.text.split("\n");
    pieces.forEach((piece, i) => {
      if (i > 0) bodyBox.append(el("span", { class: "pbreak" }));
      if (!piece) return;
      if (!seg.on.length) { bodyBox.append(piece); return; }
      const refs = seg.on.map((s) => s.ref);
      bodyBox.append(el("span", { class: classes.join(" "), "data-ids": refs.join(" "), text: piece, onclick: () => explain(refs) }));
    });
  }

  function focus(refs) {
    for (const s of bodyBox.querySelectorAll(".seg.focus")) s.classList.remove("focus");
    for (const ref of refs) for (const s of bodyBox.querySelectorAll(`[data-ids~="${ref}"]`)) s.classList.add("focus");
  }
  function describe(ref) {
    const i = Number(ref.slice(1));
    switch (ref[0]) {
      case "e": { const e = r.entities[i]; return el("div", {}, el("strong", { text: e.name }), " ", el("span", { class: "tag", text: e.type }), e.country && el("span", { class: "tag", text: e.country }), e.id ? actorLink(e.id, "actor page") : actorLink(e.name, "actor page"), el("div", { class: "sub muted", text: `${e.mentions.length} mention(s): ${[...new Set(e.mentions.map((m) => m.text))].join(", ")}` })); }
      case "q": { const q = r.quotes[i]; return el("div", {}, el("strong", { text: (q.speaker ? q.speaker.name : "unknown speaker") }), " ", el("span", { class: "tag", text: q.kind }), q.cue && el("span", { class: "muted", text: " — " + q.cue }), el("blockquote", { text: q.text })); }
      case "v": { const v = r.events[i]; return el("div", {}, typeTag(v.type, v.negated), " ", fmtActor(v.source && v.source.name, v.source && v.source.country), " → ", fmtActor(v.target && v.target.name, v.target && v.target.country), el("div", { class: "sub muted", text: [v.date ? `${v.date.value} (${v.date.text || v.date.precision})` : "undated", v.location ? "at " + v.location.name : "", v.quote !== null ? "told in quote " + (v.quote + 1) : ""].filter(Boolean).join(" · ") })); }
      case "t": { const t = r.times[i]; return el("div", {}, el("strong", { text: t.text }), " → ", t.value || "?", t.precision ? ` (${t.precision})` : ""); }
      case "d": { const d = r.duplicates[i]; return el("div", {}, "shared with ", docLink(d.document), ` (similarity ${d.similarity.toFixed(2)})`); }
    }
    return el("div");
  }
  function explain(refs) {
    focus(refs);
    detail.replaceChildren(el("h3", { text: "Here" }), ...refs.map(describe));
  }
  function item(ref, main, sub) {
    return el("div", { class: "item", onmouseenter: () => focus([ref]), onclick: () => { explain([ref]); const s = bodyBox.querySelector(`[data-ids~="${ref}"]`); if (s) s.scrollIntoView({ block: "center", behavior: "smooth" }); } }, main, sub && el("div", { class: "sub", text: sub }));
  }

  const legend = el("div", { class: "legend" }, KINDS.map(([k, label]) => {
    const box = el("input", { type: "checkbox", checked: true, onchange: (ev) => bodyBox.classList.toggle("show-" + k, ev.target.checked) });
    return el("label", {}, box, label);
  }), el("span", { class: "muted" }, el("span", { class: "swatch", text: "" }), " "),
  ...[["PER", "var(--per)"], ["ORG", "var(--org)"], ["LOC", "var(--loc)"], ["MISC", "var(--misc)"]].map(([t, c]) => {
    const s = el("span", { class: "swatch" }); s.style.background = c; return el("span", {}, s, " " + t);
  }));

  const side = el("div", { class: "side" },
    detail,
    el("h3", { text: `Entities (${r.entities.length})` }),
    r.entities.map((e, i) => item("e" + i, el("span", {}, el("strong", { text: e.name }), " ", el("span", { class: "tag", text: e.type }), e.country ? el("span", { class: "tag", text: e.country }) : null), `${e.mentions.length} mention(s)`)),
    el("h3", { text: `Quotes (${r.quotes.length})` }),
    r.quotes.map((q, i) => item("q" + i, el("span", {}, el("strong", { text: q.speaker ? q.speaker.name : "?" }), ": « " + q.text + " »"), `${q.kind}${q.cue ? " · " + q.cue : ""}`)),
    el("h3", { text: `Events (${r.events.length})` }),
    r.events.map((v, i) => item("v" + i, el("span", {}, typeTag(v.type, v.negated), " ", fmtActor(v.source && v.source.name, v.source && v.source.country), " → ", fmtActor(v.target && v.target.name, v.target && v.target.country)), v.date ? v.date.value : "undated")),
    el("h3", { text: `Time expressions (${r.times.length})` }),
    r.times.map((t, i) => item("t" + i, el("span", { text: t.text }), t.value || "not normalised")),
    r.duplicates.length ? [el("h3", { text: `Shared passages (${r.duplicates.length})` }), r.duplicates.map((d, i) => item("d" + i, el("span", {}, "with ", docLink(d.document)), `similarity ${d.similarity.toFixed(2)}`))] : null,
    r.removed.length ? [el("h3", { text: `Removed by cleaning (${r.removed.length})` }), r.removed.map((x) => el("div", { class: "item" }, el("span", { class: "tag", text: x.reason }), x.text))] : null);

  const pub = r.published ? `${r.published.value} (${r.published.origin})` : "date unknown";
  show(
    el("h1", { text: r.title || r.id }),
    el("div", { class: "meta" },
      el("span", { text: pub }), r.source && el("span", { text: r.source }), r.dateline && el("span", { text: "dateline " + r.dateline }),
      el("span", { text: r.id }), el("span", { title: r.sha256, text: "sha256 " + r.sha256.slice(0, 12) }),
      data.story && el("a", { href: "#/stories" + qs({ story: data.story }), text: "story " + data.story }),
      data.versions.length > 1 && el("span", { text: `${data.versions.length} versions under this id` }),
      data.bad_offsets ? el("span", { class: "error", text: `${data.bad_offsets} span(s) off character boundaries` }) : null),
    legend,
    el("div", { class: "article" }, bodyBox, side));
}

// ---------- actors ----------

async function viewActors(_, p) {
  const offset = Number(p.offset || 0);
  const data = await api("actors", { q: p.q, type: p.type, country: p.country, offset, limit: 50 });
  const rows = data.items.map((a) => el("tr", {},
    el("td", {}, actorLink(a.key, a.name)), el("td", { text: a.type }), el("td", { text: a.country || "" }),
    el("td", { text: a.kb_id || "local" }),
    ...["documents", "mentions", "quotes", "events"].map((k) => el("td", { class: "num", text: a[k] })),
    el("td", {}, timelineLink(a.country && a.type === "LOC" ? a.country : a.name))));
  show(el("h1", { text: "Actors" }),
    filterForm([["q", "name"], ["type", "type", ["", "PER", "ORG", "LOC", "MISC"]], ["country", "country code"]], p, (v) => setHash("actors", v)),
    el("table", {}, el("thead", {}, el("tr", {}, ["name", "type", "country", "KB id"].map((t) => el("th", { text: t })),
      ["documents", "mentions", "quotes", "events"].map((t) => el("th", { class: "num", text: t })), el("th"))), el("tbody", {}, rows)),
    pager(data, (o) => setHash("actors", { ...p, offset: o })));
}

async function viewActor(parts, p) {
  const key = parts.join("/");
  const data = await api("actors/" + encodeURIComponent(key), { limit: 100, date: p.date });
  const a = data.actor;
  const name = a ? a.name : key;
  const timelineKey = a && a.type === "LOC" && a.country ? a.country : name;
  const head = el("div", {},
    el("h1", { text: name }),
    a ? el("div", { class: "meta" }, el("span", { class: "tag", text: a.type }), a.country && el("span", { text: a.country }), el("span", { text: a.kb_id ? "KB " + a.kb_id : "not in the knowledge base" }),
      el("span", { text: `${a.documents} documents · ${a.mentions} mentions · ${a.quotes} quotes · ${a.events} events` }), timelineLink(timelineKey))
      : el("p", { class: "muted", text: "No stored document names this actor; the knowledge base knows it." }));
  const kb = data.knowledge_base;
  const kbBox = el("div", { class: "card" }, el("h2", { text: "Knowledge base" }),
    !kb ? el("p", { class: "muted", text: "not loaded" }) :
      [kb.actors.map((k) => el("div", {},
        el("div", {}, el("strong", { text: k.name }), k.name_fr ? ` (${k.name_fr})` : "", " ", el("span", { class: "tag", text: k.id }), k.qid && el("span", { class: "tag", text: k.qid })),
        k.aliases.length ? el("div", { class: "muted", text: "also: " + k.aliases.join(", ") }) : null,
        k.roles.length ? el("ul", {}, k.roles.map((o) => el("li", { text: `${o.role}${o.of ? " of " + o.of : ""}: ${o.from || "?"} → ${o.to || "now"}` }))) : null)),
      el("pre", { class: "kb", text: kb.text })]);
  const partners = el("div", { class: "card" }, el("h2", { text: "Deals most with" }),
    data.partners.length ? el("table", {}, el("tbody", {}, data.partners.slice(0, 15).map((x) => el("tr", {},
      el("td", { text: x.name }), el("td", { class: "num", text: `${x.to} to` }), el("td", { class: "num", text: `${x.from} from` }), el("td", {}, timelineLink(timelineKey, x.name, "pair timeline"))))))
      : el("p", { class: "muted", text: "no events" }));
  const events = el("div", { class: "card" }, el("h2", { text: `Events (${data.events.length})` }),
    data.events.map((v) => el("div", {}, el("span", { class: "muted", text: (v.date_from_publication ? "~" : "") + (v.date || "undated") + " " }), typeTag(v.type, v.negated), " ",
      (v.source || "?") + " → " + (v.target || "?"), " ", docLink(v.document, "[doc]"), el("div", { class: "muted", text: v.sentence }))));
  const quotes = el("div", { class: "card" }, el("h2", { text: `Quotes (${data.quotes.length})` }),
    data.quotes.map((q) => el("div", {}, el("blockquote", { text: q.text }), el("div", { class: "muted" }, `${q.kind} · ${q.published || "undated"} · ${q.source || ""} `, docLink(q.document)))));
  const mentions = el("div", { class: "card" }, el("h2", { text: `Mentions (${data.mentions.length})` }),
    data.mentions.map((m) => el("div", {}, el("strong", { text: m.text }), " in ", docLink(m.document, m.title || m.document), el("span", { class: "muted", text: " " + (m.published || "") }))));
  show(head, el("div", { class: "cols" }, kbBox, partners), events, quotes, mentions);
}

// ---------- timeline ----------

// Start of a period label as a Date (UTC): 2024-03-05, 2024-03, 2024, 2024-W10.
function periodStart(label) {
  let m;
  if ((m = /^(\d{4})-W(\d{2})$/.exec(label))) {
    const jan4 = Date.UTC(+m[1], 0, 4);
    const dow = (new Date(jan4).getUTCDay() + 6) % 7;
    return new Date(jan4 - dow * 864e5 + (m[2] - 1) * 7 * 864e5);
  }
  if ((m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(label))) return new Date(Date.UTC(+m[1], m[2] ? m[2] - 1 : 0, m[3] ? +m[3] : 1));
  return null;
}
function periodEnd(label, start) {
  if (/W/.test(label)) return new Date(start.getTime() + 7 * 864e5);
  if (/^\d{4}-\d{2}-\d{2}/.test(label)) return new Date(start.getTime() + 864e5);
  if (/^\d{4}-\d{2}$/.test(label)) return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  return new Date(Date.UTC(start.getUTCFullYear() + 1, 0, 1));
}
function iso(d) { return d.toISOString().slice(0, 10); }

function drawTimeline(data) {
  const W = 960, H = 300, L = 40, R = 20, T = 16, B = 46;
  const dated = data.periods.filter((x) => x.period !== "undated").map((x) => ({ ...x, s: periodStart(x.period) })).filter((x) => x.s);
  dated.forEach((x) => { x.e = periodEnd(x.period, x.s); });
  const undated = data.periods.find((x) => x.period === "undated");
  const box = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-label": "timeline" });
  if (!dated.length && !undated) { box.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", text: "nothing to draw" })); return box; }
  const right = undated ? W - R - 90 : W - R;
  const t0 = dated.length ? Math.min(...dated.map((x) => x.s.getTime())) : 0;
  const t1 = dated.length ? Math.max(...dated.map((x) => x.e.getTime())) : 1;
  const span = Math.max(t1 - t0, 864e5);
  const xs = (t) => L + ((t - t0) / span) * (right - L);
  const maxEv = Math.max(1, ...data.periods.map((x) => x.quad.reduce((a, b) => a + b, 0) + x.negated));
  const maxQ = Math.max(1, ...data.periods.map((x) => x.quotes + x.other_quotes));
  const mid = T + (H - T - B) * 0.72;
  const ys = (n) => ((mid - T) * n) / maxEv;
  const yq = (n) => ((H - B - mid - 8) * n) / maxQ;
  box.append(svg("line", { class: "axis", x1: L, x2: right, y1: mid, y2: mid }));
  // Ticks: about 8 dates along the axis.
  for (let i = 0; i <= 8 && dated.length; i++) {
    const t = t0 + (span * i) / 8;
    box.append(svg("line", { class: "grid", x1: xs(t), x2: xs(t), y1: T, y2: H - B }),
      svg("text", { x: xs(t), y: H - B + 16, "text-anchor": "middle", text: iso(new Date(t)) }));
  }
  box.append(svg("text", { x: 4, y: T + 8, text: `${maxEv} ev.` }), svg("text", { x: 4, y: H - B - 2, text: `${maxQ} q.` }));
  // A date known only to a coarser period than the one counted by (a month
  // in a weekly view) is drawn pale behind the finer bars, not over them.
  const size = (p) => p.e.getTime() - p.s.getTime();
  const finest = dated.length ? Math.min(...dated.map(size)) : 0;
  const bar = (x0, x1, p) => {
    const w = Math.max(3, x1 - x0 - 1);
    const coarse = p.s && size(p) > finest * 1.5;
    const group = svg("g", { opacity: coarse ? 0.35 : 1 });
    box.append(group);
    const append = (node) => group.append(node);
    let y = mid;
    p.quad.forEach((n, i) => {
      if (!n) return;
      const h = ys(n);
      y -= h;
      append(svg("rect", { x: x0, y, width: w, height: h, fill: QUAD_COLOR[i] }, tip(`${p.period}: ${n} ${QUADS[i]}`)));
    });
    if (p.negated) {
      const h = ys(p.negated);
      y -= h;
      append(svg("rect", { x: x0, y, width: w, height: h, fill: "#fff", stroke: "#333", "stroke-dasharray": "2 2" }, tip(`${p.period}: ${p.negated} negated`)));
    }
    const q = p.quotes + p.other_quotes;
    if (q) append(svg("rect", { x: x0, y: mid + 4, width: w, height: yq(q), fill: "#7a6fb0" }, tip(`${p.period}: ${p.quotes} quote(s)` + (data.other ? `, ${p.other_quotes} by ${data.other}` : ""))));
    const parts = Object.entries(p.types).map(([k, v]) => `${k} ${v}`).join(", ");
    append(svg("rect", { x: x0, y: T, width: w, height: H - B - T, fill: "transparent" }, tip(`${p.period}${coarse ? " (dates known only to this precision)" : ""}: ${p.events} event(s) in ${p.reports} report(s)${parts ? " — " + parts : ""}; ${q} quote(s)`)));
  };
  for (const p of [...dated].sort((a, b) => size(b) - size(a))) bar(xs(p.s.getTime()), xs(p.e.getTime()), p);
  if (undated) {
    bar(right + 40, right + 80, undated);
    box.append(svg("text", { x: right + 60, y: H - B + 16, "text-anchor": "middle", text: "undated" }));
  }
  return box;
}

async function viewTimeline(_, p) {
  const form = filterForm([["actor", "actor (code or name)"], ["other", "and (optional)"], ["by", "by", ["month", "week", "day"]], ["from", "from"], ["to", "to"]], p, (v) => setHash("timeline", v));
  if (!p.actor) {
    show(el("h1", { text: "Timeline" }), form, el("p", { class: "muted", text: "Give an actor (XVA, Valdorie, a person's name) and optionally a second one." }));
    return;
  }
  const data = await api("timeline", { actor: p.actor, other: p.other, by: p.by, from: p.from, to: p.to, limit: 500 });
  const key = el("div", { class: "key" }, QUADS.map((q, i) => { const s = el("span", { class: "swatch" }); s.style.background = QUAD_COLOR[i]; return el("span", {}, s, " " + q); }),
    el("span", {}, "dashed: negated; pale: dates known only to a coarser period"), (() => { const s = el("span", { class: "swatch" }); s.style.background = "#7a6fb0"; return el("span", {}, s, " quotes (below the axis)"); })());
  const list = data.events.map((v) => el("tr", {},
    el("td", { text: (v.date_from_publication ? "~" : "") + (v.date || "undated") }),
    el("td", {}, typeTag(v.type, v.negated)),
    el("td", { text: fmtActor(v.source, v.source_country) + " → " + fmtActor(v.target, v.target_country) }),
    el("td", {}, el("span", { text: v.sentence }), " ", docLink(v.document, "[doc]"))));
  const title = data.other ? `${data.actor} ⇄ ${data.other}` : data.actor;
  show(el("h1", { text: "Timeline: " + title }), form, key, drawTimeline(data),
    el("h2", { text: `Events (${data.events_total})` }),
    list.length ? el("table", {}, el("tbody", {}, list)) : el("p", { class: "muted", text: "No event." }),
    data.quotes.length ? [el("h2", { text: `Quotes of ${data.actor} (${data.quotes.length})` }), data.quotes.map((q) => el("div", { class: "card" }, el("blockquote", { text: q.text }), el("div", { class: "muted" }, `${q.speaker || "?"} · ${q.published || "undated"} · ${q.source || ""} `, docLink(q.document))))] : null);
}

// ---------- the actor graph ----------

// A plain force layout: pairs repel (k²/d), edges pull (d²/k), a weak pull
// to the centre keeps parts together; the step shrinks as it cools.
function layout(nodes, edges, W, H) {
  const n = nodes.length;
  const k = Math.sqrt((W * H) / Math.max(n, 1)) * 0.75;
  nodes.forEach((d, i) => {
    const a = (2 * Math.PI * i) / Math.max(n, 1);
    d.x = W / 2 + Math.cos(a) * W * 0.3;
    d.y = H / 2 + Math.sin(a) * H * 0.3;
  });
  const idx = new Map(nodes.map((d, i) => [d.id, i]));
  const links = edges.map((e) => [idx.get(e.source), idx.get(e.target), e.events]).filter((l) => l[0] !== undefined && l[1] !== undefined);
  let temp = W / 8;
  for (let it = 0; it < 300; it++) {
    const dx = new Float64Array(n), dy = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      let x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y;
      let d = Math.hypot(x, y) || 0.01;
      const f = (k * k) / d;
      x /= d; y /= d;
      dx[i] += x * f; dy[i] += y * f; dx[j] -= x * f; dy[j] -= y * f;
    }
    for (const [i, j, w] of links) {
      let x = nodes[i].x - nodes[j].x, y = nodes[i].y - nodes[j].y;
      const d = Math.hypot(x, y) || 0.01;
      const f = ((d * d) / k) * (1 + Math.log(w)) * 0.5;
      x /= d; y /= d;
      dx[i] -= x * f; dy[i] -= y * f; dx[j] += x * f; dy[j] += y * f;
    }
    for (let i = 0; i < n; i++) {
      dx[i] += (W / 2 - nodes[i].x) * 0.05 * k / 50;
      dy[i] += (H / 2 - nodes[i].y) * 0.05 * k / 50;
      const d = Math.hypot(dx[i], dy[i]) || 1;
      const step = Math.min(d, temp);
      nodes[i].x = Math.min(W - 30, Math.max(30, nodes[i].x + (dx[i] / d) * step));
      nodes[i].y = Math.min(H - 20, Math.max(20, nodes[i].y + (dy[i] / d) * step));
    }
    temp *= 0.985;
  }
}

async function viewGraph(_, p) {
  const types = ["", ...Object.keys(TYPE_QUAD)];
  const form = filterForm([["from", "from"], ["to", "to"], ["type", "type", types], ["quad", "quad class", ["", ...QUADS]], ["min", "min events"]], p, (v) => setHash("graph", v));
  const data = await api("graph", { from: p.from, to: p.to, type: p.type, quad: p.quad, min: p.min, limit: 300 });
  const W = 960, H = 620;
  const box = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-label": "actor graph" });
  const defs = svg("defs");
  QUAD_COLOR.concat(["#888"]).forEach((c, i) => defs.append(svg("marker", { id: "arrow" + i, viewBox: "0 0 10 10", refX: 10, refY: 5, markerUnits: "userSpaceOnUse", markerWidth: 9, markerHeight: 9, orient: "auto-start-reverse" }, svg("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: c }))));
  box.append(defs);
  const nodes = data.nodes.map((d) => ({ ...d }));
  if (!nodes.length) {
    show(el("h1", { text: "Actor graph" }), form, el("p", { class: "muted", text: "No event between two actors matches." }));
    return;
  }
  layout(nodes, data.edges, W, H);
  const byId = new Map(nodes.map((d) => [d.id, d]));
  const radius = (d) => 5 + Math.sqrt(d.in + d.out) * 3;
  const edgeEls = [];
  for (const e of data.edges) {
    const s = byId.get(e.source), t = byId.get(e.target);
    if (!s || !t) continue;
    const main = e.quad.indexOf(Math.max(...e.quad));
    const colour = Math.max(...e.quad) > 0 ? main : 4;
    const line = svg("line", { class: "edge", stroke: colour < 4 ? QUAD_COLOR[colour] : "#888", "stroke-opacity": 0.7, "stroke-width": 1 + Math.log2(1 + e.events) * 1.5, "marker-end": `url(#arrow${colour})`, onclick: () => setHash("timeline", { actor: e.source, other: e.target }) },
      tip(`${e.source} → ${e.target}: ${e.events} event(s), ${e.reports} report(s)\n` + Object.entries(e.types).map(([k, v]) => `${k} ${v}`).join(", ")));
    edgeEls.push({ line, s, t });
    box.append(line);
  }
  const place = () => {
    for (const { line, s, t } of edgeEls) {
      // Bend reciprocal edges apart a little, end at the target's rim.
      const dx = t.x - s.x, dy = t.y - s.y, d = Math.hypot(dx, dy) || 1;
      const ox = (-dy / d) * 3, oy = (dx / d) * 3, rt = radius(t) + 2;
      line.setAttribute("x1", s.x + ox); line.setAttribute("y1", s.y + oy);
      line.setAttribute("x2", t.x - (dx / d) * rt + ox); line.setAttribute("y2", t.y - (dy / d) * rt + oy);
    }
  };
  const nodeEls = nodes.map((d) => {
    const g = svg("g", { class: "node" },
      svg("circle", { r: radius(d), fill: "#55606e" }, tip(`${d.id}${d.country ? " (" + d.country + ")" : ""}: ${d.out} out, ${d.in} in — click for its timeline, drag to move`)),
      svg("text", { x: radius(d) + 3, y: 4, text: d.id }));
    const put = () => g.setAttribute("transform", `translate(${d.x},${d.y})`);
    put();
    let dragging = false, moved = false;
    g.addEventListener("pointerdown", (ev) => { dragging = true; moved = false; g.setPointerCapture(ev.pointerId); });
    g.addEventListener("pointermove", (ev) => {
      if (!dragging) return;
      const pt = box.createSVGPoint(); pt.x = ev.clientX; pt.y = ev.clientY;
      const q = pt.matrixTransform(box.getScreenCTM().inverse());
      d.x = q.x; d.y = q.y; moved = true; put(); place();
    });
    g.addEventListener("pointerup", () => { dragging = false; if (!moved) setHash("timeline", { actor: d.id }); });
    return g;
  });
  place();
  box.append(...nodeEls);
  const key = el("div", { class: "key" }, QUADS.map((q, i) => { const s = el("span", { class: "swatch" }); s.style.background = QUAD_COLOR[i]; return el("span", {}, s, " mostly " + q); }));
  show(el("h1", { text: "Actor graph" }), form, key,
    el("p", { class: "muted", text: `${nodes.length} actors, ${data.edges.length} of ${data.edges_total} edges. Edge width: distinct events; colour: the main quad class. Click an edge for the pair's timeline.` }), box);
}

// ---------- quotes ----------

async function viewQuotes(_, p) {
  const offset = Number(p.offset || 0);
  const form = filterForm([["speaker", "speaker (name, code, KB id)"], ["from", "from"], ["to", "to"], ["min_reports", "reported by at least"]], p, (v) => setHash("quotes", v));
  const data = await api("quotes", { speaker: p.speaker, from: p.from, to: p.to, min_reports: p.min_reports, offset, limit: 30 });
  const items = data.items.map((q) => el("div", { class: "card" },
    el("div", {}, el("strong", { text: q.speaker || "unknown speaker" }), q.speaker ? [" ", el("a", { href: "#/quotes" + qs({ speaker: q.speaker }), text: "all their quotes" })] : null),
    el("blockquote", { text: q.text }),
    el("div", { class: "muted" }, `${q.first || "undated"} · ${q.documents.length} report(s)${q.outlets.length ? " in " + q.outlets.join(", ") : ""}: `,
      q.documents.map((d, i) => [i ? ", " : "", docLink(d)]))));
  show(el("h1", { text: "Quotes" }), form, items.length ? items : el("p", { class: "muted", text: "No quote matches." }), pager(data, (o) => setHash("quotes", { ...p, offset: o })));
}

// ---------- stories ----------

async function viewStories(_, p) {
  const offset = Number(p.offset || 0);
  let items, data;
  if (p.story) {
    const s = await api("stories/" + encodeURIComponent(p.story));
    data = { items: [s], offset: 0, limit: 1, more: false };
  } else {
    data = await api("stories", { from: p.from, to: p.to, min_documents: p.min_documents, offset, limit: 30 });
  }
  items = data.items.map((s) => el("div", { class: "card" },
    el("div", {}, el("strong", { text: s.first === s.last ? (s.first || "undated") : `${s.first} → ${s.last}` }), ` · ${s.documents.length} document(s) · `, el("span", { class: "muted", text: "story " + s.id })),
    s.actors.length ? el("div", {}, "Actors: ", s.actors.map((a, i) => [i ? ", " : "", timelineLink(a, null, a)])) : null,
    el("ul", {}, s.documents.map((d) => el("li", {}, el("span", { class: "muted", text: (d.published || "undated") + " " }), docLink(d.id, d.title || d.id), d.source ? el("span", { class: "muted", text: " · " + d.source }) : null)))));
  const form = filterForm([["from", "from"], ["to", "to"], ["min_documents", "at least N documents"]], p, (v) => setHash("stories", v));
  show(el("h1", { text: "Stories" }), form, items.length ? items : el("p", { class: "muted", text: "No story: stories are built when documents are ingested with the corpus stage." }), pager(data, (o) => setHash("stories", { ...p, offset: o })));
}

// ---------- stats ----------

async function viewStats() {
  const s = await api("stats");
  const rows = [["documents", s.documents], ["entities", s.entities], ["mentions", s.mentions], ["quotes", s.quotes], ["events", s.events], ["time expressions", s.times], ["shared passages", s.duplicates], ["schema version", s.schema_version], ["size (bytes)", s.file_size]];
  const W = 700, H = 180;
  const max = Math.max(1, ...s.months.map((m) => m.count));
  const bw = s.months.length ? (W - 40) / s.months.length : 0;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img", "aria-label": "documents per month" },
    s.months.map((m, i) => {
      const h = ((H - 40) * m.count) / max;
      return svg("g", {}, svg("rect", { x: 20 + i * bw, y: H - 24 - h, width: Math.max(2, bw - 4), height: h, fill: "#2456a6" }, tip(`${m.key || "unknown"}: ${m.count}`)),
        svg("text", { x: 20 + i * bw + bw / 2, y: H - 8, "text-anchor": "middle", text: m.key || "?" }));
    }));
  show(el("h1", { text: "What the store holds" }),
    el("table", {}, el("tbody", {}, rows.map(([k, v]) => el("tr", {}, el("td", { text: k }), el("td", { class: "num", text: v }))))),
    el("h2", { text: "Documents per month published" }), chart,
    el("h2", { text: "Removed by cleaning" }),
    el("table", {}, el("tbody", {}, s.removed.map((r) => el("tr", {}, el("td", { text: r.key }), el("td", { class: "num", text: r.count }))))));
}

// ---------- start ----------

document.getElementById("search").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = document.getElementById("q").value.trim();
  setHash("", q ? { q } : {});
});
window.addEventListener("hashchange", route);
route();
