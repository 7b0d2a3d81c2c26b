// The resume checker page (wasm/www, after `build.sh`) in real headless
// Chromium: a real corpus resume gives the native report's score and hits,
// a corpus DOCX picked and a corpus PDF dropped give the native report's
// score, readability findings and highlights, and a resume full of HTML
// (pasted, or inside a DOCX) runs nothing. Screenshots go to target/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { readFileSync, readdirSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join, dirname, extname, normalize, sep, basename } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { docxOf, cfb } from "../docx.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const wasmDir = join(here, "..", "..");
const root = join(wasmDir, "..");
const www = join(wasmDir, "www");
const shots = join(root, "target", "wasm-page");
const corpus = process.env.ATSCORE_CORPUS ?? join(root, "..", "shared", "corpus");
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm" };

let server, base, context, userDataDir;

before(async () => {
  assert.ok(existsSync(join(www, "pkg", "atscore_wasm_bg.wasm")), "run wasm/build.sh first");
  assert.ok(existsSync(chromiumPath), `no Chromium at ${chromiumPath}`);
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = normalize(join(www, path.endsWith("/") ? path + "index.html" : path));
    if (!file.startsWith(www + sep) || !existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${server.address().port}/`;
  userDataDir = mkdtempSync(join(tmpdir(), "atscore-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  await context?.close();
  await new Promise((ok) => server?.close(ok) ?? ok());
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** A fresh page on the checker, with everything it did recorded. */
async function openPage() {
  const page = await context.newPage();
  const log = { errors: [], dialogs: [], requests: [] };
  page.on("pageerror", (e) => log.errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && log.errors.push(m.text()));
  page.on("dialog", (d) => {
    log.dialogs.push(d.message());
    d.dismiss();
  });
  page.on("request", (r) => log.requests.push(r.url()));
  await page.goto(base);
  await page.waitForSelector("body[data-ready='true']");
  return { page, log };
}

function nativeReports(files) {
  const out = execFileSync(
    "cargo",
    ["run", "--quiet", "--release", "--manifest-path", join(root, "Cargo.toml"),
     "-p", "atscore-wasm", "--example", "native_json", "--", ...files],
    { maxBuffer: 1 << 30, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  return out.split("\n").filter(Boolean).map((l) => JSON.parse(l));
}

/** A real resume with non-ASCII text and many hits: the densest of a sample. */
function pickResume() {
  const files = [];
  for (const set of readdirSync(join(corpus, "resumes")).sort()) {
    const dir = join(corpus, "resumes", set, "text");
    if (existsSync(dir)) for (const f of readdirSync(dir).sort()) files.push(join(dir, f));
  }
  const candidates = files.filter((f) => /[^\x00-\x7f]/.test(readFileSync(f, "utf8")));
  assert.ok(candidates.length > 0, "no non-ASCII resume in the corpus");
  const reports = nativeReports(candidates);
  let best = 0;
  const hits = (r) => r.keywords.reduce((n, k) => n + k.hits.length, 0);
  reports.forEach((r, i) => { if (hits(r) > hits(reports[best])) best = i; });
  return { file: candidates[best], text: readFileSync(candidates[best], "utf8"), native: reports[best] };
}

async function checkResume(page, text) {
  await page.fill("#resume", text);
  await page.click("#check");
  await page.waitForSelector("#results[data-score]");
}

test("a real resume: score, checklist and highlights are the native report's", async () => {
  const { file, text, native } = pickResume();
  const { page, log } = await openPage();
  await checkResume(page, text);

  assert.equal(await page.textContent("#score"), String(native.score), file);
  assert.equal(await page.getAttribute("#results", "data-score"), String(native.score));

  // Checklist: one item per must-have and bonus keyword, with the native count.
  const items = await page.$$eval(".checklist li", (lis) =>
    lis.map((li) => [li.dataset.term, Number(li.dataset.count), li.dataset.status]));
  const want = native.keywords.filter((k) => k.tier !== "overused").map((k) => [k.term, k.count, k.status]);
  assert.deepEqual(items, want);
  const missing = await page.$$eval("#missing li[data-term]", (lis) => lis.map((li) => li.dataset.term));
  assert.deepEqual(missing, native.keywords.filter((k) => k.tier !== "overused" && !k.found).map((k) => k.term));
  const vague = await page.$$eval("#vague li q", (qs) => qs.map((q) => q.textContent));
  assert.deepEqual(vague, native.flags.filter((f) => ["vague", "weak_verb", "overused"].includes(f.kind)).map((f) => f.text));

  // The highlighted resume is the text itself, and each mark one native span.
  assert.equal(await page.textContent("#highlighted"), text);
  const marks = await page.$$eval("#highlighted mark", (ms) =>
    ms.map((m) => ({ start: Number(m.dataset.start), end: Number(m.dataset.end), text: m.textContent, term: m.dataset.term, tip: m.title })));
  const nativeSpans = [
    ...native.keywords.flatMap((k) => k.hits.map((h) => ({ ...h.span, term: k.term }))),
    ...native.flags.filter((f) => f.span && (f.kind === "vague" || f.kind === "weak_verb")).map((f) => ({ ...f.span, term: f.text })),
  ];
  const hitCount = native.keywords.reduce((n, k) => n + k.hits.length, 0);
  assert.ok(hitCount >= 10, `only ${hitCount} hits in ${file}`);
  assert.ok(marks.length > 0);
  for (const m of marks) {
    assert.ok(nativeSpans.some((s) => s.start === m.start && s.end === m.end && s.term === m.term), `mark ${JSON.stringify(m)}`);
    assert.equal(m.text, text.slice(m.start, m.end));
    assert.ok(m.tip.length > 0);
  }
  for (const s of nativeSpans) {
    assert.ok(marks.some((m) => m.start < s.end && s.start < m.end), `native span not highlighted: ${JSON.stringify(s)}`);
  }
  const hitsAfterNonAscii = marks.filter((m) => /[^\x00-\x7f]/.test(text.slice(0, m.start)));
  assert.ok(hitsAfterNonAscii.length > 0, "no highlight after non-ASCII text");

  // Accessible: every form control has a label; highlights are reachable by keyboard.
  const unlabeled = await page.$$eval("input, select, textarea", (els) => els.filter((e) => e.labels.length === 0).map((e) => e.id));
  assert.deepEqual(unlabeled, []);
  assert.equal(await page.getAttribute("#highlighted mark", "tabindex"), "0");
  assert.match(await page.getAttribute("#gauge", "aria-label"), new RegExp(`^ATS score ${native.score} out of 100`));

  // Offline: nothing but the page's own files was requested.
  assert.deepEqual(log.requests.filter((u) => !u.startsWith(base)), []);
  assert.deepEqual(log.errors, []);
  await page.screenshot({ path: join(shots, "corpus-resume.png"), fullPage: true });
  await page.focus("#highlighted mark");
  await page.screenshot({ path: join(shots, "highlight-tooltip.png") });
  await page.focus("#results");
  await page.screenshot({ path: join(shots, "results.png") });
  await page.close();
});

test("a resume full of HTML is shown as text and runs nothing", async () => {
  const { page, log } = await openPage();
  const attack = [
    "Jane <b>Doe</b> · jane@example.com",
    "<script>window.__pwned = 1; alert('script')</script>",
    "",
    "EXPERIENCE",
    "- Built <img src=x onerror=\"window.__pwned = 2; alert('img')\"> REST APIs in Go and SQL on AWS for 3M users",
    "- <svg onload=\"window.__pwned = 3\"></svg> Responsible for Docker and Kubernetes <iframe src=\"javascript:alert(4)\"></iframe>",
    "- Cut costs by 20% with <a href=\"javascript:window.__pwned=5\">PostgreSQL</a> tuning; a team player",
    "",
    "SKILLS",
    "SQL, Docker, <style>body{display:none}</style>Redis",
  ].join("\n");
  await checkResume(page, attack);
  assert.equal(await page.textContent("#highlighted"), attack);
  // The role title is shown too: a custom role with HTML in it.
  await page.selectOption("#role", "__custom__");
  const role = { name: "xss", title: "<img src=x onerror=\"window.__pwned = 6\">", must_have: ["SQL", "Go"] };
  await page.fill("#role-json", JSON.stringify(role));
  await page.click("#check");
  await page.waitForSelector("#results[data-score]");
  assert.match(await page.textContent("#status"), /<img src=x/);
  assert.equal(await page.textContent("#highlighted"), attack);

  // Hover and focus every highlight, where handlers would fire.
  for (const m of await page.$$("#highlighted mark")) await m.hover();
  await page.waitForTimeout(300);

  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(log.dialogs, []);
  const injected = await page.$$eval("main img, main script, main svg:not(#gauge svg), main iframe, main style, main a, main b",
    (els) => els.map((e) => e.outerHTML));
  assert.deepEqual(injected, []);
  assert.equal(await page.$$eval("script", (s) => s.length), 1);
  assert.deepEqual(log.requests.filter((u) => !u.startsWith(base) || u.endsWith("/x")), []);
  await page.screenshot({ path: join(shots, "html-resume.png"), fullPage: true });
  await page.close();
});

test("a broken custom role shows the core's error", async () => {
  const { page, log } = await openPage();
  await page.fill("#resume", "SQL and Go");
  await page.selectOption("#role", "__custom__");
  await page.fill("#role-json", '{"name": "x", "must_hav": ["SQL"]}');
  await page.click("#check");
  await page.waitForSelector("#error:not([hidden])");
  const message = await page.textContent("#error");
  assert.match(message, /must_hav/);
  assert.ok(await page.isHidden("#results"));
  assert.deepEqual(log.errors, []);
  writeFileSync(join(shots, "error.txt"), message);
  await page.close();
});

/** Native reports of files (`Matcher::analyze_file`, UTF-16 spans into the extracted text). */
function nativeFileReports(files) {
  const out = execFileSync(
    "cargo",
    ["run", "--quiet", "--release", "--manifest-path", join(root, "Cargo.toml"),
     "-p", "atscore-wasm", "--example", "native_json", "--", "--files", ...files],
    { maxBuffer: 1 << 30, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  return out.split("\n").filter(Boolean).map((l) => JSON.parse(l));
}

/** The corpus PDF or DOCX (by extension) with the most keyword hits. */
function pickFile(ext) {
  const files = [];
  for (const set of readdirSync(join(corpus, "resumes")).sort()) {
    const dir = join(corpus, "resumes", set, "original");
    if (existsSync(dir)) for (const f of readdirSync(dir).sort()) if (f.endsWith(ext)) files.push(join(dir, f));
  }
  assert.ok(files.length > 0, `no ${ext} in the corpus`);
  const reports = nativeFileReports(files);
  const hits = (r) => r.keywords.reduce((n, k) => n + k.hits.length, 0);
  let best = 0;
  reports.forEach((r, i) => { if (hits(r) > hits(reports[best])) best = i; });
  return { file: files[best], native: reports[best] };
}

/** The page shows the native report of a file: score, findings, extracted text, marks. */
async function assertFileRendered(page, { file, native }) {
  assert.equal(await page.textContent("#score"), String(native.score), file);
  assert.equal(await page.getAttribute("#file-info", "data-kind"), native.file.kind);
  assert.match(await page.textContent("#file-info"), new RegExp(basename(file).replace(/[.]/g, "\\.")));
  const findings = await page.$$eval("#readability li[data-kind]", (lis) => lis.map((li) => ({
    kind: li.dataset.kind, severity: li.dataset.severity,
    message: li.querySelector(".message").textContent, fix: li.querySelector(".fix").textContent,
  })));
  assert.deepEqual(findings, native.readability.map((f) => ({ kind: f.kind, severity: f.severity, message: f.message, fix: f.fix })));
  const text = native.file.text;
  assert.equal(await page.textContent("#highlighted"), text);
  const marks = await page.$$eval("#highlighted mark", (ms) =>
    ms.map((m) => ({ start: Number(m.dataset.start), end: Number(m.dataset.end), text: m.textContent, term: m.dataset.term })));
  const nativeSpans = native.keywords.flatMap((k) => k.hits.map((h) => ({ ...h.span, term: k.term })));
  assert.ok(marks.length >= 5, `only ${marks.length} marks for ${file}`);
  for (const m of marks) {
    assert.equal(m.text, text.slice(m.start, m.end));
  }
  for (const s of nativeSpans) {
    assert.ok(marks.some((m) => m.start < s.end && s.start < m.end), `native span not highlighted: ${JSON.stringify(s)}`);
  }
  const items = await page.$$eval(".checklist li", (lis) => lis.map((li) => [li.dataset.term, Number(li.dataset.count)]));
  assert.deepEqual(items, native.keywords.filter((k) => k.tier !== "overused").map((k) => [k.term, k.count]));
}

test("a corpus DOCX picked and a corpus PDF dropped: the native report's score, findings and highlights", async () => {
  const docx = pickFile(".docx");
  const pdf = pickFile(".pdf");
  const { page, log } = await openPage();

  await page.setInputFiles("#file", docx.file);
  await page.waitForSelector("#results[data-score]");
  await assertFileRendered(page, docx);
  await page.screenshot({ path: join(shots, "docx-picked.png"), fullPage: true });

  // Drop the PDF onto the drop zone, as a person drags it from the desktop.
  const dataTransfer = await page.evaluateHandle(({ bytes, name }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], name, { type: "application/pdf" }));
    return dt;
  }, { bytes: [...readFileSync(pdf.file)], name: basename(pdf.file) });
  await page.dispatchEvent("#drop", "dragover", { dataTransfer });
  assert.match(await page.getAttribute("#drop", "class"), /over/);
  await page.dispatchEvent("#drop", "drop", { dataTransfer });
  await page.waitForFunction((name) => document.querySelector("#file-info").textContent.includes(name), basename(pdf.file));
  await assertFileRendered(page, pdf);
  assert.doesNotMatch(await page.getAttribute("#drop", "class"), /over/);

  // Changing the role checks the same file again.
  const roles = await page.$$eval("#role option", (os) => os.map((o) => o.value));
  await page.selectOption("#role", roles[1]);
  await page.click("#check");
  await page.waitForFunction((title) => document.querySelector("#status").textContent.includes(title), basename(pdf.file));
  assert.equal(await page.textContent("#highlighted"), pdf.native.file.text);

  // Local only: nothing but the page's own files was requested.
  assert.deepEqual(log.requests.filter((u) => !u.startsWith(base)), []);
  assert.deepEqual(log.errors, []);
  await page.selectOption("#role", roles[0]);
  await page.click("#check");
  await page.waitForSelector("#results[data-score]");
  await page.screenshot({ path: join(shots, "pdf-dropped.png"), fullPage: true });
  await page.close();
});

test("a DOCX whose text holds HTML is shown as text and runs nothing", async () => {
  const { page, log } = await openPage();
  const lines = [
    "Jane <b>Doe</b> · jane@example.com · +1 555 0100",
    "<script>window.__pwned = 1; alert('script')</script>",
    "EXPERIENCE",
    "- Built <img src=x onerror=\"window.__pwned = 2; alert('img')\"> REST APIs in Go and SQL on AWS",
    "- <svg onload=\"window.__pwned = 3\"></svg> Docker and Kubernetes <iframe src=\"javascript:alert(4)\"></iframe>",
    "SKILLS",
    "SQL, Docker, <style>body{display:none}</style>Redis",
  ];
  await page.setInputFiles("#file", { name: "html.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: Buffer.from(docxOf(lines)) });
  await page.waitForSelector("#results[data-score]");
  const shown = await page.textContent("#highlighted");
  assert.ok(shown.includes("<script>window.__pwned = 1; alert('script')</script>"), shown);
  for (const m of await page.$$("#highlighted mark")) await m.hover();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(log.dialogs, []);
  const injected = await page.$$eval("main img, main script, main svg:not(#gauge svg), main iframe, main style, main a, main b",
    (els) => els.map((e) => e.outerHTML));
  assert.deepEqual(injected, []);
  assert.equal(await page.$$eval("script", (s) => s.length), 1);
  assert.deepEqual(log.requests.filter((u) => !u.startsWith(base) || u.endsWith("/x")), []);
  assert.deepEqual(log.errors, []);
  await page.screenshot({ path: join(shots, "html-docx.png"), fullPage: true });
  await page.close();
});

test("a file that cannot be read shows the core's message, by problem", async () => {
  const { page, log } = await openPage();
  await page.setInputFiles("#file", { name: "locked.docx", mimeType: "application/octet-stream", buffer: Buffer.from(cfb("EncryptedPackage")) });
  await page.waitForSelector("#error:not([hidden])");
  assert.equal(await page.getAttribute("#error", "data-problem"), "encrypted");
  assert.match(await page.textContent("#error"), /password/);
  assert.ok(await page.isHidden("#results"));
  await page.setInputFiles("#file", { name: "old.doc", mimeType: "application/msword", buffer: Buffer.from(cfb("WordDocument")) });
  await page.waitForFunction(() => document.querySelector("#error").dataset.problem === "unsupported");
  assert.match(await page.textContent("#error"), /\.docx/);
  // A text file still works, and fills the text box.
  await page.setInputFiles("#file", { name: "resume.txt", mimeType: "text/plain", buffer: Buffer.from("Jane Doe · jane@example.com\n\nSKILLS\nSQL, Go, Docker\n") });
  await page.waitForSelector("#results[data-score]");
  assert.ok(await page.isHidden("#error"));
  assert.match(await page.inputValue("#resume"), /SQL, Go, Docker/);
  assert.deepEqual(log.errors, []);
  await page.close();
});
