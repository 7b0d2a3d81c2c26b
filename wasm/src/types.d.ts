
/** Units of span offsets: UTF-8 bytes, UTF-16 code units (JS string indexes, the default), or code points. */
export type OffsetEncoding = "utf8" | "utf16" | "code_point";

/** One keyword of a role file: a term (with notation such as `Cloud Computing (AWS/Azure/GCP)`) or a table. */
export type RoleEntry =
  | string
  | {
      term: string;
      aliases?: string[];
      acronym?: string;
      any_of?: string[];
      weight?: number;
      case_sensitive?: boolean;
      ambiguous?: boolean;
      suggestion?: string;
      lexicon?: boolean;
      /** A soft skill (roles from a job posting). */
      soft?: boolean;
      /** Where a keyword from a job posting came from (1-based line) and why it got its tier. */
      evidence?: { line: number; text: string; reason: string };
    };

/** Education levels, lowest first. */
export type EducationLevel = "high_school" | "associate" | "bachelor" | "master" | "doctorate";

/** A job posting's requirements beyond keywords, each with the posting line it was read from. */
export interface Requirements {
  years?: { min: number; evidence: string };
  skill_years?: { skill: string; min: number; evidence: string }[];
  education?: { level: EducationLevel; fields?: string[]; preferred?: EducationLevel; equivalent_experience?: boolean; /** false where the posting only prefers a degree (absent: required) */ required?: boolean; evidence: string };
  certifications?: { name: string; required: boolean; /** its other names a resume may write ("CPA") */ aliases?: string[]; /** other certifications accepted instead ("CPA or CGFM") */ alternatives?: string[]; evidence: string }[];
  languages?: { value: string; evidence: string }[];
  travel?: { value: string; evidence: string };
  clearance?: { value: string; evidence: string };
}

/** A role in the role-file format (the same as the JSON and TOML role files). */
export interface RoleFile {
  name: string;
  title?: string;
  description?: string;
  sources?: string[];
  must_have?: RoleEntry[];
  bonus?: RoleEntry[];
  overused?: RoleEntry[];
  /** Requirements of a role extracted from a job posting. */
  requirements?: Requirements;
}

/** A job posting: its text (HTML is read as text), or the bytes of a PDF, DOCX or text file. */
export type PostingInput = string | Uint8Array | ArrayBuffer;

/**
 * A role: a built-in name (see `roles()`; with the role library loaded, a library role's name such as
 * "registered-nurses", or a job title that names one role, such as "registered nurse"), a role object,
 * role JSON text, or `{ jd }`: the role a job posting asks for (as `extract(jd)`).
 */
export type RoleInput = string | RoleFile | { jd: PostingInput };

/** What `readPosting` gives: the role (null when none can be made, `error` says why) and the reader's warnings. */
export interface PostingRead {
  role: RoleFile | null;
  warnings: string[];
  error: string | null;
}

/** Score weights: the most points each component gives or takes. */
export interface ScoreWeights {
  must_have?: number;
  bonus?: number;
  context?: number;
  quantified?: number;
  acronyms?: number;
  structure?: number;
  overused_each?: number;
  vague_each?: number;
  overused_max?: number;
  stuffing_each?: number;
  stuffing_max?: number;
  quantified_target?: number;
  /** Recruiter checks (roles from a job posting): penalties for a missing job title, too few years, a lower degree, each missing required certification, and their most in total. */
  recruiter_title?: number;
  recruiter_years?: number;
  recruiter_education?: number;
  recruiter_certification?: number;
  recruiter_max?: number;
}

/** Limits of reading PDF and DOCX files; going over one throws an `AtscoreFileError` with `problem: "limit"`. */
export interface FileOptions {
  /** Largest file, in bytes (default 32 MiB); checked before the bytes are copied into wasm memory. */
  max_file_bytes?: number;
  /** Most pages of a PDF (default 50). */
  max_pages?: number;
  /** Most bytes unpacked from a file's compressed parts, all together (default 128 MiB): what stops a zip bomb. */
  max_unpacked_bytes?: number;
  /** Most text drawing operations run in a PDF (default 5,000,000). */
  max_operations?: number;
}

