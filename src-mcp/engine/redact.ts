/**
 * Secret redaction for execution logs: the known secret values of a render, then common credential
 * shapes as a second line of defence (redact-shapes.ts, redact-lines.ts, redact-pem.ts). Every
 * pattern is linear on hostile input.
 */
import { redactCommandFlags, redactYamlNextLineValues } from './redact-lines.js';
import { redactPrivateKeyBlocks } from './redact-pem.js';
import { REDACTED, SHAPE_RULES } from './redact-shapes.js';
import { MIN_SECRET_LENGTH } from './secret-values.js';

export function redact(text: string, secretValues: readonly string[]): string {
  if (text === '') return text;
  let out = redactValues(text, secretValues);
  out = redactPrivateKeyBlocks(out);
  // Before the shapes: `password: |` must reach the block below it, not redact the `|`.
  out = redactYamlNextLineValues(out);
  out = redactCommandFlags(out);
  for (const rule of SHAPE_RULES) out = out.replace(rule.pattern, rule.replace);
  return out;
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
