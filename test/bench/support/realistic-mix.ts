/**
 * The realistic mix: a rule set shaped the way admins of a Korean/English help desk write triggers, and ticket
 * events that do not repeat.
 *
 * Rule set (each trigger drawn independently, seeded by the size):
 * - 1–5 condition rows per trigger (uniform), each row in the must-match group with probability 0.6, otherwise in
 *   the optional group (so a trigger may have only optional rows);
 * - one third of the triggers are **text-only**: every row is `contains` (75 %), `notContains` (15 %) or
 *   `startsWith` (10 %) on the subject or the content;
 * - 44 % are **indexable**: their first row is a must-match `equals`, `in` or `withinSubtree` row on a field the
 *   trigger index files (intake type, channel, group, priority, status, business hours); their other rows are
 *   text rows (45 %), other rows (35 %) or more indexed-field rows (20 %);
 * - the remaining ~23 % read other values only the full check can decide (tags, customer fields, dates,
 *   `notEquals` / `notIn`, `isEmpty`, change operators), mixed with text rows, and are never filed in the index;
 * - keywords come from 70 words, 35 Korean and 35 English; English ones are typed in lower case, Capitalised
 *   or UPPER case, as admins type them;
 * - 90 % of triggers are enabled, 60 % listen to updates as well as creations; one result each.
 *
 * Events: 1,000 distinct tickets, one event each (half creations, half updates with the snapshot before it).
 * 60 % are written in Korean and 40 % in English, with a subject (usually naming 1–2 keywords), a body of
 * 2–12 sentences with 0–3 keyword sentences, and in 30 % a quoted earlier message, so bodies run from about
 * 40 to 2,000 characters (median 280). Every ticket has its own id, order number and text, so nothing derived
 * from one ticket's text is reused for the next.
 */
import type { RuleProperties } from 'json-rules-engine';
import {
  compileTrigger,
  parseTrigger,
  type ConditionRow,
  type Result,
  type TicketFacts,
  type TicketSnapshot,
  type Trigger,
} from '../../../rules';
import { createRandom, type Random } from '../../unit/rules/support/prng';
import type { BenchMix } from './mix';

/** Shares of text-only and of indexable triggers in the admin rule sets this mix models. */
export const TEXT_ONLY_SHARE = 1 / 3;
export const INDEXABLE_SHARE = 0.44;
export const EVENT_COUNT = 1000;

const INTAKE_ROOTS = Array.from({ length: 10 }, (_, root) => `it-${root}`);
const INTAKE_TYPES = INTAKE_ROOTS.flatMap((root) => [
  root,
  ...Array.from({ length: 5 }, (_, child) => `${root}-${child}`),
]);
const ancestry = (intakeTypeId: string) =>
  intakeTypeId.split('-').length === 3
    ? [intakeTypeId.slice(0, intakeTypeId.lastIndexOf('-')), intakeTypeId]
    : [intakeTypeId];
const GROUPS = Array.from({ length: 12 }, (_, group) => `grp-${group}`);
const AGENTS = Array.from({ length: 60 }, (_, agent) => `agt-${agent}`);
const TAGS = ['vip', 'refund', 'bug', 'complaint', 'press', 'b2b', 'repeat', 'legal', '재문의', '긴급', '불만', '이관'];
const OPEN_STATUSES = ['unassigned', 'in_progress', 'on_hold'] as const;
const INBOUND_CHANNELS = ['email', 'help_center_pc', 'help_center_mobile', 'phone', 'chat', 'kakao', 'api'] as const;

