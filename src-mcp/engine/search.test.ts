import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIndexDocs, writeFixtureFolder, type FixtureFolder } from './search-fixtures.js';
import { SearchIndex, type IndexDoc } from './search.js';
import { corporaDir } from '../test-support/shared-folder.js';

let folder: FixtureFolder;
let docs: IndexDoc[];

beforeAll(async () => {
  folder = await writeFixtureFolder();
  docs = await readIndexDocs(folder.dir);
});
afterAll(() => folder.cleanup());

function fixtureIndex(): SearchIndex {
  const index = new SearchIndex();
  for (const doc of docs) index.add(doc);
  return index;
}

function names(index: SearchIndex, query: string, limit = 10): string[] {
  return index.search(query, limit).map((hit) => hit.name);
}

describe('SearchIndex ranking on a realistic runbook folder', () => {
  it.each([
    ['etcd backup', 'kubernetes/etcd-backup', 'both words beat a runbook saying "etcd" ten times'],
    [
      'postgres replication lag',
      'databases/postgres-replication-lag',
      'title, tags and body all match',
    ],
    ['postgress', 'databases/postgres-replication-lag', 'a typo still finds the postgres runbooks'],
    ['certif', 'tls/renew-certificates', 'a prefix finds certificate runbooks'],
    ['redis', 'docs/redis/README', 'the name beats a body that says "redis" six times'],
    ['crash looping', 'alerts/KubePodCrashLooping', 'camelCase file names split into words'],
    ['sentinel', 'docs/redis/README', 'plain body match'],
    ['patronictl switchover', 'databases/patroni-failover', 'command names are words'],
    ['swtchovr', 'databases/patroni-failover', 'two typos in a long word'],
    ['replay_lag', 'databases/postgres-replication-lag', 'underscores split like the index does'],
  ])('%s → %s (%s)', (query, expected) => {
    expect(names(fixtureIndex(), query)[0]).toBe(expected);
  });

  it('ranks by how many words match: any-word results come after all-word ones', () => {
    const ranked = names(fixtureIndex(), 'etcd backup');
    expect(ranked.slice(0, 1)).toEqual(['kubernetes/etcd-backup']);
    expect(ranked).toEqual(
      expect.arrayContaining(['kubernetes/etcd-defrag', 'backups/restic-nightly']),
    );
  });

  it('finds both postgres runbooks for a typo, and the prefix finds every certificate runbook', () => {
    const index = fixtureIndex();
    expect(names(index, 'postgress')).toEqual(
      expect.arrayContaining(['databases/postgres-replication-lag', 'databases/patroni-failover']),
    );
    expect(names(index, 'certif').sort()).toEqual([
      'tls/CertificateExpiringSoon',
      'tls/renew-certificates',
    ]);
  });

  it.each([
    ['', 'an empty query'],
    ['   ', 'only spaces'],
    ['how to the', 'only stopwords'],
    ['zzqxv', 'a word in no runbook, and nothing near it'],
  ])('returns nothing for %j (%s)', (query) => {
    expect(fixtureIndex().search(query)).toEqual([]);
  });

  it('respects the limit and returns scores best first', () => {
    const hits = fixtureIndex().search('etcd backup redis postgres', 3);
    expect(hits).toHaveLength(3);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });
});

describe('SearchHit fields', () => {
  it('reports title, tags, the matched terms after expansion, and a one-line snippet', () => {
    const [hit] = fixtureIndex().search('postgress replication');
    expect(hit).toMatchObject({
      name: 'databases/postgres-replication-lag',
      title: 'Postgres replication lag on Patroni replicas',
      tags: ['postgres', 'patroni'],
    });
    expect(hit?.terms).toEqual(expect.arrayContaining(['postgres', 'replication']));
    expect(hit?.snippet).toContain('«replication»');
    expect(hit?.snippet).not.toMatch(/\n|\s{2}/);
    expect(hit?.snippet.replace(/[«»…]/g, '').length).toBeLessThanOrEqual(160);
  });
});

