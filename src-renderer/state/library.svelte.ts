import { SvelteSet } from 'svelte/reactivity';
import type { AppApi, RunbookBrief } from '../../src-mcp/api/contract.js';
import type { SearchHit } from '../../src-mcp/engine/types.js';
import { buildFolderTree } from '../../src-mcp/engine/folder-tree.js';
import { api as appApi } from '../lib/api.js';
import { appendNew, flattenTree, folderPaths, indexByName, uniqueSorted } from '../lib/tree.js';
import { notices } from './notices.svelte.js';

/** Results asked for at a time; "Show more" asks for the next page. */
export const SEARCH_PAGE_SIZE = 50;
/**
 * Past this many runbooks the library opens with its folders closed (as an editor's file tree
 * does): thousands of rows say less than a few folders, and the first view is ready sooner.
 */
export const COLLAPSE_FOLDERS_PAST = 300;

/**
 * The folder's runbooks, the search box and the keyboard selection of the sidebar.
 * Everything derived from the list (tree, rows, tags) depends on the list and the tag only, so
 * typing or clearing a search never rebuilds it; the list is replaced whole, never proxied deeply.
 */
export class Library {
  items = $state.raw<RunbookBrief[]>([]);
  loaded = $state(false);
  query = $state('');
  hits = $state.raw<SearchHit[]>([]);
  /** Distinct results of the query (identical copies counted once), beyond the loaded `hits`. */
  total = $state(0);
  loadingMore = $state(false);
  tag = $state<string | undefined>(undefined);
  collapsed = new SvelteSet<string>();
  /** The highlighted entry for ↑/↓/Enter. */
  active = $state<string | undefined>(undefined);
  /** Where the tree was scrolled, so clearing a search brings it back there. */
  treeScrollTop = 0;
  private searchSeq = 0;
  private listSeq = 0;
  /** The revision the shown list was taken at (see AppEvent `sync`). */
  private revision: string | undefined;
  private refreshing: Promise<void> = Promise.resolve();

  byName = $derived(indexByName(this.items));
  tree = $derived(
    buildFolderTree(
      this.tag ? this.items.filter((i) => i.tags?.includes(this.tag ?? '')) : this.items,
    ),
  );
  rows = $derived(flattenTree(this.tree, this.collapsed));
  folderPaths = $derived(folderPaths(this.tree));
  allCollapsed = $derived(
    this.folderPaths.length > 0 && this.folderPaths.every((path) => this.collapsed.has(path)),
  );
  tags = $derived(uniqueSorted(this.items.flatMap((i) => i.tags ?? [])));
  searching = $derived(this.query.trim() !== '');
  /** Loaded hits, narrowed to the tag when one is chosen. */
  shownHits = $derived(
    this.tag ? this.hits.filter((h) => h.tags.includes(this.tag ?? '')) : this.hits,
  );
  treeNames = $derived(
    this.rows.flatMap((row) => (row.kind === 'runbook' ? [row.runbook.name] : [])),
  );
  /** What ↑/↓ walk through: search hits, or the tree's visible runbooks. */
  visible = $derived(this.searching ? this.shownHits.map((h) => h.name) : this.treeNames);
  moreToLoad = $derived(this.searching && this.hits.length < this.total);

  private readonly api: AppApi;

  /** `api` is the app's back end; tests give a fake one. */
  constructor(api: AppApi = appApi) {
    this.api = api;
  }

  refresh(): Promise<void> {
    this.refreshing = this.load();
    return this.refreshing;
  }

  /** The revision of the list, once the refresh under way (if any) is in. */
  async listRevision(): Promise<string | undefined> {
    await this.refreshing;
    return this.revision;
  }

  private async load(): Promise<void> {
    const seq = ++this.listSeq;
    try {
      const list = await this.api.listBrief();
      // A later refresh was asked for meanwhile: its list is the newer one.
      if (seq !== this.listSeq) return;
      this.items = list.runbooks;
      this.revision = list.revision;
      // Only at the first load: later refreshes keep the folders as the user left them.
      if (!this.loaded && this.items.length > COLLAPSE_FOLDERS_PAST)
        for (const path of this.folderPaths) this.collapsed.add(path);
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

  summary(name: string): RunbookBrief | undefined {
    return this.byName.get(name);
  }

  /** Every folder closed, or (when all are closed already) every folder open. */
  toggleAllFolders(): void {
    if (this.allCollapsed) this.collapsed.clear();
    else for (const path of this.folderPaths) this.collapsed.add(path);
  }

  toggleFolder(path: string): void {
    if (this.collapsed.has(path)) this.collapsed.delete(path);
    else this.collapsed.add(path);
  }

  /** ↑/↓ through `list`: the sidebar's visible entries, or the picker's own list. */
  move(step: 1 | -1, list: readonly string[] = this.visible): void {
    if (list.length === 0) return;
    const at = this.active === undefined ? -1 : list.indexOf(this.active);
    const next =
      at === -1
        ? step === 1
          ? 0
          : list.length - 1
        : Math.min(list.length - 1, Math.max(0, at + step));
    // ↓ on the last loaded result fetches the next page, as "Show more" does.
    if (step === 1 && at === list.length - 1 && this.moreToLoad) void this.loadMore();
    this.active = list[next];
  }

  /** The next page of results after those loaded. */
  async loadMore(): Promise<void> {
    if (this.loadingMore || !this.moreToLoad) return;
    const seq = this.searchSeq;
    this.loadingMore = true;
    try {
      const page = await this.api.search({
        query: this.query.trim(),
        limit: SEARCH_PAGE_SIZE,
        offset: this.hits.length,
      });
      if (seq !== this.searchSeq) return;
      // The folder may have changed between pages: a result already shown is not shown twice.
      this.hits = appendNew(this.hits, page.hits);
      this.total = page.total;
    } catch (error) {
      if (seq === this.searchSeq) notices.error(error, 'Could not load more results.');
    } finally {
      this.loadingMore = false;
    }
  }

  private async runSearch(): Promise<void> {
    const seq = ++this.searchSeq;
    const query = this.query.trim();
    if (!query) {
      this.hits = [];
      this.total = 0;
      return;
    }
    try {
      const page = await this.api.search({ query, limit: SEARCH_PAGE_SIZE });
      // Answers may arrive out of order while typing: keep only the latest query's.
      if (seq !== this.searchSeq) return;
      this.hits = page.hits;
      this.total = page.total;
      this.active = page.hits[0]?.name;
    } catch (error) {
      if (seq === this.searchSeq) notices.error(error, 'Search failed.');
    }
  }
}

export const library = new Library();
