/**
 * The ticket vocabulary as the studio arranges it: status colours, the order of priorities, the task lists and
 * their sections. Every map is keyed by the API's own enum types, so a new status, list or priority fails the
 * build until it has an entry here; the words themselves live in the message catalogues (i18n/en, i18n/ko).
 */
import type { TicketList, TicketPriority, TicketStatus } from './api/types';

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

export { INTERNAL_RESOLVE_REASONS } from '../../domain/ticket';

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
