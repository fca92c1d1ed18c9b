import { describe, expect, it } from 'vitest';
import { textCannotBeSaved } from './text-encoding.js';

describe('textCannotBeSaved', () => {
  const rows: { why: string; text: string; place?: [number, number] }[] = [
    { why: 'plain ASCII is fine', text: 'kubectl get pods\n' },
    { why: 'a real U+FFFD typed by the user is kept as is', text: 'bad byte: \uFFFD' },
    { why: 'an emoji is a proper surrogate pair', text: 'deploy 🚀 now' },
    { why: 'a lone high surrogate has no UTF-8 form', text: 'a\nb\uD83D', place: [2, 2] },
    { why: 'a lone low surrogate has no UTF-8 form', text: '\uDE80x', place: [1, 1] },
    { why: 'two high halves in a row are both lone', text: 'ok\n\uD83D\uD83D', place: [2, 1] },
  ];
  for (const row of rows) {
    it(row.why, () => {
      const problem = textCannotBeSaved(row.text, 'x.md');
      if (!row.place) expect(problem).toBeUndefined();
      else expect([problem?.line, problem?.column]).toEqual(row.place);
    });
  }
});
