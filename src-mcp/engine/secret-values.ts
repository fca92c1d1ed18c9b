/**
 * Which values are secret: variables declared `secret: true`, and env values under keys that look
 * secret. They are redacted from logs by value (redact.ts) and remembered (secret-memory.ts).
 */
import type { EnvMapping, VariableSpec } from './types.js';

/**
 * Shorter values would wreck ordinary text: a secret "abc" would redact inside every word. Four
 * characters is the shortest a PIN gets; over-redacting a log is recoverable, a leak is not.
 */
export const MIN_SECRET_LENGTH = 4;

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
