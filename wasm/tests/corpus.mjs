// The shared corpus and the native reference, for the Node tests.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** `shared/corpus` beside the checkout, or `$ATSCORE_CORPUS`. */
export const corpus = process.env.ATSCORE_CORPUS ?? join(root, "..", "shared", "corpus");

/**
 * The files of every resume set's `folder` ("text" or "original") whose name
 * matches `pattern`, sorted; a missing corpus fails the test.
 */
export function corpusFiles(folder, pattern) {
  const resumes = join(corpus, "resumes");
  assert.ok(existsSync(resumes), `corpus not found at ${resumes} (set ATSCORE_CORPUS)`);
  const files = [];
  for (const set of readdirSync(resumes).sort()) {
    const dir = join(resumes, set, folder);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (pattern.test(f)) files.push(join(dir, f));
  }
  return files;
}

/** Native JSON lines, one per file, from the core library (release build of `examples/native_json.rs`). */
export function nativeJson(files, args = []) {
  const out = execFileSync(
    "cargo",
    ["run", "--quiet", "--release", "--manifest-path", join(root, "Cargo.toml"),
     "-p", "atscore-wasm", "--example", "native_json", "--", ...args, ...files],
    { maxBuffer: 1 << 30, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  return out.split("\n").filter((l) => l.length > 0);
}
