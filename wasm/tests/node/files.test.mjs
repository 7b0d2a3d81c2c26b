// Files through the built npm package (wasm/pkg): every corpus PDF and DOCX
// through `analyzeBytesJson` must be byte for byte the native library's
// report of the same file (`Matcher::analyze_file`, UTF-16 spans into the
// extracted text), and hostile files (truncated, random bytes, a zip bomb,
// encrypted, an old .doc) must throw a JS Error with the native message,
// never trap: a `RuntimeError: unreachable` is a panic in Rust, a bug.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync, mkdtempSync, rmSync, writeFileSync, statSync } from "node:fs";
import { join, dirname, basename } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { gzipSync, constants } from "node:zlib";
import { zipOf, cfb, NS, CONTENT_TYPES, ROOT_RELS } from "../docx.mjs";
import { corpusFiles, nativeJson } from "../corpus.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const wasmDir = join(here, "..", "..");
const require = createRequire(import.meta.url);
const atscore = require(join(wasmDir, "pkg"));

/** The corpus's original PDF and DOCX resumes. */
const corpusOriginals = () => corpusFiles("original", /\.(pdf|docx)$/i);

/** Native lines (a report, or {"error": message}) for each file. */
const nativeFileJson = (files, extra = []) => nativeJson(files, ["--files", ...extra]);

/** What the wasm gives for bytes, as native_json prints it; a trap is thrown on. */
function wasmLine(analyzer, bytes) {
  try {
    return analyzer.analyzeBytesJson(bytes);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) throw e;
    assert.ok(e instanceof Error, `not an Error: ${e}`);
    assert.ok(["AtscoreError", "AtscoreFileError"].includes(e.name), `${e.name}: ${e.message}`);
    return JSON.stringify({ error: e.message });
  }
}

