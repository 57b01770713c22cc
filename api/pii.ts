/**
 * Personal data in field values: encrypted fields are sealed with the keyring before a value reaches the ticket
 * workflow (so workflow history, events and the database hold only ciphertext) and opened only in answers to readers
 * of the ticket. Each value is bound to its ticket, scope and field code, so a sealed value copied elsewhere does
 * not open there.
 *
 * @module
 */
import { isSealedValue, SEALED_VALUE_PREFIX, type FieldScope } from '../domain/fields';
import type { FieldValue } from '../domain/ticket';
import type { Config } from '../infra/env';
import { createKeyring, type KeyEntry, type Keyring } from '../infra/keyring';
import type { Field } from '../store/fields';
import type { TicketView } from '../store/tickets';

const keyrings = new WeakMap<readonly KeyEntry[], Keyring>();

/** The keyring of the configured FIELD_ENCRYPTION_KEY, or null when none is configured. */
export function fieldKeyring(config: Pick<Config, 'FIELD_ENCRYPTION_KEY'>): Keyring | null {
  const entries = config.FIELD_ENCRYPTION_KEY;
  if (!entries) return null;
  let keyring = keyrings.get(entries);
  if (!keyring) keyrings.set(entries, (keyring = createKeyring(entries)));
  return keyring;
}

/** What a sealed field value is bound to: its ticket, scope and field code. */
export const fieldContext = (ticketId: string, scope: FieldScope, code: string) => `ticket:${ticketId}:${scope}Field:${code}`;

/** The values with those of encrypted fields sealed (null, a clearing, stays null). */
export function sealFieldValues<V extends FieldValue | null>(
  keyring: Keyring | null,
  fields: Field[],
  scope: FieldScope,
  ticketId: string,
  values: Record<string, V>,
): Record<string, V> {
  const encrypted = new Set(fields.filter((field) => field.scope === scope && field.encrypted).map((field) => field.code));
  return Object.fromEntries(
    Object.entries(values).map(([code, value]) => {
      if (!encrypted.has(code) || value === null) return [code, value];
      if (!keyring) throw new Error('an encrypted field exists but FIELD_ENCRYPTION_KEY is not configured');
      return [code, `${SEALED_VALUE_PREFIX}${keyring.seal(JSON.stringify(value), fieldContext(ticketId, scope, code))}`];
    }),
  ) as Record<string, V>;
}

function openValues(keyring: Keyring | null, ticketId: string, scope: FieldScope, values: Record<string, FieldValue>): Record<string, FieldValue> {
  return Object.fromEntries(
    Object.entries(values).map(([code, value]) => {
      if (!isSealedValue(value)) return [code, value];
      // Without the key (or with a key since removed) the value cannot be shown; say so rather than show ciphertext.
      if (!keyring) return [code, '[encrypted]'];
      try {
        return [code, JSON.parse(keyring.openText(value.slice(SEALED_VALUE_PREFIX.length), fieldContext(ticketId, scope, code))) as FieldValue];
      } catch {
        return [code, '[encrypted]'];
      }
    }),
  );
}

/** The ticket as its reader sees it: encrypted field values opened. Call only after the read rule allowed the reader. */
export function revealTicket(config: Pick<Config, 'FIELD_ENCRYPTION_KEY'>, ticket: TicketView): TicketView {
  // Most tickets hold no sealed value: a task list answers them as they are, without copying each one.
  const sealed = (values: Record<string, FieldValue>) => Object.values(values).some(isSealedValue);
  if (!sealed(ticket.customerFields) && !sealed(ticket.agentFields)) return ticket;
  const keyring = fieldKeyring(config);
  return {
    ...ticket,
    customerFields: openValues(keyring, ticket.id, 'customer', ticket.customerFields),
    agentFields: openValues(keyring, ticket.id, 'agent', ticket.agentFields),
  };
}

/** An event's changes with sealed values shown as `[encrypted]`: the log says a PII field changed, not to what. */
export function redactSealedChanges(changes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(changes).map(([key, change]) => [
      key,
      Array.isArray(change) ? change.map((value) => (isSealedValue(value) ? '[encrypted]' : value)) : change,
    ]),
  );
}
