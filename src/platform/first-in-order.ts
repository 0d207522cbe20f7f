/**
 * The first `count` items in an order, without sorting them all: a bounded heap keeps the best so far,
 * so a page of 20 from 5 000 matches costs n·log 20 comparisons instead of n·log n. Pure.
 */
export function firstInOrder<T>(items: readonly T[], count: number, before: (a: T, b: T) => number): T[] {
  if (count <= 0) return [];
  if (count >= items.length) return [...items].sort(before);
  // A heap whose root is the last in order of the kept items: a newcomer only enters by beating it.
  const heap: T[] = [];
  const after = (i: number, j: number) => before(heap[i]!, heap[j]!) > 0;
  const swap = (i: number, j: number) => {
    const kept = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = kept;
  };
  for (const item of items) {
    if (heap.length < count) {
      heap.push(item);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!after(at, parent)) break;
        swap(at, parent);
        at = parent;
      }
    } else if (before(item, heap[0]!) < 0) {
      heap[0] = item;
      for (let at = 0; ; ) {
        const left = 2 * at + 1;
        const right = left + 1;
        let last = at;
        if (left < heap.length && after(left, last)) last = left;
        if (right < heap.length && after(right, last)) last = right;
        if (last === at) break;
        swap(at, last);
        at = last;
      }
    }
  }
  return heap.sort(before);
}
