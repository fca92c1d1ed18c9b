/** Shared shapes of the engine. Every face imports these; none of them imports a platform. */

export interface VariableSpec {
  name: string;
  description?: string;
  default?: string;
  /** True unless the variable has a default or its front matter says `required: false`. */
  required: boolean;
  choices?: string[];
  /** Never remembered, never logged: its value is redacted from execution logs. */
  secret: boolean;
  /** Declared in front matter (false: only found as `{var.x}` in the body). */
  declared: boolean;
}

export interface Diagnostic {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  key?: string;
}

export interface RunbookSummary {
  /** Folder-relative path without extension, `/`-separated: `docs/redis/README`. */
  name: string;
  /** Folder-relative path with extension, `/`-separated: `docs/redis/README.md`. */
  path: string;
  title: string;
  description: string;
  tags: string[];
  variables: VariableSpec[];
  size: number;
  mtimeMs: number;
  /** Front matter problems and the like; the runbook stays usable. */
  problems: Diagnostic[];
  /** Front matter `prompt:`: true lists it as an MCP prompt in a large folder, false never. */
  prompt?: boolean;
  /** The runbooks its text includes with `{include[name]}`, as written, each once, in order. */
  includes?: string[];
  /** Front matter `tools:`: the only MCP tools a run of it may use (absent: no restriction). */
  tools?: string[];
  /** Front matter `schedule:` (daily, weekly, monthly or cron): `runbook due` and the tray remind. */
  schedule?: string;
  /** Front matter `template: true`: offered under "New from template" (as is a `templates/` folder). */
  template?: boolean;
}

export interface Runbook extends RunbookSummary {
  /** The whole file as on disk. */
  content: string;
  /** The text after the front matter: what gets rendered. */
  body: string;
  /** 1-based line in the file where `body` starts (for error positions). */
  bodyLine: number;
}

/**
 * One part of an env path: a literal key, a `{var.x}` that names the key, or a key built from text
 * and variables (`[{var.region}-primary]`, `[{var.env}_{var.role}]`), its pieces in order.
 */
export type EnvPathPart = { key: string } | { variable: string } | { parts: EnvKeyPiece[] };

/** A piece of a built key: literal text, or a variable whose value goes in its place. */
export type EnvKeyPiece = string | { variable: string };

export interface Placeholder {
  kind: 'var' | 'env' | 'include';
  /** The placeholder as written, braces included. */
  raw: string;
  /** Offsets into the text the placeholder was found in. */
  start: number;
  end: number;
  /** 1-based line and column of `start`. */
  line: number;
  column: number;
  /** For `var`: the variable name. */
  variable?: string;
  /** For `env`: the path, each part a literal key, a variable, or a key built from both. */
  path?: EnvPathPart[];
  /** For `include`: the included runbook's name as written (`common/preflight`). */
  include?: string;
}

export interface Unresolved {
  kind: 'var' | 'env' | 'not-scalar';
  /** `var.name`, or the env path as written after var substitution: `env[a][b]`. */
  key: string;
  line: number;
  column: number;
  /** Offsets of the marked text in the lenient output. */
  start: number;
  end: number;
  message: string;
  /** The included runbook's file, when the placeholder is in one (`line` is then in that file). */
  file?: string;
}

export interface LenientRender {
  /** Rendered text; unresolved placeholders are left as written, at `unresolved[i].start..end`. */
  text: string;
  unresolved: Unresolved[];
  diagnostics: Diagnostic[];
}

export type EnvMapping = Record<string, unknown>;

export interface SearchHit {
  name: string;
  title: string;
  tags: string[];
  score: number;
  /** A short excerpt around the best match; matched terms wrapped in `«` and `»`. */
  snippet: string;
  /** The query terms that matched (after prefix/fuzzy expansion, accent-folded). */
  terms: string[];
  /**
   * Other matching runbooks with identical title, description, tags and text (a copied folder):
   * shown once, here. `names` holds the first few; `count` all of them. Absent when none.
   */
  copies?: { count: number; names: string[] };
}

/** One page of search results. */
export interface SearchPage {
  hits: SearchHit[];
  /** How many results there are, each group of identical copies counted once (as hits are). */
  total: number;
  /** How many runbooks match, every copy counted. */
  matched: number;
  /** Results skipped before this page. */
  offset: number;
}

export interface LogEntry {
  /** File name of the log inside the runbook's log folder; stable id for reading it back. */
  id: string;
  runbook: string;
  /** ISO 8601 time the log was written. */
  createdAt: string;
  size: number;
}

export interface ChangeEvent {
  added: string[];
  changed: string[];
  removed: string[];
  /** True when a runbook appeared, disappeared, or its title/variables changed (prompt list changed). */
  listChanged: boolean;
  /** True when env.yaml or a profile file changed. */
  envChanged: boolean;
}

export interface Skip {
  path: string;
  /** `outside-folder`: a link whose real target lies outside the runbook folder (not followed). */
  reason: 'too-large' | 'binary' | 'unreadable' | 'symlink-loop' | 'outside-folder';
  detail?: string;
}
