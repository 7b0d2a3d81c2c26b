// The resume checker page. All analysis is done by the atscore WebAssembly
// module; this file only builds the DOM from the report. Resume and role text
// only ever reach the page through textContent and attributes, never as HTML.
// A resume file (PDF, DOCX, text) is read in the page with File.arrayBuffer()
// and handed to the module as bytes: it is never sent anywhere.
import init, { Analyzer, roles, version } from "./pkg/atscore_wasm.js";

const $ = (id) => document.getElementById(id);
const CUSTOM = "__custom__";

/** Create an element with attributes and children (strings become text nodes). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return node;
}

const KIND_HOW = {
  exact: () => "written exactly",
  variant: (h) =>
    ({ case: "different letter case", inflection: "another form", spelling: "another spelling" })[h.variant] ??
    "a variant",
  alias: () => "another name",
  acronym: () => "acronym or full form",
  fuzzy: () => "likely typo (an ATS will not count it)",
};

const STATUS = {
  in_context: "used in context",
  list_only: "only listed",
  typo: "likely typo only",
  missing: "missing",
};

const TIPS = [
  ["list_only", "Use keywords in context", "An ATS and a recruiter trust a skill used in an experience bullet more than one only listed."],
  ["unquantified", "Quantify achievements", "Numbers (%, $, counts, time saved) show the size of what you did."],
  ["acronym_only", "Write the acronym and the full term", "Some ATS search one form, some the other: write both once."],
  ["typo", "Fix likely typos", "An ATS matches words exactly: a misspelt skill is a missing skill."],
  ["stuffing", "Do not repeat keywords too often", "Repeating a keyword far more than needed reads as keyword stuffing."],
  ["structure", "Structure and contact details", "Standard section headings and contact details help an ATS parse the resume."],
];

/** A short description of how a keyword was found, from its hits. */
function foundHow(k) {
  const seen = new Map();
  for (const h of k.hits) {
    const how = KIND_HOW[h.kind](h);
    const key = `${how}|${h.text}`;
    if (!seen.has(key)) seen.set(key, h.kind === "exact" ? how : `${how}: “${h.text}”`);
  }
  const parts = [...seen.values()].slice(0, 3);
  const via = k.hits.find((h) => h.via)?.via;
  if (via) parts.push(`via ${via}`);
  return parts.join("; ");
}

function renderGauge(report) {
  const score = report.score;
  const band = score >= 75 ? "good" : score >= 50 ? "fair" : "poor";
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 120 120");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const r = 50;
  const circ = 2 * Math.PI * r;
  const track = document.createElementNS(ns, "circle");
  const arc = document.createElementNS(ns, "circle");
  for (const c of [track, arc]) {
    c.setAttribute("cx", "60");
    c.setAttribute("cy", "60");
    c.setAttribute("r", String(r));
  }
  track.setAttribute("class", "track");
  arc.setAttribute("class", `arc ${band}`);
  arc.setAttribute("stroke-dasharray", `${(circ * score) / 100} ${circ}`);
  arc.setAttribute("transform", "rotate(-90 60 60)");
  svg.append(track, arc);
  const gauge = $("gauge");
  gauge.replaceChildren(
    svg,
    el("div", { class: "gauge-text" },
      el("span", { id: "score", class: `score ${band}`, text: String(score) }),
      el("span", { class: "out-of", text: "/ 100" })),
    el("meter", { min: 0, max: 100, low: 50, high: 75, optimum: 100, value: score, "aria-label": "ATS score", class: "sr-only" }),
  );
  gauge.setAttribute("role", "img");
  gauge.setAttribute("aria-label", `ATS score ${score} out of 100 (${band})`);
}

function renderBreakdown(report) {
  const rows = report.score_breakdown.map((s) =>
    el("tr", {},
      el("th", { scope: "row", text: s.label }),
      el("td", { class: s.points < 0 ? "neg" : "", text: `${fmt(s.points)} / ${fmt(s.max_points)}` }),
      el("td", { text: s.detail })));
  $("breakdown").tBodies[0].replaceChildren(...rows);
}

