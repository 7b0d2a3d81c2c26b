// The page's worker: every call into atscore runs here, so typing never
// waits for an analysis. It starts with the lean module (analysis only, the
// page's first load) and loads the full one (job postings, PDF and DOCX
// reading) and the posting reader's data only when a posting is read or a
// file is opened. Both are built from the same core, so a report does not
// depend on which module made it. Nothing here fetches anything but the
// page's own files.
import initLean, * as lean from "./pkg/lean/atscore_wasm.js";

let api = null; // the module in use: lean, then full once it is loaded
const analyzers = new Map(); // role JSON -> Analyzer (compile once per role)
let full = null; // promise of the full module
let postingReader = null; // promise of the full module with its data loaded

const ready = initLean().then(() => {
  api = lean;
});

/** The full module (loaded once). */
function loadFull() {
  full ??= (async () => {
    const mod = await import("./pkg/full/atscore_wasm.js");
    await mod.default();
    api = mod;
    analyzers.clear();
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

function analyzerFor(role) {
  const key = typeof role === "string" ? role : JSON.stringify(role);
  let a = analyzers.get(key);
  if (!a) {
    a = new api.Analyzer(role);
    analyzers.set(key, a);
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
  /** Start loading what a posting or a file will need, before it is asked for. */
  async prepare({ what }) {
    await ready;
    await (what === "posting" ? loadPostingReader() : loadFull());
    return {};
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
    const t0 = performance.now();
    if (typeof resume === "string") {
      const report = analyzerFor(role).analyze(resume);
      return { report, text: resume, ms: performance.now() - t0 };
    }
    if (!isText(resume)) await loadFull();
    const report = analyzerFor(role).analyzeBytes(resume);
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
