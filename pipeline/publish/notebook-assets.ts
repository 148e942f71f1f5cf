import { createHash } from "node:crypto";

/**
 * The notebook's stylesheet and script, inlined in the page so it works from file:// with no
 * network. Plain CSS and plain JavaScript as the browser runs them: the same bytes in every build.
 */
export const NOTEBOOK_STYLE = `
:root { color-scheme: light dark; --ink: #1a1a1a; --muted: #595959; --rule: #d4d4cf; --link: #0b57a4; --focus: #1a5fb4; --bad: #a4161a; --warn: #8a4b00; --ok: #2b7a3d; --page: #f4f4f2; --paper: #fff; --ln: #6b6b6b; --strong-rule: #8c8c8c; --target: #fff0b3; --row-target: #fff6d6; --hot: #d97900; --recorded: #fcebb0; --charted: #cfe2fb; --superseded: #e6e6e6; --unrecorded: #a04c00; }
/* An editor working in dark mode gets a dark page: the charts in it turn dark as a reader's would. */
@media (prefers-color-scheme: dark) {
  :root { --ink: #e8e8e6; --muted: #aab0b6; --rule: #3a3f45; --link: #8dbbff; --focus: #8dbbff; --bad: #ff9b94; --warn: #f2b866; --ok: #6cc482; --page: #15181c; --paper: #1e2227; --ln: #9aa0a6; --strong-rule: #6f757b; --target: #4d4112; --row-target: #3b3414; --hot: #f0a040; --recorded: #5c4b10; --charted: #1d3d68; --superseded: #3d3f42; --unrecorded: #f2a55a; }
}
* { box-sizing: border-box; }
body { font: 15px/1.45 Helvetica, Arial, sans-serif; margin: 0; color: var(--ink); background: var(--page); }
.page { max-width: 1400px; margin: 0 auto; padding: 16px; }
a { color: var(--link); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
[id] { scroll-margin-top: 12px; }
header h1 { font-size: 26px; line-height: 1.25; margin: 4px 0 6px; }
.kicker { margin: 0; color: var(--muted); font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em; }
.meta { margin: 0 0 8px; color: var(--muted); }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; margin: 8px 0 16px; }
.status { margin: 0 0 16px; padding: 8px 12px; border-left: 6px solid var(--ok); background: var(--paper); }
.status.failed { border-color: var(--bad); }
.panel { background: var(--paper); border: 1px solid var(--rule); padding: 16px 20px; margin: 0 0 24px; }
.panel > h2 { font-size: 20px; margin: 0 0 12px; }
h3 { font-size: 16px; margin: 20px 0 8px; }
h3 small { color: var(--muted); font-weight: normal; font-size: 13px; }
.note { color: var(--muted); }
.problems { border-left: 6px solid var(--bad); }
.problems h2, .problems h3 { color: var(--bad); }
.problems h3.warn { color: var(--warn); }
.problems ol { margin: 0 0 8px; padding-left: 1.4em; }
.problems li { margin: 4px 0; overflow-wrap: anywhere; }
.problems code { font-weight: bold; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 6px 20px; padding: 0; margin: 0 0 12px; }
.text { position: relative; isolation: isolate; margin: 0 0 8px; padding-left: 3.4em; white-space: pre-wrap; overflow-wrap: anywhere; font: 16px/1.65 Georgia, "Times New Roman", serif; max-width: 48em; }
.code .text { font: 13px/1.6 ui-monospace, Menlo, Consolas, "Liberation Mono", monospace; max-width: none; }
.ln::before { content: attr(data-line); content: attr(data-line) / ""; position: absolute; left: 0; width: 2.6em; text-align: right; color: var(--ln); font: 12px/inherit Helvetica, Arial, sans-serif; }
.ln.problem::before { color: var(--bad); font-weight: bold; }
.ln.problem::after { content: ""; position: absolute; left: 2.9em; width: 4px; height: 1.6em; background: var(--bad); }
.ln:target::after { content: ""; position: absolute; left: 0; right: 0; height: 1.6em; background: var(--target); z-index: -1; }
.dateline { color: var(--muted); font: 13px Helvetica, Arial, sans-serif; }
.num { border-radius: 3px; padding: 0 2px; color: inherit; }
a.num { text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 3px; }
.num.recorded { background: var(--recorded); }
.num.charted { background: var(--charted); font-weight: bold; }
.num.superseded { background: var(--superseded); text-decoration-line: line-through; }
.control { font-size: 0.75em; border: 1px dashed var(--bad); color: var(--bad); padding: 0 0.2em; }
mark.num.unrecorded { background: none; border-radius: 0; padding: 0; border-bottom: 2px dotted var(--unrecorded); }
a.num:target { outline: 3px solid var(--hot); }
.to-chart { display: inline-block; padding: 0 2px; color: var(--link); }
.to-chart svg { fill: currentColor; vertical-align: -1px; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
caption { text-align: left; caption-side: top; color: var(--muted); padding: 0 0 6px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--strong-rule); white-space: nowrap; }
tbody th { font-weight: normal; }
td ul { margin: 0; padding-left: 1.1em; }
.facts .value { white-space: nowrap; }
.facts .value, .facts .bounds { font-variant-numeric: tabular-nums; }
.facts .source { overflow-wrap: anywhere; min-width: 7em; }
.facts .corrections { min-width: 10em; }
.facts a.quote { color: inherit; text-decoration-style: dotted; text-underline-offset: 3px; }
.facts a.quote:hover { color: var(--link); text-decoration-style: solid; }
.facts .quote { min-width: 14em; }
.facts .what { display: block; color: var(--muted); }
.facts .line-link { display: block; font-size: 12px; }
tr:target { background: var(--row-target); outline: 2px solid var(--hot); }
button.sort { font: inherit; font-weight: bold; color: inherit; background: none; border: 0; padding: 2px 0; cursor: pointer; text-align: left; }
button.sort:hover { text-decoration: underline; }
.sort-mark::after { content: " \\2195"; color: var(--muted); font-weight: normal; }
th[aria-sort="ascending"] .sort-mark::after { content: " \\25B2"; color: inherit; }
th[aria-sort="descending"] .sort-mark::after { content: " \\25BC"; color: inherit; }
.chart { border-top: 1px solid var(--rule); padding-top: 4px; margin-top: 16px; }
.chart:first-of-type { border-top: 0; margin-top: 0; }
.chart-figures { margin: 0 0 8px; }
.variants { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.variant { margin: 0; padding: 8px; border: 1px solid var(--rule); max-width: 100%; }
/* Each variant shows as its label says: the light file stays light on a dark page (an <img> of an
   SVG takes its colour scheme from the element), as the dark file is dark on a light one. */
.variant:not(.dark), .variant:not(.dark) img { color-scheme: light; }
.variant.dark { background: #15181c; border-color: #15181c; color: #b4bac1; }
.variant img { display: block; max-width: 100%; height: auto; }
.variant figcaption { font-size: 12px; margin-top: 4px; overflow-wrap: anywhere; }
.variant figcaption span { color: var(--muted); }
.variant.dark figcaption a, .variant.dark figcaption span { color: #b4bac1; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; }
dt { font-weight: bold; }
dd { margin: 0; overflow-wrap: anywhere; }
.embed-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; margin-bottom: 4px; }
.embed-head label { font-weight: bold; }
.embed-head span { color: var(--muted); font-size: 13px; }
textarea { width: 100%; font: 12px/1.4 ui-monospace, Menlo, Consolas, monospace; }
.warnings { color: var(--bad); }
.corrected { color: var(--bad); font-weight: bold; }
.changes ul { margin: 4px 0 8px; padding-left: 1.4em; }
/* A phone: tables become one card per row, sorted by the buttons above them. */
@media (max-width: 720px) {
  .page { padding: 6px; }
  .panel { padding: 12px 8px; }
  header h1 { font-size: 21px; }
  .text { padding-left: 2.5em; font-size: 15px; }
  .ln::before { width: 2em; font-size: 11px; }
  .ln.problem::after { left: 2.15em; }
  .facts, .facts tbody, .facts tr, .facts td, .facts tbody th, .log, .log tbody, .log tr, .log td { display: block; }
  .facts thead { display: block; }
  .facts thead tr { display: flex; flex-wrap: wrap; gap: 4px 14px; }
  .facts thead th { border: 0; padding: 0; }
  .log thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .facts tbody tr, .log tbody tr { border: 1px solid var(--rule); margin: 8px 0; padding: 6px 8px; }
  .facts td, .facts tbody th, .log td { position: relative; border: 0; padding: 3px 0 3px 7.2em; min-height: 1.6em; }
  .facts td::before, .facts tbody th::before, .log td::before { content: attr(data-label); content: attr(data-label) / ""; position: absolute; left: 0; width: 6.8em; font-weight: bold; color: var(--muted); font-size: 12px; line-height: 1.9; }
  .facts .quote { min-width: 0; }
  .facts caption { display: block; }
  .variants { gap: 12px; margin: 0 -8px; }
  .variant { padding: 0; border: 0; }
  .variant figcaption { padding: 2px 6px 6px; }
  dl { grid-template-columns: 1fr; }
  dt { margin-top: 6px; }
}
`;

