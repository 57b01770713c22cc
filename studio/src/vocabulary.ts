/**
 * Display words for the ticket vocabulary in English and Korean. Every map is keyed by the API's own enum
 * types, so a new status, list or priority fails the build until it has a label here.
 */
import type { TicketEventType } from '../../domain/ticket';
import type { AssignStrategy, ConditionOperator, CustomFieldValueType, Result, ResultType } from '../../rules/model';
import type { CustomFieldPrefix, FixedField } from '../../rules/targets';
import type { InternalResolveReason, MessageKind, TicketChannel, TicketList, TicketPriority, TicketStatus } from './api/types';

type NotifyRecipient = Extract<Result, { type: 'notifyEmail' }>['to'];

export interface Label {
  en: string;
  ko: string;
}

const STATUS_EN: Record<TicketStatus, string> = {
  unassigned: 'Unassigned',
  in_progress: 'In progress',
  on_hold: 'On hold',
  issue_transferred: 'Issue transferred',
  issue_answered: 'Issue answered',
  dooray_transferred: 'Sent to Dooray',
  dooray_in_progress: 'Dooray working',
  dooray_answered: 'Dooray answered',
  resolved: 'Resolved',
  closed: 'Closed',
  spam: 'Spam',
};

/** Korean status labels, as the Online Contact manuals name them. */
const STATUS_KO: Record<TicketStatus, string> = {
  unassigned: '미할당',
  in_progress: '처리중',
  on_hold: '보류중',
  issue_transferred: '이관 처리중',
  issue_answered: '이관 답변완료',
  dooray_transferred: 'Dooray 이관완료',
  dooray_in_progress: 'Dooray 진행중',
  dooray_answered: 'Dooray 답변완료',
  resolved: '해결',
  closed: '완료',
  spam: '스팸',
};

export const STATUS_LABELS = Object.fromEntries(
  (Object.keys(STATUS_EN) as TicketStatus[]).map((status) => [status, { en: STATUS_EN[status], ko: STATUS_KO[status] }]),
) as Record<TicketStatus, Label>;

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

export const PRIORITY_LABELS: Record<TicketPriority, Label> = {
  urgent: { en: 'Urgent', ko: '긴급' },
  high: { en: 'High', ko: '높음' },
  normal: { en: 'Normal', ko: '보통' },
  low: { en: 'Low', ko: '낮음' },
};
/** Highest first, the order pickers offer them in. */
export const PRIORITIES = Object.keys(PRIORITY_LABELS) as TicketPriority[];

export const CHANNEL_LABELS: Record<TicketChannel, Label> = {
  created: { en: 'Created', ko: '생성' },
  api: { en: 'API', ko: 'API' },
  email: { en: 'Email', ko: '이메일' },
  help_center_pc: { en: 'Help centre (PC)', ko: '고객센터(PC)' },
  help_center_mobile: { en: 'Help centre (mobile)', ko: '고객센터(모바일)' },
  phone: { en: 'Phone', ko: '전화' },
  chat: { en: 'Chat', ko: '채팅' },
  twitter: { en: 'Twitter', ko: '트위터' },
  kakao: { en: 'Kakao', ko: '카카오' },
  issue_transfer: { en: 'Issue transfer', ko: '이슈이관' },
};

export interface ListDefinition {
  id: TicketList;
  label: Label;
  section: 'mine' | 'team';
  empty: string;
}

const LIST_DEFINITIONS: Record<TicketList, Omit<ListDefinition, 'id'>> = {
  mine_in_progress: { label: { en: 'In progress', ko: '내 처리중' }, section: 'mine', empty: 'Nothing assigned to you is in progress. Take one from Unassigned.' },
  mine_on_hold: { label: { en: 'On hold', ko: '보류중' }, section: 'mine', empty: 'No tickets waiting on a customer.' },
  mine_resolved: { label: { en: 'Resolved', ko: '해결' }, section: 'mine', empty: 'You have not resolved any tickets yet.' },
  mine_closed: { label: { en: 'Closed', ko: '완료' }, section: 'mine', empty: 'None of your tickets have been completed yet.' },
  all: { label: { en: 'All tickets', ko: '전체' }, section: 'team', empty: 'No tickets yet. Create one with N.' },
  unassigned: { label: { en: 'Unassigned', ko: '미할당' }, section: 'team', empty: 'Every ticket has an owner. Nice work.' },
  my_groups: { label: { en: 'My groups', ko: '내 그룹' }, section: 'team', empty: 'No tickets in your groups.' },
  transferred: { label: { en: 'Transferred', ko: '이관' }, section: 'team', empty: 'Nothing is with an issue service or Dooray!.' },
  spam: { label: { en: 'Spam', ko: '스팸' }, section: 'team', empty: 'The spam box is empty.' },
};

export const LISTS: ListDefinition[] = (Object.keys(LIST_DEFINITIONS) as TicketList[]).map((id) => ({ id, ...LIST_DEFINITIONS[id] }));
export const listDefinition = (id: TicketList): ListDefinition => ({ id, ...LIST_DEFINITIONS[id] });
export const isTicketList = (value: string): value is TicketList => value in LIST_DEFINITIONS;

export const MESSAGE_KIND_LABELS: Record<MessageKind, Label> = {
  reply: { en: 'Reply', ko: '답변' },
  interim: { en: 'Interim answer', ko: '중간 답변' },
  comment: { en: 'Comment', ko: '댓글' },
  internal_note: { en: 'Internal note', ko: '내부 메모' },
};

export const INTERNAL_RESOLVE_LABELS: Record<InternalResolveReason, Label> = {
  spam: { en: 'Spam', ko: '스팸' },
  abuse: { en: 'Abuse', ko: '욕설·악성' },
  test: { en: 'Test', ko: '테스트' },
  phone: { en: 'Solved by phone', ko: '전화 처리' },
  other: { en: 'Other', ko: '기타' },
};
export const INTERNAL_RESOLVE_REASONS = Object.keys(INTERNAL_RESOLVE_LABELS) as InternalResolveReason[];

/* ---------- Triggers (트리거) ---------- */

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

/** Help-centre languages a notification is written in, in the order the form offers them. */
export const MESSAGE_LANGUAGE_LABELS: Record<'ko' | 'en', Label> = {
  ko: { en: 'Korean', ko: '한국어' },
  en: { en: 'English', ko: '영어' },
};
