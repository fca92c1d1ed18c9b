/** Whole PEM private key blocks, for log redaction. */
import { REDACTED } from './redact-shapes.js';

const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const PEM_END = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/y;
/** A line this long is key material, not a prose mention of the BEGIN line. */
const MIN_KEY_LINE = 40;

/**
 * Whole PEM private key blocks. Scanned by hand, not with a lazy `[\s\S]*?`, which goes quadratic
 * on many BEGIN lines without an END. A block cut off before its END still goes if it holds key material.
 */
export function redactPrivateKeyBlocks(text: string): string {
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
