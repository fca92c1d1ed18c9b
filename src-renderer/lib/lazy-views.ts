/**
 * The views that carry CodeMirror (most of the bundle's weight) load on first use, so the library
 * does not wait for an editor nobody opened yet. So does the diff view outside the editor (the
 * Trash's Compare), with its line-diff package. Each module is fetched once.
 */
export const loadEditPane = once(() => import('../views/EditPane.svelte'));
export const loadEnvView = once(() => import('../views/EnvView.svelte'));
export const loadDiffView = once(() => import('../components/DiffView.svelte'));

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}
