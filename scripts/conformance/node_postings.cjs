// Conformance driver for the WASM Node build: the role each job posting file
// asks for, extractJson(bytes), one file per posting in OUT_DIR (N.json), or
// "error" when the posting is refused.
//
//   node node_postings.cjs PKG_DIR OUT_DIR POSTING...
//
// With --reports, the report (UTF-16 offsets) of each RESUME file against the
// POSTING file after it, new Analyzer({ jd: bytes }).analyzeBytesJson(resume):
// N.json per pair.
//
//   node node_postings.cjs --reports PKG_DIR OUT_DIR RESUME POSTING [RESUME POSTING]...
"use strict";
const fs = require("fs");
const path = require("path");

let args = process.argv.slice(2);
const reports = args[0] === "--reports";
if (reports) args = args.slice(1);
const [pkg, out, ...files] = args;
const atscore = require(path.resolve(pkg, "node", "atscore_wasm.js"));
// the module does not embed the posting reader's data: build.sh puts it in pkg/data
atscore.loadPostingData(
  fs.readFileSync(path.resolve(pkg, "data", "lexicon.tsv"), "utf-8"),
  fs.readFileSync(path.resolve(pkg, "data", "tagger.bin")),
  fs.readFileSync(path.resolve(pkg, "data", "common-words.txt"), "utf-8"),
  fs.readFileSync(path.resolve(pkg, "data", "places.txt"), "utf-8"),
);
const bytes = (f) => new Uint8Array(fs.readFileSync(f));
if (!reports) {
  files.forEach((file, i) => {
    let json;
    try {
      json = atscore.extractJson(bytes(file));
    } catch (e) {
      json = "error";
    }
    fs.writeFileSync(path.join(out, `${i}.json`), json.trimEnd());
  });
} else {
  for (let i = 0; i < files.length; i += 2) {
    let json;
    try {
      json = new atscore.Analyzer({ jd: bytes(files[i + 1]) }).analyzeBytesJson(bytes(files[i]));
    } catch (e) {
      json = "error";
    }
    fs.writeFileSync(path.join(out, `${i / 2}.json`), json.trimEnd());
  }
}
