// Conformance driver for the WASM Node build: one report JSON line per file.
//
//   node node_driver.cjs PKG_DIR OFFSETS MODE FILE...
//
// OFFSETS is utf8, utf16 or code_point. MODE "text": files are read as UTF-8
// (a BOM is kept) and given to `analyzeJson`; MODE "files": their bytes are
// given to `analyzeBytesJson` (PDF, DOCX or text, told by content).
"use strict";
const { readFileSync } = require("node:fs");

const [pkg, offsets, mode, ...files] = process.argv.slice(2);
if (mode !== "text" && mode !== "files") throw new Error(`mode must be text or files, not ${mode}`);
const atscore = require(pkg);
const analyzer = new atscore.Analyzer("backend-developer", { offsets });
if (analyzer.offsets !== offsets) {
  throw new Error(`analyzer offsets ${analyzer.offsets}, asked for ${offsets}`);
}
const lines = files.map((f) => {
  if (mode === "files") return analyzer.analyzeBytesJson(readFileSync(f));
  const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(readFileSync(f));
  return analyzer.analyzeJson(text);
});
process.stdout.write(lines.map((l) => l + "\n").join(""));