const fmt = (x) => (Math.round(x * 10) / 10).toString();

function renderChecklist(report, tier, listId, countId) {
  const items = report.keywords.filter((k) => k.tier === tier);
  const summary = report[tier];
  $(countId).textContent = `${summary.found} of ${summary.total} found`;
  $(listId).replaceChildren(
    ...items.map((k) => {
      const state = k.found ? "found" : k.status === "typo" ? "typo" : "missing";
      const icon = { found: "✓", typo: "~", missing: "✗" }[state];
      return el("li", { class: state, "data-term": k.term, "data-count": k.count, "data-status": k.status },
        el("span", { class: "icon", "aria-hidden": "true", text: icon }),
        el("span", { class: "term", text: k.term }),
        el("span", { class: "sr-only", text: ` (${state})` }),
        el("span", { class: "status", text: ` ${STATUS[k.status] ?? k.status}${k.count > 1 ? `, ${k.count}×` : ""}` }),
        k.hits.length ? el("span", { class: "how", text: foundHow(k) }) : null);
    }),
  );
}

function renderMissing(report) {
  const missing = report.keywords.filter((k) => k.tier !== "overused" && !k.found);
  const tips = new Map(report.suggestions.filter((s) => s.keyword).map((s) => [s.keyword, s]));
  $("missing").replaceChildren(
    ...(missing.length
      ? missing.map((k) =>
          el("li", { "data-term": k.term },
            el("strong", { text: k.term }),
            el("span", { class: `tier ${k.tier}`, text: k.tier === "must_have" ? " must-have" : " bonus" }),
            tips.has(k.term) ? el("div", { class: "sugg", text: tips.get(k.term).message }) : null))
      : [el("li", { class: "none", text: "None: every keyword of the role is there." })]),
  );
}

function renderVague(report) {
  const flags = report.flags.filter((f) => ["vague", "weak_verb", "overused"].includes(f.kind));
  $("vague").replaceChildren(
    ...(flags.length
      ? flags.map((f) =>
          el("li", { "data-kind": f.kind },
            el("q", { text: f.text }),
            f.line ? el("span", { class: "line", text: ` line ${f.line}` }) : null,
            el("div", { text: f.message }),
            el("div", { class: "sugg", text: f.suggestion })))
      : [el("li", { class: "none", text: "No vague terms found." })]),
  );
}

function renderTips(report) {
  const blocks = [];
  for (const [kind, title, why] of TIPS) {
    const flags = report.flags.filter((f) => f.kind === kind);
    if (!flags.length) continue;
    blocks.push(
      el("section", { class: "tip", "data-kind": kind },
        el("h4", { text: `${title} (${flags.length})` }),
        el("p", { class: "why", text: why }),
        el("ul", {},
          ...flags.slice(0, 12).map((f) =>
            el("li", {},
              f.line ? el("span", { class: "line", text: `line ${f.line}: ` }) : null,
              el("span", { text: f.message }),
              f.suggestion ? el("div", { class: "sugg", text: f.suggestion }) : null)),
          flags.length > 12 ? el("li", { class: "more", text: `and ${flags.length - 12} more` }) : null)));
  }
  if (report.suggestions.length) {
    blocks.unshift(
      el("section", { class: "tip", "data-kind": "suggestions" },
        el("h4", { text: "Biggest gains first" }),
        el("ol", {},
          ...report.suggestions.slice(0, 8).map((s) =>
            el("li", {}, el("span", { class: "impact", text: `+${fmt(s.impact)} ` }), s.message)))));
  }
  $("tips").replaceChildren(...(blocks.length ? blocks : [el("p", { text: "Nothing to fix." })]));
}

/** The resume with its keyword hits and flagged phrases highlighted. Spans
 * are UTF-16 code units, so String.prototype.slice cuts them exactly. */
