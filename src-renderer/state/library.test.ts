import { describe, expect, it } from 'vitest';
import type { RunbookBrief } from '../../src-mcp/api/contract.js';
import type { SearchPage } from '../../src-mcp/engine/types.js';
import { FakeBridge } from '../test-support/fake-bridge.js';
import { deferred, hitOf, settle } from '../test-support/fixtures.js';
import { COLLAPSE_FOLDERS_PAST, Library, SEARCH_PAGE_SIZE } from './library.svelte.js';

const brief = (name: string, tags?: string[]): RunbookBrief => ({ name, title: name, tags });
const listed = (runbooks: RunbookBrief[]) => ({ revision: 'host.0', runbooks });

function page(names: string[], total = names.length, offset = 0): SearchPage {
  return { hits: names.map(hitOf), total, matched: total, offset };
}

describe('Library against a fake back end', () => {
  it('lists the folder as a tree and walks its runbooks with ↑/↓', async () => {
    const fake = new FakeBridge({
      listBrief: () => listed([brief('ops/b'), brief('a'), brief('ops/a')]),
    });
    const library = new Library(fake.api);
    await library.refresh();
    expect(library.visible).toEqual(['ops/a', 'ops/b', 'a']);
    library.move(1);
    library.move(1);
    expect(library.active).toBe('ops/b');
    library.toggleFolder('ops');
    expect(library.visible).toEqual(['a']);
    expect(fake.misuses).toEqual([]);
  });

  it(`closes every folder at the first load past ${COLLAPSE_FOLDERS_PAST} runbooks, and only then`, async () => {
    const many = Array.from({ length: COLLAPSE_FOLDERS_PAST + 1 }, (_, i) =>
      brief(`f${i % 3}/r${i}`),
    );
    const library = new Library(new FakeBridge({ listBrief: () => listed(many) }).api);
    await library.refresh();
    expect(library.allCollapsed).toBe(true);
    library.toggleAllFolders();
    await library.refresh();
    expect(library.collapsed.size).toBe(0);
  });

  it('shows only the latest query’s answer when answers arrive out of order', async () => {
    const answers = new Map([
      ['re', deferred<SearchPage>()],
      ['redis', deferred<SearchPage>()],
    ]);
    const fake = new FakeBridge({
      search: ({ query }) => answers.get(query)?.promise ?? page([]),
    });
    const library = new Library(fake.api);
    const first = library.setQuery('re');
    const second = library.setQuery('redis');
    answers.get('redis')?.resolve(page(['redis/flush']));
    await second;
    answers.get('re')?.resolve(page(['rename', 'restart']));
    await first;
    expect(library.hits.map((h) => h.name)).toEqual(['redis/flush']);
    expect(library.active).toBe('redis/flush');
  });

  it('loads the next page from ↓ on the last result, without showing a result twice', async () => {
    const fake = new FakeBridge({
      search: ({ offset }) => (offset ? page(['b', 'c'], 3, offset) : page(['a', 'b'], 3)),
    });
    const library = new Library(fake.api);
    await library.setQuery('x');
    library.move(1); // a → b, the last loaded
    library.move(1); // fetches the next page, as "Show more" does
    await settle();
    expect(library.hits.map((h) => h.name)).toEqual(['a', 'b', 'c']);
    expect(fake.argsOf('search')).toEqual([
      { query: 'x', limit: SEARCH_PAGE_SIZE },
      { query: 'x', limit: SEARCH_PAGE_SIZE, offset: 2 },
    ]);
    expect(library.moreToLoad).toBe(false);
  });

  it('narrows the tree and the tag list to a chosen tag', async () => {
    const fake = new FakeBridge({
      listBrief: () => listed([brief('a', ['db']), brief('b', ['k8s']), brief('c', ['db', 'k8s'])]),
    });
    const library = new Library(fake.api);
    await library.refresh();
    expect(library.tags).toEqual(['db', 'k8s']);
    library.tag = 'db';
    expect(library.visible).toEqual(['a', 'c']);
  });
});
