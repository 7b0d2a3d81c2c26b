// The page's worker: every call into atscore runs here, so typing never
// waits for an analysis. It starts with the lean module (analysis and the
// role search, the page's first load) and loads the full one (job postings,
// PDF and DOCX reading) and the posting reader's data only when a posting is
// read or a file is opened, and the role library (role-library.tsv, ~1 MB
// gzipped) only when the role search is first focused. Both modules are
// built from the same core, so a report does not depend on which module
// made it. Nothing here fetches anything but the page's own files.
import initLean, * as lean from "./pkg/lean/atscore_wasm.js";

let api = null; // the module in use: lean, then full once it is loaded
/** The analyzers of one module by role JSON (compile once per role); a new
 * module starts a new cache. */
let analyzers = { mod: null, byRole: new Map() };
let full = null; // promise of the full module
let postingReader = null; // promise of the full module with its data loaded
let library = null; // promise of the role library's text (fetched once)

const ready = initLean().then(() => {
  api = lean;
});

/** The full module (loaded once). */
function loadFull() {
  full ??= (async () => {
    const mod = await import("./pkg/full/atscore_wasm.js");
    await mod.default();
    api = mod;
    return mod;
  })();
  return full;
}

async function fetchOk(path) {
  const res = await fetch(new URL(path, import.meta.url));
  if (!res.ok) throw new Error(`could not load ${path}: HTTP ${res.status}`);
  return res;
}

/** The full module with the posting reader's lexicon and tagger (loaded once). */
function loadPostingReader() {
  postingReader ??= (async () => {
    const [mod, lexicon, tagger, common, places] = await Promise.all([
      loadFull(),
      fetchOk("pkg/data/lexicon.tsv").then((r) => r.text()),
      fetchOk("pkg/data/tagger.bin").then((r) => r.arrayBuffer()),
      fetchOk("pkg/data/common-words.txt").then((r) => r.text()),
      fetchOk("pkg/data/places.txt").then((r) => r.text()),
    ]);
    mod.loadPostingData(lexicon, new Uint8Array(tagger), common, places);
    // The first posting read compiles the lexicon's matcher (~1 s in wasm):
    // do it now, while the person is still pasting, not after.
    mod.readPosting("Requirements: SQL and Python.");
    return mod;
  })();
  return postingReader;
}

/** The module in use with the role library loaded: fetched once, and given
 * to each module that needs it (the full one replaces the lean one when a
 * posting or a file is read, and has its own memory). */
async function withLibrary() {
  await ready;
  library ??= fetchOk("pkg/data/role-library.tsv")
    .then((r) => r.text())
    .catch((e) => {
      library = null; // fetch it again next time
      throw e;
    });
  const text = await library;
  const mod = api;
  if (!mod.roleLibraryLoaded()) {
    mod.loadRoleLibrary(text);
    // The first search reads the library's 3,844 roles: do it now, while
    // the person is still typing, not on their first key.
    mod.searchRoles("", 1);
  }
  return mod;
}

function analyzerFor(mod, role) {
  if (analyzers.mod !== mod) analyzers = { mod, byRole: new Map() };
  const key = typeof role === "string" ? role : JSON.stringify(role);
  let a = analyzers.byRole.get(key);
  if (!a) {
    a = new mod.Analyzer(role);
    analyzers.byRole.set(key, a);
  }
  return a;
}

/** Whether bytes are UTF-8 text: anything else (PDF, DOCX, an old .doc, an
 * image) is read, or refused with the reason, by the full module. */
function isText(bytes) {
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  if (head.startsWith("%PDF") || head.startsWith("PK")) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const handlers = {
  async init() {
    await ready;
    return { version: api.version(), roles: api.roles() };
  },
  /** Start loading what a posting, a file or the role search will need, before it is asked for. */
  async prepare({ what }) {
    await ready;
    await (what === "posting" ? loadPostingReader() : what === "roles" ? withLibrary() : loadFull());
    return {};
  },
  /** Built-in roles whose job titles match `query` (an empty one: the most common roles). */
  async searchRoles({ query, limit }) {
    const mod = await withLibrary();
    return mod.searchRoles(query, limit);
  },
  /** The checklist of a posting (text or a file's bytes): { role, warnings, error }. */
  async extract({ posting }) {
    const mod = await loadPostingReader();
    const t0 = performance.now();
    const read = mod.readPosting(posting);
    return { ...read, ms: performance.now() - t0 };
  },
  /** A report on a resume (text, or a file's bytes) against a role. */
  async analyze({ role, resume }) {
    await ready;
    let mod = api;
    if (typeof resume !== "string" && !isText(resume)) mod = await loadFull();
    // a role found by the search: the module must have the library too
    if (library) mod = await withLibrary();
    const t0 = performance.now();
    if (typeof resume === "string") {
      const report = analyzerFor(mod, role).analyze(resume);
      return { report, text: resume, ms: performance.now() - t0 };
    }
    const report = analyzerFor(mod, role).analyzeBytes(resume);
    // A PDF or DOCX: spans point into the extracted text. Text: into the
    // bytes as UTF-8 (BOM kept, as the module reads them).
    const text = report.file ? report.file.text : new TextDecoder("utf-8", { ignoreBOM: true }).decode(resume);
    return { report, text, ms: performance.now() - t0 };
  },
};

self.onmessage = async (ev) => {
  const { id, type, ...args } = ev.data;
  try {
    const result = await handlers[type](args);
    self.postMessage({ id, ok: true, result });
  } catch (e) {
    const error = e instanceof Error
      ? { message: e.message, name: e.name, problem: e.problem, internal: e instanceof WebAssembly.RuntimeError }
      : { message: String(e), name: "Error" };
    self.postMessage({ id, ok: false, error });
  }
};