/** Options: the core's options (unknown names are errors) plus `offsets`. */
export interface AnalyzerOptions {
  /** Units of the report's spans; default "utf16", so `text.slice(span.start, span.end)` is the hit. */
  offsets?: OffsetEncoding;
  fuzzy?: boolean;
  fuzzy_min_len?: number;
  max_input_bytes?: number;
  stuffing_min_count?: number;
  stuffing_density?: number;
  vague_phrases?: boolean;
  max_suggestions?: number;
  weights?: ScoreWeights;
  /** Limits of reading files (`analyzeBytes`). */
  file?: FileOptions;
}

/** What a file is: told by its content, or given to `analyzeBytes` to insist. */
export type FileKind = "pdf" | "docx" | "text";

/**
 * The error thrown for a file that cannot be read (every other error is an
 * `Error` named `AtscoreError`). `message` is core's, for people; `problem`
 * is for code.
 */
export interface AtscoreFileError extends Error {
  name: "AtscoreFileError";
  /**
   * `unsupported`: not a PDF, DOCX or UTF-8 text (an old .doc, an image, a ZIP without a Word document);
   * `corrupt`: damaged or truncated; `encrypted`: password-protected; `limit`: over a `file` option.
   */
  problem: "unsupported" | "corrupt" | "encrypted" | "limit";
  /** What the file is, as far as its bytes tell: "PDF", "DOCX", "DOC", "RTF", "image", "binary" (not for `limit`). */
  kind?: string;
  /** Why it cannot be read (not for `encrypted` and `limit`). */
  reason?: string;
  /** For `limit`: what was counted, how much there is (at least), the limit, and the `file` option that sets it, e.g. "max_pages". */
  what?: string;
  value?: number;
  limit?: number;
  option?: string;
}

/** A built-in role. */
export interface RoleSummary {
  name: string;
  title: string | null;
  description: string | null;
}

/** Where a role of the role library comes from: one of the seven hand-kept roles, an O*NET occupation or an ESCO occupation. */
export type RoleSource = "hand-kept" | "onet" | "esco";

/** A role found by `searchRoles` (the JSON of `atscore roles --search`). */
export interface RoleHit {
  /** The role's name: pass it as a role (`analyze(resume, hit.name)`). */
  name: string;
  title: string;
  source: RoleSource;
  /** The occupation's code: O*NET-SOC (`29-1141.00`) or the ESCO identifier; empty for a hand-kept role without one. */
  code: string;
  /** The title the search matched, when it is not `title` (an alternate title: "RN" for Registered Nurses). */
  matched?: string;
  /** How well it matches the search, 0 to 1 (1: a title written as asked; 0 for the common roles of an empty search). */
  score: number;
}

/** A role a resume fits, from `suggestRoles`. */
export interface RoleFit {
  name: string;
  title: string;
  source: RoleSource;
  /** How well the resume fits it (the rarity-weighted share of the role's keywords it has); only for ordering. */
  fit: number;
  /** The role's keywords the resume has, must-haves first. */
  found: string[];
  /** The role's job title the resume names, or names by its field ("data scientist" for "Data Science"), as the search reads its words ("business analyst"), if any. */
  named?: string;
}

/** Half-open range of the analyzed text, in the report's `offsets` units. */
export interface Span {
  start: number;
  end: number;
}

export type Tier = "must_have" | "bonus" | "overused";
export type MatchKind = "exact" | "variant" | "alias" | "acronym" | "fuzzy" | "related";
export type Variant = "case" | "inflection" | "spelling" | "derivation";
export type KeywordStatus = "in_context" | "list_only" | "typo" | "related" | "missing" | "present" | "absent";
export type FlagKind =
  | "overused"
  | "vague"
  | "weak_verb"
  | "typo"
  | "stuffing"
  | "acronym_only"
  | "not_exact"
  | "list_only"
  | "unquantified"
  | "structure";
export type Section =
  | "header"
  | "summary"
  | "experience"
  | "skills"
  | "education"
  | "projects"
  | "certifications"
  | "awards"
  | "publications"
  | "languages"
  | "volunteering"
  | "interests"
  | "personal"
  | "references"
  | "other";

export interface KeywordHit {
  span: Span;
  /** 1-based line. */
  line: number;
  /** The text as written in the resume. */
  text: string;
  kind: MatchKind;
  variant?: Variant;
  /** The form of the keyword that matched. */
  form: string;
  /** For keywords with alternatives: which one. */
  via?: string;
  section: Section;
  /** Used in an experience, project or summary sentence, not only listed. */
  in_context: boolean;
}

