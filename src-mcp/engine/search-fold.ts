/**
 * Accent folding, the same on both sides of the index: `Ünïcode` is indexed as `unicode`, and a
 * query for `résumé` looks for `resume`. Compatibility decomposition (NFKD) splits `ü` into `u`
 * and a combining mark and `ﬁ` into `fi`; the diacritical marks are dropped; letters that do not
 * decompose get their usual spelling (`ß` → `ss`, so `straße` and `strasse` find each other).
 * Only diacritic blocks are stripped, and the result is recomposed (NFC): Japanese voicing marks
 * and Hangul syllables stay what they were.
 */

// Combining diacritical marks, their extensions and supplement, for symbols, and half marks.
// eslint-disable-next-line no-misleading-character-class -- marks alone in a class, on purpose
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/** Letters NFKD leaves alone, and how they are spelled without their stroke or ligature. */
const LETTER_SPELLINGS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};
const SPELLED = new RegExp(`[${Object.keys(LETTER_SPELLINGS).join('')}]`, 'g');

/** `text` without accents, its case kept. ASCII comes back as it is, at the cost of one test. */
export function foldAccents(text: string): string {
  if (isAscii(text)) return text;
  return text
    .normalize('NFKD')
    .replace(DIACRITICS, '')
    .normalize('NFC')
    .replace(SPELLED, (letter) => LETTER_SPELLINGS[letter] ?? letter);
}

/** A lowercase index term for a word: what the scanner and the query parser both store. */
export function foldTerm(word: string): string {
  return foldAccents(word.toLowerCase());
}

const NON_ASCII = /[\u0080-\uffff]/;

function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** Accented letters (not × and ÷), ligatures, full-width forms and combining marks. */
const FOLDABLE =
  // eslint-disable-next-line no-misleading-character-class -- marks alone in a class, on purpose
  /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u04ff\u1e00-\u1fff\ufb00-\ufb06\uff00-\uffef\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;
// eslint-disable-next-line no-misleading-character-class -- marks alone in a class, on purpose
const COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;

/**
 * How a text spells the words folding changed: `plain` (ASCII, dashes, arrows, emoji: the words
 * are as the index has them), `precomposed` (`ü`), or `combining` (`u` and a mark after it).
 */
export const ACCENT_STYLES = ['plain', 'precomposed', 'combining'] as const;
export type AccentStyle = (typeof ACCENT_STYLES)[number];

export function accentStyle(text: string): AccentStyle {
  if (!FOLDABLE.test(text)) return 'plain'; // most bodies: one scan
  return COMBINING.test(text) ? 'combining' : 'precomposed';
}

let variantsByBase: Map<string, string> | undefined;

/**
 * For each folded letter, the accented letters that fold to it (`u` → `ùúûüũūŭůűų…`), taken
 * from the Latin, Greek and Cyrillic blocks: what a snippet needs to find `unicode` in `Ünïcode`.
 */
function variants(): Map<string, string> {
  if (variantsByBase) return variantsByBase;
  const found = new Map<string, string>();
  const ranges = [
    [0xc0, 0x24f],
    [0x370, 0x4ff],
    [0x1e00, 0x1fff],
  ] as const;
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const letter = String.fromCharCode(code);
      const base = foldTerm(letter);
      if (base !== letter.toLowerCase() && base.length > 0) {
        found.set(base, (found.get(base) ?? '') + letter);
      }
    }
  }
  variantsByBase = found;
  return found;
}

/**
 * A regular-expression source matching `term` as written in the original text, with or without
 * accents, and with combining marks after each letter where `marks` (for the `iu` flags).
 * Without them the pattern is much faster: `\p{M}*` after every letter defeats the engine's
 * literal scanning.
 */
export function accentTolerantSource(term: string, marks: boolean): string {
  const table = variants();
  let source = '';
  for (let i = 0; i < term.length; i++) {
    const pair = term.slice(i, i + 2);
    const spelledAs = pair.length === 2 ? table.get(pair) : undefined;
    const single = letterSource(term.charAt(i), table, marks);
    if (spelledAs) {
      const second = letterSource(term.charAt(i + 1), table, marks);
      source += `(?:${single}${second}|[${escapeClass(spelledAs)}])`;
      i++;
    } else {
      source += single;
    }
  }
  return source;
}

function letterSource(letter: string, table: Map<string, string>, marks: boolean): string {
  const variants = table.get(letter);
  const one = variants ? `[${escapeClass(letter + variants)}]` : escapeLetter(letter);
  return marks ? `${one}\\p{M}*` : one;
}

function escapeLetter(letter: string): string {
  return letter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\]^-]/g, '\\$&');
}
