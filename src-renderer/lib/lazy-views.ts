/**
 * The views that carry CodeMirror (most of the bundle's weight) load on first use, so the library
 * does not wait for an editor nobody opened yet. Each module is fetched once.
 */
export const loadEditPane = once(() => import('../views/EditPane.svelte'));
export const loadEnvView = once(() => import('../views/EnvView.svelte'));

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}
