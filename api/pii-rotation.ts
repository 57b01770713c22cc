/**
 * Key rotation for encrypted (PII) field values: after a new key is put first in FIELD_ENCRYPTION_KEY, every value
 * sealed under an older key is opened and sealed again under the newest, ticket by ticket, in batches. Each ticket's
 * values change through its workflow (an `edit` by the admin running the rotation), so the workflow's state, its
 * event log and the read model stay one; the old key can be removed once the rotation has finished.
 *
 * @module
 */
import type { Client } from '@temporalio/client';
import { isSealedValue, SEALED_VALUE_PREFIX, type FieldScope } from '../domain/fields';
import type { Actor } from '../domain/people';
import type { FieldValue, TicketEdit } from '../domain/ticket';
import type { Keyring } from '../infra/keyring';
import type { Db } from '../store/db';
import { findTicketsWithSealedValues } from '../store/tickets';
import { sendTicketCommand } from './routes/tickets/tickets.commands';
import { fieldContext } from './pii';

const kidOf = (sealed: string) => sealed.slice(SEALED_VALUE_PREFIX.length).split(':')[0];

function resealed(keyring: Keyring, ticketId: string, scope: FieldScope, values: Record<string, FieldValue>): Record<string, FieldValue> {
  const changed: Record<string, FieldValue> = {};
  for (const [code, value] of Object.entries(values)) {
    if (!isSealedValue(value) || kidOf(value) === keyring.currentKid) continue;
    const context = fieldContext(ticketId, scope, code);
    const plain = keyring.openText(value.slice(SEALED_VALUE_PREFIX.length), context);
    changed[code] = `${SEALED_VALUE_PREFIX}${keyring.seal(plain, context)}`;
  }
  return changed;
}

export interface RotationReport {
  tickets: number;
  values: number;
}

/** Re-seals every value under an older key, `batchSize` tickets at a time; returns how many it re-sealed. */
export async function rotateSealedFieldValues(options: {
  sql: Db;
  temporal: Client;
  keyring: Keyring;
  /** The admin the edits are recorded as. */
  actor: Actor;
  batchSize: number;
  onBatch?: (report: RotationReport) => void;
}): Promise<RotationReport> {
  const { sql, temporal, keyring, actor, batchSize } = options;
  const report: RotationReport = { tickets: 0, values: 0 };
  let afterId = '';
  for (;;) {
    const batch = await findTicketsWithSealedValues(sql, afterId, batchSize);
    if (batch.length === 0) return report;
    for (const ticket of batch) {
      const edit: TicketEdit = {
        customerFields: resealed(keyring, ticket.id, 'customer', ticket.customerFields),
        agentFields: resealed(keyring, ticket.id, 'agent', ticket.agentFields),
      };
      const count = Object.keys(edit.customerFields!).length + Object.keys(edit.agentFields!).length;
      if (count === 0) continue;
      await sendTicketCommand(temporal, ticket.id, actor, { kind: 'edit', edit });
      report.tickets++;
      report.values += count;
    }
    afterId = batch[batch.length - 1].id;
    options.onBatch?.({ ...report });
  }
}
