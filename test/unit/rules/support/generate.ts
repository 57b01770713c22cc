/**
 * Random but valid triggers and ticket events for the differential test. Vocabularies are small enough
 * that conditions hold often, and hard enough that the evaluators' shortcuts are tested: `in` lists of up
 * to 20 values with repeats, repeated tags, intake chains that disagree with the intake type, long texts,
 * text whose case folding is not ASCII (İ, ß/ẞ, Σ, decomposed Hangul and accents), number-like strings,
 * and more than eight custom field codes, among them pairs whose json-rules-engine cache keys collide. Half the
 * triggers nest groups (all, any, not) up to three deep wherever a row may stand.
 */
import { TicketChannel, TicketPriority, TicketStatus } from '../../../../domain/schemas';
import {
  FIXED_FIELDS,
  conditionTarget,
  type ConditionEntry,
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
  'billing.invoice': ['billing', 'billing.invoice'],
  account: ['account'],
  'account.login': ['account', 'account.login'],
  'account.delete': ['account', 'account.delete'],
  delivery: ['delivery'],
};
const INTAKE_IDS = Object.keys(INTAKE_TYPES);
const RESOLUTION_TYPES = ['answered', 'duplicate', 'by_phone', 'spam', 'escalated'];
const GROUPS = ['g-pay', 'g-account', 'g-vip', 'g-delivery', 'g-night', 'g-b2b'];
const AGENTS = ['a-kim', 'a-lee', 'a-park', 'a-choi', 'a-jung', 'a-kang'];
const TAGS = ['vip', 'refund', 'bug', '긴급', 'VIP', 'b2b'];
/** Words that conditions look for and texts are made of; some differ only in case, composition or form. */
const WORDS = [
  'Refund',
  'refund',
  '환불',
  '환불'.normalize('NFD'),
  'login',
  'ERROR',
  'bank',
  '배송 지연',
  'İstanbul',
  'istanbul',
  'Straße',
  'STRASSE',
  'STRAẞE',
  'ΣΟΦΟΣ',
  'σοφος',
  'café',
  'cafe\u0301',
  'CAFÉ',
  '007',
  '7',
  '1e3',
  '1000',
  ' 42 ',
  '42',
  '',
];
const EMAILS = ['kim@example.com', 'KIM@example.com', 'lee@example.org', 'İrem@example.com.tr'];
const PHONES = ['010-1234-5678', '02-555-0100', '007'];
const DATES = [
  '2024-03-01T00:00:00Z',
  '2024-03-01T09:00:00+09:00',
  '2024-03-01T12:30:00.000Z',
  '2024-06-15T08:00:00+02:00',
  '2025-01-01T00:00:00Z',
];

/**
 * Per-service fields: codes that shadow Object.prototype members (own-property reads), and pairs whose
 * `change` parameters share a json-rules-engine cache key (`arf`/`a0d` as strings or booleans, `arc`/`a0a`
 * as numbers, `ar2`/`a00` as dates; change-fact-cache.test.ts checks how they collide).
 */
const CUSTOM_FIELDS: readonly { field: string; valueType: CustomFieldValueType }[] = [
  { field: 'customerField:vip', valueType: 'boolean' },
  { field: 'customerField:age', valueType: 'number' },
  { field: 'customerField:plan', valueType: 'string' },
  { field: 'customerField:birthday', valueType: 'date' },
  { field: 'customerField:constructor', valueType: 'string' },
  { field: 'customerField:arf', valueType: 'string' },
  { field: 'customerField:a0d', valueType: 'string' },
  { field: 'customerField:arc', valueType: 'number' },
  { field: 'customerField:a0a', valueType: 'number' },
  { field: 'customerField:ar2', valueType: 'date' },
  { field: 'customerField:a00', valueType: 'date' },
  { field: 'agentField:score', valueType: 'number' },
  { field: 'agentField:note', valueType: 'string' },
  { field: 'agentField:toString', valueType: 'boolean' },
  { field: 'agentField:arf', valueType: 'boolean' },
  { field: 'agentField:a0d', valueType: 'boolean' },
];
/** Custom fields by the field a colliding one pairs with. */
const COLLIDING: ReadonlyMap<string, string> = new Map(
  [
    ['arf', 'a0d'],
    ['arc', 'a0a'],
    ['ar2', 'a00'],
  ].flatMap(([one, other]) =>
    ['customerField:', 'agentField:'].flatMap((prefix) => [
      [prefix + one, prefix + other],
      [prefix + other, prefix + one],
    ]),
  ),
);

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
      if (target.field === 'customerEmail') return random.pick([...EMAILS, 'KIM@', 'example.org', 'i̇rem']);
      if (target.field === 'customerPhone') return random.pick([...PHONES, '010']);
      return random.pick(WORDS.filter((word) => word !== ''));
    case 'number':
      return random.pick([0, 7, 10, 20, 30, 40, 42, 1000]);
    case 'date':
      return random.pick(DATES);
    case 'boolean':
      return random.chance(0.5);
  }
}

/** Length of an `in` list: mostly short, often past the first few values, now and then long. */
function listLength(random: Random): number {
  const roll = random.next();
  if (roll < 0.5) return random.between(1, 3);
  if (roll < 0.85) return random.between(4, 8);
  return random.between(9, 20);
}

function valueFor(random: Random, target: ConditionTarget, operator: ConditionRow['operator']): ConditionValue | undefined {
  if (operator === 'isEmpty' || operator === 'isNotEmpty' || operator === 'changed') return undefined;
  if (operator === 'in' || operator === 'notIn') {
    const values = Array.from({ length: listLength(random) }, () => scalarFor(random, target));
    return values as string[] | number[];
  }
  return scalarFor(random, target);
}

