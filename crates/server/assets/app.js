// ordo dashboard: a small single-page app over ordo's JSON API. No build
// step; uPlot (vendored) draws the charts. Every table comes from an API
// answer that names the ordo command printing the same numbers.
"use strict";

// Okabe–Ito palette (colour-blind safe), as in the HTML report.
const PALETTE = ["#000000", "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"];
const STABLE = "rgba(86,180,233,0.16)";
const CRISIS = "rgba(213,94,0,0.16)";

const $ = (id) => document.getElementById(id);
const ordo = (window.ordo = { charts: {}, data: {}, phasesDrawn: 0 });

async function api(path) {
  const r = await fetch(path);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

function fmt(v, d = 3) {
  return v === null || v === undefined ? "–" : (typeof v === "number" ? v.toFixed(d) : String(v));
}

function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

// ---------- state picker with type-ahead ----------

function typeahead(input, list) {
  let timer = null;
  let seq = 0;
  input.addEventListener("input", () => {
    delete input.dataset.abbrev;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++seq;
      const q = input.value.trim();
      if (!q) { list.innerHTML = ""; return; }
      try {
        const r = await api("/api/states?q=" + encodeURIComponent(q));
        if (mine !== seq) return;
        list.innerHTML = r.states.map((s) =>
          `<li role="option" data-abbrev="${esc(s.abbrev)}" data-name="${esc(s.name)}">${esc(s.matched)} <span class="hint">— ${esc(s.name)} (${esc(s.abbrev)}, COW ${s.ccode}, ${esc(s.years)})</span></li>`).join("");
      } catch (e) { list.innerHTML = ""; }
    }, 120);
  });
  list.addEventListener("click", (ev) => {
    const li = ev.target.closest("li");
    if (!li) return;
    input.value = li.dataset.name;
    input.dataset.abbrev = li.dataset.abbrev;
    list.innerHTML = "";
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && list.firstElementChild) {
      ev.preventDefault();
      list.firstElementChild.click();
    }
  });
}

