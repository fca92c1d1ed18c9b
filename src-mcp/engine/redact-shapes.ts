/**
 * Credential shapes for log redaction, one regex each. Every pattern anchors its start on a token
 * boundary and has no nested quantifiers, so each character is scanned a bounded number of times
 * (linear on hostile input). Shapes that need the line around them live in redact-lines.ts.
 */

export const REDACTED = '[REDACTED]';

export interface ShapeRule {
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

const whole = (): string => REDACTED;

/** Values that name a secret without being one: shell variables, templates, placeholders, masks. */
export function isPlaceholder(value: string): boolean {
  return (
    value.includes(REDACTED) ||
    /^\$[A-Za-z_{(]/.test(value) ||
    /^[{<]/.test(value) ||
    /^\[[A-Z_ -]+\]$/.test(value) ||
    // A mask: `****`, `xxxx`, `••••` (U+2022 written as an escape: the bundles stay ASCII).
    /^[*xX.#\u2022-]+$/.test(value) ||
    // A YAML block scalar indicator: the value is on the next lines (redact-lines.ts).
    /^[|>][-+1-9]{0,2}$/.test(value) ||
    /^(?:true|false|null|none|nil|~)$/i.test(value) ||
    /^(?:redacted|filtered|scrubbed|masked|hidden)$/i.test(value)
  );
}

/** Keeps the prefix (key, header, scheme) and the value's quotes; redacts what is inside. */
export function keepPrefix(match: string, prefix: string, value: string): string {
  const quote = value[0] === '"' || value[0] === "'" ? value[0] : '';
  const closed = quote !== '' && value.length >= 2 && value.endsWith(quote);
  const inner = value.slice(quote.length, closed ? -1 : undefined);
  if (isPlaceholder(inner)) return match;
  return `${prefix}${quote}${REDACTED}${closed ? quote : ''}`;
}

/**
 * `password = a b c`, `token: two words # comment`: a key at the start of a line with a spaced
 * separator holds the rest of the line (INI, YAML, headers). A trailing ` # comment` stays.
 * Captured greedily and trimmed here: a lazy match with an end-of-line lookahead is quadratic on a
 * long run of spaces.
 */
function keepPrefixToLineEnd(match: string, prefix: string, rest: string): string {
  const comment = rest.search(/[ \t]#/);
  const body = comment < 0 ? rest : rest.slice(0, comment);
  const value = body.trimEnd();
  if (value === '' || isPlaceholder(value)) return match;
  return `${prefix}${REDACTED}${rest.slice(value.length)}`;
}

export const KEY_WORDS =
  'password|passwd|passphrase|token|secret|api[_-]?key|access[_-]?key|secret[_-]?key|private[_-]?key|client[_-]?secret';
const QUOTED_VALUE = `"[^"\\n]{1,512}"|'[^'\\n]{1,512}'`;

export const SHAPE_RULES: readonly ShapeRule[] = [
  {
    // `Authorization: Bearer …`: keep the header and the scheme.
    pattern:
      /(authorization["']?[ \t]*[:=][ \t]*["']?(?:bearer|basic|token|digest|negotiate|ntlm|apikey)[ \t]+)([^\s"'`,]+)/gi,
    replace: keepPrefix,
  },
  {
    // `Cookie: sid=…; theme=dark`, `Set-Cookie: sid=…; Path=/`: every pair may be a session, so the
    // whole header value goes. It must hold a `name=` so prose ("the cookie: it expires") stays.
    pattern: /(?<![\w-])((?:set-)?cookie["']?[ \t]*:[ \t]*["']?)([^\s=;"'`]+=[^\n"'`]*)/gi,
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
  // Vault service, batch and recovery tokens (`hvs.`, `hvb.`, `hvr.`), and the older `s.` + 24.
  { pattern: /(?<![\w.-])(?:hv[sbr]\.[\w-]{20,}|s\.[A-Za-z0-9]{24}(?![\w.-]))/g, replace: whole },
  {
    // OpenAI and Anthropic keys: `sk-…`, `sk-proj-…`, `sk-ant-api03-…`. Random keys hold a digit;
    // a kebab-case name that happens to start with `sk-` does not, so it stays.
    pattern: /(?<![\w-])sk-(?=[A-Za-z_-]*\d)[\w-]{20,}/g,
    replace: whole,
  },
  {
    // `password = a b c` at the start of a line: the value runs to the end of the line.
    pattern: new RegExp(
      `^([ \\t]*(?:- |export[ \\t]+)?[\\w.-]*?(?:${KEY_WORDS})["']?(?:[ \\t]*:[ \\t]+|[ \\t]+=[ \\t]*|=[ \\t]+))([^\\s"'\`#][^\\n]*)`,
      'gim',
    ),
    replace: keepPrefixToLineEnd,
  },
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
    // `mysql --password hunter2`, `vault login --token s.abc`, `curl --cookie sid=…`: flags with a
    // separate value.
    pattern: new RegExp(
      `(?<![\\w-])(--?[\\w-]*?(?:password|passwd|passphrase|token|api-?key|client-secret|cookie)[ \\t]+)(${QUOTED_VALUE}|[^\\s"'\`&,<>|;-][^\\s"'\`&,]*)`,
      'gi',
    ),
    replace: keepPrefix,
  },
];
