// The review page: events on a map and in a table; the selected event's evidence
// highlighted in its article; analysts' corrections saved beside the coded values.
// Talks only to eventcoder's own JSON routes; Leaflet and topojson-client are globals
// loaded from /static/vendor (copied from npm by `make install`).

// One colour per ACLED event type, so the map reads at a glance.
const TYPE_COLOURS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#27ae60",
  "Riots": "#a0522d",
  "Strategic developments": "#2980b9",
};
const OTHER_COLOUR = "#7f8c8d";

// Fields shown in the evidence panel, in ACLED's order; each may be corrected.
const PANEL_FIELDS = [
  "event_date", "disorder_type", "event_type", "sub_event_type",
  "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "civilian_targeting",
  "country", "admin1", "admin2", "location", "latitude", "longitude",
  "fatalities", "source", "notes",
];
// Evidence fields share a colour per group (date, type, actors, place, counts, source).
const FIELD_GROUPS = [
  [/date/, "#ffe08a"],
  [/type|targeting/, "#ffc9a8"],
  [/actor|inter/, "#bde0fe"],
  [/location|admin|country|latitude|longitude|region/, "#c7f0c0"],
  [/fatalities/, "#ffb3c1"],
  [/source/, "#e0c8ff"],
];

const state = {
  events: [],
  corrections: new Map(), // event id -> Map(field -> latest correction)
  markers: new Map(), // event id -> Leaflet circle marker
  rows: new Map(), // event id -> <tr>
  articles: new Map(), // article id -> article (fetched once)
  selected: null,
  map: null,
};

// -- small helpers -------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

async function getJSON(url, options) {
  const response = await fetch(url, options);
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const detail = body && body.detail ? JSON.stringify(body.detail) : response.statusText;
    throw new Error(`${url}: ${detail}`);
  }
  return body;
}

function showProblem(message) {
  const box = document.getElementById("problem");
  box.textContent = message;
  box.hidden = false;
}

function setStatus(message) {
  document.getElementById("status").textContent = message;
}

function typeColour(eventType) {
  return TYPE_COLOURS[eventType] || OTHER_COLOUR;
}

function fieldColour(field) {
  const group = FIELD_GROUPS.find(([pattern]) => pattern.test(field));
  return group ? group[1] : "#e6e6e6";
}

function shown(value) {
  return value === null || value === undefined || value === "" ? "—" : String(value);
}

// The value in force: the latest correction if there is one, else the coded value.
function current(event, field) {
  const correction = state.corrections.get(event.event_id_cnty)?.get(field);
  return correction ? correction.new_value : event[field];
}

// A value as a node: a corrected value shows the coded one struck through beside it.
function valueNode(event, field) {
  const correction = state.corrections.get(event.event_id_cnty)?.get(field);
  if (!correction) return document.createTextNode(shown(event[field]));
  return el(
    "span",
    { class: "corrected", title: correction.note ? `Note: ${correction.note}` : "Corrected" },
    el("del", {}, shown(event[field])), " ", el("ins", {}, shown(correction.new_value)),
  );
}

// -- loading ---------------------------------------------------------------------------

async function loadCorrections() {
  state.corrections = new Map();
  for (const correction of await getJSON("/corrections")) {
    if (!state.corrections.has(correction.event_id_cnty)) {
      state.corrections.set(correction.event_id_cnty, new Map());
    }
    // Oldest first from the API, so the last one set is the one in force.
    state.corrections.get(correction.event_id_cnty).set(correction.field, correction);
  }
}

async function loadArticle(articleId) {
  if (!state.articles.has(articleId)) {
    state.articles.set(articleId, await getJSON(`/articles/${encodeURIComponent(articleId)}`));
  }
  return state.articles.get(articleId);
}

// -- map -------------------------------------------------------------------------------

