/**
 * Random but valid triggers and ticket events over deliberately small vocabularies, so that conditions
 * hold often enough for the differential test to exercise both outcomes of every operator.
 */
import { TicketChannel, TicketPriority, TicketStatus } from '../../../../domain/schemas';
import {
  FIXED_FIELDS,
  conditionTarget,
  type ConditionRow,
  type ConditionTarget,
  type ConditionValue,
  type CustomFieldValueType,
  type Result,
  type TicketFacts,
  type TicketSnapshot,
  type Trigger,
} from '../../../../rules';
import type { Random } from './prng';

/** Intake type tree: id → ancestor chain from the root down to itself. */
export const INTAKE_TYPES: Readonly<Record<string, readonly string[]>> = {
  billing: ['billing'],
  'billing.refund': ['billing', 'billing.refund'],
  'billing.refund.bank': ['billing', 'billing.refund', 'billing.refund.bank'],
  account: ['account'],
  'account.login': ['account', 'account.login'],
};
const INTAKE_IDS = Object.keys(INTAKE_TYPES);
const RESOLUTION_TYPES = ['answered', 'duplicate', 'by_phone'];
const GROUPS = ['g-pay', 'g-account', 'g-vip'];
const AGENTS = ['a-kim', 'a-lee', 'a-park'];
const TAGS = ['vip', 'refund', 'bug', '긴급'];
const WORDS = ['Refund', 'refund', '환불', 'login', 'ERROR', 'bank', '배송 지연', ''];
const EMAILS = ['kim@example.com', 'KIM@example.com', 'lee@example.org'];
const PHONES = ['010-1234-5678', '02-555-0100'];
const DATES = [
  '2024-03-01T00:00:00Z',
  '2024-03-01T09:00:00+09:00',
  '2024-03-01T12:30:00.000Z',
  '2024-06-15T08:00:00+02:00',
  '2025-01-01T00:00:00Z',
];

/** Per-service fields, including codes that shadow Object.prototype members to exercise own-property reads. */
const CUSTOM_FIELDS: readonly { field: string; valueType: CustomFieldValueType }[] = [
  { field: 'customerField:vip', valueType: 'boolean' },
  { field: 'customerField:age', valueType: 'number' },
  { field: 'customerField:plan', valueType: 'string' },
  { field: 'customerField:birthday', valueType: 'date' },
  { field: 'customerField:constructor', valueType: 'string' },
  { field: 'agentField:score', valueType: 'number' },
  { field: 'agentField:note', valueType: 'string' },
  { field: 'agentField:toString', valueType: 'boolean' },
];

function scalarFor(random: Random, target: ConditionTarget): string | number | boolean {
  switch (target.type) {
    case 'enum':
      return random.pick(target.vocabulary ?? []);
    case 'id':
      if (target.field === 'intakeType') return random.pick(INTAKE_IDS);
      if (target.field === 'resolutionType') return random.pick(RESOLUTION_TYPES);
      return random.pick(target.field === 'group' ? GROUPS : AGENTS);
    case 'tags':
      return random.pick(TAGS);
    case 'string':
      if (target.field === 'customerEmail') return random.pick([...EMAILS, 'KIM@', 'example.org']);
      if (target.field === 'customerPhone') return random.pick([...PHONES, '010']);
      return random.pick(WORDS.filter((word) => word !== ''));
    case 'number':
      return random.int(5) * 10;
    case 'date':
      return random.pick(DATES);
    case 'boolean':
      return random.chance(0.5);
  }
}

function valueFor(random: Random, target: ConditionTarget, operator: ConditionRow['operator']): ConditionValue | undefined {
  if (operator === 'isEmpty' || operator === 'isNotEmpty' || operator === 'changed') return undefined;
  if (operator === 'in' || operator === 'notIn') {
    const values = Array.from({ length: random.between(1, 3) }, () => scalarFor(random, target));
    return values as string[] | number[];
  }
  return scalarFor(random, target);
}

/** One valid condition row; `observesChanges` says whether change operators are worth generating. */
export function randomRow(random: Random, observesChanges: boolean): ConditionRow {
  const custom = random.chance(0.25) ? random.pick(CUSTOM_FIELDS) : undefined;
  const field = custom?.field ?? random.pick(FIXED_FIELDS);
  const target = conditionTarget(field, custom?.valueType) as ConditionTarget;
  const operators = target.operators.filter(
    (operator) => observesChanges || !['changed', 'changedTo', 'changedFrom'].includes(operator),
  );
  const operator = random.pick(operators);
  const value = valueFor(random, target, operator);
  return {
    field,
    operator,
    ...(value === undefined ? {} : { value }),
    ...(custom ? { valueType: custom.valueType } : {}),
  };
}

