/**
 * A part of the game loaded on demand (a chunk behind a dynamic import): fetched once, and tried again the next time
 * it is asked for should the load have failed (the network dropped, the build changed under the page).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    if (!loading) {
      loading = load();
      loading.catch(() => (loading = null));
    }
    return loading;
  };
}
