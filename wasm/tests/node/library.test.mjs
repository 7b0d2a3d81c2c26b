// The role library through the npm package (wasm/pkg), against the native
// CLI: the module does not embed the library (role-library.tsv, ~3.5 MB),
// `loadRoleLibrary` gives it; then `searchRolesJson` is byte for byte
// `atscore roles --search Q --format json`, a job title or a library role's
// name is a role (`analyze(resume, "accountant")` is `atscore analyze
// RESUME --role accountant`), and `suggestRolesJson` is `atscore roles
// --for RESUME --format json` on real resumes. Before loading, the searches
// and suggestions throw an Error saying to call loadRoleLibrary.
//
// The tests run in order in one module instance: the first two run before
// the library is loaded, the third loads it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join, basename } from "node:path";
import { root, corpusFiles } from "../corpus.mjs";

const require = createRequire(import.meta.url);
const pkg = join(root, "wasm", "pkg");
const atscore = require(pkg);
const libraryFile = join(pkg, "data", "role-library.tsv");

/** The CLI's standard output (release build; built by cargo when needed). */
function cli(...args) {
  return execFileSync(
    "cargo",
    ["run", "--quiet", "--release", "--manifest-path", join(root, "Cargo.toml"), "-p", "atscore-cli", "--", ...args],
    { maxBuffer: 1 << 30, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
}

const notLoaded = (e) =>
  e instanceof Error && e.name === "AtscoreError" && e.message.includes("loadRoleLibrary(text)") &&
  e.message.includes("role-library.tsv");

const QUERIES = [
  "registered nurse",
  "registred nurse", // a typo
  "", // the most common roles
  "accountant",
  "Senior Backend Engineer",
  "RN", // an alternate title
  "data scientists", // a plural
  "truck drivr", // a typo in the last word
  "chef de partie",
  "zzzz qqqq", // nothing
];

test("before loadRoleLibrary: searches and suggestions throw an Error saying to call it", () => {
  assert.equal(atscore.roleLibraryLoaded(), false);
  assert.throws(() => atscore.searchRoles("nurse"), notLoaded);
  assert.throws(() => atscore.searchRolesJson(""), notLoaded);
  assert.throws(() => atscore.suggestRoles("Registered nurse: patient care."), notLoaded);
  // a job title, or a library role's name: core's unknown role without the
  // library (its message, as every error's, is core's; see the report)
  for (const role of ["registered nurse", "accountant", "registered-nurses"]) {
    assert.throws(() => atscore.analyze("Patient care", role), (e) =>
      e instanceof Error && e.name === "AtscoreError" && e.message.startsWith(`unknown role "${role}"`), role);
  }
  // the hand-kept roles need nothing
  assert.equal(atscore.analyze("SQL and Go", "backend-developer").role.name, "backend-developer");
  assert.equal(new atscore.Analyzer("Backend Engineer").role.name, "backend-developer");
  // what is not a role library is refused (core's message, no hint to call the function just called)
  assert.throws(() => atscore.loadRoleLibrary("name\ttitle\nnurse\tNurse\n"), (e) =>
    e instanceof Error && e.name === "AtscoreError" && /not an atscore role library/.test(e.message) &&
    !e.message.includes("loadRoleLibrary"));
  assert.equal(atscore.roleLibraryLoaded(), false);
});

test("the module does not embed the library; build.sh ships it in data/", () => {
  const text = readFileSync(libraryFile, "utf8");
  assert.equal(text, readFileSync(join(root, "core", "data", "role-library.tsv"), "utf8"));
  // the list of common roles, a line of the data that no code holds
  const line = text.split("\n").find((l) => l.startsWith("C\t"));
  assert.ok(line && line.length > 200);
  for (const wasm of [join(pkg, "node", "atscore_wasm_bg.wasm"), join(pkg, "web", "atscore_wasm_bg.wasm"),
    join(root, "wasm", "www", "pkg", "lean", "atscore_wasm_bg.wasm")]) {
    const bytes = readFileSync(wasm);
    assert.ok(bytes.length < 3_000_000, `${wasm}: ${bytes.length} bytes`);
    assert.equal(bytes.indexOf(line.slice(2, 200)), -1, `${wasm} embeds the role library`);
  }
  // the page's first module searches roles but does not suggest them (see README: sizes)
  const lean = readFileSync(join(root, "wasm", "www", "pkg", "lean", "atscore_wasm.js"), "utf8");
  for (const fn of ["loadRoleLibrary", "roleLibraryLoaded", "searchRoles", "searchRolesJson"]) {
    assert.match(lean, new RegExp(`export function ${fn}\\(`), fn);
  }
  assert.doesNotMatch(lean, /export function suggestRoles/);
  assert.equal(typeof atscore.suggestRoles, "function");
});

test("loadRoleLibrary, then searchRolesJson is byte for byte `atscore roles --search Q --format json`", () => {
  atscore.loadRoleLibrary(readFileSync(libraryFile, "utf8"));
  assert.equal(atscore.roleLibraryLoaded(), true);
  // later calls change nothing
  atscore.loadRoleLibrary(readFileSync(libraryFile, "utf8"));
  for (const q of QUERIES) {
    const native = cli("roles", "--search", q, "-n", "8", "--format", "json").trimEnd();
    const json = atscore.searchRolesJson(q, 8);
    assert.equal(json, native, JSON.stringify(q));
    assert.deepEqual(atscore.searchRoles(q, 8), JSON.parse(native), JSON.stringify(q));
  }
  // the default limit is the CLI's (20)
  const native = cli("roles", "--search", "nurse", "--format", "json").trimEnd();
  assert.equal(atscore.searchRolesJson("nurse"), native);
  assert.equal(JSON.parse(native).length, 20);

  // what the searches find: the right roles, not only the same bytes
  const top = (q) => atscore.searchRoles(q, 5);
  assert.equal(top("registered nurse")[0].name, "registered-nurses");
  assert.equal(top("registred nurse")[0].name, "registered-nurses");
  assert.equal(top("accountant")[0].name, "accountant");
  // an alternate title finds its role, and the hit says which title matched
  const rn = top("RN").find((h) => h.name === "registered-nurses");
  assert.ok(rn && /\bRN\b/.test(rn.matched), JSON.stringify(top("RN")));
  const common = atscore.searchRoles("", 8);
  assert.equal(common.length, 8);
  assert.equal(common[0].name, "registered-nurses");
  assert.ok(common.every((h) => h.score === 0 && !("matched" in h)));
  assert.deepEqual(atscore.searchRoles("zzzz qqqq"), []);
  assert.deepEqual(atscore.searchRoles("nurse", 0), []);
  for (const h of top("nurse")) {
    assert.deepEqual(Object.keys(h).filter((k) => k !== "matched"), ["name", "title", "source", "code", "score"]);
    assert.ok(["hand-kept", "onet", "esco"].includes(h.source));
    assert.ok(h.score > 0 && h.score <= 1);
  }
});

test("a library role by name or job title: analyze gives `atscore analyze RESUME --role ...`", () => {
  const resumes = [
    ...corpusFiles("text", /(hr|sales|business-analyst|operations-manager)\.txt$/).slice(0, 4),
    join(root, "examples", "resume-backend.txt"),
  ];
  assert.ok(resumes.length >= 4);
  let found = 0;
  for (const r of resumes) {
    const text = readFileSync(r, "utf8");
    const native = cli("analyze", r, "--role", "accountant", "--format", "json", "--offsets", "utf16").trimEnd();
    const analyzer = new atscore.Analyzer("accountant");
    assert.equal(analyzer.analyzeJson(text), native, r);
    assert.deepEqual(atscore.analyze(text, "accountant"), JSON.parse(native), r);
    found += JSON.parse(native).keywords.filter((k) => k.found).length;
  }
  assert.ok(found > 0, "no accountant keyword in any resume: the comparison says little");
  const accountant = new atscore.Analyzer("accountant").role;
  assert.equal(accountant.name, "accountant");
  assert.ok(accountant.sources.some((s) => s.includes("ESCO")), JSON.stringify(accountant.sources));

  // a job title (a typo tolerated) and the role's name give one role
  const text = readFileSync(resumes[0], "utf8");
  const byName = cli("analyze", resumes[0], "--role", "registered-nurses", "--format", "json", "--offsets", "utf16").trimEnd();
  assert.equal(new atscore.Analyzer("registered-nurses").analyzeJson(text), byName);
  assert.equal(new atscore.Analyzer("registered nurse").analyzeJson(text), byName);
  // a typo'd title is a role only when it names one clearly; else the closest roles, the right one first
  try {
    assert.equal(new atscore.Analyzer("Registred Nurse").analyzeJson(text), byName);
  } catch (e) {
    assert.ok(e.name === "AtscoreError" && e.message.startsWith('unknown role "Registred Nurse"; closest roles: registered-nurses,'), e.message);
  }
  assert.equal(cli("analyze", resumes[0], "--role", "registered nurse", "--format", "json", "--offsets", "utf16").trimEnd(), byName);
  const nurse = new atscore.Analyzer("registered nurse").role;
  assert.equal(nurse.title, "Registered Nurses");
  assert.ok(nurse.must_have.some((e) => (e.term ?? e) === "patient care"), JSON.stringify(nurse.must_have));
  // a title that names no role: the closest roles, and no hint to load what is loaded
  assert.throws(() => atscore.analyze(text, "zzzz qqqq"), (e) =>
    e instanceof Error && e.name === "AtscoreError" && e.message.startsWith('unknown role "zzzz qqqq"') &&
    !e.message.includes("loadRoleLibrary"));
});

test("suggestRolesJson is byte for byte `atscore roles --for RESUME --format json` on real resumes (text, PDF, DOCX)", () => {
  const texts = corpusFiles("text", /(civil-engineer|hr|java-developer|sales)\.txt$/).filter((_, i) => i % 3 === 0).slice(0, 4);
  const originals = corpusFiles("original", /\.(pdf|docx)$/i);
  const files = [...originals.filter((f) => f.endsWith(".pdf")).slice(0, 2), ...originals.filter((f) => f.endsWith(".docx")).slice(0, 2)];
  assert.ok(texts.length >= 3 && files.length === 4);
  for (const f of [...texts, ...files]) {
    const native = cli("roles", "--for", f, "-n", "5", "--format", "json").trimEnd();
    const bytes = readFileSync(f);
    const text = f.endsWith(".txt") ? bytes.toString("utf8") : null;
    assert.equal(atscore.suggestRolesJson(text ?? new Uint8Array(bytes), 5), native, basename(f));
    // an ArrayBuffer too, and the plain objects are the JSON's data
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    assert.deepEqual(atscore.suggestRoles(buffer, 5), JSON.parse(native), basename(f));
  }
  // the default limit is the CLI's (10)
  const civilFile = corpusFiles("text", /civil-engineer\.txt$/)[0];
  const civilText = readFileSync(civilFile, "utf8");
  const native = cli("roles", "--for", civilFile, "--format", "json").trimEnd();
  assert.equal(atscore.suggestRolesJson(civilText), native);
  assert.equal(JSON.parse(native).length, 10);

  // what it suggests: roles with some of their keywords, best first; an
  // engineering resume gets an engineering role
  const fits = atscore.suggestRoles(civilText);
  assert.ok(fits.some((f) => f.found.length > 0), JSON.stringify(fits));
  for (let i = 1; i < fits.length; i++) assert.ok(fits[i - 1].fit >= fits[i].fit);
  assert.ok(fits.some((f) => /engineer/.test(f.name)), JSON.stringify(fits.map((f) => f.name)));
});

test("bad arguments are Errors, not traps", () => {
  for (const limit of [-1, 1.5, NaN, Infinity]) {
    assert.throws(() => atscore.searchRoles("nurse", limit), (e) =>
      e instanceof Error && e.name === "AtscoreError" && /limit must be a whole number/.test(e.message), String(limit));
    assert.throws(() => atscore.suggestRoles("nurse", limit), /limit must be a whole number/);
  }
  assert.throws(() => atscore.suggestRoles(42), (e) =>
    e instanceof Error && e.name === "AtscoreError" && /resume must be its text/.test(e.message));
  assert.throws(() => atscore.suggestRoles(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])), (e) =>
    e instanceof Error && e.name === "AtscoreFileError" && /PDF/.test(e.message));
  // over the matcher's input limit (64 MiB by default)
  assert.throws(() => atscore.suggestRoles("x ".repeat(32 * 1024 * 1024 + 1)), (e) =>
    e instanceof Error && e.name === "AtscoreError" && /too large/.test(e.message));
  // long and odd queries are searched, not refused
  assert.ok(Array.isArray(atscore.searchRoles("nurse ".repeat(10_000))));
  assert.ok(Array.isArray(atscore.searchRoles("💉 ñurse\u0000\ud800")));
  assert.equal(atscore.searchRolesJson("nurse", 3), atscore.searchRolesJson("nurse", 3));
});
