/**
 * The synthetic mix the rules bench started with, kept so its figures stay comparable across versions: every
 * trigger has a must-match row on an indexed field (status, intake type, channel, priority or group), some
 * refine it with contains / in / greaterThan rows; 8 keywords, 8 tags, and a pool of 256 ticket events whose
 * subjects are drawn from those 8 keywords. Its distribution flatters the evaluator (every trigger is indexable
 * and the lowercase cache holds every text), which is why the bench also runs the realistic mix.
 */
import { TicketChannel, TicketStatus } from '../../../domain/schemas';
import {
  compileTrigger,
  parseTrigger,
  type ConditionRow,
  type Result,
  type TicketFacts,
  type TicketSnapshot,
  type Trigger,
} from '../../../rules';
import type { RuleProperties } from 'json-rules-engine';
import { createRandom, type Random } from '../../unit/rules/support/prng';
import type { BenchMix } from './mix';

// A mid-sized service: 10 top-level intake types with 5 children each, 12 groups, 60 agents.
const INTAKE_ROOTS = Array.from({ length: 10 }, (_, root) => `it-${root}`);
const INTAKE_TYPES = INTAKE_ROOTS.flatMap((root) => [
  root,
  ...Array.from({ length: 5 }, (_, child) => `${root}-${child}`),
]);
/** Ancestor chain of an intake type: `it-3-2` sits under `it-3`. */
const ancestry = (intakeTypeId: string) =>
  intakeTypeId.split('-').length === 3
    ? [intakeTypeId.slice(0, intakeTypeId.lastIndexOf('-')), intakeTypeId]
    : [intakeTypeId];
const GROUPS = Array.from({ length: 12 }, (_, group) => `grp-${group}`);
const AGENTS = Array.from({ length: 60 }, (_, agent) => `agt-${agent}`);
const TAGS = ['vip', 'refund', 'bug', 'complaint', 'press', 'b2b', '재문의', '긴급'];
const KEYWORDS = ['환불', 'refund', 'cancel', '로그인', 'error', 'invoice', '배송', 'password'];
const OPEN_STATUSES = ['unassigned', 'in_progress', 'on_hold'] as const;
const INBOUND_CHANNELS = ['email', 'help_center_pc', 'help_center_mobile', 'phone', 'chat', 'kakao'] as const;

function equalityRow(random: Random): ConditionRow {
  const roll = random.next();
  if (roll < 0.4) return { field: 'intakeType', operator: 'equals', value: random.pick(INTAKE_TYPES) };
  if (roll < 0.55) return { field: 'intakeType', operator: 'withinSubtree', value: random.pick(INTAKE_ROOTS) };
  if (roll < 0.7) return { field: 'channel', operator: 'equals', value: random.pick(INBOUND_CHANNELS) };
  if (roll < 0.8) return { field: 'group', operator: 'equals', value: random.pick(GROUPS) };
  if (roll < 0.9) return { field: 'priority', operator: 'equals', value: random.pick(['high', 'urgent']) };
  return { field: 'status', operator: 'in', value: random.sample(OPEN_STATUSES, 2).concat('unassigned') };
}

function refinementRow(random: Random): ConditionRow {
  const roll = random.next();
  if (roll < 0.3) return { field: 'subject', operator: 'contains', value: random.pick(KEYWORDS) };
  if (roll < 0.5) return { field: 'tags', operator: 'in', value: random.sample(TAGS, 2).concat('vip') };
  if (roll < 0.65) {
    return { field: 'customerField:orders', operator: 'greaterThan', value: random.int(20), valueType: 'number' };
  }
  if (roll < 0.8) return { field: 'createdAt', operator: 'greaterThan', value: '2024-06-01T00:00:00+09:00' };
  if (roll < 0.9) return { field: 'withinBusinessHours', operator: 'equals', value: false };
  return { field: 'assignee', operator: 'isEmpty' };
}

const RESULTS: readonly Result[] = [
  { type: 'assign', groupId: 'grp-0', strategy: 'roundRobin' },
  { type: 'setPriority', priority: 'high' },
  { type: 'addTags', tags: ['auto-routed'] },
  {
    type: 'notifyEmail',
    to: 'group',
    messages: { ko: { subject: '[#{ticket.id}] 새 문의', body: '#{ticket.subject}' } },
  },
  { type: 'doorayNotify', hookUrl: 'https://hook.dooray.com/services/1/2/abc', template: '#{ticket.id} #{customer.name}' },
];

function syntheticTrigger(random: Random, position: number): Trigger {
  const all = [equalityRow(random)];
  if (random.chance(0.5)) all.push(equalityRow(random));
  if (random.chance(0.4)) all.push(refinementRow(random));
  const any = random.chance(0.25) ? [refinementRow(random), refinementRow(random)] : [];
  const trigger: Trigger = {
    id: `trg-${position}`,
    title: `Routing rule ${position}`,
    enabled: random.chance(0.9),
    position,
    events: random.chance(0.6) ? ['created', 'updated'] : ['created'],
    conditions: { all, any },
    results: [random.pick(RESULTS)],
  };
  const parsed = parseTrigger(trigger);
  if (!parsed.ok) throw new Error(`bench generator produced an invalid trigger: ${JSON.stringify(parsed.issues)}`);
  return parsed.trigger;
}

function syntheticTicket(random: Random, index: number): TicketSnapshot {
  const intakeTypeId = random.pick(INTAKE_TYPES);
  const assigned = random.chance(0.5);
  return {
    id: `T${1_700_000_000_000 + index}`,
    status: assigned ? random.pick(TicketStatus.options) : 'unassigned',
    channel: random.chance(0.9) ? random.pick(INBOUND_CHANNELS) : random.pick(TicketChannel.options),
    priority: random.pick(['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const),
    intakeTypeId,
    intakeTypePath: ancestry(intakeTypeId),
    resolutionTypeId: null,
    groupId: random.chance(0.7) ? random.pick(GROUPS) : null,
    assigneeId: assigned ? random.pick(AGENTS) : null,
    subject: `${random.pick(KEYWORDS)} 관련 문의드립니다`,
    content: `주문번호 ${random.int(100_000)} ${random.pick(KEYWORDS)} ${random.pick(KEYWORDS)}`,
    tags: random.sample(TAGS, 2),
    customerEmail: `customer${index}@example.com`,
    customerPhone: random.chance(0.3) ? '010-1234-5678' : null,
    customerFields: { orders: random.int(30), plan: random.pick(['basic', 'premium']) },
    agentFields: {},
    withinBusinessHours: random.chance(0.7),
    createdAt: `2024-${String(1 + random.int(12)).padStart(2, '0')}-15T10:00:00+09:00`,
    updatedAt: '2024-12-20T10:00:00+09:00',
  };
}

function syntheticEvents(random: Random, count: number): TicketFacts[] {
  return Array.from({ length: count }, (_, index): TicketFacts => {
    const ticket = syntheticTicket(random, index);
    if (random.chance(0.5)) return { event: 'created', ticket, previous: null };
    const previous: TicketSnapshot = { ...ticket, priority: 'normal', assigneeId: null, status: 'unassigned' };
    return { event: 'updated', ticket, previous };
  });
}

/** The synthetic mix: a rule set and 256 events drawn from one generator seeded with the size, as before. */
export const syntheticMix: BenchMix = {
  name: 'synthetic',
  build(size: number) {
    const random = createRandom(size);
    const triggers = Array.from({ length: size }, (_, position) => syntheticTrigger(random, position));
    const definitions: RuleProperties[] = triggers.map(compileTrigger);
    return { triggers, definitions, events: syntheticEvents(random, 256) };
  },
};
