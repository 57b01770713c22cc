/**
 * The shape of a message catalogue and the small interpreter for its messages.
 *
 * A catalogue is a nested object of strings. The English catalogue is the reference: its dotted paths are the
 * message keys, and every other language must provide exactly the same keys ({@link Catalogue}).
 *
 * A message may hold `{name}` placeholders, replaced from the params, and plural choices in the ICU form
 * `{count, plural, one {# ticket} other {# tickets}}` (`#` is the number; the categories are those of
 * `Intl.PluralRules` for the language, so Korean needs only `other`).
 */

/** The same keys as `T`, with any string as value: what a translation of `T` must satisfy. */
export type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };

/** The dotted paths of the leaves of `T`: `{ a: { b: 'x' } }` gives `'a.b'`. */
export type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

export type MessageParams = Record<string, string | number>;

/** A catalogue seen as a tree of strings, for looking a key up at run time. */
interface MessageTree {
  [key: string]: string | MessageTree;
}

export function lookup(catalogue: object, key: string): string | undefined {
  let node: string | MessageTree | undefined = catalogue as MessageTree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const PLURAL = /\{(\w+), plural,((?:\s*[\w=]+\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_CASE = /([\w=]+)\s*\{([^{}]*)\}/g;
const PLACEHOLDER = /\{(\w+)\}/g;

export function interpolate(message: string, params: MessageParams | undefined, locale: string, formatNumber: (value: number) => string): string {
  if (!params) return message;
  const plurals = new Intl.PluralRules(locale);
  const withPlurals = message.replace(PLURAL, (whole, name: string, cases: string) => {
    const value = params[name];
    if (typeof value !== 'number') return whole;
    const choices = new Map<string, string>();
    for (const [, category, text] of cases.matchAll(PLURAL_CASE)) choices.set(category!, text!);
    const chosen = choices.get(`=${value}`) ?? choices.get(plurals.select(value)) ?? choices.get('other') ?? '';
    return chosen.replace(/#/g, formatNumber(value));
  });
  return withPlurals.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}