const KOREAN_KEYWORDS = [
  '환불', '취소', '로그인', '비밀번호', '오류', '결제', '배송', '배송지연', '교환', '반품', '파손', '누락', '쿠폰',
  '할인', '영수증', '계좌', '카드', '인증', '탈퇴', '해지', '구독', '요금', '청구', '주소변경', '재발송', '불량',
  '지연', '문의', '긴급', '항의', '소비자원', '개인정보', '해킹', '앱', '업데이트',
];
const ENGLISH_KEYWORDS = [
  'refund', 'cancel', 'login', 'password', 'error', 'invoice', 'delivery', 'shipping', 'payment', 'charge',
  'account', 'locked', 'coupon', 'discount', 'exchange', 'return', 'broken', 'damaged', 'missing', 'late',
  'subscription', 'upgrade', 'downgrade', 'billing', 'receipt', 'tracking', 'address', 'verification', 'otp',
  'crash', 'bug', 'slow', 'complaint', 'urgent', 'lawyer',
];
/** The 70 keywords rows and tickets draw from. */
export const KEYWORDS = [...KOREAN_KEYWORDS, ...ENGLISH_KEYWORDS];

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** A keyword as someone typed it: English ones in lower, Capitalised or UPPER case. */
function typed(random: Random, keyword: string): string {
  if (!ENGLISH_KEYWORDS.includes(keyword)) return keyword;
  const roll = random.next();
  if (roll < 0.6) return keyword;
  return roll < 0.9 ? capitalised(keyword) : keyword.toUpperCase();
}

function textRow(random: Random): ConditionRow {
  const field = random.chance(0.5) ? 'subject' : 'content';
  const value = typed(random, random.pick(KEYWORDS));
  const roll = random.next();
  if (roll < 0.75) return { field, operator: 'contains', value };
  if (roll < 0.9) return { field, operator: 'notContains', value };
  return { field: 'subject', operator: 'startsWith', value };
}

/** A row the trigger index can file a trigger under when it is a must-match row. */
function indexedRow(random: Random): ConditionRow {
  const roll = random.next();
  if (roll < 0.35) return { field: 'intakeType', operator: 'equals', value: random.pick(INTAKE_TYPES) };
  if (roll < 0.5) return { field: 'intakeType', operator: 'withinSubtree', value: random.pick(INTAKE_ROOTS) };
  if (roll < 0.65) return { field: 'channel', operator: 'equals', value: random.pick(INBOUND_CHANNELS) };
  if (roll < 0.7) return { field: 'channel', operator: 'in', value: random.sample(INBOUND_CHANNELS, 3).concat('email') };
  if (roll < 0.8) return { field: 'group', operator: 'equals', value: random.pick(GROUPS) };
  if (roll < 0.85) return { field: 'priority', operator: 'in', value: ['high', 'urgent'] };
  if (roll < 0.95) return { field: 'status', operator: 'in', value: random.sample(OPEN_STATUSES, 2).concat('unassigned') };
  return { field: 'withinBusinessHours', operator: 'equals', value: false };
}

/** A row on a value the index does not file triggers under. */
function otherRow(random: Random): ConditionRow {
  const roll = random.next();
  if (roll < 0.15) return { field: 'tags', operator: 'in', value: random.sample(TAGS, 2).concat(random.pick(TAGS)) };
  if (roll < 0.22) return { field: 'tags', operator: 'contains', value: random.pick(TAGS) };
  if (roll < 0.34) {
    return { field: 'customerField:orders', operator: 'greaterThan', value: random.int(20), valueType: 'number' };
  }
  if (roll < 0.42) return { field: 'customerField:plan', operator: 'equals', value: 'premium', valueType: 'string' };
  if (roll < 0.5) return { field: 'createdAt', operator: 'greaterThan', value: '2024-06-01T00:00:00+09:00' };
  if (roll < 0.58) return { field: 'status', operator: 'notEquals', value: 'on_hold' };
  if (roll < 0.64) return { field: 'priority', operator: 'notIn', value: ['low'] };
  if (roll < 0.74) return { field: 'assignee', operator: 'isEmpty' };
  if (roll < 0.8) return { field: 'group', operator: 'isNotEmpty' };
  if (roll < 0.88) return { field: 'priority', operator: 'changedTo', value: 'urgent' };
  if (roll < 0.94) return { field: 'status', operator: 'changed' };
  return { field: 'customerEmail', operator: 'contains', value: '@example.com' };
}

