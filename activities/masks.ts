/**
 * PII masking (개인정보 마스킹) of a closed ticket, whose own workflow has finished, and the sealing every mask's
 * original gets before it is stored: in the activity, so the original never enters workflow history.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { MaskRequest } from '../domain/masks';
import type { Keyring } from '../infra/keyring';
import type { Sql } from '../store/db';
import { maskClosedTicket, type MaskStoreRefusal, type SealOriginal } from '../store/masks';

/** The codes the API answers a refused mask with. */
const REFUSAL_CODES = {
  not_found: 'message.not_found',
  not_text: 'mask.not_text',
  out_of_range: 'mask.out_of_range',
  already_masked: 'mask.already_masked',
  not_closed: 'ticket.invalid_transition',
} as const satisfies Record<MaskStoreRefusal | 'not_closed', string>;

/** A refused mask as a non-retryable failure: of the given type, or else typed by the refusal's own error code. */
export function maskRefused(reason: MaskStoreRefusal | 'not_closed', type?: string): ApplicationFailure {
  return ApplicationFailure.create({
    type: type ?? REFUSAL_CODES[reason],
    message: `The mask was refused: ${reason}.`,
    nonRetryable: true,
    details: [{ code: REFUSAL_CODES[reason] }],
  });
}

/** Seals with the configured key; without one nothing can be masked (the API refuses that before any command). */
export function sealWith(keyring: Keyring | null): SealOriginal {
  return (original, context) => {
    if (!keyring) throw ApplicationFailure.create({ type: 'field.encryption_unavailable', message: 'FIELD_ENCRYPTION_KEY is not configured.', nonRetryable: true });
    return keyring.seal(original, context);
  };
}

export function maskActivities({ sql, keyring }: { sql: Sql; keyring: Keyring | null }) {
  return {
    async maskClosedTicket(input: { ticketId: string; actorId: string; mask: MaskRequest; at: string }): Promise<void> {
      const masked = await maskClosedTicket(sql, { ...input, seal: sealWith(keyring) });
      if (!masked.ok) throw maskRefused(masked.reason);
    },
  };
}
