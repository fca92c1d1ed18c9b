/**
 * Edit distance for "did you mean", bounded so that hostile input costs little: only the diagonal
 * band of width `2·max + 1` is computed (O(|a|·max), not O(|a|·|b|)), and the work stops as soon as
 * every cell of a row exceeds `max`. Adjacent swaps count as one edit (optimal string alignment).
 */
/** Three reused rows: a suggestion pass calls this tens of thousands of times. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

export function boundedEditDistance(a: string, b: string, max: number): number {
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  if (rows[0]!.length < b.length + 2)
    rows = rows.map(() => new Int32Array(b.length * 2 + 2)) as typeof rows;
  let before = rows[0]!;
  let previous = rows[1]!;
  let current = rows[2]!;
  previous.fill(over, 0, b.length + 2);
  for (let j = 0; j <= Math.min(b.length, max); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    // The cells just outside the band are read by the next rows: they must not hold stale values.
    current[from - 1] = from === 1 ? i : over;
    current[to + 1] = over;
    let rowMin = current[from - 1]!;
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (ai === bj ? 0 : 1),
      );
      if (j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj)
        value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return over;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return Math.min(previous[b.length]!, over);
}
