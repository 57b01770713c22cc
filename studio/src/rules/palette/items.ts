/**
 * What the palette offers: every condition field (by section), the three group kinds and every result type, each
 * with the message keys of its name, and the search that finds them by any of their names, in English or Korean.
 * Pure, so it is tested on its own.
 */
import { CUSTOM_FIELD_PREFIXES, FIXED_FIELDS, type CustomFieldPrefix, type FixedField } from '../../../../rules/targets';
import { GROUP_KINDS, RESULT_KIND, type GroupKind, type ResultType } from '../../../../rules/model';
import type { MessageKey } from '../../i18n/messages';

/** Sections of the palette, in the order it lists them. */
export const PALETTE_SECTIONS = ['ticket', 'customer', 'time', 'custom', 'groups', 'changes', 'sideEffects'] as const;
export type PaletteSection = (typeof PALETTE_SECTIONS)[number];

/** One thing the palette inserts. */
export type PaletteItem =
  | { readonly id: string; readonly section: PaletteSection; readonly kind: 'field'; readonly field: FixedField | `${CustomFieldPrefix}:` }
  | { readonly id: string; readonly section: 'groups'; readonly kind: 'group'; readonly group: GroupKind }
  | { readonly id: string; readonly section: 'changes' | 'sideEffects'; readonly kind: 'result'; readonly result: ResultType };

/** Fields listed outside the ticket's own section; every other fixed field is a ticket field. */
const FIELD_SECTIONS: Partial<Record<FixedField, PaletteSection>> = {
  customerEmail: 'customer',
  customerPhone: 'customer',
  withinBusinessHours: 'time',
  createdAt: 'time',
  updatedAt: 'time',
};

const fieldItems: PaletteItem[] = FIXED_FIELDS.map((field) => ({ id: `field:${field}`, section: FIELD_SECTIONS[field] ?? 'ticket', kind: 'field', field }));

/** Everything the palette offers, section by section. */
export const PALETTE_ITEMS: readonly PaletteItem[] = [
  ...fieldItems,
  ...CUSTOM_FIELD_PREFIXES.map((prefix): PaletteItem => ({ id: `field:${prefix}`, section: 'custom', kind: 'field', field: `${prefix}:` })),
  ...GROUP_KINDS.map((group): PaletteItem => ({ id: `group:${group}`, section: 'groups', kind: 'group', group })),
  ...(Object.keys(RESULT_KIND) as ResultType[]).map((result): PaletteItem => ({
    id: `result:${result}`,
    section: RESULT_KIND[result] === 'sideEffect' ? 'sideEffects' : 'changes',
    kind: 'result',
    result,
  })),
].sort((a, b) => PALETTE_SECTIONS.indexOf(a.section) - PALETTE_SECTIONS.indexOf(b.section));

/** The message key of an item's name. */
export function itemLabelKey(item: PaletteItem): MessageKey {
  if (item.kind === 'group') return `rules.groupNode.kinds.${item.group}`;
  if (item.kind === 'result') return `rules.resultType.${item.result}`;
  const prefix = CUSTOM_FIELD_PREFIXES.find((candidate) => item.field === `${candidate}:`);
  return prefix ? `rules.customField.${prefix}` : `rules.field.${item.field as FixedField}`;
}

/** The message key of a section's heading. */
export const sectionLabelKey = (section: PaletteSection): MessageKey => `rules.palette.sections.${section}`;

const normalise = (text: string) => text.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The items whose names contain every word of the query, in palette order. `names` gives the words an item is
 * known by (its name and its section's in each language, its code), so a Korean admin finds "status" and "상태" alike.
 */
export function searchPalette(items: readonly PaletteItem[], query: string, names: (item: PaletteItem) => readonly string[]): PaletteItem[] {
  const words = normalise(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    const haystack = normalise(names(item).join(' '));
    return words.every((word) => haystack.includes(word));
  });
}