function renderHighlighted(report, text) {
  const spans = [];
  for (const k of report.keywords) {
    for (const h of k.hits) {
      const cls = h.kind === "fuzzy" ? "typo" : k.tier === "overused" ? "flag" : `kw ${k.tier === "must_have" ? "must" : "bonus"}`;
      const tierName = { must_have: "Must-have", bonus: "Bonus", overused: "Overused" }[k.tier];
      spans.push({
        ...h.span, cls, term: k.term, kind: h.kind,
        tip: `${tierName}: ${k.term} — ${KIND_HOW[h.kind](h)}${h.via ? ` (via ${h.via})` : ""}${h.in_context ? ", in context" : ""}`,
      });
    }
  }
  for (const f of report.flags) {
    if (f.span && (f.kind === "vague" || f.kind === "weak_verb")) {
      spans.push({ ...f.span, cls: "flag", term: f.text, kind: f.kind, tip: `${f.message} ${f.suggestion}` });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end <= s.start) continue; // overlaps one already drawn
    if (s.start > at) out.push(document.createTextNode(text.slice(at, s.start)));
    out.push(el("mark", {
      class: s.cls, tabindex: 0, title: s.tip, "data-tip": s.tip,
      "data-start": s.start, "data-end": s.end, "data-term": s.term, "data-kind": s.kind,
    }, text.slice(s.start, s.end)));
    at = s.end;
  }
  if (at < text.length) out.push(document.createTextNode(text.slice(at)));
  $("highlighted").replaceChildren(...out);
}

const SEVERITY = { problem: "Problem", warning: "Warning", info: "Note" };
const FILE_KIND = { pdf: "PDF", docx: "Word document (DOCX)", text: "text" };

/** The readability findings: severity, message, fix, pages. */
function renderReadability(report, source) {
  const findings = report.readability;
  const problems = findings.filter((f) => f.severity === "problem").length;
  $("readability-count").textContent = findings.length
    ? `${findings.length} finding${findings.length > 1 ? "s" : ""}${problems ? `, ${problems} to fix` : ""}`
    : "";
  $("readability").replaceChildren(
    ...(findings.length
      ? findings.map((f) =>
          el("li", { class: f.severity, "data-kind": f.kind, "data-severity": f.severity },
            el("span", { class: "severity", text: `${SEVERITY[f.severity] ?? f.severity}:` }),
            el("span", { class: "message", text: f.message }),
            f.pages.length ? el("span", { class: "pages", text: ` (page${f.pages.length > 1 ? "s" : ""} ${f.pages.join(", ")})` }) : null,
            el("span", { class: "fix", text: f.fix })))
      : [el("li", { class: "none", text: "Nothing found that would stop an ATS from reading it." })]),
  );
  const info = $("file-info");
  const file = report.file;
  if (source.name) {
    const parts = [];
    if (file) {
      parts.push(FILE_KIND[file.kind] ?? file.kind);
      if (file.page_count !== null) parts.push(`${file.page_count} page${file.page_count === 1 ? "" : "s"}`);
      if (file.columns > 1) parts.push(`${file.columns} columns`);
      if (file.images) parts.push(`${file.images} image${file.images === 1 ? "" : "s"}`);
      parts.push(`${file.text.length.toLocaleString("en")} characters of text read`);
    } else {
      parts.push("text");
    }
    info.textContent = `Read from ${source.name}: ${parts.join(", ")}.`;
    info.dataset.kind = file?.kind ?? "text";
    info.hidden = false;
  } else {
    info.textContent = "";
    delete info.dataset.kind;
    info.hidden = true;
  }
}

function showError(message, problem) {
  const box = $("error");
  box.textContent = message;
  box.hidden = !message;
  if (problem) box.dataset.problem = problem;
  else delete box.dataset.problem;
}

const cache = new Map(); // role key -> Analyzer (compile once per role)

function analyzerFor() {
  const choice = $("role").value;
  const key = choice === CUSTOM ? `json:${$("role-json").value}` : choice;
  if (!cache.has(key)) {
    cache.set(key, new Analyzer(choice === CUSTOM ? $("role-json").value : choice));
  }
  return cache.get(key);
}

/** What is checked: the pasted text, or the bytes of the last file opened
 * (until the text is edited). */
let source = { name: null, bytes: null };