export interface KeywordResult {
  term: string;
  tier: Tier;
  weight: number;
  found: boolean;
  status: KeywordStatus;
  count: number;
  points: number;
  /** Where it was found, in text order: the first 1,000, then only a place of a kind not listed yet (`count` counts them all). */
  hits: KeywordHit[];
  /** For an "any one of" requirement of a job posting: its members (the hit's `via` says which was found). */
  one_of?: string[];
}

/** A recruiter check of a resume against a job posting's requirements. */
export interface RecruiterCheck {
  id: "title" | "years" | "education" | "certification";
  wanted: string;
  status: "met" | "missing" | "unknown";
  found?: string | null;
  /** 0, or a penalty (negative). */
  points: number;
  message: string;
}

export interface Flag {
  kind: FlagKind;
  span?: Span;
  line?: number;
  text: string;
  message: string;
  suggestion: string;
}

export interface ScoreItem {
  id: string;
  label: string;
  points: number;
  max_points: number;
  detail: string;
}

export type SuggestionKind =
  | "fix_typo"
  | "use_in_context"
  | "write_both"
  | "use_exact_wording"
  | "replace_phrase"
  | "reduce_repetition"
  | "quantify"
  | "add_section"
  | "add_keyword";

export interface Suggestion {
  /** What it asks for; among equal impacts the surer fixes come first. */
  kind: SuggestionKind;
  impact: number;
  message: string;
  keyword?: string;
  line?: number;
}

export interface TierSummary {
  total: number;
  found: number;
  in_context: number;
}

export type Severity = "problem" | "warning" | "info";
export type FindingKind =
  | "no_text"
  | "garbled_text"
  | "contact_outside_body"
  | "missing_contact"
  | "little_text"
  | "multi_column"
  | "text_boxes"
  | "headers_footers"
  | "tables"
  | "non_standard_headings"
  | "inconsistent_dates"
  | "unusual_length";

/** Whether an ATS can read the resume: one finding (not part of the score). */
export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** What was found, in plain language. */
  message: string;
  /** What to do. */
  fix: string;
  /** Where in the text (may be empty). */
  spans: Span[];
  /** 1-based pages it concerns (PDF only; may be empty). */
  pages: number[];
}

/** Where a piece of extracted text came from. */
export type Origin = "body" | "table" | "text_box" | "header" | "footer";

/** Text from somewhere other than the body, which an ATS may skip. */
export interface Region {
  span: Span;
  origin: Origin;
  /** 1-based page, for PDFs. */
  page?: number;
}

/** One page of a PDF. */
export interface PageInfo {
  number: number;
  /** Where its text is in `file.text`. */
  span: Span;
  /** Characters other than white space. */
  chars: number;
  /** Columns of text side by side (0 when the page has no text). */
  columns: number;
  images: number;
}

/** The text read from a PDF or DOCX, and where it came from. */
export interface FileInfo {
  kind: FileKind;
  /** The extracted text: every span of the report points into it. */
  text: string;
  /** One per PDF page; none for a DOCX. */
  pages: PageInfo[];
  /** The PDF's pages, or the count Word saved in a DOCX (null when none). */
  page_count: number | null;
  /** Most columns side by side anywhere (1 for one column, 0 without text). */
  columns: number;
  /** Text from tables, text boxes, headers and footers, in text order. */
  regions: Region[];
  images: number;
}

export interface Report {
  schema_version: number;
  offsets: OffsetEncoding;
  role: { name: string; title?: string };
  /** 0 to 100. */
  score: number;
  score_breakdown: ScoreItem[];
  must_have: TierSummary;
  bonus: TierSummary;
  overused: TierSummary;
  keywords: KeywordResult[];
  flags: Flag[];
  achievements: { total: number; quantified: number; unquantified_lines: number[] };
  document: {
    word_count: number;
    line_count: number;
    sections: { section: Section; heading: string; line: number }[];
    contact: { email: Span | null; phone: Span | null; links: Span[] };
  };
  suggestions: Suggestion[];
  /** What an ATS may miss (layout, headings, contact details, dates, length, fonts), problems first. Not part of the score. */
  readability: Finding[];
  /** Recruiter checks against a job posting (title, years, education, certifications); absent for other roles. */
  recruiter?: RecruiterCheck[];
  /** For a PDF or DOCX given to `analyzeBytes`: the extraction (absent for text). */
  file?: FileInfo;
}
