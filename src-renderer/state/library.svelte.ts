import { SvelteSet } from 'svelte/reactivity';
import type { RunbookSummary, SearchHit } from '../../src-mcp/engine/types.js';
import { api } from '../lib/api.js';
import { buildTree, uniqueSorted, visibleRunbooks } from '../lib/tree.js';
import { notices } from './notices.svelte.js';

/** The folder's runbooks, the search box and the keyboard selection of the sidebar. */
export class Library {
  items = $state<RunbookSummary[]>([]);
  loaded = $state(false);
  query = $state('');
  hits = $state<SearchHit[]>([]);
  tag = $state<string | undefined>(undefined);
  collapsed = new SvelteSet<string>();
  /** The highlighted entry for ↑/↓/Enter. */
  active = $state<string | undefined>(undefined);
  private searchSeq = 0;

  tree = $derived(
    buildTree(this.tag ? this.items.filter((i) => i.tags.includes(this.tag ?? '')) : this.items),
  );
  tags = $derived(uniqueSorted(this.items.flatMap((i) => i.tags)));
  searching = $derived(this.query.trim() !== '');
  /** What ↑/↓ walk through: search hits, or the tree's visible runbooks. */
  visible = $derived(
    this.searching ? this.hits.map((h) => h.name) : visibleRunbooks(this.tree, this.collapsed),
  );

  async refresh(): Promise<void> {
    try {
      this.items = await api.list();
      this.loaded = true;
      if (this.searching) await this.runSearch();
    } catch (error) {
      notices.error(error, 'Could not list the runbooks.');
    }
  }

  async setQuery(query: string): Promise<void> {
    this.query = query;
    await this.runSearch();
  }

  summary(name: string): RunbookSummary | undefined {
    return this.items.find((item) => item.name === name);
  }

  toggleFolder(path: string): void {
    if (this.collapsed.has(path)) this.collapsed.delete(path);
    else this.collapsed.add(path);
  }

  move(step: 1 | -1): void {
    const list = this.visible;
    if (list.length === 0) return;
    const at = this.active === undefined ? -1 : list.indexOf(this.active);
    const next =
      at === -1
        ? step === 1
          ? 0
          : list.length - 1
        : Math.min(list.length - 1, Math.max(0, at + step));
    this.active = list[next];
  }

  private async runSearch(): Promise<void> {
    const seq = ++this.searchSeq;
    const query = this.query.trim();
    if (!query) {
      this.hits = [];
      return;
    }
    try {
      const { hits } = await api.search({ query, limit: 50 });
      // Answers may arrive out of order while typing: keep only the latest query's.
      if (seq !== this.searchSeq) return;
      this.hits = hits;
      this.active = hits[0]?.name;
    } catch (error) {
      if (seq === this.searchSeq) notices.error(error, 'Search failed.');
    }
  }
}

export const library = new Library();