function pickerSubmit(ev) {
  ev.preventDefault();
  const a = $("state-a").dataset.abbrev || $("state-a").value.trim();
  const b = $("state-b").dataset.abbrev || $("state-b").value.trim();
  if (!a || !b) { $("picker-error").textContent = "Pick two states."; return; }
  location.hash = `#/dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
}

// ---------- chart helpers ----------

function rowsByYear(rows, column) {
  const m = new Map();
  for (const r of rows) if (r.year !== null && r[column] !== null && r[column] !== undefined) m.set(r.year, r[column]);
  return m;
}

function phasesOf(periods) {
  const phases = [], turning = [];
  for (const r of periods.rows) {
    if (r.kind === "stable" || r.kind === "crisis") phases.push({ from: r.from, to: r.to ?? r.from, crisis: r.kind === "crisis", order: r.order });
    if (r.kind === "turning point") turning.push({ year: r.from, label: r.label });
  }
  return { phases, turning };
}

// A uPlot plugin drawing phases (under the series), turning points,
// change points and chronology markers.
function decorations({ phases = [], turning = [], breaks = [], markers = [] }) {
  return {
    hooks: {
      drawClear: [(u) => {
        const { ctx } = u;
        const top = u.bbox.top, h = u.bbox.height;
        ctx.save();
        for (const p of phases) {
          const x0 = u.valToPos(p.from - 0.5, "x", true), x1 = u.valToPos(p.to + 0.5, "x", true);
          const l = Math.max(x0, u.bbox.left), r = Math.min(x1, u.bbox.left + u.bbox.width);
          if (r <= l) continue;
          ctx.fillStyle = p.crisis ? CRISIS : STABLE;
          ctx.fillRect(l, top, r - l, h);
          ordo.phasesDrawn++;
        }
        ctx.restore();
      }],
      draw: [(u) => {
        const { ctx } = u;
        const top = u.bbox.top, h = u.bbox.height, left = u.bbox.left, right = left + u.bbox.width;
        const xs = (y) => u.valToPos(y, "x", true);
        ctx.save();
        ctx.lineWidth = 1.5 * devicePixelRatio;
        for (const t of turning) {
          const x = xs(t.year);
          if (x < left || x > right) continue;
          ctx.strokeStyle = "#000"; ctx.setLineDash([]);
          ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + h); ctx.stroke();
        }
        for (const b of breaks) {
          const x = xs(b);
          if (x < left || x > right) continue;
          ctx.strokeStyle = "#6e6e6e"; ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
          ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + h); ctx.stroke();
        }
        ctx.setLineDash([]);
        const s = 6 * devicePixelRatio;
        for (const m of markers) {
          const x = xs(m.year);
          if (x < left || x > right) continue;
          ctx.fillStyle = m.up ? "rgba(0,158,115,0.85)" : "rgba(213,94,0,0.85)";
          const y = m.up ? top + s + 2 : top + h - s - 2;
          ctx.beginPath();
          if (m.up) { ctx.moveTo(x, y - s); ctx.lineTo(x + s, y + s * 0.8); ctx.lineTo(x - s, y + s * 0.8); }
          else { ctx.moveTo(x, y + s); ctx.lineTo(x + s, y - s * 0.8); ctx.lineTo(x - s, y - s * 0.8); }
          ctx.fill();
        }
        ctx.restore();
      }],
    },
  };
}

function chartWidth(el) {
  return Math.max(600, Math.min(1100, el.clientWidth || 1000));
}

function makeChart(el, title, years, series, deco, onCursor, height = 360) {
  el.innerHTML = "";
  const opts = {
    title,
    width: chartWidth(el),
    height,
    plugins: [decorations(deco)],
    scales: { x: { time: false } },
    axes: [
      { label: "year", values: (u, vals) => vals.map((v) => (Number.isInteger(v) ? String(v) : "")) },
      { label: series.axis || "", size: 70 },
    ],
    cursor: { drag: { x: true, y: false } },
    series: [{ label: "year", value: (u, v) => (v == null ? "–" : String(v)) }].concat(series.lines.map((s, k) => ({
      label: s.label,
      stroke: s.color || PALETTE[k % PALETTE.length],
      width: s.width || 1.5,
      spanGaps: false,
      value: (u, v) => fmt(v),
    }))),
    hooks: { setCursor: [(u) => onCursor && onCursor(u, u.cursor.idx)] },
  };
  const data = [years].concat(series.lines.map((s) => years.map((y) => (s.values.has(y) ? s.values.get(y) : null))));
  return new uPlot(opts, data, el);
}

function legendExtra() {
  return `<span><i class="swatch" style="background:${STABLE}"></i>stable phase</span>` +
    `<span><i class="swatch" style="background:${CRISIS}"></i>crisis phase</span>` +
    `<span>│ turning point</span><span>┆ detected change point</span>` +
    `<span style="color:#009E73">▲ chronology: cooperation</span><span style="color:#D55E00">▼ chronology: competition</span>`;
}

function sourcesText(...tables) {
  return tables.filter(Boolean).map((t) => `${t.command}\n` + (t.sources || []).map((s) => "  source: " + s).join("\n")).join("\n");
}

// ---------- dyad view ----------

async function showDyad(a, b) {
  show("dyad-view");
  $("dyad-title").textContent = "Loading…";
  $("verdict").textContent = "";
  $("drill").innerHTML = "";
  let d, t;
  try {
    [d, t] = await Promise.all([api(`/api/dyad/${a}/${b}`), api(`/api/test/${a}/${b}`)]);
  } catch (e) {
    $("dyad-title").textContent = "Error";
    $("verdict").textContent = e.message;
    return;
  }
  ordo.data.dyad = d;
  ordo.data.test = t;
  $("dyad-title").textContent = `${d.a.name} – ${d.b.name} (${d.a.abbrev}–${d.b.abbrev})`;
  const verdict = (t.sources || []).find((s) => s.startsWith("verdict")) || "";
  $("verdict").textContent = verdict.charAt(0).toUpperCase() + verdict.slice(1);
  const coop = d.cooperation.rows;
  const years = coop.map((r) => r.year);
  const comps = Object.keys(coop[0] || {}).filter((k) => k.startsWith("z_"));
  const lines = [{ label: "cooperation index", values: rowsByYear(coop, "index"), color: "#000", width: 3 }]
    .concat(comps.map((c, k) => ({ label: c.slice(2), values: rowsByYear(coop, c), color: PALETTE[(k + 1) % PALETTE.length], width: 1 })));
  const { phases, turning } = phasesOf(d.periods);
  const chron = d.chronology.rows || [];
  const markers = chron.filter((e) => e.stance === "cooperation" || e.stance === "competition")
    .map((e) => ({ year: +e.date.slice(0, 4), up: e.stance === "cooperation" }));
  const breaks = (d.breaks.rows || []).map((r) => r.break_year).filter((y) => y != null);
  ordo.phasesDrawn = 0;
  const onCursor = (u, idx) => {
    if (idx == null) return;
    const y = u.data[0][idx];
    const entries = chron.filter((e) => +e.date.slice(0, 4) === y);
    const row = coop[idx];
    $("hover").innerHTML = `<strong id="hover-year">${y}</strong>: cooperation index <strong id="hover-value">${fmt(row.index)}</strong>` +
      comps.map((c) => ` · ${esc(c.slice(2))} ${fmt(row[c], 2)}`).join("") +
      (entries.length ? `<br>${entries.length} chronology ${entries.length === 1 ? "entry" : "entries"}: ${entries.map((e) => esc(e.summary.slice(0, 90))).join(" | ")}` : "");
  };
  const u = makeChart($("timeline"), `${d.a.abbrev}–${d.b.abbrev}: cooperation index and components`, years, { lines, axis: "standard deviations" },
    { phases, turning, breaks, markers }, onCursor, 400);
  ordo.charts.timeline = u;
  u.over.addEventListener("click", () => {
    const idx = u.cursor.idx;
    if (idx != null) drill(d, u.data[0][idx]);
  });
  $("legend-extra").innerHTML = legendExtra();
  const dy = d.dyad.rows;
  const dyears = dy.map((r) => r.year);
  const [s1, s2] = dy.length && dy[0].ccode1 === d.a.ccode ? [d.a.abbrev, d.b.abbrev] : [d.b.abbrev, d.a.abbrev];
  ordo.charts.trade = makeChart($("trade"), "Trade (COW, million current US$)", dyears, {
    axis: "million US$", lines: [
      { label: `${s1} imports from ${s2}`, values: rowsByYear(dy, "trade_flow1"), color: PALETTE[1], width: 2 },
      { label: `${s2} imports from ${s1}`, values: rowsByYear(dy, "trade_flow2"), color: PALETTE[2], width: 2 }],
  }, { phases, turning }, null, 240);
  ordo.charts.un = makeChart($("un"), "UN General Assembly voting agreement", dyears, {
    axis: "agreement", lines: [
      { label: "agreement index", values: rowsByYear(dy, "un_agree"), color: PALETTE[1], width: 2 },
      { label: "S (votes)", values: rowsByYear(dy, "un_s"), color: PALETTE[2], width: 2 }],
  }, { phases, turning }, null, 240);
  for (const btn of document.querySelectorAll("[data-zoom]")) {
    btn.onclick = () => {
      const z = btn.dataset.zoom;
      const [lo, hi] = z === "all" ? [years[0], years[years.length - 1]] : z.split(":").map(Number);
      for (const c of [ordo.charts.timeline, ordo.charts.trade, ordo.charts.un]) c.setScale("x", { min: lo - 0.5, max: hi + 0.5 });
    };
  }
  $("dyad-sources").textContent = sourcesText(d.cooperation, d.breaks, d.chronology, d.dyad, t);
}

// Chronology entries and ingested events of one year.
async function drill(d, year) {
  const entries = (d.chronology.rows || []).filter((e) => +e.date.slice(0, 4) === year);
  let html = `<h3>${year}</h3>`;
  html += entries.length
    ? "<ul>" + entries.map((e) => `<li><a class="entry-link" href="#/entry/${d.a.abbrev}/${d.b.abbrev}/${encodeURIComponent(e.id)}">${esc(e.date)} · ${esc(e.stance)} · ${esc(e.summary)}</a></li>`).join("") + "</ul>"
    : "<p>No chronology entry in this year.</p>";
  html += `<div id="drill-events">Looking for ingested events…</div>`;
  $("drill").innerHTML = html;
  try {
    const ev = await api(`/api/events/${d.a.abbrev}/${d.b.abbrev}/rows?year=${year}`);
    $("drill-events").innerHTML = ev.rows.length
      ? `<p>${ev.rows.length} events in the store (<code>${esc(ev.command)}</code>):</p><table><tr><th>day</th><th>actors</th><th>CAMEO</th><th>quad</th><th>Goldstein</th><th>source</th></tr>` +
        ev.rows.map((r) => `<tr><td>${esc(r.day)}</td><td>${esc(r.actor1_code)}→${esc(r.actor2_code)}</td><td>${esc(r.event_code)}</td><td>${esc(r.quad_class)}</td><td>${fmt(r.goldstein, 1)}</td><td>${r.source_url && /^https?:\/\//.test(r.source_url) ? `<a rel="noopener noreferrer" href="${esc(r.source_url)}">${esc(r.source_url.slice(0, 60))}</a>` : esc(r.file) + ":" + esc(r.line)}</td></tr>`).join("") + "</table>"
      : "<p>No events of this dyad in the event store for this year (ordo ingest FILES adds GDELT, ICEWS or CSV events).</p>";
  } catch (e) {
    $("drill-events").textContent = "Events: " + e.message;
  }
}

