/**
 * The customer list's search as the URL hash keeps it, and the preview of a manual merge (고객정보 통합). Pure, so
 * unit tests run it.
 */
import { CUSTOMER_MERGEABLE, type CustomerMergeable } from '../../../domain/search';

/** The customer list's conditions (GET /customers), each one line of text. */
export const CUSTOMER_CONDITIONS = ['serviceId', 'customerId', 'name', 'userId', 'email', 'phone', 'userKey'] as const;
export type CustomerQuery = Partial<Record<(typeof CUSTOMER_CONDITIONS)[number], string>>;

export function customerQueryFromHash(search: string): CustomerQuery {
  const params = new URLSearchParams(search);
  const query: CustomerQuery = {};
  for (const key of CUSTOMER_CONDITIONS) {
    const value = params.get(key)?.trim();
    if (value) query[key] = value;
  }
  return query;
}

export function hashOfCustomerQuery(query: CustomerQuery): string {
  const params = new URLSearchParams();
  for (const key of CUSTOMER_CONDITIONS) {
    const value = query[key]?.trim();
    if (value) params.set(key, value);
  }
  return params.toString();
}

type Values = Record<CustomerMergeable, string | null>;

/**
 * What a merge does to each value, as the API merges: a value the kept customer lacks is taken (`fill`), a differing
 * one is kept beside its own as another value (`add`), an equal one (emails in any case, phones by digits) changes
 * nothing (`same`), and an absent one nothing either (`none`).
 */
export interface MergeRow {
  field: CustomerMergeable;
  kept: string | null;
  merged: string | null;
  outcome: 'fill' | 'add' | 'same' | 'none';
}

const comparable = (field: CustomerMergeable, value: string) =>
  field === 'email' ? value.toLowerCase() : field === 'phone' ? value.replace(/\D/g, '') : value;

export function mergePreview(kept: Values, merged: Values): MergeRow[] {
  return CUSTOMER_MERGEABLE.map((field) => {
    const ours = kept[field];
    const theirs = merged[field];
    const outcome =
      theirs === null ? 'none' : ours === null ? 'fill' : comparable(field, ours) === comparable(field, theirs) ? 'same' : 'add';
    return { field, kept: ours, merged: theirs, outcome };
  });
}
