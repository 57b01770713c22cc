/**
 * The substitution codes (치환코드) a reply template may use, and inserting one at the cursor. Pure, so unit tests
 * import it.
 */
export { REPLY_TEMPLATE_CODES } from '../../../rules/substitution';

/** The codes of a service's fields: `customerField.<code>` and `agentField.<code>`. */
export const fieldCodes = (fields: readonly { scope: 'customer' | 'agent'; code: string }[]): string[] =>
  fields.map((field) => `${field.scope}Field.${field.code}`);

/** `#{code}` put in place of the selection `start`…`end` of `text`, and where the cursor goes after it. */
export function insertCode(text: string, start: number, end: number, code: string): { text: string; cursor: number } {
  const placeholder = `#{${code}}`;
  return { text: text.slice(0, start) + placeholder + text.slice(end), cursor: start + placeholder.length };
}
