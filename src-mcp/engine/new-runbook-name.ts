/**
 * The rules a name for a NEW runbook (create, rename target, restore target) must pass. A name that
 * passes is a file every platform can hold, that stays inside the folder, that reads the same in any
 * editor, and that the store will index (so nothing is written and then reported missing).
 */
import { RunbookError } from './errors.js';
import { isRunbookFile, RUNBOOK_EXTENSIONS } from './names.js';
import { isSkippedFolder } from './store-scan.js';

const MAX_NAME_LENGTH = 512;
/** Bytes, not characters: file systems cap a name at 255 bytes, and the atomic writer's temp file adds 18. */
const MAX_SEGMENT_BYTES = 200;

/** Windows refuses these as a file or folder name, whatever the extension and the case. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[1-9]|lpt[1-9])$/;

/** Characters that make a name display in another order than it is stored (Trojan Source). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/u;

// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL_OR_FORBIDDEN = /[\u0000-\u001f\u007f<>:"|?*]/;

interface Problem {
  why: string;
  fix: string;
}

/** One rule per row: the first that fails names the segment and the fix. */
const SEGMENT_RULES: Array<(segment: string, isLast: boolean) => Problem | undefined> = [
  (s) => (s === '' ? { why: 'is empty', fix: 'Remove the doubled or trailing `/`.' } : undefined),
  (s) =>
    s === '.' || s === '..'
      ? { why: 'is a relative step', fix: 'Remove the `.` and `..` segments.' }
      : undefined,
  (s) =>
    s.startsWith('.')
      ? { why: 'is hidden (starts with `.`)', fix: 'Rename it; hidden files are not runbooks.' }
      : undefined,
  (s, isLast) =>
    !isLast && isSkippedFolder(s)
      ? {
          why: 'is a folder the runbook store never reads',
          fix: 'Put the runbook in another folder.',
        }
      : undefined,
  (s) =>
    Buffer.byteLength(s) > MAX_SEGMENT_BYTES
      ? { why: `is longer than ${MAX_SEGMENT_BYTES} bytes`, fix: 'Shorten it.' }
      : undefined,
  (s) =>
    CONTROL_OR_FORBIDDEN.test(s)
      ? {
          why: 'has characters file names cannot hold (<>:"|?* or control characters)',
          fix: 'Remove them.',
        }
      : undefined,
  (s) =>
    BIDI_CONTROLS.test(s)
      ? {
          why: 'has bidirectional control characters (it would display differently than it is named)',
          fix: 'Remove them and type the name again.',
        }
      : undefined,
  (s) =>
    /[. ]$/.test(s) || /[. ]$/.test(stem(s))
      ? {
          why: 'ends with a dot or a space (Windows drops them, so it would name another file)',
          fix: 'Remove the trailing dot or space.',
        }
      : undefined,
  (s) =>
    isWindowsReserved(s)
      ? {
          why: 'is a device name Windows reserves (CON, PRN, AUX, NUL, COM1–9, LPT1–9)',
          fix: 'Add a word to it, such as `con-check`.',
        }
      : undefined,
];

/**
 * Checks a name a user or a model gives for a new runbook and returns its folder-relative file path
 * (`.md` added when it has no runbook extension).
 */
export function validateNewRunbookPath(input: string): string {
  const fail = (why: string, fix: string): never => {
    throw new RunbookError('invalid-name', `Runbook name ${quote(input)} ${why}.`, {
      key: 'name',
      fix,
    });
  };
  if (typeof input !== 'string' || input.trim() === '')
    fail('is empty', 'Give a name such as `deploy/rollback`.');
  if (input.includes('\0')) fail('contains a NUL character', 'Remove it.');
  if (input.length > MAX_NAME_LENGTH)
    fail(`is longer than ${MAX_NAME_LENGTH} characters`, 'Use a shorter name.');
  const slashed = input.trim().replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) {
    fail(
      'is an absolute path',
      'Use a path relative to the runbook folder, such as `deploy/rollback`.',
    );
  }
  const segments = slashed.replace(/^(\.\/)+/, '').split('/');
  segments.forEach((segment, i) => {
    for (const rule of SEGMENT_RULES) {
      const problem = rule(segment, i === segments.length - 1);
      if (problem) fail(`has a segment ${quote(segment)} that ${problem.why}`, problem.fix);
    }
  });
  const rel = segments.join('/');
  return isRunbookFile(rel) ? rel : `${rel}.md`;
}

/** `con.tar.gz`, `CON .md`, `COM¹` (NFKC makes it COM1): Windows goes by the part before the first dot. */
function isWindowsReserved(segment: string): boolean {
  const head = segment.normalize('NFKC').split('.')[0] ?? '';
  return WINDOWS_RESERVED.test(head.trimEnd().toLowerCase());
}

/** The segment without a runbook extension: `notes .md` → `notes `. */
function stem(segment: string): string {
  const lower = segment.toLowerCase();
  const ext = RUNBOOK_EXTENSIONS.find((e) => lower.endsWith(e));
  return ext ? segment.slice(0, -ext.length) : segment;
}

/**
 * JSON quoting, shortened, with invisible and reordering characters shown as `\\u…` escapes: an
 * error about a 500-character name must not be 500 characters long, nor display in another order.
 */
export function quote(text: string): string {
  const points = [...text];
  const short = points.length > 80 ? `${points.slice(0, 77).join('')}…` : text;
  return JSON.stringify(short).replace(
    /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
