/** The indexed fields, in packing order; `body` last. */
const FIELD_NAMES = ['name', 'title', 'tags', 'headings', 'body'] as const;
export type FieldIndex = 0 | 1 | 2 | 3 | 4;
export const FIELD_COUNT = FIELD_NAMES.length;
export const BODY: FieldIndex = 4;

/**
 * A posting's term frequencies packed in one 28-bit integer: body in bits 0–11 (up to 4095), each
 * short field in 4 bits above (up to 15). Counts saturate; BM25 stops caring long before.
 */
export function fieldShift(field: FieldIndex): number {
  return field === BODY ? 0 : 12 + 4 * field;
}

export function fieldMask(field: FieldIndex): number {
  return field === BODY ? 0xfff : 0xf;
}
