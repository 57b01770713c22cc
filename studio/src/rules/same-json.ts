/**
 * Deep equality of JSON values regardless of key order: the API stores triggers as jsonb, which orders keys its
 * own way, so an unchanged trigger must not look edited only because its keys came back reordered.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const left = Object.entries(a).filter(([, value]) => value !== undefined);
    const right = new Map(Object.entries(b).filter(([, value]) => value !== undefined));
    return left.length === right.size && left.every(([key, value]) => right.has(key) && sameJson(value, right.get(key)));
  }
  return false;
}
