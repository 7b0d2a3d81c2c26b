// The built npm package (wasm/pkg, made by `build.sh --all`) on real corpus
// resumes: `analyzeJson` must be byte for byte the native library's JSON
// (UTF-16 offsets), `analyze` the same data as plain objects, and every span
// must slice the JS string to the hit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { corpusFiles, nativeJson } from "../corpus.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const wasmDir = join(here, "..", "..");
const root = join(wasmDir, "..");
const require = createRequire(import.meta.url);
const atscore = require(join(wasmDir, "pkg")); // through the published manifest

function textResumes() {
  const files = corpusFiles("text", /\.txt$/);
  assert.ok(files.length >= 100, `only ${files.length} corpus resumes`);
  return files;
}

const files = textResumes();
const texts = files.map((f) => readFileSync(f, "utf8"));

test("analyzeJson is byte for byte the native JSON on every corpus resume", () => {
  const native = nativeJson(files);
  assert.equal(native.length, files.length);
  const analyzer = new atscore.Analyzer("backend-developer");
  let differ = [];
  texts.forEach((text, i) => {
    if (analyzer.analyzeJson(text) !== native[i]) differ.push(files[i]);
  });
  assert.deepEqual(differ, []);
  // Not all the same report: the corpus spans many professions.
  const scores = new Set(native.map((j) => JSON.parse(j).score));
  assert.ok(scores.size > 10, `only ${scores.size} distinct scores`);
});

test("analyze gives the JSON's data as plain objects, spans slicing the JS string", () => {
  const analyzer = new atscore.Analyzer("backend-developer");
  let hits = 0;
  let nonAscii = 0;
  texts.forEach((text, i) => {
    const report = analyzer.analyze(text);
    assert.deepStrictEqual(report, JSON.parse(analyzer.analyzeJson(text)), files[i]);
    assert.equal(Object.getPrototypeOf(report), Object.prototype);
    assert.equal(report.offsets, "utf16");
    for (const k of report.keywords) {
      for (const h of k.hits) {
        assert.equal(text.slice(h.span.start, h.span.end), h.text, `${files[i]}: ${k.term}`);
        hits++;
        if (/[^\x00-\x7f]/.test(text.slice(0, h.span.start))) nonAscii++;
      }
    }
  });
  assert.ok(hits > 1000, `only ${hits} hits`);
  assert.ok(nonAscii > 0, "no hit after non-ASCII text: UTF-16 offsets untested");
});

test("offsets option: code points and bytes match the native JSON too", () => {
  const sample = files.filter((_, i) => /[^\x00-\x7f]/.test(texts[i])).slice(0, 10);
  assert.ok(sample.length > 0);
  for (const units of ["code_point", "utf8"]) {
    const native = nativeJson(sample, ["--offsets", units]);
    const analyzer = new atscore.Analyzer("backend-developer", { offsets: units });
    assert.equal(analyzer.offsets, units);
    sample.forEach((f, i) => assert.equal(analyzer.analyzeJson(readFileSync(f, "utf8")), native[i], f));
  }
});

test("one-shot analyze, roles, role objects, errors", () => {
  const list = atscore.roles();
  assert.ok(list.some((r) => r.name === "backend-developer"));
  const text = texts[0];
  const a = new atscore.Analyzer("backend-developer");
  assert.deepStrictEqual(atscore.analyze(text, "backend-developer"), a.analyze(text));
  // The role getter round-trips as a role object and as JSON text.
  const role = a.role;
  assert.equal(role.name, "backend-developer");
  assert.equal(new atscore.Analyzer(role).analyzeJson(text), a.analyzeJson(text));
  assert.equal(new atscore.Analyzer(JSON.stringify(role)).analyzeJson(text), a.analyzeJson(text));

  assert.throws(() => new atscore.Analyzer("no-such-role"), (e) =>
    e instanceof Error && e.name === "AtscoreError" &&
    e.message.includes('"no-such-role"') && e.message.includes("backend-developer"));
  assert.throws(() => new atscore.Analyzer({ name: "x", must_have: [{ term: "SQL", weight: -1 }] }),
    (e) => e instanceof Error && /keyword "SQL", field `weight`/.test(e.message));
  assert.throws(() => new atscore.Analyzer("backend-developer", { fuzy: true }),
    (e) => e instanceof Error && e.message.includes("fuzy"));
  assert.throws(() => new atscore.Analyzer("backend-developer", { offsets: "bytes" }),
    (e) => e instanceof Error && e.message.includes("offsets"));
  assert.throws(() => atscore.analyze("x".repeat(100), "backend-developer", { max_input_bytes: 10 }),
    (e) => e instanceof Error && e.message.includes("max_input_bytes"));
  // The analyzer still works after an error.
  assert.equal(a.analyzeJson(text), a.analyzeJson(text));
});

test("the web (ESM) build works too, given the wasm bytes", async () => {
  const web = await import(join(wasmDir, "pkg", "web", "atscore_wasm.js"));
  web.initSync({ module: readFileSync(join(wasmDir, "pkg", "web", "atscore_wasm_bg.wasm")) });
  const text = texts[1];
  assert.equal(new web.Analyzer("backend-developer").analyzeJson(text),
    new atscore.Analyzer("backend-developer").analyzeJson(text));
});

test("speed: wasm vs native on the corpus (reported, not asserted)", (t) => {
  const run = spawnSync(
    "cargo",
    ["run", "--quiet", "--release", "--manifest-path", join(root, "Cargo.toml"),
     "-p", "atscore-wasm", "--example", "native_json", "--", "--time", ...files],
    { maxBuffer: 1 << 30, encoding: "utf8", stdio: ["ignore", "ignore", "pipe"] },
  );
  assert.equal(run.status, 0, run.stderr);
  const m = /native_ms=([\d.]+) bytes=(\d+)/.exec(run.stderr);
  assert.ok(m, run.stderr);
  const [nativeMs, bytes] = [Number(m[1]), Number(m[2])];
  const analyzer = new atscore.Analyzer("backend-developer");
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    for (const text of texts) analyzer.analyzeJson(text);
    best = Math.min(best, performance.now() - start);
  }
  const mb = bytes / 1e6;
  const line = `corpus ${files.length} resumes, ${mb.toFixed(2)} MB: native ${nativeMs.toFixed(1)} ms ` +
    `(${(mb / (nativeMs / 1e3)).toFixed(1)} MB/s), wasm ${best.toFixed(1)} ms ` +
    `(${(mb / (best / 1e3)).toFixed(1)} MB/s), wasm/native time ratio ${(best / nativeMs).toFixed(2)}`;
  t.diagnostic(line);
  console.log(line);
});
