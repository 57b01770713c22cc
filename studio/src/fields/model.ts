/**
 * Pure helpers of the field pages and of ticket forms: labels in the reader's language, the order of a list, which
 * customer fields an intake type asks for, and file sizes. No React and no browser APIs, so unit tests import it.
 */

/** A label in the reader's language, else English, else whatever language it has. */
export const labelOf = (labels: Record<string, string>, lang: string): string => labels[lang] ?? labels.en ?? Object.values(labels)[0] ?? '';

/**
 * The position changes that move the item at `index` one place up (-1) or down (+1). Positions are renumbered
 * 0, 1, 2… because fields created without one all sit at 0; only the items whose position changes are returned.
 */
export function moveChanges(items: readonly { id: string; position: number }[], index: number, delta: -1 | 1): { id: string; position: number }[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [];
  const order = [...items];
  [order[index], order[target]] = [order[target]!, order[index]!];
  return order.flatMap((item, position) => (item.position === position ? [] : [{ id: item.id, position }]));
}

/**
 * An intake type and its ancestors, from the types flattened depth-first (each parent before its children, as
 * the category tree is listed): the parent is the nearest earlier type one level up.
 */
export function intakeTypeLineage(types: readonly { id: string; depth: number }[], id: string): string[] {
  let index = types.findIndex((type) => type.id === id);
  if (index < 0) return [];
  const lineage = [id];
  let depth = types[index]!.depth;
  while (--index >= 0) {
    if (types[index]!.depth < depth) {
      lineage.push(types[index]!.id);
      depth = types[index]!.depth;
    }
  }
  return lineage;
}

/** The customer fields a ticket of the intake type (given with its ancestors) asks for: those of no type, of it, or inherited. */
export function customerFieldsFor<F extends { scope: string; intakeTypeId: string | null }>(fields: readonly F[], lineage: readonly string[]): F[] {
  return fields.filter((field) => field.scope === 'customer' && (field.intakeTypeId === null || lineage.includes(field.intakeTypeId)));
}

/** A file size for people: bytes, KB or MB with one decimal. */
export function formatBytes(bytes: number, locale: string): string {
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024) return `${number(bytes)} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} KB`;
  return `${number(bytes / (1024 * 1024))} MB`;
}
