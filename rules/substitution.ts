/**
 * Substitution codes (치환코드) that notification, callback and Dooray templates may contain, written
 * `#{ticket.id}`. Rendering happens where the values are (activities); the rule engine only rejects codes
 * nobody can fill, so a typo is a 422 when the trigger is saved rather than a literal `#{tikcet.id}` in a
 * customer's inbox.
 *
 * @module
 */
import { FIELD_CODE } from './targets';

/** Codes with a fixed name. `customerField.<code>` and `agentField.<code>` are accepted as well. */
export const SUBSTITUTION_CODES: readonly string[] = [
  'ticket.id',
  'ticket.url',
  'ticket.subject',
  'ticket.content',
  'ticket.status',
  'ticket.priority',
  'ticket.channel',
  'ticket.intakeType',
  'ticket.resolutionType',
  'ticket.group',
  'ticket.assignee',
  'ticket.tags',
  'ticket.createdAt',
  'ticket.updatedAt',
  'customer.id',
  'customer.name',
  'customer.email',
  'customer.phone',
  'service.name',
];

/** The codes a reply template may use: the triggers' ones and the name of the agent who replies. */
export const REPLY_TEMPLATE_CODES: readonly string[] = [...SUBSTITUTION_CODES, 'agent.name'];

const KNOWN = new Set(SUBSTITUTION_CODES);
const FIELD_SUBSTITUTION = /^(customerField|agentField)\.(.+)$/;
const PLACEHOLDER = /#\{([^}]*)\}/g;

/** The codes used in a template, in order of appearance (duplicates kept). */
export function substitutionCodesIn(template: string): string[] {
  return Array.from(template.matchAll(PLACEHOLDER), (match) => match[1]);
}

/** Whether a code can be filled when the template is rendered. */
export function isKnownSubstitutionCode(code: string): boolean {
  if (KNOWN.has(code)) return true;
  const field = FIELD_SUBSTITUTION.exec(code);
  return field !== null && FIELD_CODE.test(field[2]);
}
