import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURE_RUNBOOKS,
  readIndexDocs,
  writeFixtureFolder,
  type FixtureFolder,
} from './search-fixtures.js';
import { SearchIndex, type IndexDoc, type SearchOptions } from './search.js';

/** The fixture folder three times over (as the 10k bench is the corpora 14 times), plus pairs that
 * look alike but are not copies. */
const COPIES = 3;
const LOOKALIKES: Record<string, string> = {
  'teams/a/restart.md': '# Restart the worker\n\nDrain the queue, then restart the worker pods.\n',
  'teams/b/restart.md': '# Restart the worker\n\nScale the deployment to zero, then back up.\n',
  'punct/one.md': '# Flags\n\nRun kubectl get pods -n payments now.\n',
  'punct/two.md': '# Flags\n\nRun kubectl get pods -N payments now.\n',
  'tagged/one.md': '---\ntags: [blue]\n---\n# Tagged\n\nSame text, other tags.\n',
  'tagged/two.md': '---\ntags: [green]\n---\n# Tagged\n\nSame text, other tags.\n',
};

function copiedFolder(): Record<string, string> {
  const files: Record<string, string> = { ...LOOKALIKES };
  for (let i = 1; i <= COPIES; i++) {
    for (const [file, content] of Object.entries(FIXTURE_RUNBOOKS))
      files[`copy${i}/${file}`] = content;
  }
  return files;
}

let folder: FixtureFolder;
let docs: IndexDoc[];
beforeAll(async () => {
  folder = await writeFixtureFolder(copiedFolder());
  docs = (await readIndexDocs(folder.dir)).sort((a, b) => a.name.localeCompare(b.name));
});
afterAll(() => folder.cleanup());

function fullIndex(): SearchIndex {
  const index = new SearchIndex();
  for (const doc of docs) index.add(doc);
  return index;
}

describe('identical copies come back as one hit that names the others', () => {
  it('ten hits are ten different runbooks; each names its copies', () => {
    const page = fullIndex().query('redis etcd postgres', { limit: 10 });
    const bases = page.hits.map((hit) => hit.name.replace(/^copy\d\//, ''));
    expect(new Set(bases).size).toBe(page.hits.length);
    for (const hit of page.hits) {
      const base = hit.name.replace(/^copy\d\//, '');
      expect(hit.copies?.count, hit.name).toBe(COPIES - 1);
      expect(hit.copies?.names.map((name) => name.replace(/^copy\d\//, ''))).toEqual([base, base]);
      expect(hit.copies?.names).not.toContain(hit.name);
    }
  });

  it.each([
    ['restart worker', ['teams/a/restart', 'teams/b/restart'], 'same title, different text'],
    ['kubectl payments', ['punct/one', 'punct/two'], 'same words, different punctuation'],
    ['tagged', ['tagged/one', 'tagged/two'], 'same text, different tags'],
  ])('%j finds %j as two hits (%s)', (query, expected) => {
    const folder = (name: string): string => name.split('/')[0] ?? '';
    const hits = fullIndex()
      .query(query, { limit: 50 })
      .hits.filter((hit) => folder(hit.name) === folder(expected[0] ?? ''));
    expect(hits.map((hit) => hit.name).sort()).toEqual(expected);
    expect(hits.map((hit) => hit.copies)).toEqual([undefined, undefined]);
  });

  it('a copy that is edited leaves its group; a removed one is no longer named', () => {
    const index = fullIndex();
    const readme = docs.find((doc) => doc.name === 'copy2/docs/redis/README');
    if (!readme) throw new Error('fixture missing');
    index.add({ ...readme, body: `${readme.body}\nEdited: sentinel quorum is 3.\n` });
    index.remove('copy3/docs/redis/README');
    const hits = index.query('sentinel', { limit: 10 }).hits;
    expect(hits.map((hit) => [hit.name, hit.copies?.count ?? 0]).sort()).toEqual([
      ['copy1/docs/redis/README', 0],
      ['copy2/docs/redis/README', 0],
    ]);
  });
});

describe('an honest count, and pages after the first', () => {
  it('total counts distinct results (copies once), matched every runbook', () => {
    const single = new SearchIndex();
    for (const doc of docs.filter((d) => d.name.startsWith('copy1/'))) single.add(doc);
    const one = single.query('etcd backup', { limit: 0 });
    const all = fullIndex().query('etcd backup', { limit: 0 });
    expect(one.hits).toEqual([]);
    expect(one.total).toBeGreaterThan(2);
    expect(all).toMatchObject({ hits: [], total: one.total, matched: one.total * COPIES });
  });

  it.each([
    [1, 'pages of one'],
    [2, 'pages of two'],
    [3, 'pages of three'],
  ])('pages of %i, concatenated, are the whole list: each result once, in order (%s)', (size) => {
    const index = fullIndex();
    const whole = index.query('etcd backup redis', { limit: 100 });
    const paged: string[] = [];
    for (let offset = 0; offset < whole.total; offset += size) {
      const page = index.query('etcd backup redis', { limit: size, offset });
      expect(page).toMatchObject({ total: whole.total, offset });
      paged.push(...page.hits.map((hit) => hit.name));
    }
    expect(paged).toEqual(whole.hits.map((hit) => hit.name));
  });

  it.each<[SearchOptions, string]>([
    [{ offset: 1000 }, 'past the end: no hits, the same total'],
    [{ offset: -5 }, 'a negative offset counts as 0'],
    [{ limit: Number.NaN }, 'a limit that is not a number is the default'],
  ])('%j (%s)', (options) => {
    const index = fullIndex();
    const first = index.query('redis');
    const page = index.query('redis', options);
    expect(page.total).toBe(first.total);
    if ((options.offset ?? 0) > first.total) expect(page.hits).toEqual([]);
    else expect(page.hits).toEqual(first.hits);
  });
});