async function drawMap() {
  const map = L.map("map", { worldCopyJump: true, minZoom: 1 }).setView([25, 20], 2);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Basemap: Natural Earth via world-atlas");
  state.map = map;
  const topology = await getJSON("/static/vendor/countries-50m.json");
  const countries = topojson.feature(topology, topology.objects.countries);
  L.geoJSON(countries, {
    interactive: false,
    style: { className: "country", color: "#9aa5ad", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
  }).addTo(map);
}

// Markers sit at the coordinates in force, so a corrected latitude/longitude moves them.
function drawMarkers() {
  for (const marker of state.markers.values()) marker.remove();
  state.markers.clear();
  const located = [];
  for (const event of state.events) {
    const latitude = current(event, "latitude");
    const longitude = current(event, "longitude");
    if (latitude === null || longitude === null) continue;
    const marker = L.circleMarker([Number(latitude), Number(longitude)], {
      className: "event-marker",
      radius: 7,
      color: "#ffffff",
      weight: 1.5,
      fillColor: typeColour(event.event_type),
      fillOpacity: 0.9,
    });
    marker.bindTooltip(`${event.sub_event_type} · ${shown(event.location)} · ${shown(event.event_date)}`);
    marker.on("click", () => select(event.event_id_cnty));
    marker.addTo(state.map);
    marker.getElement().dataset.eventId = event.event_id_cnty;
    state.markers.set(event.event_id_cnty, marker);
    located.push([Number(latitude), Number(longitude)]);
  }
  return located;
}

function drawLegend() {
  const types = [...new Set(state.events.map((e) => e.event_type))].sort();
  const legend = L.control({ position: "bottomleft" });
  legend.onAdd = () => el("div", { class: "legend" }, ...types.map((type) => el("div", {},
    el("span", { class: "swatch", style: `background:${typeColour(type)}` }), type)));
  legend.addTo(state.map);
}

// -- table -----------------------------------------------------------------------------

function actorsNode(event) {
  const actors = el("span", {}, valueNode(event, "actor1"));
  if (current(event, "actor2") || event.actor2) actors.append(" vs ", valueNode(event, "actor2"));
  return actors;
}

function renderTable() {
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  state.rows.clear();
  for (const event of state.events) {
    const row = el(
      "tr",
      { "data-event-id": event.event_id_cnty, onclick: () => select(event.event_id_cnty) },
      el("td", {}, valueNode(event, "event_date")),
      el("td", {},
        el("span", { class: "swatch", style: `background:${typeColour(event.event_type)}` }),
        valueNode(event, "event_type"), el("br"), el("small", {}, valueNode(event, "sub_event_type"))),
      el("td", {}, actorsNode(event)),
      el("td", {}, valueNode(event, "location"), el("br"), el("small", {}, valueNode(event, "country"))),
      el("td", { class: "num" }, valueNode(event, "fatalities")),
      el("td", {}, valueNode(event, "source")),
      el("td", { class: "num" }, event.confidence.toFixed(2)),
    );
    if (event.event_id_cnty === state.selected) row.classList.add("selected");
    state.rows.set(event.event_id_cnty, row);
    body.append(row);
  }
  applyFilter();
}

function fillTypeFilter() {
  const select = document.getElementById("filter-type");
  const types = [...new Set(state.events.map((e) => e.event_type))].sort();
  select.append(...types.map((t) => el("option", { value: t }, t)));
}

function applyFilter() {
  const text = document.getElementById("filter-text").value.trim().toLowerCase();
  const type = document.getElementById("filter-type").value;
  let visible = 0;
  for (const event of state.events) {
    const row = state.rows.get(event.event_id_cnty);
    const match =
      (!type || event.event_type === type) &&
      (!text || row.textContent.toLowerCase().includes(text));
    row.hidden = !match;
    visible += match;
    const marker = state.markers.get(event.event_id_cnty);
    if (marker) marker.getElement().style.display = match ? "" : "none";
  }
  setStatus(`${visible} of ${state.events.length} events`);
}

// -- evidence panel ---------------------------------------------------------------------

// Evidence spans as a tree, so overlapping spans nest as <mark>s: a span that crosses the
// end of an enclosing one is cut there and goes on in a second <mark> after it.
function spanTree(evidence, textLength) {
  const spans = evidence
    .map((ev, index) => ({ ev, index, start: ev.start, end: Math.min(ev.end, textLength), children: [] }))
    .filter((s) => s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const root = { start: 0, end: textLength, children: [] };
  const stack = [root];
  const queue = [...spans];
  while (queue.length) {
    const span = queue.shift();
    while (span.start >= stack[stack.length - 1].end) stack.pop();
    const parent = stack[stack.length - 1];
    if (span.end > parent.end) {
      const rest = { ...span, start: parent.end, children: [], continued: true };
      span.end = parent.end;
      const at = queue.findIndex((s) => s.start > rest.start || (s.start === rest.start && s.end < rest.end));
      queue.splice(at === -1 ? queue.length : at, 0, rest);
    }
    parent.children.push(span);
    stack.push(span);
  }
  return root;
}

function renderSpans(text, node) {
  const parts = [];
  let at = node.start;
  for (const child of node.children) {
    if (child.start > at) parts.push(text.slice(at, child.start));
    const { ev } = child;
    const mark = el("mark", {
      "data-field": ev.field,
      "data-evidence": String(child.index),
      style: `background:${fieldColour(ev.field)}`,
      title: `${ev.field}: ${ev.value}\n${ev.method} · confidence ${ev.confidence.toFixed(2)}`,
    }, ...renderSpans(text, child));
    if (child.continued) mark.dataset.continued = "true";
    parts.push(mark);
    at = child.end;
  }
  if (at < node.end) parts.push(text.slice(at, node.end));
  return parts;
}

function fieldConfidence(event, field) {
  const scores = event.evidence.filter((ev) => ev.field === field).map((ev) => ev.confidence);
  return scores.length ? Math.max(...scores).toFixed(2) : "";
}

function scrollToField(field) {
  const marks = document.querySelectorAll(`#article-text mark[data-field="${CSS.escape(field)}"]`);
  if (!marks.length) return;
  marks[0].scrollIntoView({ behavior: "smooth", block: "center" });
  for (const mark of marks) {
    mark.classList.remove("flash");
    void mark.offsetWidth; // restart the animation on a second click
    mark.classList.add("flash");
  }
}

function editField(event, field) {
  document.getElementById("correction-field").value = field;
  const input = document.getElementById("correction-value");
  input.value = current(event, field) ?? "";
  input.focus();
}

function renderFields(event) {
  const withEvidence = new Set(event.evidence.map((ev) => ev.field));
  const names = [...PANEL_FIELDS, ...[...withEvidence].filter((f) => !PANEL_FIELDS.includes(f))];
  const body = document.querySelector("#fields tbody");
  body.replaceChildren(...names.map((field) => el(
    "tr",
    { "data-field": field, class: withEvidence.has(field) ? "has-evidence" : "" },
    el("th", {},
      withEvidence.has(field)
        ? el("a", { href: "#", title: "Show its evidence", onclick: (e) => { e.preventDefault(); scrollToField(field); } },
          el("span", { class: "swatch", style: `background:${fieldColour(field)}` }), field)
        : field),
    el("td", { class: "value" }, valueNode(event, field)),
    el("td", { class: "num" }, fieldConfidence(event, field)),
    el("td", {}, el("button", { type: "button", title: `Correct ${field}`, onclick: () => editField(event, field) }, "✎")),
  )));
  document.getElementById("correction-field").replaceChildren(
    ...names.map((field) => el("option", { value: field }, field)),
  );
}

async function renderDetail(event) {
  document.getElementById("hint").hidden = true;
  document.getElementById("detail").hidden = false;
  document.getElementById("detail-title").textContent =
    `${event.sub_event_type} · ${shown(current(event, "location"))} · ${shown(current(event, "event_date"))}`;
  renderFields(event);
  const article = await loadArticle(event.article_id);
  if (state.selected !== event.event_id_cnty) return; // another event was clicked meanwhile
  document.getElementById("article-title").textContent = article.title || article.url || article.id;
  const tree = spanTree(event.evidence, article.text.length);
  document.getElementById("article-text").replaceChildren(...renderSpans(article.text, tree));
}

function styleMarkers() {
  for (const [id, marker] of state.markers) {
    const selected = id === state.selected;
    marker.setStyle({ radius: selected ? 11 : 7, weight: selected ? 3 : 1.5, color: selected ? "#111" : "#fff" });
    if (selected) marker.bringToFront();
  }
}

async function select(eventId) {
  state.selected = eventId;
  for (const [id, row] of state.rows) row.classList.toggle("selected", id === eventId);
  styleMarkers();
  state.rows.get(eventId)?.scrollIntoView({ block: "nearest" });
  const event = state.events.find((e) => e.event_id_cnty === eventId);
  try {
    await renderDetail(event);
  } catch (error) {
    showProblem(`Could not show the evidence: ${error.message}`);
  }
}

// -- corrections ------------------------------------------------------------------------

async function saveCorrection(submit) {
  submit.preventDefault();
  const status = document.getElementById("correction-status");
  const eventId = state.selected;
  const form = new FormData(submit.target);
  status.textContent = "Saving…";
  try {
    await getJSON(`/events/${encodeURIComponent(eventId)}/corrections`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ field: form.get("field"), value: form.get("value"), note: form.get("note") }),
    });
  } catch (error) {
    status.textContent = `Not saved: ${error.message}`;
    status.className = "error";
    return;
  }
  document.getElementById("correction-note").value = "";
  await loadCorrections();
  drawMarkers();
  styleMarkers();
  renderTable();
  await renderDetail(state.events.find((e) => e.event_id_cnty === eventId));
  status.textContent = `Saved ${form.get("field")}.`; // last: the page now shows it
  status.className = "";
}

// -- start -----------------------------------------------------------------------------

async function main() {
  if (typeof L === "undefined" || typeof topojson === "undefined") {
    showProblem("The map libraries are missing from /static/vendor: run 'make install' " +
      "(cd web && npm ci && node build.mjs), then restart eventcoder serve.");
    return;
  }
  try {
    await drawMap();
    [state.events] = await Promise.all([getJSON("/events"), loadCorrections()]);
  } catch (error) {
    showProblem(`Could not load the events: ${error.message}`);
    return;
  }
  fillTypeFilter();
  const located = drawMarkers();
  if (located.length) state.map.fitBounds(located, { padding: [40, 40], maxZoom: 6 });
  drawLegend();
  renderTable();
  document.getElementById("filter-text").addEventListener("input", applyFilter);
  document.getElementById("filter-type").addEventListener("change", applyFilter);
  document.getElementById("correction-form").addEventListener("submit", saveCorrection);
  document.body.dataset.ready = "true"; // for tests and scripts: everything is drawn
}

main();
