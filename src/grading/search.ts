/**
 * Lookups over journal-ordered lists. The engine writes its journal in seq order with minutes that never go back, so
 * "entries at or before a minute" and "entries before a seq" are always a prefix of such a list, and a binary search
 * finds where the prefix ends instead of a scan over the whole list.
 */

/** The length of the prefix of `items` for which `inPrefix` holds; `inPrefix` must hold for a prefix and no further. */
export function prefixLength<T>(items: readonly T[], inPrefix: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (inPrefix(items[middle]!)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first item of each key, in list order. */
export function firstByKey<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T> {
  const first = new Map<K, T>();
  for (const item of items) {
    const k = key(item);
    if (!first.has(k)) first.set(k, item);
  }
  return first;
}

/** The last item of each key, in list order. */
export function lastByKey<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T> {
  const last = new Map<K, T>();
  for (const item of items) last.set(key(item), item);
  return last;
}

/** The items of each key, in list order. */
export function groupByKey<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
