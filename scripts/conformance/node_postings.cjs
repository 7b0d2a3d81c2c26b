// Conformance driver for the WASM Node build: the role each job posting asks
// for, roleFromJobDescriptionJson(text), one file per posting in OUT_DIR
// (N.json), or "error" when the posting is refused.
//
//   node node_postings.cjs PKG_DIR OUT_DIR POSTING...
"use strict";
const fs = require("fs");
const path = require("path");

const [pkg, out, ...files] = process.argv.slice(2);
const atscore = require(path.resolve(pkg, "node", "atscore_wasm.js"));
// the module does not embed the posting reader's data: build.sh puts it in pkg/data
atscore.loadPostingData(
  fs.readFileSync(path.resolve(pkg, "data", "lexicon.tsv"), "utf-8"),
  fs.readFileSync(path.resolve(pkg, "data", "tagger.bin")),
  fs.readFileSync(path.resolve(pkg, "data", "common-words.txt"), "utf-8"),
  fs.readFileSync(path.resolve(pkg, "data", "places.txt"), "utf-8"),
);
files.forEach((file, i) => {
  // a BOM stays, as the library, the CLI and Python read the bytes
  const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(fs.readFileSync(file));
  let json;
  try {
    json = atscore.roleFromJobDescriptionJson(text);
  } catch (e) {
    json = "error";
  }
  fs.writeFileSync(path.join(out, `${i}.json`), json.trimEnd());
});
