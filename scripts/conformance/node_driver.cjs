// Conformance driver for the WASM Node build: one report JSON line per file.
//
//   node node_driver.cjs PKG_DIR OFFSETS FILE...
//
// OFFSETS is utf8, utf16 or code_point; files are read as UTF-8 (a BOM is kept).
"use strict";
const { readFileSync } = require("node:fs");

const [pkg, offsets, ...files] = process.argv.slice(2);
const atscore = require(pkg);
const analyzer = new atscore.Analyzer("backend-developer", { offsets });
if (analyzer.offsets !== offsets) {
  throw new Error(`analyzer offsets ${analyzer.offsets}, asked for ${offsets}`);
}
const lines = files.map((f) => {
  const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(readFileSync(f));
  return analyzer.analyzeJson(text);
});
process.stdout.write(lines.map((l) => l + "\n").join(""));