describe('incremental updates', () => {
  it('replacing a runbook changes what it is found by, without touching the others', () => {
    const index = fixtureIndex();
    const before = docs.find((d) => d.name === 'nginx/high-5xx');
    if (!before) throw new Error('fixture missing');
    index.add({
      ...before,
      description: '',
      headings: [],
      body: 'Gateway timeouts: check the haproxy backends.',
    });
    expect(names(index, 'upstream')).not.toContain('nginx/high-5xx');
    expect(names(index, 'haproxy')).toEqual(['nginx/high-5xx']);
    expect(index.size).toBe(docs.length);
    expect(names(index, 'etcd backup')[0]).toBe('kubernetes/etcd-backup');
  });

  it('removing a runbook removes it from results, has() and size; removing twice is a no-op', () => {
    const index = fixtureIndex();
    index.remove('docs/redis/README');
    index.remove('docs/redis/README');
    expect(index.has('docs/redis/README')).toBe(false);
    expect(index.size).toBe(docs.length - 1);
    expect(names(index, 'redis')).toEqual(['sidekiq/queue-backlog']);
    expect(names(index, 'sentinel')).toEqual([]);
  });

  it('stays exact through thousands of adds, changes and removals (merges and renumbering)', () => {
    const index = new SearchIndex();
    const wordsOf = (i: number): number[] =>
      Array.from({ length: 60 }, (_, k) => (i * 7 + k) % 500);
    const add = (i: number, marker: string): void =>
      index.add({
        name: `doc${i}`,
        title: '',
        description: '',
        tags: [],
        headings: [],
        body: `${marker}${i} ${wordsOf(i)
          .map((w) => `word${w}`)
          .join(' ')}`,
      });
    for (let i = 0; i < 600; i++) {
      add(i, 'alpha');
      if (i % 50 === 0) index.search('word1');
    }
    for (let i = 0; i < 600; i += 2) index.remove(`doc${i}`);
    index.search('word1'); // merges: the live documents get new ids, the re-added ones take old ids
    for (let i = 1; i < 600; i += 4) add(i, 'omega');
    const isLive = (i: number): boolean => i % 2 === 1;
    const isChanged = (i: number): boolean => i % 4 === 1;

    expect(index.size).toBe(300);
    for (let i = 0; i < 600; i += 7) {
      const found = (query: string): boolean => names(index, query).includes(`doc${i}`);
      expect(found(`alpha${i}`), `alpha${i}`).toBe(isLive(i) && !isChanged(i));
      expect(found(`omega${i}`), `omega${i}`).toBe(isChanged(i));
    }
    const withWord3 = index.search('word3', 1000).filter((hit) => hit.terms.includes('word3'));
    const expected = [...Array(600).keys()].filter((i) => isLive(i) && wordsOf(i).includes(3));
    expect(withWord3.map((hit) => hit.name).sort()).toEqual(expected.map((i) => `doc${i}`).sort());
  });
  it('keeps every word of documents added after a merge gave the old ones new ids', () => {
    const index = new SearchIndex();
    const add = (name: string, extra = ''): void => {
      const words = Array.from({ length: 40 }, (_, k) => `${name}x${k}`).join(' ');
      index.add({
        name,
        title: '',
        description: '',
        tags: [],
        headings: [],
        body: `${words} ${extra}`,
      });
    };
    // 300 × 41 postings: enough for the next search to merge them, renumbering 150…299 to 0…149.
    for (let i = 0; i < 300; i++) add(`old${i}`, i === 299 ? 'rare' : '');
    for (let i = 0; i < 150; i++) index.remove(`old${i}`);
    index.search('anything');
    // The 150th new document gets the id old299 had: "rare" must still count as new in it.
    for (let i = 0; i < 149; i++) add(`new${i}`);
    add('newrare', 'rare');
    const withRare = index.search('rare').filter((hit) => hit.terms.includes('rare'));
    expect(withRare.map((hit) => hit.name).sort()).toEqual(['newrare', 'old299']);
  });
});

describe('suggest', () => {
  it.each([
    ['kubernetes/etcd-bakcup', 'kubernetes/etcd-backup', 'swapped letters in the full name'],
    ['etcd-backup.md', 'kubernetes/etcd-backup', 'a file name with its extension'],
    ['redis', 'docs/redis/README', 'a folder name'],
    ['KubePodCrashLoopin', 'alerts/KubePodCrashLooping', 'a truncated alert name, any case'],
    ['patroni switchover', 'databases/patroni-failover', 'no close name: search fills in'],
  ])('%s → %s (%s)', (typed, expected) => {
    expect(fixtureIndex().suggest(typed)[0]).toBe(expected);
  });

  it('returns at most `limit` names and nothing for nonsense', () => {
    expect(fixtureIndex().suggest('etcd', 2)).toHaveLength(2);
    expect(fixtureIndex().suggest('qqqqzzzz')).toEqual([]);
  });
});

const corpora = corporaDir();

describe('on the public runbook corpora (copied to a temp folder)', () => {
  let copy: FixtureFolder | undefined;
  let index: SearchIndex;
  beforeAll(async () => {
    if (!corpora) return;
    copy = await writeFixtureFolder({});
    for (const name of ['gitlab-runbooks', 'openshift-runbooks']) {
      await cp(path.join(corpora, name), path.join(copy.dir, name), { recursive: true });
    }
    index = new SearchIndex();
    for (const doc of await readIndexDocs(copy.dir)) index.add(doc);
  });
  afterAll(() => copy?.cleanup());

  it.skipIf(!corpora).each([
    ['etcdNoLeader', /^openshift-runbooks\/alerts\/cluster-etcd-operator\/etcdNoLeader$/, 1],
    ['postgres replication lag', /patroni|postgres/, 1],
    ['postgress', /postgres/, 3],
    ['certif', /certificate/i, 3],
    ['redis', /^gitlab-runbooks\/docs\/redis/, 5],
    ['disk space', /disk-space/, 2],
  ])('%s → a match for %s in the top %i', (query, expected, top) => {
    const hits = names(index, query, top);
    expect(hits).toHaveLength(top);
    for (const name of hits) expect(name).toMatch(expected);
  });

  it.skipIf(!corpora)('finds docs/redis/README by "redis" and keeps every file', () => {
    expect(index.size).toBe(727);
    expect(names(index, 'redis', 10)).toContain('gitlab-runbooks/docs/redis/README');
  });
});
