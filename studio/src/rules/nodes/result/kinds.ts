/**
 * Every result type the studio edits, in the order the type picker offers them: state changes first, then side
 * effects. A new result type (after its schema in rules/model.ts) is one folder here and one row in this table.
 */
import { AssignPanel } from './assign/panel';
import { defaultAssign } from './assign/defaults';
import { summarizeAssign } from './assign/summary';
import { CallbackUrlPanel } from './callback-url/panel';
import { defaultCallbackUrl } from './callback-url/defaults';
import { summarizeCallbackUrl } from './callback-url/summary';
import { DoorayNotifyPanel } from './dooray-notify/panel';
import { defaultDoorayNotify } from './dooray-notify/defaults';
import { summarizeDoorayNotify } from './dooray-notify/summary';
import { ForwardEmailPanel } from './forward-email/panel';
import { defaultForwardEmail } from './forward-email/defaults';
import { summarizeForwardEmail } from './forward-email/summary';
import { ForwardToGroupPanel } from './forward-to-group/panel';
import { defaultForwardToGroup } from './forward-to-group/defaults';
import { summarizeForwardToGroup } from './forward-to-group/summary';
import type { ResultKind } from './kind';
import { NotifyEmailPanel } from './notify-email/panel';
import { defaultNotifyEmail } from './notify-email/defaults';
import { summarizeNotifyEmail } from './notify-email/summary';
import { SetIntakeTypePanel } from './set-intake-type/panel';
import { defaultSetIntakeType } from './set-intake-type/defaults';
import { summarizeSetIntakeType } from './set-intake-type/summary';
import { SetPriorityPanel } from './set-priority/panel';
import { defaultSetPriority } from './set-priority/defaults';
import { summarizeSetPriority } from './set-priority/summary';
import { TagsPanel } from './tags/panel';
import { defaultTags } from './tags/defaults';
import { summarizeTags } from './tags/summary';
import type { ResultType } from './types';

export const RESULT_KINDS: { readonly [T in ResultType]: ResultKind<T> } = {
  assign: { create: defaultAssign, Panel: AssignPanel, summary: summarizeAssign },
  setIntakeType: { create: defaultSetIntakeType, Panel: SetIntakeTypePanel, summary: summarizeSetIntakeType },
  setPriority: { create: defaultSetPriority, Panel: SetPriorityPanel, summary: summarizeSetPriority },
  addTags: { create: defaultTags('addTags'), Panel: TagsPanel, summary: summarizeTags },
  removeTags: { create: defaultTags('removeTags'), Panel: TagsPanel, summary: summarizeTags },
  forwardToGroup: { create: defaultForwardToGroup, Panel: ForwardToGroupPanel, summary: summarizeForwardToGroup },
  notifyEmail: { create: defaultNotifyEmail, Panel: NotifyEmailPanel, summary: summarizeNotifyEmail },
  forwardEmail: { create: defaultForwardEmail, Panel: ForwardEmailPanel, summary: summarizeForwardEmail },
  callbackUrl: { create: defaultCallbackUrl, Panel: CallbackUrlPanel, summary: summarizeCallbackUrl },
  doorayNotify: { create: defaultDoorayNotify, Panel: DoorayNotifyPanel, summary: summarizeDoorayNotify },
};

/** One type's entry, typed for that type (indexing the table with a union loses the link between key and entry). */
export function resultKind<T extends ResultType>(type: T): ResultKind<T> {
  return RESULT_KINDS[type] as ResultKind<T>;
}
