// The resume checker page. Every call into atscore runs in a Web Worker
// (worker.js), so typing never waits for an analysis; this file only builds
// the DOM from what the worker returns. Resume, posting and role text only
// ever reach the page through textContent and attributes, never as HTML. A
// file (PDF, DOCX, text) is read in the page with File.arrayBuffer() and
// handed to the worker as bytes: it is never sent anywhere.

const $ = (id) => document.getElementById(id);
const CUSTOM = "__custom__";
const POSTING = "__posting__";

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
    ({ case: "different letter case", inflection: "another form", spelling: "another spelling", derivation: "same word family" })[h.variant] ??
    "a variant",
  alias: () => "another name",
  acronym: () => "acronym or full form",
  fuzzy: () => "likely typo (an ATS will not count it)",
  related: () => "related word only (an ATS will not count it: write the keyword)",
};

const STATUS = {
  in_context: "used in context",
  list_only: "only listed",
  typo: "likely typo only",
  related: "shown only by a related word",
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
      const cls = h.kind === "fuzzy" || h.kind === "related" ? "typo" : k.tier === "overused" ? "flag" : `kw ${k.tier === "must_have" ? "must" : "bonus"}`;
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

// ---- the worker ----------------------------------------------------------

const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
const pending = new Map();
let nextId = 1;
worker.onmessage = ({ data }) => {
  const p = pending.get(data.id);
  pending.delete(data.id);
  if (data.ok) p.ok(data.result);
  else p.fail(Object.assign(new Error(data.error.message), data.error));
};
worker.onerror = (ev) => showError(`The checker could not start: ${ev.message ?? "the worker failed to load"}. Reload the page.`, "internal");

/** Ask the worker to do something; resolves with its result. */
function call(type, args = {}) {
  const id = nextId++;
  return new Promise((ok, fail) => {
    pending.set(id, { ok, fail });
    worker.postMessage({ id, type, ...args });
  });
}

/** Run `fn` after `ms` without a new call; returns the debounced function
 * (its `cancel()` drops a pending run). */
function debounce(fn, ms) {
  let timer = 0;
  const run = () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
  run.cancel = () => clearTimeout(timer);
  return run;
}

// ---- state ---------------------------------------------------------------

/** The resume: the pasted text, or the bytes of the last file opened (until the text is edited). */
let source = { name: null, bytes: null };
/** The posting's checklist as a role object (edited in place by the chips), its warnings and where it came from. */
let posting = { role: null, warnings: [], name: null, ms: 0 };
/** Sequence numbers: a reply older than the newest request is dropped. */
let extractSeq = 0;
let analyzeSeq = 0;
let lastReport = null;

/** The role to check against: the posting's checklist, a built-in name, or custom JSON text. */
function currentRole() {
  const choice = $("role").value;
  if (choice === POSTING) return posting.role;
  if (choice === CUSTOM) return $("role-json").value;
  return choice;
}

// ---- the posting's checklist ---------------------------------------------

/** A role entry as an object. */
const entryOf = (e) => (typeof e === "string" ? { term: e } : e);
const entryLabel = (e) => (e.any_of?.length ? `one of: ${e.any_of.join(" / ")}` : e.term);
const GROUPS = { must: "must-have", bonus: "bonus", soft: "soft skill" };

/** Which chip group an entry of a tier is shown in. */
function groupOf(tier, e) {
  if (tier === "must_have") return "must";
  return e.soft ? "soft" : "bonus";
}

/** Every must-have and bonus entry of the posting's role with its group, in role order. */
function chipEntries(role) {
  const out = [];
  for (const tier of ["must_have", "bonus"]) {
    (role[tier] ?? []).forEach((raw, index) => {
      const e = entryOf(raw);
      out.push({ tier, index, e, group: groupOf(tier, e) });
    });
  }
  return out;
}

/** Move an entry of the posting's role to another group (must, bonus, soft). */
function moveEntry(tier, index, group) {
  const role = posting.role;
  const [raw] = role[tier].splice(index, 1);
  const e = { ...entryOf(raw) };
  if (group === "soft") e.soft = true;
  else if (group === "bonus") delete e.soft;
  const to = group === "must" ? "must_have" : "bonus";
  (role[to] ??= []).push(e);
  checklistChanged(`Moved ${entryLabel(e)} to ${GROUPS[group]}.`);
}

function removeEntry(tier, index) {
  const [raw] = posting.role[tier].splice(index, 1);
  checklistChanged(`Removed ${entryLabel(entryOf(raw))}.`);
}

function addEntry() {
  const term = $("add-term").value.trim();
  if (!term || !posting.role) return;
  const group = $("add-tier").value;
  const e = group === "soft" ? { term, soft: true } : { term };
  (posting.role[group === "must" ? "must_have" : "bonus"] ??= []).push(e);
  $("add-term").value = "";
  checklistChanged(`Added ${term} as ${GROUPS[group]}.`);
}

/** After an edit: redraw the chips, check again (debounced), keep focus sensible. */
function checklistChanged(message) {
  renderChips();
  $("status").textContent = message;
  analyzeSoon();
}

function evidenceText(e) {
  const ev = e.evidence;
  if (!ev) return "added by you";
  return `posting line ${ev.line}: “${ev.text.trim()}” (${ev.reason})`;
}

let tipId = 0;
function renderChips() {
  const role = posting.role;
  const found = new Map((lastReport?.keywords ?? []).map((k) => [k.term, k]));
  const lists = { must: [], bonus: [], soft: [] };
  for (const { tier, index, e, group } of chipEntries(role)) {
    const label = entryLabel(e);
    const k = found.get(e.term);
    const state = k ? (k.found ? "found" : "missing") : "";
    const id = `chip-tip-${++tipId}`;
    const moves = Object.keys(GROUPS).filter((g) => g !== group);
    lists[group].push(
      el("li", { class: `chip ${state}`, "data-term": e.term, "data-group": group, "data-one-of": e.any_of ? e.any_of.join("|") : null },
        el("span", { class: "chip-term", tabindex: 0, "aria-describedby": id },
          state ? el("span", { class: "sr-only", text: state === "found" ? "found: " : "missing: " }) : null,
          label),
        el("span", { id, role: "tooltip", class: "chip-tip", text: evidenceText(e) }),
        ...moves.map((g) =>
          el("button", { type: "button", class: `chip-move to-${g}`, "data-to": g, "aria-label": `Move ${label} to ${GROUPS[g]}`, title: `Move to ${GROUPS[g]}`, text: g === "must" ? "↑ must-have" : g === "bonus" ? "→ bonus" : "→ soft" })),
        el("button", { type: "button", class: "chip-remove", "aria-label": `Remove ${label}`, title: "Remove", text: "×" })),
    );
    const li = lists[group].at(-1);
    for (const b of li.querySelectorAll(".chip-move")) b.addEventListener("click", () => moveEntry(tier, index, b.dataset.to));
    li.querySelector(".chip-remove").addEventListener("click", () => removeEntry(tier, index));
  }
  for (const g of Object.keys(lists)) {
    $(`chips-${g}`).replaceChildren(...(lists[g].length ? lists[g] : [el("li", { class: "none", text: "none" })]));
    $(`chips-${g}-count`).textContent = `(${lists[g].length})`;
  }
  renderRequirements(role.requirements ?? {});
}

function renderRequirements(r) {
  const items = [];
  const add = (what, value, evidence) =>
    items.push(el("li", { "data-kind": what }, el("strong", { text: `${what}: ` }), value, evidence ? el("div", { class: "sugg", text: `“${evidence.trim()}”` }) : null));
  if (r.years) add("experience", `${r.years.min}+ years`, r.years.evidence);
  for (const s of r.skill_years ?? []) add("experience", `${s.min}+ years of ${s.skill}`, s.evidence);
  if (r.education) {
    const e = r.education;
    const levels = { high_school: "high school", associate: "associate degree", bachelor: "bachelor's degree", master: "master's degree", doctorate: "doctorate" };
    const level = levels[e.level] ?? e.level;
    const preferred = e.preferred ? ` (${levels[e.preferred] ?? e.preferred} preferred)` : "";
    add("education", `${level}${e.fields?.length ? ` in ${e.fields.join(" or ")}` : ""}${e.equivalent_experience ? ", or equivalent experience" : ""}${preferred}${e.required === false ? " (preferred)" : ""}`, e.evidence);
  }
  for (const c of r.certifications ?? []) add("certification", `${[c.name, ...(c.alternatives ?? [])].join(" or ")}${c.required ? "" : " (preferred)"}`, c.evidence);
  for (const l of r.languages ?? []) add("language", l.value, l.evidence);
  if (r.travel) add("travel", r.travel.value, r.travel.evidence);
  if (r.clearance) add("clearance", r.clearance.value, r.clearance.evidence);
  $("requirements").replaceChildren(...(items.length ? items : [el("li", { class: "none", text: "None stated." })]));
}

function showPosting() {
  const box = $("checklist");
  if (!posting.role || $("role").value !== POSTING) {
    box.hidden = true;
    return;
  }
  const role = posting.role;
  const n = chipEntries(role).length;
  $("posting-summary").textContent =
    `${role.title ? `${role.title}: ` : ""}${n} keyword${n === 1 ? "" : "s"} read from ${posting.name ?? "the posting"}.`;
  $("posting-warnings").replaceChildren(...posting.warnings.map((w) => el("li", { text: w })));
  renderChips();
  box.hidden = false;
}

/** Read the posting (text, or a file's bytes) into its checklist, then check the resume. */
async function extractPosting(input, name = null) {
  const seq = ++extractSeq;
  if (typeof input === "string" && !input.trim()) {
    posting = { role: null, warnings: [], name: null, ms: 0 };
    showPosting();
    // no posting, no report against it
    if ($("role").value === POSTING) hideReport();
    return;
  }
  $("status").textContent = "Reading the posting…";
  try {
    const read = await call("extract", { posting: input });
    if (seq !== extractSeq) return;
    if (!read.role) {
      posting = { role: null, warnings: read.warnings, name, ms: read.ms };
      showPosting();
      showError(read.error);
      $("status").textContent = "";
      return;
    }
    posting = { role: read.role, warnings: read.warnings, name, ms: read.ms };
    document.body.dataset.extractions = String(Number(document.body.dataset.extractions ?? 0) + 1);
    showError("");
    showPosting();
    if (!hasResume()) {
      const n = chipEntries(read.role).length;
      $("status").textContent = `The posting's checklist is ready (${n} keywords): paste your resume or open its file.`;
    }
    await analyzeNow();
  } catch (e) {
    if (seq !== extractSeq) return;
    posting = { role: null, warnings: [], name: null, ms: 0 };
    showPosting();
    reportFailure(e);
  }
}

// ---- analysis ------------------------------------------------------------

function hideReport() {
  analyzeSeq++; // a report on its way is for the old posting
  lastReport = null;
  const results = $("results");
  results.hidden = true;
  delete results.dataset.score;
  $("status").textContent = "";
}

function reportFailure(e) {
  if (e.internal) {
    // A bug in the module (a Rust panic): say so rather than a cryptic "unreachable".
    showError(`The checker failed on this input (an internal error: ${e.message}). Reload the page and try again, or paste the text.`, "internal");
  } else {
    showError(e.message, e.problem);
  }
  hideReport();
}

function hasResume() {
  return source.bytes !== null || $("resume").value.trim() !== "";
}

/** Check the resume against the current role now; false when it could not. */
async function analyzeNow({ explicit = false } = {}) {
  analyzeSoon.cancel();
  const role = currentRole();
  if (!role) {
    if (explicit) showError("Paste the job posting (or open its file), or choose a built-in role above.", "no-role");
    return false;
  }
  if (!hasResume()) {
    if (explicit) showError("Paste your resume, or open its file.", "no-resume");
    return false;
  }
  const seq = ++analyzeSeq;
  const resume = source.bytes ?? $("resume").value;
  try {
    const { report, text } = await call("analyze", { role, resume });
    if (seq !== analyzeSeq) return false;
    lastReport = report;
    renderReport(report, text);
    if ($("role").value === POSTING && posting.role) renderChips();
    return true;
  } catch (e) {
    if (seq !== analyzeSeq) return false;
    reportFailure(e);
    return false;
  }
}

const analyzeSoon = debounce(() => analyzeNow(), 300);
const extractSoon = debounce(() => extractPosting($("posting").value), 500);

function renderReport(report, text) {
  const results = $("results");
  showError("");
  renderGauge(report);
  renderBreakdown(report);
  renderRecruiter(report);
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
  results.dataset.run = String(Number(results.dataset.run ?? 0) + 1);
  $("status").textContent = `Score ${report.score} of 100 for ${report.role.title ?? report.role.name}${source.name ? ` (${source.name})` : ""}.`;
}

const CHECK_ICON = { met: "✓", missing: "✗", unknown: "?" };
function renderRecruiter(report) {
  const checks = report.recruiter ?? [];
  $("recruiter-section").hidden = checks.length === 0;
  $("recruiter").replaceChildren(
    ...checks.map((c) =>
      el("li", { class: c.status === "missing" ? "problem" : c.status === "unknown" ? "warning" : "info", "data-check": c.id, "data-status": c.status },
        el("span", { class: "severity", text: `${CHECK_ICON[c.status] ?? ""} ${c.id}:` }),
        el("span", { class: "message", text: c.message }),
        c.points ? el("span", { class: "pages", text: ` (${fmt(c.points)} points)` }) : null,
        el("span", { class: "fix", text: `Asked: ${c.wanted}${c.found ? `; your resume: ${c.found}` : ""}` }))),
  );
}

/** The missing keywords, as a person would paste them into a note. */
function missingTerms(report) {
  return report.keywords
    .filter((k) => k.tier !== "overused" && !k.found)
    .map((k) => (k.one_of?.length ? k.one_of.join(" or ") : k.term));
}

async function copyMissing() {
  if (!lastReport) return;
  const terms = missingTerms(lastReport);
  const text = terms.join(", ");
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No clipboard permission: select a hidden text box's text and copy that.
    const t = el("textarea", { class: "sr-only", "aria-hidden": "true" }, text);
    document.body.append(t);
    t.select();
    document.execCommand("copy");
    t.remove();
  }
  $("copy-status").textContent = terms.length ? `Copied ${terms.length} missing keyword${terms.length === 1 ? "" : "s"}.` : "Nothing is missing.";
}