const RESULTS: readonly Result[] = [
  { type: 'assign', groupId: 'grp-0', strategy: 'roundRobin' },
  { type: 'setPriority', priority: 'high' },
  { type: 'addTags', tags: ['auto-routed'] },
  { type: 'forwardToGroup', groupId: 'grp-3' },
  {
    type: 'notifyEmail',
    to: 'group',
    messages: { ko: { subject: '[#{ticket.id}] 새 문의', body: '#{ticket.subject}' } },
  },
  { type: 'doorayNotify', hookUrl: 'https://hook.dooray.com/services/1/2/abc', template: '#{ticket.id} #{customer.name}' },
];

function realisticTrigger(random: Random, position: number): Trigger {
  const rowCount = random.between(1, 5);
  const roll = random.next();
  const kind = roll < TEXT_ONLY_SHARE ? 'text' : roll < TEXT_ONLY_SHARE + INDEXABLE_SHARE ? 'indexed' : 'other';
  const all: ConditionRow[] = [];
  const any: ConditionRow[] = [];
  const place = (row: ConditionRow) => (random.chance(0.6) ? all : any).push(row);
  if (kind === 'text') {
    for (let row = 0; row < rowCount; row += 1) place(textRow(random));
  } else if (kind === 'indexed') {
    all.push(indexedRow(random));
    for (let row = 1; row < rowCount; row += 1) {
      const pick = random.next();
      place(pick < 0.45 ? textRow(random) : pick < 0.8 ? otherRow(random) : indexedRow(random));
    }
  } else {
    place(otherRow(random));
    for (let row = 1; row < rowCount; row += 1) place(random.chance(0.5) ? textRow(random) : otherRow(random));
  }
  const trigger: Trigger = {
    id: `trg-${position}`,
    title: `Rule ${position}`,
    enabled: random.chance(0.9),
    position,
    events: random.chance(0.6) ? ['created', 'updated'] : ['created'],
    conditions: { all, any },
    results: [random.pick(RESULTS)],
  };
  // A change row can only hold on an update, and a trigger that could never see one is refused.
  const watchesChange = [...all, ...any].some((row) => ['changed', 'changedTo'].includes(row.operator));
  if (watchesChange && !trigger.events.includes('updated')) trigger.events = ['updated'];
  const parsed = parseTrigger(trigger);
  if (!parsed.ok) throw new Error(`bench generator produced an invalid trigger: ${JSON.stringify(parsed.issues)}`);
  return parsed.trigger;
}

const KOREAN_SENTENCES = [
  '안녕하세요, 고객센터 담당자님.',
  '어제 주문한 상품과 관련하여 문의드립니다.',
  '확인 부탁드립니다.',
  '빠른 답변 부탁드립니다.',
  '앱에서 계속 같은 화면이 나옵니다.',
  '첨부한 스크린샷을 확인해 주세요.',
  '벌써 세 번째 문의입니다.',
  '주말에도 연락 가능합니다.',
  '상담원 연결이 되지 않아 글을 남깁니다.',
  '감사합니다.',
];
const ENGLISH_SENTENCES = [
  'Hello, I am writing about my recent order.',
  'Please get back to me as soon as possible.',
  'I have attached a screenshot of the screen.',
  'This is the third time I am contacting you about this.',
  'The app keeps showing the same screen after I restart it.',
  'I could not reach anyone on the phone line.',
  'My colleague had the same problem last week.',
  'Thanks in advance.',
];

