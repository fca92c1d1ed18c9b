import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIndexDocs, writeFixtureFolder, type FixtureFolder } from './search-fixtures.js';
import { SearchIndex } from './search.js';

/** Runbooks spelled with accents, ligatures and other scripts, each found by one row below. */
const ACCENTED_RUNBOOKS: Record<string, string> = {
  'guides/unicode.md': '# Ünïcode runbook\n\nHow text gets encoded before it is sent.\n',
  'hr/cv.md': '# Candidate files\n\nAttach the résumé and the cover letter.\n',
  'hr/plain.md': '# Plain spelling\n\nAttach the resume of the on-call engineer.\n',
  'sites/berlin.md': '# Berlin office\n\nThe office is on the Hauptstraße.\n',
  'sites/zurich.md': '# Zurich office\n\nThe office is on the Bahnhofstrasse.\n',
  'Ærø-ferries.md': '# Ferries\n\nTimetables for the island.\n',
  'kafe.md': '# Kafe\n\nThe cafe\u0301 opens at eight (a combining accent).\n',
  'office/ﬁles.md': '# Shared drive\n\nWhere the scans go.\n',
  'intl/russian.md': '# Ёлка\n\nНовогодняя ёлка в офисе.\n',
  'intl/japanese.md': '# がぎ\n\n日本語の手順書。\n',
  'intl/korean.md': '# 한국어 안내\n\n서버 재시작 절차.\n',
};

let folder: FixtureFolder;
let index: SearchIndex;

beforeAll(async () => {
  folder = await writeFixtureFolder(ACCENTED_RUNBOOKS);
  index = new SearchIndex();
  for (const doc of await readIndexDocs(folder.dir)) index.add(doc);
});
afterAll(() => folder.cleanup());

const namesFor = (query: string): string[] => index.search(query).map((hit) => hit.name);

describe('accent folding, the same when indexing and when querying', () => {
  it.each<[string, string, string | undefined, string]>([
    ['unicode', 'guides/unicode', '«Ünïcode»', 'a plain query finds an accented title'],
    ['ÜNÏCODE', 'guides/unicode', '«Ünïcode»', 'an accented query, any case'],
    ['unic', 'guides/unicode', '«Ünïcode»', 'a prefix of the folded word'],
    ['cover résumé', 'hr/cv', '«résumé»', 'an accented query word marks the accented text'],
    ['hauptstrasse', 'sites/berlin', '«Hauptstraße»', 'ß is spelled ss'],
    ['bahnhofstraße', 'sites/zurich', '«Bahnhofstrasse»', 'and ss is found by ß'],
    ['aero', 'Ærø-ferries', undefined, 'the name field folds too (Æ → ae, ø → o)'],
    ['café', 'kafe', '«cafe\u0301»', 'a combining accent in the text (NFD) is folded'],
    ['files', 'office/ﬁles', undefined, 'a ligature in a file name decomposes (ﬁ → fi)'],
    ['елка', 'intl/russian', '«ёлка»', 'Cyrillic ё folds to е'],
    ['한국어', 'intl/korean', undefined, 'Hangul syllables are kept as they are'],
  ])('%s finds %s (%s)', (query, expected, marked) => {
    const [hit] = index.search(query);
    expect(hit?.name).toBe(expected);
    if (marked) expect(hit?.snippet).toContain(marked);
  });

  it('a plain word finds every spelling of it, accented or not', () => {
    expect(namesFor('resume').sort()).toEqual(['hr/cv', 'hr/plain']);
    expect(namesFor('résumé').sort()).toEqual(['hr/cv', 'hr/plain']);
  });

  it('Japanese voicing marks are part of the letter, not accents: かき does not find がぎ', () => {
    expect(namesFor('がぎ')).toEqual(['intl/japanese']);
    expect(namesFor('かき')).toEqual([]);
  });

  it('reports the matched terms folded', () => {
    expect(index.search('Ünïcode')[0]?.terms).toEqual(['unicode']);
  });
});