function downloadRole() {
  if (!posting.role) return;
  const json = JSON.stringify(posting.role, null, 2);
  const url = URL.createObjectURL(new Blob([json + "\n"], { type: "application/json" }));
  const a = el("a", { href: url, download: `${posting.role.name || "posting"}-role.json` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// ---- files ---------------------------------------------------------------

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

async function bytesOf(file) {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    showError(`Could not read ${file.name}: ${e instanceof Error ? e.message : e}`);
    $("status").textContent = "";
    return null;
  }
}

/** Open a resume file: read its bytes here and check them. */
async function openResume(file) {
  if (!file) return;
  $("status").textContent = `Reading ${file.name}…`;
  const bytes = await bytesOf(file);
  if (!bytes) return;
  source = { name: file.name, bytes };
  // A text file goes into the text box too, so it can be edited.
  $("resume").value = textOf(bytes) ?? "";
  if (!currentRole()) {
    $("status").textContent = `${file.name} is ready: paste the job posting, or choose a role.`;
    return;
  }
  if (await analyzeNow({ explicit: true })) $("results").focus();
}

/** Open a posting file: its text goes into the posting box (a PDF or DOCX is read by the worker). */
async function openPosting(file) {
  if (!file) return;
  $("role").value = POSTING;
  roleChanged();
  $("status").textContent = `Reading ${file.name}…`;
  const bytes = await bytesOf(file);
  if (!bytes) return;
  const text = textOf(bytes);
  $("posting").value = text ?? "";
  await extractPosting(text ?? bytes, file.name);
}

async function openRoleFile(file) {
  if (!file) return;
  const bytes = await bytesOf(file);
  if (!bytes) return;
  $("role-json").value = textOf(bytes) ?? "";
  analyzeSoon();
}

/** A drop zone: a file dropped onto `zone` opens with `open`. */
function dropZone(zone, open) {
  zone.addEventListener("dragover", (ev) => {
    ev.preventDefault();
    if (ev.dataTransfer) ev.dataTransfer.dropEffect = "copy";
    zone.classList.add("over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (ev) => {
    ev.preventDefault();
    zone.classList.remove("over");
    open(ev.dataTransfer?.files?.[0]);
  });
}

// ---- the role search (a combobox over the role library) -------------------

const HITS = 8; // roles listed per search
const SOURCE = { "hand-kept": "hand-kept", onet: "O*NET", esco: "ESCO" };
/** The search's state: its hits, the active one (-1: none) and the newest request. */
const roleSearch = { hits: [], active: -1, seq: 0, open: false };
/** A search after typing pauses. */
const searchRolesSoon = debounce(() => searchRoles(), 120);

/** Where a found role comes from, and the title the search matched. */
function hitMeta(h) {
  const parts = [h.source === "onet" ? `O*NET ${h.code}` : SOURCE[h.source] ?? h.source];
  if (h.matched) parts.push(`matches “${h.matched}”`);
  return parts.join(" · ");
}

function setExpanded(open) {
  roleSearch.open = open;
  $("role-search").setAttribute("aria-expanded", String(open));
  $("role-hits").hidden = !open;
  if (!open) setActive(-1);
}

function setActive(i) {
  roleSearch.active = i;
  const input = $("role-search");
  const items = $("role-hits").children;
  for (let k = 0; k < items.length; k++) items[k].setAttribute("aria-selected", String(k === i));
  if (i >= 0 && items[i]) {
    input.setAttribute("aria-activedescendant", items[i].id);
    items[i].scrollIntoView({ block: "nearest" });
  } else {
    input.removeAttribute("aria-activedescendant");
  }
}

function renderHits(hits, query) {
  roleSearch.hits = hits;
  $("role-hits").dataset.query = query;
  $("role-hits").replaceChildren(
    ...hits.map((h, i) =>
      el("li", { id: `role-hit-${i}`, role: "option", "aria-selected": "false", "data-name": h.name },
        el("span", { class: "hit-title", text: h.title }),
        el("span", { class: "hit-meta", text: hitMeta(h) }))),
  );
  setExpanded(hits.length > 0);
  $("role-search-note").textContent = hits.length
    ? `${query ? `${hits.length} role${hits.length === 1 ? "" : "s"} found` : "The most common roles"}: up and down arrows to move, Enter to choose.`
    : `No role has a title like “${query}”: try fewer or other words.`;
}

/** Search the role library for what the box holds; `activate`: the hit to
 * make active (0, -1 for the last); `choose`: choose the first hit. */
async function searchRoles({ activate = null, choose = false } = {}) {
  searchRolesSoon.cancel();
  const seq = ++roleSearch.seq;
  const query = $("role-search").value.trim();
  if (!document.body.dataset.roleLibrary) $("role-search-note").textContent = "Loading the role library…";
  try {
    const hits = await call("searchRoles", { query, limit: HITS });
    if (seq !== roleSearch.seq) return;
    renderHits(hits, query);
    if (choose && hits.length) chooseRole(hits[0]);
    else if (activate !== null && hits.length) setActive(activate < 0 ? hits.length - 1 : activate);
  } catch (e) {
    if (seq !== roleSearch.seq) return;
    setExpanded(false);
    $("role-search-note").textContent = `The role search failed: ${e.message}`;
  }
}

/** Check against a role found by the search: it joins the role chooser, chosen. */
function chooseRole(hit) {
  const select = $("role");
  if (![...select.options].some((o) => o.value === hit.name)) {
    let group = $("found-roles");
    if (!group) {
      group = el("optgroup", { id: "found-roles", label: "Found by job title" });
      select.insertBefore(group, select.querySelector(`option[value="${CUSTOM}"]`));
    }
    group.append(el("option", { value: hit.name, text: `${hit.title} (${SOURCE[hit.source] ?? hit.source})` }));
  }
  select.value = hit.name;
  $("role-search").value = hit.title;
  searchRolesSoon.cancel();
  roleSearch.seq++; // a search on its way does not open the list again
  setExpanded(false);
  $("role-search-note").textContent = `Checking against ${hit.title}.`;
  roleChanged();
  if (hasResume()) analyzeNow();
  else $("status").textContent = `${hit.title} chosen: paste your resume or open its file.`;
}

function roleSearchKey(ev) {
  const n = roleSearch.hits.length;
  switch (ev.key) {
    case "ArrowDown":
    case "ArrowUp": {
      ev.preventDefault();
      const down = ev.key === "ArrowDown";
      if (!roleSearch.open || !n) {
        searchRoles({ activate: down ? 0 : -1 });
        return;
      }
      const at = roleSearch.active;
      setActive(down ? (at + 1) % n : at <= 0 ? n - 1 : at - 1);
      return;
    }
    case "Enter": {
      // never submits the form: Enter chooses a role (the active one, else
      // the first), once the list is the one of what the box holds
      ev.preventDefault();
      const query = $("role-search").value.trim();
      if (roleSearch.open && n && $("role-hits").dataset.query === query) {
        chooseRole(roleSearch.hits[Math.max(roleSearch.active, 0)]);
      } else if (query) {
        searchRoles({ choose: true });
      }
      return;
    }
    case "Escape":
      if (roleSearch.open) {
        ev.preventDefault();
        setExpanded(false);
      } else if ($("role-search").value) {
        ev.preventDefault();
        $("role-search").value = "";
        $("role-search-note").textContent = "";
      }
      return;
    default:
  }
}

function setUpRoleSearch(prepareRoles) {
  const input = $("role-search");
  const list = $("role-hits");
  input.addEventListener("focus", prepareRoles);
  input.addEventListener("input", searchRolesSoon);
  input.addEventListener("keydown", roleSearchKey);
  input.addEventListener("click", () => {
    if (!roleSearch.open) searchRoles();
  });
  input.addEventListener("blur", () => {
    searchRolesSoon.cancel();
    roleSearch.seq++; // a search on its way no longer opens the list
    setExpanded(false);
  });
  // a click chooses without taking the focus from the box first
  list.addEventListener("mousedown", (ev) => ev.preventDefault());
  list.addEventListener("click", (ev) => {
    const li = ev.target.closest("li[role='option']");
    if (li) chooseRole(roleSearch.hits[[...list.children].indexOf(li)]);
  });
}

function roleChanged() {
  const choice = $("role").value;
  $("custom-role-field").hidden = choice !== CUSTOM;
  $("posting-field").hidden = choice !== POSTING;
  showPosting();
}

async function main() {
  let info;
  try {
    info = await call("init");
  } catch (e) {
    showError(`Could not load the WebAssembly module: ${e.message}`);
    return;
  }
  $("version").textContent = info.version;
  const select = $("role");
  select.append(el("option", { value: POSTING, text: "The job posting (paste it below)" }));
  for (const r of info.roles) select.append(el("option", { value: r.name, text: r.title ? `Built-in role: ${r.title} (${r.name})` : r.name }));
  select.append(el("option", { value: CUSTOM, text: "A role file or custom role (JSON)…" }));
  select.addEventListener("change", async () => {
    // the search box names the role chosen from it, no other
    if (!roleSearch.hits.some((h) => h.name === select.value)) $("role-search").value = "";
    $("role-search-note").textContent = "";
    roleChanged();
    if (select.value === CUSTOM && !$("role-json").value) {
      const starter = posting.role ?? { name: "my-role", title: "My role", must_have: ["SQL"], bonus: [], overused: [] };
      $("role-json").value = JSON.stringify(starter, null, 2);
    }
    analyzeSoon();
  });
  $("form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    if (await analyzeNow({ explicit: true })) $("results").focus();
  });
  $("file").addEventListener("change", () => openResume($("file").files?.[0]));
  $("posting-file").addEventListener("change", () => openPosting($("posting-file").files?.[0]));
  $("role-file").addEventListener("change", () => openRoleFile($("role-file").files?.[0]));
  // Editing the text checks the text from then on.
  $("resume").addEventListener("input", () => {
    source = { name: null, bytes: null };
    analyzeSoon();
  });
  $("role-json").addEventListener("input", analyzeSoon);
  // A paste (a big change) is read at once, typing after a pause.
  let readLength = 0;
  $("posting").addEventListener("input", () => {
    const n = $("posting").value.length;
    if (Math.abs(n - readLength) > 80) {
      extractSoon.cancel();
      readLength = n;
      extractPosting($("posting").value);
    } else {
      extractSoon();
    }
  });
  // The posting reader (module and lexicon) loads when a posting is about to
  // be read, the file reader when a file is about to be opened: not before.
  const prepare = (what) => {
    let started = false;
    return () => {
      if (started) return;
      started = true;
      call("prepare", { what })
        .then(() => { document.body.dataset[what === "posting" ? "postingReader" : "fileReader"] = "ready"; })
        .catch(() => {});
    };
  };
  const preparePosting = prepare("posting");
  const prepareFiles = prepare("files");
  // The role library (~1 MB gzipped) loads when the role search is focused.
  const prepareRoles = (() => {
    let started = false;
    return () => {
      if (started) return;
      started = true;
      call("prepare", { what: "roles" })
        .then(() => {
          document.body.dataset.roleLibrary = "ready";
          if ($("role-search-note").textContent.startsWith("Loading")) $("role-search-note").textContent = "";
        })
        .catch((e) => {
          started = false; // try again on the next focus
          $("role-search-note").textContent = `Could not load the role library: ${e.message}`;
        });
    };
  })();
  setUpRoleSearch(prepareRoles);
  $("posting").addEventListener("focus", preparePosting);
  $("posting-drop").addEventListener("dragenter", preparePosting);
  $("posting-file").addEventListener("click", preparePosting);
  $("drop").addEventListener("dragenter", prepareFiles);
  $("file").addEventListener("click", prepareFiles);
  $("add").addEventListener("click", addEntry);
  $("add-term").addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      ev.preventDefault();
      addEntry();
    }
  });
  $("copy-missing").addEventListener("click", copyMissing);
  $("download-role").addEventListener("click", downloadRole);
  // A file dropped anywhere but a drop zone is not opened by the browser
  // (which would leave the page).
  for (const type of ["dragover", "drop"]) window.addEventListener(type, (ev) => ev.preventDefault());
  dropZone($("drop"), openResume);
  dropZone($("posting-drop"), openPosting);
  roleChanged();
  $("check").disabled = false;
  document.body.dataset.ready = "true";
}

main();
