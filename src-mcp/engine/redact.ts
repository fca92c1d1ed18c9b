/**
 * Secret redaction for execution logs: the known secret values of a render, then common credential
 * shapes as a second line of defence. Every pattern anchors its start on a token boundary and has no
 * nested quantifiers, so each character is scanned a bounded number of times (linear on hostile input).
 */
import type { EnvMapping, VariableSpec } from './types.js';

export const REDACTED = '[REDACTED]';

/** Shorter values would wreck ordinary text ("abc" inside every word). */
const MIN_SECRET_LENGTH = 4;

export function redact(text: string, secretValues: readonly string[]): string {
  if (text === '') return text;
  let out = redactValues(text, secretValues);
  out = redactPrivateKeyBlocks(out);
  for (const rule of SHAPE_RULES) out = out.replace(rule.pattern, rule.replace);
  return out;
}

/**
 * Values of env keys that look secret, at any depth. A secret key marks its whole subtree, except
 * keys that describe rather than hold a secret (`url`, `username`, `secret_name`).
 */
export function secretEnvValues(env: EnvMapping): string[] {
  const found = new Set<string>();
  collectEnvSecrets(env, false, found);
  return [...found];
}

/** Values of variables whose spec says `secret: true`. */
export function secretVarValues(
  vars: Record<string, string>,
  specs: readonly VariableSpec[],
): string[] {
  const found = new Set<string>();
  for (const spec of specs) {
    const value = vars[spec.name];
    if (spec.secret && value !== undefined && value !== '') found.add(value);
  }
  return [...found];
}

function redactValues(text: string, values: readonly string[]): string {
  const variants = new Set<string>();
  for (const value of values) {
    if (value.length < MIN_SECRET_LENGTH) continue;
    // Logs often show a secret the way a tool printed it: URL-encoded, or base64 in `kubectl get secret`.
    variants.add(value);
    variants.add(encodeURIComponent(value));
    variants.add(Buffer.from(value, 'utf8').toString('base64'));
  }
  if (variants.size === 0) return text;
  // One alternation, longest first, so a value inside a longer one never leaves a fragment behind
  // and a later value never matches inside an earlier `[REDACTED]`.
  const sorted = [...variants].sort((a, b) => b.length - a.length);
  return text.replace(new RegExp(sorted.map(escapeRegExp).join('|'), 'g'), REDACTED);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function collectEnvSecrets(value: unknown, underSecret: boolean, found: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectEnvSecrets(item, underSecret, found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      // Under `auth:`, `password` is secret but `url` and `username` still are not.
      const words = keyWords(key);
      const secret = !isDescriptor(words) && (underSecret || isSecretKey(words));
      collectEnvSecrets(child, secret, found);
    }
  } else if (underSecret && (typeof value === 'string' || typeof value === 'number')) {
    const text = String(value);
    if (text.length >= MIN_SECRET_LENGTH) found.add(text);
  }
}

const SECRET_WORDS = wordSet(`
  token password passwords passwd pwd pass passphrase secret secrets apikey privatekey accesskey
  secretkey credential credentials auth session cookie cookies`);
/** Glued words: `PGPASSWORD`, `authtoken`, `xapikey`. */
const SECRET_SUFFIXES = ['password', 'passwd', 'passphrase', 'token', 'secret', 'apikey'];
const SECRET_PAIRS = new Set([
  'api key',
  'private key',
  'access key',
  'secret key',
  'client secret',
]);
/** A last word that says the value describes a secret rather than being one: `secret_name`, `token_url`. */
const DESCRIPTOR_WORDS = wordSet(`
  name names url uri endpoint file path dir ref id type method mode ttl timeout expiry expires
  length header enabled required version host port user username region namespace`);

function wordSet(list: string): Set<string> {
  return new Set(list.trim().split(/\s+/));
}

/** `dbPassword`, `DB_PASSWORD`, `api-key`, `client.secret`: lowercase words. */
function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

function isDescriptor(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  return last !== undefined && DESCRIPTOR_WORDS.has(last);
}

function isSecretKey(words: readonly string[]): boolean {
  return words.some(
    (word, i) =>
      SECRET_WORDS.has(word) ||
      SECRET_SUFFIXES.some((suffix) => word.endsWith(suffix)) ||
      (i > 0 && SECRET_PAIRS.has(`${words[i - 1] ?? ''} ${word}`)),
  );
}

