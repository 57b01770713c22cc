/**
 * Display words for the ticket vocabulary in English and Korean. Korean status labels come from the
 * shared vocabulary (rules/ticket-vocabulary.ts); every map is keyed by the API's own enum types, so a
 * new status, list or priority fails the build until it has a label here.
 */
import { TICKET_STATUS_LABELS_KO } from '../../rules/ticket-vocabulary';
import type { InternalResolveReason, MessageKind, TicketChannel, TicketList, TicketPriority, TicketStatus } from './api/types';

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

export const STATUS_LABELS = Object.fromEntries(
  (Object.keys(STATUS_EN) as TicketStatus[]).map((status) => [status, { en: STATUS_EN[status], ko: TICKET_STATUS_LABELS_KO[status] }]),
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
