/**
 * The ticket vocabulary as the studio arranges it: status colours, the order of priorities, the task lists and
 * their sections. Every map is keyed by the API's own enum types, so a new status, list or priority fails the
 * build until it has an entry here; the words themselves live in the message catalogues (i18n/en, i18n/ko).
 */
import type { TicketEventType } from '../../rules/ticket-vocabulary';
import type { AssignStrategy, ConditionOperator, CustomFieldValueType, Result, ResultType } from '../../rules/model';
import type { CustomFieldPrefix, FixedField } from '../../rules/targets';
import type { InternalResolveReason, TicketChannel, TicketList, TicketPriority, TicketStatus } from './api/types';
import en from './i18n/en';
import type { Label } from './i18n';
import ko from './i18n/ko';

export type { Label } from './i18n';

type NotifyRecipient = Extract<Result, { type: 'notifyEmail' }>['to'];

/** Colour family of each status; the CSS defines `--tone-<family>-fg/bg` once for badges, dots and charts. */
export const STATUS_TONE: Record<TicketStatus, string> = {
  unassigned: 'orange',
  in_progress: 'blue',
  on_hold: 'amber',
  issue_transferred: 'violet',
  issue_answered: 'violet',
  dooray_transferred: 'teal',
  dooray_in_progress: 'teal',
  dooray_answered: 'teal',
  resolved: 'green',
  closed: 'slate',
  spam: 'rose',
};

/** Highest first, the order pickers offer them in. */
export const PRIORITIES: TicketPriority[] = ['urgent', 'high', 'normal', 'low'];

export const INTERNAL_RESOLVE_REASONS: InternalResolveReason[] = ['spam', 'abuse', 'test', 'phone', 'other'];

export interface ListDefinition {
  id: TicketList;
  section: 'mine' | 'team';
}

const LIST_SECTIONS: Record<TicketList, ListDefinition['section']> = {
  mine_in_progress: 'mine',
  mine_on_hold: 'mine',
  mine_resolved: 'mine',
  mine_closed: 'mine',
  all: 'team',
  unassigned: 'team',
  my_groups: 'team',
  transferred: 'team',
  spam: 'team',
};

/** The task lists in sidebar order; digits 1–9 follow it. */
export const LISTS: ListDefinition[] = (Object.keys(LIST_SECTIONS) as TicketList[]).map((id) => ({ id, section: LIST_SECTIONS[id] }));
export const isTicketList = (value: string): value is TicketList => value in LIST_SECTIONS;

/* ---------- Bilingual labels still read by the rule studio (to be replaced by `rules.*` catalogue keys) ---------- */

function bilingual<K extends string>(english: Record<K, string>, korean: Record<K, string>): Record<K, Label> {
  return Object.fromEntries((Object.keys(english) as K[]).map((key) => [key, { en: english[key], ko: korean[key] }])) as Record<K, Label>;
}

/** @deprecated use `t(`status.${status}`)`. */
export const STATUS_LABELS: Record<TicketStatus, Label> = bilingual(en.status, ko.status);
/** @deprecated use `t(`ticket.priority.${priority}`)`. */
export const PRIORITY_LABELS: Record<TicketPriority, Label> = bilingual(en.ticket.priority, ko.ticket.priority);
/** @deprecated use `t(`ticket.channel.${channel}`)`. */
export const CHANNEL_LABELS: Record<TicketChannel, Label> = bilingual(en.ticket.channel, ko.ticket.channel);

export const TRIGGER_EVENT_LABELS: Record<TicketEventType, Label> = {
  created: { en: 'Created', ko: '생성' },
  updated: { en: 'Updated', ko: '변경' },
};

/** Built-in condition targets in catalogue order (rules/targets.ts), named as the Online Contact manuals do. */
export const CONDITION_FIELD_LABELS: Record<FixedField, Label> = {
  status: { en: 'Status', ko: '상태' },
  intakeType: { en: 'Intake type', ko: '접수유형' },
  resolutionType: { en: 'Resolution type', ko: '처리유형' },
  channel: { en: 'Channel', ko: '채널' },
  priority: { en: 'Priority', ko: '우선순위' },
  group: { en: 'Group', ko: '그룹' },
  assignee: { en: 'Assignee', ko: '담당자' },
  subject: { en: 'Subject', ko: '제목' },
  content: { en: 'Content', ko: '내용' },
  tags: { en: 'Tags', ko: '태그' },
  customerEmail: { en: 'Customer email', ko: '고객 이메일' },
  customerPhone: { en: 'Customer phone', ko: '고객 전화번호' },
  withinBusinessHours: { en: 'Within business hours', ko: '업무시간 내' },
  createdAt: { en: 'Created at', ko: '접수일시' },
  updatedAt: { en: 'Updated at', ko: '변경일시' },
};