/** Analyze the current source: the report and the text its spans point into. */
function analyzeSource(analyzer) {
  if (!source.bytes) {
    const text = $("resume").value;
    return { report: analyzer.analyze(text), text };
  }
  const report = analyzer.analyzeBytes(source.bytes);
  // A PDF or DOCX: the extracted text. Text: the bytes as UTF-8 (BOM kept,
  // as the module reads them), which the module has checked.
  const text = report.file ? report.file.text : new TextDecoder("utf-8", { ignoreBOM: true }).decode(source.bytes);
  return { report, text };
}

function check() {
  const results = $("results");
  try {
    const analyzer = analyzerFor();
    const { report, text } = analyzeSource(analyzer);
    showError("");
    renderGauge(report);
    renderBreakdown(report);
    renderReadability(report, source);
    renderChecklist(report, "must_have", "must-have", "must-count");
    renderChecklist(report, "bonus", "bonus", "bonus-count");
    renderMissing(report);
    renderVague(report);
    renderTips(report);
    renderHighlighted(report, text);
    $("text-source").textContent = report.file
      ? `The text read from ${source.name}, as an ATS gets it from the ${FILE_KIND[report.file.kind] ?? "file"}.`
      : "";
    results.hidden = false;
    results.dataset.score = String(report.score);
    $("status").textContent = `Score ${report.score} of 100 for ${report.role.title ?? report.role.name}${source.name ? ` (${source.name})` : ""}.`;
    return true;
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      // A bug in the module (a Rust panic): say so rather than a cryptic "unreachable".
      showError(`The checker failed on this resume (an internal error: ${e.message}). Reload the page and try again, or paste the text.`, "internal");
    } else {
      showError(e instanceof Error ? e.message : String(e), e?.problem);
    }
    results.hidden = true;
    delete results.dataset.score;
    $("status").textContent = "";
    return false;
  }
}

/** Open a resume file: read its bytes here and check them. */
async function openFile(file) {
  if (!file) return;
  $("status").textContent = `Reading ${file.name}…`;
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    showError(`Could not read ${file.name}: ${e instanceof Error ? e.message : e}`);
    $("status").textContent = "";
    return;
  }
  source = { name: file.name, bytes };
  const text = textOf(bytes);
  // A text file goes into the text box too, so it can be edited.
  $("resume").value = text ?? "";
  if (check()) $("results").focus();
}

/** The text of bytes that hold UTF-8 text (no PDF or ZIP signature), else null. */
function textOf(bytes) {
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  if (head.startsWith("%PDF") || head.startsWith("PK")) return null;
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

async function main() {
  try {
    await init();
  } catch (e) {
    showError(`Could not load the WebAssembly module: ${e instanceof Error ? e.message : e}`);
    return;
  }
  $("version").textContent = version();
  const select = $("role");
  for (const r of roles()) select.append(el("option", { value: r.name, text: r.title ? `${r.title} (${r.name})` : r.name }));
  select.append(el("option", { value: CUSTOM, text: "Custom role (JSON)…" }));
  select.addEventListener("change", () => {
    $("custom-role-field").hidden = select.value !== CUSTOM;
    if (select.value === CUSTOM && !$("role-json").value) {
      $("role-json").value = JSON.stringify(new Analyzer(select.options[0].value).role, null, 2);
    }
  });
  $("form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (check()) $("results").focus();
  });
  $("file").addEventListener("change", () => openFile($("file").files?.[0]));
  // Editing the text checks the text from then on.
  $("resume").addEventListener("input", () => { source = { name: null, bytes: null }; });
  // Drag and drop onto the drop zone; a file dropped anywhere else is not
  // opened by the browser (which would leave the page).
  const drop = $("drop");
  for (const type of ["dragover", "drop"]) window.addEventListener(type, (ev) => ev.preventDefault());
  drop.addEventListener("dragover", (ev) => {
    ev.preventDefault();
    if (ev.dataTransfer) ev.dataTransfer.dropEffect = "copy";
    drop.classList.add("over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (ev) => {
    ev.preventDefault();
    drop.classList.remove("over");
    openFile(ev.dataTransfer?.files?.[0]);
  });
  $("check").disabled = false;
  document.body.dataset.ready = "true";
}

main();
