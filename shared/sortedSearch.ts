// Binary search over a sorted list, the one way the log, the journal's pages and the charts
// find a place in their sorted lists.

/**
 * How many items at the start of `sorted` satisfy `inPrefix`, for a list where the items that
 * do all come before those that do not (as "not later than x" does in a list sorted by that
 * order). That count is also where x goes to keep the list sorted, after its equals.
 */
export function prefixLength<T>(sorted: readonly T[], inPrefix: (item: T) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (inPrefix(sorted[middle]!)) low = middle + 1;
    else high = middle;
  }
  return low;
}