async function showEntry(a, b, id) {
  show("entry-view");
  $("entry-back").href = `#/dyad/${a}/${b}`;
  let d = ordo.data.dyad;
  if (!d || d.a.abbrev !== a || d.b.abbrev !== b) d = ordo.data.dyad = await api(`/api/dyad/${a}/${b}`);
  const e = (d.chronology.rows || []).find((x) => x.id === id);
  if (!e) { $("entry").textContent = "No such chronology entry."; return; }
  const fields = ["date", "end", "stance", "order", "phase", "area", "table1", "actor", "target", "source", "citations", "note"];
  $("entry").innerHTML = `<h1 id="entry-title">${esc(e.summary)}</h1><dl>` +
    fields.filter((f) => e[f] !== null && e[f] !== "").map((f) => `<dt>${f}</dt><dd>${esc(e[f])}</dd>`).join("") +
    `</dl><p class="source">${esc(d.chronology.command)}\n${(d.chronology.sources || []).map((s) => "source: " + esc(s)).join("\n")}</p>`;
}

// ---------- system and panel ----------

async function showSystem() {
  show("system-view");
  const s = await api("/api/system");
  const rows = s.instability.rows;
  const years = rows.map((r) => r.year);
  const { phases, turning } = phasesOf(s.periods);
  ordo.charts.system = makeChart($("system-chart"), "Instability index of the international order", years, {
    axis: "standard deviations", lines: [
      { label: "instability index", values: rowsByYear(rows, "index"), color: "#000", width: 3 },
      { label: "distributive", values: rowsByYear(rows, "distributive"), color: PALETTE[1], width: 1 },
      { label: "normative", values: rowsByYear(rows, "normative"), color: PALETTE[2], width: 1 }],
  }, { phases, turning }, (u, idx) => {
    if (idx == null) return;
    const r = rows[idx];
    $("system-hover").textContent = `${r.year}: instability ${fmt(r.index)} (distributive ${fmt(r.distributive)}, normative ${fmt(r.normative)})${r.phase ? ", " + r.phase : ""}`;
  });
  $("system-sources").textContent = sourcesText(s.instability, s.periods);
}

