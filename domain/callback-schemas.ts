/**
 * The zod schemas of the callback vocabulary, one schema and one type under each name, for the API and the studio.
 *
 * @module
 */
import { z } from 'zod';
import { CALLBACK_ASSIGN_MODES, CALLBACK_OUTCOMES, CALLBACK_STATUSES, PHONE_PRESENCES } from './callback';

export const CallbackStatus = z.enum(CALLBACK_STATUSES);
export type CallbackStatus = z.infer<typeof CallbackStatus>;
export const CallbackOutcome = z.enum(CALLBACK_OUTCOMES);
export type CallbackOutcome = z.infer<typeof CallbackOutcome>;
export const CallbackAssignMode = z.enum(CALLBACK_ASSIGN_MODES);
export type CallbackAssignMode = z.infer<typeof CallbackAssignMode>;
export const PhonePresence = z.enum(PHONE_PRESENCES);
export type PhonePresence = z.infer<typeof PhonePresence>;

/** A customer's phone number as phone systems send it: digits, optionally a leading +, spaces or dashes between. */
export const PhoneNumber = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{5,30}[0-9]$/, 'a phone number of digits, with an optional leading + and spaces or dashes');
