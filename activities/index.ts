/**
 * Every side effect the workflows may cause, built by one factory so the worker injects real clients and
 * tests inject real-but-local ones.
 */
import type { Sql } from '../store/db';
import type { EvaluatorKind } from '../rules';
import type { AttachmentStorage } from '../clients/attachment-storage';
import type { Mailer } from '../clients/mailer';
import type { OutboundPolicy } from '../clients/outbound';
import { bulkJobActivities } from './bulk-jobs';
import { customerReplyActivities } from './customer-replies';
import { classifyFailures } from './failures';
import { sideEffectActivities } from './side-effects';
import { ticketActivities } from './tickets';
import { timeRuleActivities } from './time-rules';
import { triggerActivities } from './triggers';

export interface ActivityDeps {
  sql: Sql;
  mailer: Mailer | null;
  outbound: OutboundPolicy;
  evaluator: EvaluatorKind;
  publicUrl: string;
  attachments: AttachmentStorage;
}

export function createActivities(deps: ActivityDeps) {
  // Every activity, so that none retries forever on data the database refuses for good.
  return classifyFailures({
    ...ticketActivities(deps),
    ...triggerActivities(deps),
    ...sideEffectActivities(deps),
    ...customerReplyActivities(deps),
    ...timeRuleActivities(deps),
    ...bulkJobActivities(deps),
  });
}

export type Activities = ReturnType<typeof createActivities>;