async function showPanel() {
  show("panel-view");
  try {
    const p = await api("/api/panel");
    const cols = Object.keys(p.rows[0] || {});
    $("panel-table").innerHTML = "<thead><tr>" + cols.map((c) => `<th>${esc(c)}</th>`).join("") + "</tr></thead><tbody>" +
      p.rows.map((r) => "<tr>" + cols.map((c) => `<td>${typeof r[c] === "number" && !Number.isInteger(r[c]) ? fmt(r[c]) : esc(r[c])}</td>`).join("") + "</tr>").join("") + "</tbody>";
    $("panel-status").textContent = `${p.rows.length} rows`;
    $("panel-sources").textContent = sourcesText(p);
  } catch (e) {
    $("panel-status").textContent = "Error: " + e.message;
  }
}

// ---------- routing ----------

function show(id) {
  for (const s of document.querySelectorAll("main > section")) s.hidden = s.id !== id;
}

function route() {
  const parts = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  if (parts[0] === "dyad" && parts.length === 3) return showDyad(parts[1], parts[2]);
  if (parts[0] === "entry" && parts.length === 4) return showEntry(parts[1], parts[2], parts[3]);
  if (parts[0] === "system") return showSystem();
  if (parts[0] === "panel") return showPanel();
  show("picker-view");
}

typeahead($("state-a"), $("suggest-a"));
typeahead($("state-b"), $("suggest-b"));
$("picker").addEventListener("submit", pickerSubmit);
window.addEventListener("hashchange", route);
route();