export const NOTEBOOK_SCRIPT = `
(function () {
  "use strict";
  var sorted = null;
  function sortTable(table, column, direction) {
    if (!table) return;
    var button = table.querySelector('button.sort[data-column="' + column + '"]');
    var numeric = button && button.getAttribute("data-type") === "number";
    var tbody = table.tBodies[0];
    var key = function (row) {
      var cell = row.cells[column];
      return cell ? cell.getAttribute("data-sort") || "" : "";
    };
    var order = function (row) { return Number(row.getAttribute("data-order")); };
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      var d = numeric ? Number(x) - Number(y) : x.localeCompare(y, "en", { numeric: true, sensitivity: "base" });
      if (direction === "descending") d = -d;
      return d || order(a) - order(b);
    });
    rows.forEach(function (row) { tbody.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      if (i === column) th.setAttribute("aria-sort", direction);
      else th.removeAttribute("aria-sort");
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.sort") : null;
    if (!button) return;
    var column = Number(button.getAttribute("data-column"));
    var direction = button.parentNode.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    sortTable(button.closest("table"), column, direction);
    sorted = { column: column, direction: direction };
  });

  var body = document.body;
  var events = body.getAttribute("data-events");
  if (!events || typeof EventSource === "undefined") return;
  var version = body.getAttribute("data-version");
  var busy = false;
  var again = false;
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(location.pathname, { cache: "no-store" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html");
        var main = document.querySelector("main");
        var fresh = next.querySelector("main");
        if (!main || !fresh) return;
        var focused = document.activeElement && document.activeElement.id;
        var x = window.scrollX, y = window.scrollY;
        main.replaceWith(document.adoptNode(fresh));
        ["summary", "nav"].forEach(function (id) {
          var old = document.getElementById(id), now = next.getElementById(id);
          if (old && now) old.replaceWith(document.adoptNode(now));
        });
        var status = document.getElementById("build-status"), told = next.getElementById("build-status");
        if (status && told) { status.className = told.className; status.textContent = told.textContent; }
        document.title = next.title;
        version = next.body.getAttribute("data-version");
        body.setAttribute("data-version", version);
        if (sorted) sortTable(document.querySelector("table.sortable"), sorted.column, sorted.direction);
        window.scrollTo(x, y);
        var target = focused && document.getElementById(focused);
        if (target) target.focus({ preventScroll: true });
      })
      .catch(function () {})
      .then(function () {
        busy = false;
        if (again) { again = false; refresh(); }
      });
  }
  var source = new EventSource(events);
  source.addEventListener("build", function (event) {
    if (event.data !== version) refresh();
  });
})();
`;

/** For the live server's Content-Security-Policy: only these exact inline blocks may run or style. */
export const cspHash = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