const RESULTS: readonly Result[] = [
  { type: 'assign', groupId: 'g-pay', strategy: 'roundRobin' },
  { type: 'assign', groupId: 'g-vip', strategy: 'agent', agentId: 'a-kim' },
  { type: 'setPriority', priority: 'urgent' },
  { type: 'addTags', tags: ['auto'] },
  { type: 'notifyEmail', to: 'group', messages: { ko: { subject: '새 티켓 #{ticket.id}', body: '#{customer.name}님의 문의' } } },
  { type: 'callbackUrl', url: 'https://hooks.example.com/t', payloadTemplate: '{"id":"#{ticket.id}"}' },
];

/** A valid trigger; `compileTrigger` refuses it loudly should the generator ever produce an invalid one. */
export function randomTrigger(random: Random, id: string): Trigger {
  const events: Trigger['events'] = random.pick([['created'], ['updated'], ['created', 'updated']]);
  const observesChanges = events.includes('updated');
  const allCount = random.int(4);
  const anyCount = random.int(allCount === 0 ? 4 : 3) + (allCount === 0 ? 1 : 0);
  return {
    id,
    title: `Trigger ${id}`,
    enabled: random.chance(0.85),
    position: random.int(12),
    events,
    conditions: {
      all: Array.from({ length: allCount }, () => randomRow(random, observesChanges)),
      any: Array.from({ length: anyCount }, () => randomRow(random, observesChanges)),
    },
    results: random.sample(RESULTS, 2).concat(random.pick(RESULTS)),
  };
}

function randomFieldValue(random: Random, valueType: CustomFieldValueType): string | number | boolean | null {
  // Now and then a value of another type than the rules assume, as an edited field definition leaves behind.
  if (random.chance(0.1)) return random.pick([null, 'yes', 7, true]);
  switch (valueType) {
    case 'boolean':
      return random.chance(0.5);
    case 'number':
      return random.int(5) * 10;
    case 'date':
      return random.pick(DATES);
    case 'string':
      return random.pick(['basic', 'premium', 'Premium plan', '']);
  }
}

function randomFields(random: Random, prefix: string): Record<string, string | number | boolean | null> {
  const fields: Record<string, string | number | boolean | null> = {};
  for (const { field, valueType } of CUSTOM_FIELDS) {
    if (!field.startsWith(prefix) || random.chance(0.3)) continue;
    fields[field.slice(prefix.length)] = randomFieldValue(random, valueType);
  }
  return fields;
}

/** A ticket snapshot over the same vocabularies the rules use. */
export function randomSnapshot(random: Random): TicketSnapshot {
  const intakeTypeId = random.chance(0.85) ? random.pick(INTAKE_IDS) : null;
  return {
    id: `T${random.int(1_000_000)}`,
    status: random.pick(TicketStatus.options),
    channel: random.pick(TicketChannel.options),
    priority: random.pick(TicketPriority.options),
    intakeTypeId,
    intakeTypePath: intakeTypeId === null ? [] : [...INTAKE_TYPES[intakeTypeId]],
    resolutionTypeId: random.chance(0.5) ? random.pick(RESOLUTION_TYPES) : null,
    groupId: random.chance(0.8) ? random.pick(GROUPS) : null,
    assigneeId: random.chance(0.6) ? random.pick(AGENTS) : null,
    subject: random.pick(WORDS) + (random.chance(0.5) ? ` ${random.pick(WORDS)}` : ''),
    content: random.pick(WORDS),
    tags: random.sample(TAGS, 3),
    customerEmail: random.chance(0.8) ? random.pick(EMAILS) : null,
    customerPhone: random.chance(0.5) ? random.pick(PHONES) : null,
    customerFields: randomFields(random, 'customerField:'),
    agentFields: randomFields(random, 'agentField:'),
    withinBusinessHours: random.chance(0.5),
    createdAt: random.pick(DATES),
    updatedAt: random.pick(DATES),
  };
}

/** A ticket event; an update's previous snapshot differs from the ticket in a few fields only. */
export function randomFacts(random: Random, event: 'created' | 'updated'): TicketFacts {
  const ticket = randomSnapshot(random);
  if (event === 'created') return { event, ticket, previous: null };
  const other = randomSnapshot(random);
  const previous: TicketSnapshot = { ...ticket };
  for (const key of random.sample(Object.keys(ticket) as (keyof TicketSnapshot)[], 6)) {
    if (key === 'intakeTypeId' || key === 'intakeTypePath') {
      previous.intakeTypeId = other.intakeTypeId;
      previous.intakeTypePath = other.intakeTypePath;
    } else {
      Object.assign(previous, { [key]: other[key] });
    }
  }
  if (random.chance(0.2)) previous.tags = [...ticket.tags].reverse();
  return { event, ticket, previous };
}