/** Per-service field targets: `customerField:<code>` and `agentField:<code>`. */
export const CUSTOM_FIELD_LABELS: Record<CustomFieldPrefix, Label> = {
  customerField: { en: 'Customer field', ko: '고객 필드' },
  agentField: { en: 'Agent field', ko: '상담원 필드' },
};

export const VALUE_TYPE_LABELS: Record<CustomFieldValueType, Label> = {
  string: { en: 'Text', ko: '문자' },
  number: { en: 'Number', ko: '숫자' },
  boolean: { en: 'Yes / no', ko: '예/아니오' },
  date: { en: 'Date', ko: '날짜' },
};

/** Operators with the short symbol the canvas shows and the words the pickers show. */
export const OPERATOR_LABELS: Record<ConditionOperator, Label & { symbol: string }> = {
  equals: { symbol: '=', en: 'is', ko: '같음' },
  notEquals: { symbol: '≠', en: 'is not', ko: '같지 않음' },
  contains: { symbol: '∋', en: 'contains', ko: '포함' },
  notContains: { symbol: '∌', en: 'does not contain', ko: '포함하지 않음' },
  startsWith: { symbol: '^=', en: 'starts with', ko: '시작' },
  in: { symbol: '∈', en: 'is one of', ko: '중 하나' },
  notIn: { symbol: '∉', en: 'is none of', ko: '중 어느 것도 아님' },
  greaterThan: { symbol: '>', en: 'greater / later than', ko: '초과 (이후)' },
  lessThan: { symbol: '<', en: 'less / earlier than', ko: '미만 (이전)' },
  isEmpty: { symbol: '∅', en: 'is empty', ko: '비어 있음' },
  isNotEmpty: { symbol: '≠∅', en: 'is not empty', ko: '비어 있지 않음' },
  withinSubtree: { symbol: '⊂', en: 'is within', ko: '하위 포함' },
  changed: { symbol: 'Δ', en: 'changed', ko: '변경됨' },
  changedTo: { symbol: '→', en: 'changed to', ko: '(으)로 변경됨' },
  changedFrom: { symbol: '←', en: 'changed from', ko: '에서 변경됨' },
};

export const CONDITION_GROUP_LABELS: Record<'all' | 'any', Label> = {
  all: { en: 'Must match (AND)', ko: '필수 (AND)' },
  any: { en: 'Any of (OR)', ko: '선택 (OR)' },
};

export const RESULT_LABELS: Record<ResultType, Label> = {
  assign: { en: 'Assign', ko: '배정' },
  setIntakeType: { en: 'Set intake type', ko: '접수유형 지정' },
  setPriority: { en: 'Set priority', ko: '우선순위 지정' },
  addTags: { en: 'Add tags', ko: '태그 추가' },
  removeTags: { en: 'Remove tags', ko: '태그 삭제' },
  forwardToGroup: { en: 'Forward to group', ko: '그룹 전달' },
  notifyEmail: { en: 'Notify by email', ko: '메일 알림' },
  forwardEmail: { en: 'Forward by email', ko: '외부 메일 전달' },
  callbackUrl: { en: 'Callback URL', ko: '콜백 URL' },
  doorayNotify: { en: 'Dooray! message', ko: '두레이 메신저 알림' },
};

export const ASSIGN_STRATEGY_LABELS: Record<AssignStrategy, Label> = {
  random: { en: 'Random', ko: '임의배분' },
  roundRobin: { en: 'Round robin', ko: '순차배분' },
  agent: { en: 'A named agent', ko: '지정 상담원' },
  leastLoaded: { en: 'Least loaded', ko: '최소 업무량' },
};

export const NOTIFY_RECIPIENT_LABELS: Record<NotifyRecipient, Label> = {
  assignee: { en: 'Assignee', ko: '담당자' },
  group: { en: 'Group', ko: '그룹' },
  customer: { en: 'Customer', ko: '고객' },
};

/** Help-centre languages a notification is written in, in the order the form offers them. @deprecated use `t(`ticket.language.${language}`)`. */
export const MESSAGE_LANGUAGE_LABELS: Record<'ko' | 'en', Label> = bilingual(en.ticket.language, ko.ticket.language);
