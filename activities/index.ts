/**
 * Every side effect the workflows may cause, built by one factory so the worker injects real clients and
 * tests inject real-but-local ones.
 */
import type { Sql } from '../store/db';
import type { EvaluatorKind } from '../rules';
import type { AttachmentStorage } from '../clients/attachment-storage';
import type { Mailer } from '../clients/mailer';
import type { OutboundPolicy } from '../clients/outbound';
import type { Keyring } from '../infra/keyring';
import { bulkJobActivities } from './bulk-jobs';
import { customerReplyActivities } from './customer-replies';
import { callbackActivities } from './callbacks';
import { doorayActivities } from './dooray';
import { exportActivities } from './exports';
import { classifyFailures } from './failures';
import { maskActivities } from './masks';
import { operationActivities } from './operations';
import { sideEffectActivities, type CallbackSigning } from './side-effects';
import { ticketActivities } from './tickets';
import { ticketChangeActivities } from './ticket-changes';
import { timeRuleActivities } from './time-rules';
import { triggerActivities } from './triggers';

export interface ActivityDeps {
  sql: Sql;
  mailer: Mailer | null;
  outbound: OutboundPolicy;
  evaluator: EvaluatorKind;
  publicUrl: string;
  /** Signs callback URL requests and mints their reply URLs (null keys: unsigned, no reply URL). */
  signing: CallbackSigning;
  /** Opens sealed secrets (Dooray tokens) and seals masked originals; null when no FIELD_ENCRYPTION_KEY is configured. */
  keyring: Keyring | null;
  doorayTimeoutMs: number;
  attachments: AttachmentStorage;
}

export function createActivities(deps: ActivityDeps) {
  // Every activity, so that none retries forever on data the database refuses for good.
  return classifyFailures({
    ...ticketActivities(deps),
    ...ticketChangeActivities(deps),
    ...triggerActivities(deps),
    ...sideEffectActivities(deps),
    ...customerReplyActivities(deps),
    ...timeRuleActivities(deps),
    ...callbackActivities(deps),
    // Transfers (Dooray!)
    ...doorayActivities(deps),
    ...operationActivities(deps),
    // PII masking (개인정보 마스킹) of closed tickets
    ...maskActivities(deps),
    // Bulk work (일괄 처리)
    ...bulkJobActivities(deps),
    // Exports (엑셀 다운로드)
    ...exportActivities(deps),
  });
}

export type Activities = ReturnType<typeof createActivities>;
