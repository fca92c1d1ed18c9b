/** Where each row of a windowed list starts: `offsets[i]` is row i's top, the last entry the total. */
export function rowOffsets<T>(items: readonly T[], heightOf: (item: T) => number): Float64Array {
  const offsets = new Float64Array(items.length + 1);
  for (let i = 0; i < items.length; i++) {
    offsets[i + 1] = (offsets[i] ?? 0) + heightOf(items[i] as T);
  }
  return offsets;
}

/** The row under pixel `y` (0 above the top, the last row below the bottom): a binary search. */
export function firstRowAt(offsets: Float64Array, y: number): number {
  const rows = offsets.length - 1;
  if (rows <= 0 || y <= 0) return 0;
  let low = 0;
  let high = rows - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((offsets[mid] ?? 0) <= y) low = mid;
    else high = mid - 1;
  }
  return low;
}