interface ShapeRule {
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const whole = (): string => REDACTED;

/** Values that name a secret without being one: shell variables, templates, placeholders, masks. */
function isPlaceholder(value: string): boolean {
  return (
    value.includes(REDACTED) ||
    /^\$[A-Za-z_{(]/.test(value) ||
    /^[{<]/.test(value) ||
    /^\[[A-Z_ -]+\]$/.test(value) ||
    /^[*xX.#•-]+$/.test(value) ||
    /^(?:true|false|null|none|nil|~)$/i.test(value) ||
    /^(?:redacted|filtered|scrubbed|masked|hidden)$/i.test(value)
  );
}

/** Keeps the prefix (key, header, scheme) and the value's quotes; redacts what is inside. */
function keepPrefix(match: string, prefix: string, value: string): string {
  const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
  const closed = quote !== '' && value.length >= 2 && value.endsWith(quote);
  const inner = value.slice(quote.length, closed ? -1 : undefined);
  if (isPlaceholder(inner)) return match;
  return `${prefix}${quote}${REDACTED}${closed ? quote : ''}`;
}

const KEY_WORDS =
  'password|passwd|passphrase|token|secret|api[_-]?key|access[_-]?key|secret[_-]?key|private[_-]?key|client[_-]?secret';
const QUOTED_VALUE = `"[^"\\n]{1,512}"|'[^'\\n]{1,512}'`;

const SHAPE_RULES: readonly ShapeRule[] = [
  {
    // `Authorization: Bearer …`: keep the header and the scheme.
    pattern:
      /(authorization["']?[ \t]*[:=][ \t]*["']?(?:bearer|basic|token|digest|negotiate|ntlm|apikey)[ \t]+)([^\s"'`,]+)/gi,
    replace: keepPrefix,
  },
  {
    // `scheme://user:password@host`: only the password goes.
    pattern: /(?<![\w+.-])([a-z][\w+.-]*:\/\/[^\s/:@"'`<>]*:)([^\s/@"'`<>]+)(?=@)/gi,
    replace: keepPrefix,
  },
  {
    pattern: /(https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/)([\w/-]+)/g,
    replace: keepPrefix,
  },
  { pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, replace: whole },
  {
    pattern: /(?<![\w-])(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/g,
    replace: whole,
  },
  {
    pattern:
      /(?<![\w-])(?:gl(?:pat|dt|rt|ptt|cbt|imt|soat|ft|oas|agent)-[\w-]{20,}|GR1348941[\w-]{20,})/g,
    replace: whole,
  },
  { pattern: /(?<![\w-])(?:xox[abpr]|xapp)-[A-Za-z0-9-]{10,}/g, replace: whole },
  { pattern: /(?<![\w-])eyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g, replace: whole },
  { pattern: /(?<![\w-])AIza[\w-]{35}/g, replace: whole },
  { pattern: /(?<![\w-])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}/g, replace: whole },
  { pattern: /(?<![\w-])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g, replace: whole },
  {
    // `DB_PASSWORD=…`, `"token": "…"`, `?api_key=…`: the key must END with a secret word, so
    // `password_file=` and `secretName:` stay; `[ \t]` keeps YAML's `secret:` + next line apart.
    pattern: new RegExp(
      `(?<![\\w.-])([\\w.-]*?(?:${KEY_WORDS})["']?[ \\t]*(?::=|[:=](?!=))[ \\t]*)(${QUOTED_VALUE}|["']?[^\\s"'\`&,]+)`,
      'gi',
    ),
    replace: keepPrefix,
  },
  {
    // `mysql --password hunter2`, `vault login --token s.abc`: flags with a separate value.
    pattern: new RegExp(
      `(?<![\\w-])(--?[\\w-]*?(?:password|passwd|passphrase|token|api-?key|client-secret)[ \\t]+)(${QUOTED_VALUE}|[^\\s"'\`&,<>|;-][^\\s"'\`&,]*)`,
      'gi',
    ),
    replace: keepPrefix,
  },
];

const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const PEM_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/y;
/** A line this long is key material, not a prose mention of the BEGIN line. */
const MIN_KEY_LINE = 40;

/**
 * Whole PEM private key blocks. Scanned by hand, not with a lazy `[\s\S]*?`, which goes quadratic
 * on many BEGIN lines without an END. A block cut off before its END still goes if it holds key material.
 */
function redactPrivateKeyBlocks(text: string): string {
  let out = '';
  let copied = 0;
  PEM_BEGIN.lastIndex = 0;
  for (let begin = PEM_BEGIN.exec(text); begin; begin = PEM_BEGIN.exec(text)) {
    const afterBegin = PEM_BEGIN.lastIndex;
    PEM_END.lastIndex = scanKeyBody(text, afterBegin);
    const end = PEM_END.exec(text) ? PEM_END.lastIndex : truncatedKeyEnd(text, afterBegin);
    if (end < 0) continue;
    out += text.slice(copied, begin.index) + REDACTED;
    copied = end;
    PEM_BEGIN.lastIndex = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Base64 lines, `\n` escapes (keys inside JSON), and `Proc-Type: 4,ENCRYPTED`-style headers. */
function scanKeyBody(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (!/[A-Za-z0-9+/=\s\\:,.]/.test(c) && !(c === '-' && text[i + 1] !== '-')) break;
    i++;
  }
  return i;
}

/** The end of the base64 lines after a BEGIN with no END, or -1 when none looks like key material. */
function truncatedKeyEnd(text: string, afterBegin: number): number {
  let end = -1;
  let pos = text.indexOf('\n', afterBegin);
  let sawKeyLine = false;
  while (pos >= 0 && pos < text.length) {
    const next = text.indexOf('\n', pos + 1);
    const lineEnd = next < 0 ? text.length : next;
    const line = text.slice(pos + 1, lineEnd).trim();
    const header = /^[A-Za-z-]+: /.test(line) || (line === '' && !sawKeyLine);
    if (!header && !/^[A-Za-z0-9+/=]+$/.test(line)) break;
    if (line.length >= MIN_KEY_LINE && !header) sawKeyLine = true;
    if (!header) end = lineEnd;
    pos = next;
  }
  return sawKeyLine ? end : -1;
}
