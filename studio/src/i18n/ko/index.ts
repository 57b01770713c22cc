/** The Korean catalogue: each area satisfies the English one's keys. */
import type { Catalogue } from '../catalogue';
import type en from '../en';
import callbacks from './callbacks';
import common from './common';
import desk from './desk';
import errors from './errors';
import rules from './rules';
import shell from './shell';
import status from './status';
import ticket from './ticket';
import workspace from './workspace';
// Transfers
import transfers from './transfers';
import operations from './operations';
// PII masking
import masking from './masking';
// Search and customers
import search from './search';
import customers from './customers';
// Service settings: fields and reply templates
import settings from './settings';
// Settings section: agents, groups, business hours, SLA policies, API tokens, audit log
import admin from './admin';
// Signed URLs for external systems
import signedUrl from './signed-urls';

export default { common, shell, workspace, rules, ticket, status, errors, transfers, operations, callbacks, desk, masking, search, customers, settings, admin, signedUrl } satisfies Catalogue<typeof en>;
