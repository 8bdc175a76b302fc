// The order hosts are listed in: by name without case or accents ("Écolo" with "ecolo"), then by
// id, so that the order is total and stable. The build writes organisations and their services
// in this order; the index checks it in one pass and sorts only a list that is not (a file from
// an older build, or edited by hand).

// eslint-disable-next-line no-control-regex -- the test is for "anything beyond ASCII"
const NON_ASCII = /[^\u0000-\u007f]/;

/** A name as it sorts: lower case, accents removed. */
export function sortKey(name: string): string {
  const lower = name.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
}

interface Named {
  readonly id: string;
  readonly name: string;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The list in host order: the list itself when it already is, else a sorted copy. */
export function inHostOrder<T extends Named>(list: readonly T[]): readonly T[] {
  let previousKey = '';
  let previousId = '';
  for (let i = 0; i < list.length; i += 1) {
    const item = list[i]!;
    const key = sortKey(item.name);
    const order = i === 0 ? -1 : compare(previousKey, key) || compare(previousId, item.id);
    if (order >= 0) return sortByHostOrder(list);
    previousKey = key;
    previousId = item.id;
  }
  return list;
}

function sortByHostOrder<T extends Named>(list: readonly T[]): T[] {
  return list
    .map((item) => ({ item, key: sortKey(item.name) }))
    .sort((a, b) => compare(a.key, b.key) || compare(a.item.id, b.item.id))
    .map(({ item }) => item);
}

/** Sorts `list` in place into host order (for the build). */
export function sortInHostOrder<T extends Named>(list: T[]): void {
  const sorted = sortByHostOrder(list);
  for (let i = 0; i < sorted.length; i += 1) list[i] = sorted[i]!;
}

/**
 * Map entries by key, for category ids ([a-z0-9-]): code-unit order, which localeCompare gives
 * them too, without the collator a fresh background would build on first use (about 10 ms).
 */
export const byKey = (a: readonly [string, unknown], b: readonly [string, unknown]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
