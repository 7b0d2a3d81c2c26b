
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
    };

/** A role in the role-file format (the same as the JSON and TOML role files). */
export interface RoleFile {
  name: string;
  title?: string;
  description?: string;
  sources?: string[];
  must_have?: RoleEntry[];
  bonus?: RoleEntry[];
  overused?: RoleEntry[];
}

/** A role: a built-in name (see `roles()`), a role object, or role JSON text. */
export type RoleInput = string | RoleFile;

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
  weights?: ScoreWeights;
}

/** A built-in role. */
export interface RoleSummary {
  name: string;
  title: string | null;
  description: string | null;
}

/** Half-open range of the analyzed text, in the report's `offsets` units. */
export interface Span {
  start: number;
  end: number;
}

export type Tier = "must_have" | "bonus" | "overused";
export type MatchKind = "exact" | "variant" | "alias" | "acronym" | "fuzzy";
export type Variant = "case" | "inflection" | "spelling";
export type KeywordStatus = "in_context" | "list_only" | "typo" | "missing" | "present" | "absent";
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
  hits: KeywordHit[];
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
}