/** A zip bomb posing as a DOCX: word/document.xml inflates to `mib` MiB. */
function zipBomb(mib, opts) {
  const para = Buffer.from("<w:p><w:r><w:t>boom</w:t></w:r></w:p>");
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document ${NS}><w:body>`);
  const doc = Buffer.alloc(mib << 20);
  head.copy(doc);
  for (let at = head.length; at < doc.length; at += para.length) para.copy(doc, at, 0, Math.min(para.length, doc.length - at));
  return zipOf([["[Content_Types].xml", Buffer.from(CONTENT_TYPES)], ["_rels/.rels", Buffer.from(ROOT_RELS)], ["word/document.xml", doc]], opts);
}

/** Deterministic pseudo-random bytes. */
function randomBytes(n, seed) {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const files = corpusOriginals();
let work;
before(() => { work = mkdtempSync(join(tmpdir(), "atscore-files-")); });
after(() => { if (work) rmSync(work, { recursive: true, force: true }); });

test("every corpus PDF and DOCX: analyzeBytesJson is byte for byte the native report", () => {
  assert.ok(files.length >= 60, `only ${files.length} corpus PDF/DOCX files`);
  assert.ok(files.some((f) => f.endsWith(".pdf")) && files.some((f) => f.endsWith(".docx")));
  const native = nativeFileJson(files);
  assert.equal(native.length, files.length);
  const errors = native.filter((l) => l.startsWith('{"error"'));
  assert.deepEqual(errors, [], "the native library cannot read some corpus files");
  const analyzer = new atscore.Analyzer("backend-developer");
  const differ = [];
  files.forEach((f, i) => {
    const bytes = readFileSync(f);
    if (analyzer.analyzeBytesJson(bytes) !== native[i]) differ.push(basename(f));
  });
  assert.deepEqual(differ, []);
  const scores = new Set(native.map((l) => JSON.parse(l).score));
  assert.ok(scores.size > 10, `only ${scores.size} distinct scores`);
});

test("corpus files as plain objects: file.text is what every span slices", () => {
  const analyzer = new atscore.Analyzer("backend-developer");
  let hits = 0;
  let nonAscii = 0;
  let findings = 0;
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(f));
    const report = analyzer.analyzeBytes(bytes);
    assert.deepStrictEqual(report, JSON.parse(analyzer.analyzeBytesJson(bytes)), f);
    assert.equal(report.offsets, "utf16");
    const text = report.file.text;
    assert.equal(report.file.kind, f.endsWith(".pdf") ? "pdf" : "docx");
    for (const k of report.keywords) {
      for (const h of k.hits) {
        assert.equal(text.slice(h.span.start, h.span.end), h.text, `${f}: ${k.term}`);
        hits++;
        if (/[^\x00-\x7f]/.test(text.slice(0, h.span.start))) nonAscii++;
      }
    }
    for (const p of report.file.pages) assert.ok(p.span.end <= text.length, `${f}: page ${p.number}`);
    for (const r of report.file.regions) assert.ok(r.span.end <= text.length, `${f}: region`);
    for (const finding of report.readability) {
      assert.ok(["problem", "warning", "info"].includes(finding.severity));
      assert.ok(finding.message && finding.fix);
      for (const s of finding.spans) assert.ok(s.start <= s.end && s.end <= text.length);
      findings++;
    }
  }
  assert.ok(hits > 200, `only ${hits} hits`);
  assert.ok(nonAscii > 0, "no hit after non-ASCII text: UTF-16 offsets into the extraction untested");
  assert.ok(findings > files.length, `only ${findings} readability findings`);
});

test("corpus files in code points and bytes, and the one-shot call", () => {
  const sample = [...files.filter((f) => f.endsWith(".pdf")), ...files.filter((f) => f.endsWith(".docx")).slice(0, 8)];
  for (const units of ["code_point", "utf8"]) {
    const native = nativeFileJson(sample, ["--offsets", units]);
    const analyzer = new atscore.Analyzer("backend-developer", { offsets: units });
    sample.forEach((f, i) => assert.equal(analyzer.analyzeBytesJson(readFileSync(f)), native[i], `${f} ${units}`));
  }
  const bytes = readFileSync(sample[0]);
  assert.deepStrictEqual(atscore.analyzeBytes(bytes, "backend-developer"),
    new atscore.Analyzer("backend-developer").analyzeBytes(bytes));
  assert.deepStrictEqual(atscore.analyzeBytes(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length), "backend-developer", { offsets: "utf16" }, "pdf"),
    new atscore.Analyzer("backend-developer").analyzeBytes(bytes));
});

test("hostile files throw the native error (or give the native report), never trap", () => {
  const cases = [];
  const add = (name, bytes) => cases.push([name, bytes]);
  const pdfs = files.filter((f) => f.endsWith(".pdf"));
  const docxs = files.filter((f) => f.endsWith(".docx")).slice(0, 4);
  for (const f of [...pdfs, ...docxs]) {
    const bytes = new Uint8Array(readFileSync(f));
    for (const frac of [0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99]) {
      add(`${basename(f)} cut at ${frac}`, bytes.slice(0, Math.floor(bytes.length * frac)));
    }
    // a few bytes flipped in the middle
    const flipped = bytes.slice();
    for (let i = 0; i < 16; i++) flipped[Math.floor(flipped.length * (0.3 + i / 40))] ^= 0x5a;
    add(`${basename(f)} with bytes flipped`, flipped);
  }
  add("random bytes", randomBytes(4096, 1));
  add("random bytes after a PDF header", new Uint8Array([...Buffer.from("%PDF-1.7\n"), ...randomBytes(4096, 2)]));
  add("random bytes after a ZIP signature", new Uint8Array([...Buffer.from("PK\x03\x04"), ...randomBytes(4096, 3)]));
  add("an old .doc", cfb("WordDocument"));
  add("a password-protected DOCX", cfb("EncryptedPackage"));
  add("a PNG", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
  add("a ZIP that is no DOCX", zipOf([["hello.txt", Buffer.from("hello")]]));
  add("a lying zip bomb (sizes say 100 bytes)", zipBomb(20, { lieSize: 100 }));
  add("empty", new Uint8Array(0));
  add("UTF-16 text", new Uint8Array(Buffer.from("\ufeffJane Doe, SQL", "utf16le")));
  const paths = cases.map(([name, bytes], i) => {
    const p = join(work, `case${i}`);
    writeFileSync(p, bytes);
    return p;
  });
  const native = nativeFileJson(paths);
  const analyzer = new atscore.Analyzer("backend-developer");
  const traps = [];
  const differ = [];
  cases.forEach(([name, bytes], i) => {
    let got;
    try {
      got = wasmLine(analyzer, bytes);
    } catch (e) {
      traps.push(`${name}: ${e}`);
      return;
    }
    if (got !== native[i]) differ.push(`${name}\n  native: ${native[i].slice(0, 200)}\n  wasm:   ${got.slice(0, 200)}`);
  });
  assert.deepEqual(traps, [], "wasm traps (a Rust panic) on hostile files");
  assert.deepEqual(differ, []);
  const problems = (name) => JSON.parse(native[cases.findIndex(([n]) => n === name)]).error;
  assert.match(problems("an old .doc"), /\.doc/);
  assert.match(problems("a password-protected DOCX"), /encrypted|password/);
  assert.match(problems("random bytes"), /cannot read this file/);
  assert.match(problems("a lying zip bomb (sizes say 100 bytes)"), /unpacked|cut short|damaged/);
  // The analyzer still works afterwards.
  assert.equal(analyzer.analyzeBytesJson(readFileSync(files[0])), nativeFileJson([files[0]])[0]);
});

test("file errors are typed: problem, kind, reason, limit fields", () => {
  const analyzer = new atscore.Analyzer("backend-developer");
  const throwsFile = (fn, check) => assert.throws(fn, (e) => {
    assert.ok(e instanceof Error && !(e instanceof WebAssembly.RuntimeError), String(e));
    assert.equal(e.name, "AtscoreFileError", e.message);
    check(e);
    return true;
  });
  throwsFile(() => analyzer.analyzeBytes(cfb("EncryptedPackage")), (e) => {
    assert.equal(e.problem, "encrypted");
    assert.equal(e.kind, "DOCX");
  });
  throwsFile(() => analyzer.analyzeBytes(cfb("WordDocument")), (e) => {
    assert.equal(e.problem, "unsupported");
    assert.equal(e.kind, "DOC");
    assert.match(e.reason, /\.docx/);
  });
  throwsFile(() => analyzer.analyzeBytes(new Uint8Array([...Buffer.from("PK\x03\x04"), ...randomBytes(512, 9)])), (e) => {
    assert.equal(e.problem, "corrupt");
    assert.equal(e.kind, "DOCX");
  });
  const pdf = readFileSync(files.find((f) => f.endsWith(".pdf")));
  throwsFile(() => analyzer.analyzeBytes(pdf, "docx"), (e) => assert.equal(e.problem, "unsupported"));
  // A zip bomb over the default unpacked-bytes limit (128 MiB) stops there, quickly.
  const bomb = zipBomb(130);
  const start = performance.now();
  throwsFile(() => analyzer.analyzeBytes(bomb), (e) => {
    assert.equal(e.problem, "limit");
    assert.equal(e.option, "max_unpacked_bytes");
    assert.equal(e.limit, 128 << 20);
    assert.ok(e.value > e.limit);
    assert.match(e.message, /file\.max_unpacked_bytes/);
  });
  const ms = performance.now() - start;
  assert.ok(ms < 20000, `the bomb took ${ms.toFixed(0)} ms`);
  // Limits from the options; the file size is checked before the bytes are copied.
  const small = new atscore.Analyzer("backend-developer", { file: { max_file_bytes: 1000, max_pages: 1 } });
  throwsFile(() => small.analyzeBytes(new Uint8Array(1 << 20)), (e) => {
    assert.equal(e.problem, "limit");
    assert.equal(e.option, "max_file_bytes");
    assert.equal(e.value, 1 << 20);
    assert.equal(e.limit, 1000);
  });
  const tiny = new atscore.Analyzer("backend-developer", { file: { max_unpacked_bytes: 1 << 20 } });
  throwsFile(() => tiny.analyzeBytes(zipBomb(20)), (e) => assert.equal(e.option, "max_unpacked_bytes"));
  // Not file errors: options and arguments.
  assert.throws(() => new atscore.Analyzer("backend-developer", { file: { max_pages: 0 } }),
    (e) => e.name === "AtscoreError" && /file\.max_pages/.test(e.message));
  assert.throws(() => new atscore.Analyzer("backend-developer", { file: { max_page: 3 } }),
    (e) => e.name === "AtscoreError" && /max_page/.test(e.message));
  assert.throws(() => analyzer.analyzeBytes("Jane Doe"), (e) => e.name === "AtscoreError" && /Uint8Array/.test(e.message));
  assert.throws(() => analyzer.analyzeBytes(pdf, "odt"), (e) => e.name === "AtscoreError" && /odt/.test(e.message));
  // Text bytes are the text's report; spans point into the bytes decoded as UTF-8.
  const text = "Jane Doe · jane@example.com\n\nSKILLS\nSQL, Go 🚀, Docker";
  const bytes = new TextEncoder().encode(text);
  assert.equal(analyzer.analyzeBytesJson(bytes), analyzer.analyzeJson(text));
  assert.equal(analyzer.analyzeBytes(bytes).file, undefined);
});

test("module size: within the budget (gzip -9 of the web build)", (t) => {
  // Budget 1,050,000 bytes gzip -9 for the build with PDF and DOCX reading:
  // measured 979,670 when it was set, 985,819 after the next core merge
  // (271,282 without files). lopdf alone is ~660 KB of code, 533 KB of it
  // one glyph-name match, so the old 250 KB budget cannot hold file support;
  // ~6% headroom is left for the extractors, which are still changing. The
  // figures are in the README.
  const BUDGET = 1_050_000;
  const wasm = join(wasmDir, "pkg", "web", "atscore_wasm_bg.wasm");
  const raw = statSync(wasm).size;
  const gz = gzipSync(readFileSync(wasm), { level: constants.Z_BEST_COMPRESSION }).length;
  const line = `atscore_wasm_bg.wasm: ${raw} bytes raw, ${gz} bytes gzip (node zlib -9), budget ${BUDGET}`;
  t.diagnostic(line);
  console.log(line);
  assert.ok(gz <= BUDGET, line);
});
