/**
 * Values written to jsonb columns and audit details. postgres.js types JSON parameters as `JSONValue`; the records
 * written (triggers, results, business hours) are plain JSON data whose types it cannot see as such.
 */
import type { JSONValue } from 'postgres';

export const asJson = (value: unknown) => value as JSONValue;
