// The npm package's job-posting calls on real corpus postings, against the
// native CLI: `extract` (text, and the bytes of a DOCX posting) gives the
// role `atscore extract --format json` gives, `analyze(resume, { jd })` the
// report of `atscore analyze RESUME --jd POSTING`, and `readPosting` the
// reader's warnings; bad postings are typed errors.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { root, corpus, corpusFiles } from "../corpus.mjs";

const require = createRequire(import.meta.url);
const pkg = join(root, "wasm", "pkg");
const atscore = require(pkg);

function cli(...args) {
  return execFileSync(
    "cargo",
    ["run", "--quiet", "--release", "--manifest-path", join(root, "Cargo.toml"), "-p", "atscore-cli", "--", ...args],
    { maxBuffer: 1 << 30, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
}

const jobs = (set, folder) => {
  const dir = join(corpus, "jobs", set, folder);
  return readdirSync(dir).sort().map((f) => join(dir, f));
};

before(() => {
  const data = (f) => join(pkg, "data", f);
  atscore.loadPostingData(
    readFileSync(data("lexicon.tsv"), "utf8"),
    readFileSync(data("tagger.bin")),
    readFileSync(data("common-words.txt"), "utf8"),
    readFileSync(data("places.txt"), "utf8"),
  );
});

test("extract gives the CLI's role for text postings and DOCX postings' bytes", () => {
  const texts = jobs("resume-matcher-samples", "text").filter((f) => f.endsWith(".txt"));
  const docx = jobs("resume-matcher-2020", "original").filter((f) => f.endsWith(".docx")).slice(0, 6);
  assert.ok(texts.length >= 4 && docx.length >= 5);
  for (const f of texts) {
    const native = cli("extract", f, "--format", "json");
    assert.deepEqual(atscore.extract(readFileSync(f, "utf8")), JSON.parse(native), f);
    assert.equal(atscore.roleFromJobDescriptionJson(readFileSync(f, "utf8")), native.trimEnd(), f);
  }
  for (const f of docx) {
    const role = atscore.extract(new Uint8Array(readFileSync(f)));
    assert.deepEqual(role, JSON.parse(cli("extract", f, "--format", "json")), f);
    assert.ok((role.must_have ?? []).length + (role.bonus ?? []).length > 0, f);
  }
  // the Java posting's checklist: its own words, groups and evidence
  const java = atscore.extract(readFileSync(texts.find((f) => f.includes("java")), "utf8"));
  const must = java.must_have.map((e) => (typeof e === "string" ? e : e.term));
  assert.ok(must.includes("Java EE"), JSON.stringify(must));
  assert.ok(java.must_have.some((e) => e.any_of?.includes("Hibernate")), "JPA2 / Hibernate is one group");
  assert.ok(java.must_have.some((e) => e.any_of?.includes("Wicket")), "JSF / Wicket / GWT / Spring MVC is one group");
  assert.ok(java.must_have.every((e) => typeof e === "string" || e.evidence?.line > 0));
});

test("analyze(resume, { jd }) is the CLI's analyze --jd, and an Analyzer of the extracted role", () => {
  const posting = jobs("resume-matcher-samples", "text").find((f) => f.includes("java_developer"));
  const postingText = readFileSync(posting, "utf8");
  const resumes = corpusFiles("text", /java|developer/i).slice(0, 3);
  assert.ok(resumes.length >= 1);
  const analyzer = new atscore.Analyzer(atscore.extract(postingText));
  for (const r of resumes) {
    const text = readFileSync(r, "utf8");
    const native = cli("analyze", r, "--jd", posting, "--format", "json", "--offsets", "utf16").trimEnd();
    assert.equal(new atscore.Analyzer({ jd: postingText }).analyzeJson(text), native, r);
    assert.equal(analyzer.analyzeJson(text), native, r);
    const report = atscore.analyze(text, { jd: postingText });
    assert.deepEqual(report, JSON.parse(native));
    assert.ok(report.recruiter.length >= 2, "title and requirements are checked");
  }
});

test("readPosting gives the reader's warnings; bad postings are typed errors", () => {
  const resume = readFileSync(join(root, "examples", "resume-backend.txt"), "utf8");
  const read = atscore.readPosting(resume);
  assert.ok(read.warnings.some((w) => w.includes("looks like a resume")), JSON.stringify(read.warnings));
  const none = atscore.readPosting("Fun team, free lunch, great views.");
  assert.equal(none.role, null);
  assert.match(none.error, /no skill/);
  assert.ok(none.warnings.some((w) => w.includes("no skills found")));
  const fails = (f, re) => assert.throws(f, (e) => e instanceof Error && re.test(e.message) && e.name.startsWith("Atscore"));
  fails(() => atscore.extract("  \n"), /posting.*empty|empty.*posting/);
  fails(() => atscore.extract(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])), /PDF/);
  assert.throws(() => atscore.extract(42), /jd: a job posting must be its text/);
  assert.throws(() => atscore.analyze("SQL", { jd: "" }), /empty/);
});