function ticketText(random: Random, korean: boolean, order: number): { subject: string; content: string } {
  const keywords = random.sample(KEYWORDS, 2);
  const word = (index: number) => typed(random, keywords[index] ?? random.pick(KEYWORDS));
  const subjects = korean
    ? [`${word(0)} 관련 문의드립니다`, `[주문 ${order}] ${word(0)} 요청`, `${word(0)} ${word(1)} 확인 부탁드립니다`, '문의드립니다']
    : [`Re: ${word(0)} request #${order}`, `${capitalised(word(0))} not working`, `Question about ${word(0)} and ${word(1)}`, 'Hello'];
  const sentences = korean ? KOREAN_SENTENCES : ENGLISH_SENTENCES;
  const body = Array.from({ length: random.between(2, 12) }, () => random.pick(sentences));
  for (let count = random.int(4); count > 0; count -= 1) {
    const sentence = korean ? `${typed(random, random.pick(KEYWORDS))} 문제로 연락드립니다.` : `I need help with ${typed(random, random.pick(KEYWORDS))}.`;
    body.splice(random.int(body.length + 1), 0, sentence);
  }
  body.push(korean ? `주문번호는 ${order}입니다.` : `My order number is ${order}.`);
  let content = body.join(' ');
  if (random.chance(0.3)) {
    const quoted = Array.from({ length: random.between(5, 30) }, () => `> ${random.pick(sentences)}`).join('\n');
    content += `\n\n${korean ? '-----원본 메시지-----' : '----- Original message -----'}\n${quoted}`;
  }
  return { subject: subjects[random.int(subjects.length)], content };
}

function realisticTicket(random: Random, index: number, updated: boolean): TicketSnapshot {
  const intakeTypeId = random.chance(0.85) ? random.pick(INTAKE_TYPES) : null;
  const status = updated ? random.pick(OPEN_STATUSES) : 'unassigned';
  const order = 2_024_000_000 + random.int(1_000_000) * 1000 + index;
  return {
    id: `T${1_700_000_000_000 + index}`,
    status,
    channel: random.pick(INBOUND_CHANNELS),
    priority: random.pick(['low', 'normal', 'normal', 'normal', 'high', 'urgent'] as const),
    intakeTypeId,
    intakeTypePath: intakeTypeId === null ? [] : ancestry(intakeTypeId),
    resolutionTypeId: null,
    groupId: random.chance(0.7) ? random.pick(GROUPS) : null,
    assigneeId: status === 'unassigned' ? null : random.pick(AGENTS),
    ...ticketText(random, random.chance(0.6), order),
    tags: random.sample(TAGS, 3),
    customerEmail: `customer${index}@example.com`,
    customerPhone: random.chance(0.3) ? `010-${1000 + random.int(9000)}-${1000 + random.int(9000)}` : null,
    customerFields: { orders: random.int(30), plan: random.pick(['basic', 'premium']), grade: random.pick(['A', 'B', 'C']) },
    agentFields: {},
    withinBusinessHours: random.chance(0.7),
    createdAt: `2024-${String(1 + random.int(12)).padStart(2, '0')}-${String(1 + random.int(28)).padStart(2, '0')}T10:00:00+09:00`,
    updatedAt: '2024-12-20T10:00:00+09:00',
  };
}

function realisticEvents(random: Random): TicketFacts[] {
  return Array.from({ length: EVENT_COUNT }, (_, index): TicketFacts => {
    const updated = random.chance(0.5);
    const ticket = realisticTicket(random, index, updated);
    if (!updated) return { event: 'created', ticket, previous: null };
    const previous: TicketSnapshot = {
      ...ticket,
      status: 'unassigned',
      assigneeId: null,
      priority: random.chance(0.3) ? 'normal' : ticket.priority,
      tags: ticket.tags.slice(1),
    };
    return { event: 'updated', ticket, previous };
  });
}

/** The realistic mix: a rule set seeded by its size, and the same 1,000 events at every size. */
export const realisticMix: BenchMix = {
  name: 'realistic',
  build(size: number) {
    const random = createRandom(size);
    const triggers = Array.from({ length: size }, (_, position) => realisticTrigger(random, position));
    const definitions: RuleProperties[] = triggers.map(compileTrigger);
    return { triggers, definitions, events: realisticEvents(createRandom(14)) };
  },
};