function rowOn(random: Random, observesChanges: boolean, field: string, valueType?: CustomFieldValueType): ConditionRow {
  const target = conditionTarget(field, valueType) as ConditionTarget;
  const operators = target.operators.filter(
    (operator) => observesChanges || !['changed', 'changedTo', 'changedFrom'].includes(operator),
  );
  const operator = random.pick(operators);
  const value = valueFor(random, target, operator);
  return {
    field,
    operator,
    ...(value === undefined ? {} : { value }),
    ...(valueType ? { valueType } : {}),
  };
}

/** One valid condition row; `observesChanges` says whether change operators are worth generating. */
export function randomRow(random: Random, observesChanges: boolean): ConditionRow {
  const custom = random.chance(0.25) ? random.pick(CUSTOM_FIELDS) : undefined;
  return rowOn(random, observesChanges, custom?.field ?? random.pick(FIXED_FIELDS), custom?.valueType);
}

/** A group of rows where, now and then, a custom field row is followed by a row on its colliding twin. */
function randomRows(random: Random, count: number, observesChanges: boolean): ConditionRow[] {
  const rows: ConditionRow[] = [];
  while (rows.length < count) {
    const row = randomRow(random, observesChanges);
    rows.push(row);
    const twin = COLLIDING.get(row.field);
    if (twin !== undefined && rows.length < count && random.chance(0.5)) {
      rows.push(rowOn(random, observesChanges, twin, row.valueType));
    }
  }
  return rows;
}

/** A list of entries: rows, and while `depth` allows, now and then a group in a row's place. */
function randomEntries(random: Random, count: number, observesChanges: boolean, depth: number): ConditionEntry[] {
  const rows = randomRows(random, count, observesChanges);
  if (depth === 0) return rows;
  return rows.map((row) => (random.chance(0.35) ? randomGroup(random, observesChanges, depth) : row));
}

/** A group of one to three entries, or a `not` of one, nesting at most `depth` groups. */
function randomGroup(random: Random, observesChanges: boolean, depth: number): ConditionEntry {
  const kind = random.pick(['all', 'any', 'not'] as const);
  if (kind === 'not') return { not: randomEntries(random, 1, observesChanges, depth - 1)[0] };
  const entries = randomEntries(random, random.between(1, 3), observesChanges, depth - 1);
  return kind === 'all' ? { all: entries } : { any: entries };
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
  const depth = random.chance(0.5) ? random.between(1, 3) : 0;
  return {
    id,
    title: `Trigger ${id}`,
    enabled: random.chance(0.85),
    position: random.int(12),
    events,
    conditions: {
      all: randomEntries(random, allCount, observesChanges, depth),
      any: randomEntries(random, anyCount, observesChanges, depth),
    },
    results: random.sample(RESULTS, 2).concat(random.pick(RESULTS)),
  };
}

function randomFieldValue(random: Random, valueType: CustomFieldValueType): string | number | boolean | null {
  // Now and then a value of another type than the rules assume, as an edited field definition leaves behind.
  if (random.chance(0.1)) return random.pick([null, 'yes', 7, true, '007', '1e3', ' 42 ', '2024-03-01', 'İ']);
  switch (valueType) {
    case 'boolean':
      return random.chance(0.5);
    case 'number':
      return random.pick([0, 7, 10, 20, 30, 40, 42, 1000, -1.5]);
    case 'date':
      return random.pick(DATES);
    case 'string':
      return random.pick(['basic', 'premium', 'Premium plan', '', ...WORDS]);
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

/** Ticket text: a word or two, now and then long, shouted or decomposed. */
function randomText(random: Random): string {
  const roll = random.next();
  let text =
    roll < 0.05
      ? Array.from({ length: random.between(50, 600) }, () => random.pick(WORDS)).join(' ')
      : random.pick(WORDS) + (random.chance(0.5) ? ` ${random.pick(WORDS)}` : '');
  if (random.chance(0.1)) text = text.toUpperCase();
  if (random.chance(0.1)) text = text.normalize('NFD');
  return text;
}

/** The intake chain: usually the type's own, sometimes inconsistent with it, as a stale read model could leave. */
function intakeChain(random: Random, intakeTypeId: string | null): string[] {
  if (random.chance(0.85)) return intakeTypeId === null ? [] : [...INTAKE_TYPES[intakeTypeId]];
  return random.pick([
    () => [...INTAKE_TYPES[random.pick(INTAKE_IDS)]],
    () => Array.from({ length: random.between(1, 4) }, () => random.pick(INTAKE_IDS)),
    () => (intakeTypeId === null ? [] : [...INTAKE_TYPES[intakeTypeId], ...INTAKE_TYPES[intakeTypeId]]),
    () => [],
  ])();
}

/** A ticket snapshot over the same vocabularies the rules use. */
export function randomSnapshot(random: Random): TicketSnapshot {
  const intakeTypeId = random.chance(0.85) ? random.pick(INTAKE_IDS) : null;
  const tags = random.sample(TAGS, 3);
  if (tags.length > 0 && random.chance(0.15)) tags.push(random.pick(tags));
  return {
    id: `T${random.int(1_000_000)}`,
    status: random.pick(TicketStatus.options),
    channel: random.pick(TicketChannel.options),
    priority: random.pick(TicketPriority.options),
    intakeTypeId,
    intakeTypePath: intakeChain(random, intakeTypeId),
    resolutionTypeId: random.chance(0.5) ? random.pick(RESOLUTION_TYPES) : null,
    groupId: random.chance(0.8) ? random.pick(GROUPS) : null,
    assigneeId: random.chance(0.6) ? random.pick(AGENTS) : null,
    subject: randomText(random),
    content: randomText(random),
    tags,
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
