/**
 * A realistic corpus of tickets for benchmarks at scale: by default 1,000,000 tickets and 300,000 customers of one
 * organisation, loaded with COPY into a database of their own (`contactflow_bench` beside the configured one) and
 * reused by every later run. Korean subjects and bodies; services, groups, agents, channels, intake types,
 * priorities and statuses skewed the way a support desk's are; twelve months of creation times with weekday and
 * office-hour peaks and growth; older tickets mostly resolved or closed, recent ones open.
 *
 * Entry points: `npm run bench:seed` (this module's {@link main}), and {@link openTicketCorpus} for a bench that
 * needs the data (search, task lists and the dashboard, assignment).
 *
 * @module
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres, { type Sql } from 'postgres';
import { connectDatabase } from '../../../infra/connect';
import { loadConfig, type Config } from '../../../infra/env';
import { createLogger } from '../../../infra/logger';
import { migrate } from '../../../infra/migrate';
import { startPostgres } from '../../../infra/postgres';
import { rebuildTicketCounts } from '../../../store/ticket-counts';

/** Bump when the shape of the generated data changes: an older corpus is then generated again. */
const CORPUS_VERSION = 1;
export const BENCH_DATABASE = 'contactflow_bench';

export interface CorpusOptions {
  tickets: number;
  customers: number;
  /** Seed of the generator: the same seed makes the same corpus. */
  seed: number;
}

export const DEFAULT_CORPUS: CorpusOptions = { tickets: 1_000_000, customers: 300_000, seed: 20_260_101 };

/** What a bench needs to know about the corpus to aim its queries. */
export interface CorpusFacts {
  orgId: string;
  adminId: string;
  serviceIds: string[];
  /** Groups of the largest service, largest first. */
  groupIds: string[];
  /** Agents, busiest first. */
  agentIds: string[];
  /** Top-level intake types of the largest service (each with children). */
  intakeRootIds: string[];
  /** A phone number and an email that customers of the corpus have. */
  samplePhone: string;
  sampleEmail: string;
  tickets: number;
  /** The newest creation time in the corpus. */
  newest: string;
}

export interface TicketCorpus {
  sql: Sql;
  url: string;
  facts: CorpusFacts;
  close(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// The vocabulary.

const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황', '안', '송', '류', '홍'];
const GIVEN = ['민준', '서연', '도윤', '지우', '하준', '서윤', '시우', '하은', '주원', '지유', '지호', '수아', '준우', '지민', '현우', '예은', '건우', '채원', '우진', '다은'];
const DOMAINS = ['naver.com', 'gmail.com', 'daum.net', 'kakao.com', 'hanmail.net', 'nate.com'];

const SERVICES = [
  { name: '쇼핑몰 고객센터', weight: 48, groups: ['결제', '배송', '반품/교환', '회원정보', '상품문의', 'VIP'] },
  { name: '게임 고객지원', weight: 24, groups: ['계정', '결제', '버그 신고', '제재 문의'] },
  { name: '금융 상담', weight: 14, groups: ['카드', '대출', '이체', '인증'] },
  { name: '여행 예약', weight: 9, groups: ['항공', '숙박', '환불'] },
  { name: '사내 헬프데스크', weight: 5, groups: ['IT', '인사'] },
];

const INTAKE_TREE: [string, string[]][] = [
  ['결제', ['카드 결제', '무통장 입금', '환불', '영수증']],
  ['배송', ['배송 지연', '배송지 변경', '오배송']],
  ['회원정보', ['비밀번호 분실', '회원 탈퇴', '정보 수정']],
  ['상품', ['재고 문의', '상품 불량']],
  ['기타', []],
];
const RESOLUTIONS = ['답변 완료', '환불 처리', '교환 처리', '안내 완료', '개발팀 이관', '중복 문의'];

const TOPICS = [
  { subject: ['환불 요청드립니다', '환불 요청 건 확인 부탁드려요', '주문 취소 후 환불이 안 됐어요'], weight: 14 },
  { subject: ['결제가 두 번 되었어요', '카드 결제 오류', '결제 실패 문의'], weight: 12 },
  { subject: ['배송이 너무 늦어요', '배송 조회가 안 됩니다', '배송지 변경 요청'], weight: 16 },
  { subject: ['비밀번호를 잊어버렸어요', '로그인이 안 돼요', '본인 인증 문자가 안 와요'], weight: 12 },
  { subject: ['회원 탈퇴하고 싶습니다', '개인정보 변경 문의', '휴대폰 번호 변경'], weight: 6 },
  { subject: ['상품이 불량이에요', '교환 신청합니다', '사이즈 교환 가능한가요'], weight: 10 },
  { subject: ['쿠폰이 적용되지 않아요', '적립금 사용 문의', '이벤트 당첨 문의'], weight: 8 },
  { subject: ['앱이 자꾸 종료됩니다', '화면이 멈춰요', '업데이트 후 오류'], weight: 7 },
  { subject: ['재고 입고 일정 문의', '상품 상세 문의', '선물 포장 가능한가요'], weight: 8 },
  { subject: ['영수증 발급 요청', '세금계산서 발행 문의', '현금영수증 재발급'], weight: 4 },
  { subject: ['Order status inquiry', 'Refund request', 'Cannot log in'], weight: 3 },
];
const SENTENCES = [
  '안녕하세요. 문의드립니다.',
  '주문번호 {n} 건 확인 부탁드립니다.',
  '지난주에 주문했는데 아직 배송 준비중으로 나옵니다.',
  '카드 결제가 중복으로 승인되었습니다.',
  '배송지 변경이 가능한지 알고 싶습니다.',
  '상품을 받았는데 포장이 훼손되어 있었습니다.',
  '환불은 언제쯤 처리되나요?',
  '고객센터 전화 연결이 되지 않아 글 남깁니다.',
  '앱에서 결제 버튼을 누르면 오류가 납니다.',
  '비밀번호 재설정 메일이 오지 않습니다.',
  '사진 첨부합니다. 확인 부탁드려요.',
  '빠른 답변 부탁드립니다. 감사합니다.',
  '쿠폰 코드 {n} 를 입력했는데 적용이 안 됩니다.',
  '회원 등급이 잘못 표시되는 것 같습니다.',
  '교환 접수는 어떻게 하나요?',
  '택배 기사님과 연락이 되지 않습니다.',
];
const CHANNELS: [string, number][] = [['email', 30], ['help_center_pc', 22], ['help_center_mobile', 18], ['phone', 14], ['chat', 9], ['api', 3], ['created', 2], ['kakao', 1.5], ['twitter', 0.5]];
const PRIORITIES: [string, number][] = [['normal', 70], ['high', 15], ['low', 10], ['urgent', 5]];
const TAGS = ['vip', '재문의', '긴급', '불만', '칭찬', '이벤트'];

// ---------------------------------------------------------------------------------------------------------------
// The generator.

/** xorshift32: fast, seedable, good enough for test data. */
function randomSource(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  /** A Zipf-like skew: low indexes much more often. */
  const skewed = (count: number, exponent = 1.2) => Math.min(count - 1, Math.floor(count * next() ** (exponent * 2)));
  const weighted = <T>(entries: readonly [T, number][]) => {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = next() * total;
    for (const [value, weight] of entries) if ((roll -= weight) < 0) return value;
    return entries[entries.length - 1][0];
  };
  return { next, pick, skewed, weighted };
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** COPY text format: backslash escapes, `\N` for null. */
function field(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
const line = (values: (string | number | boolean | null)[]) => values.map(field).join('\t') + '\n';

interface Directory {
  orgId: string;
  adminId: string;
  services: { id: string; weight: number; groupIds: string[]; intake: { rootId: string; childIds: string[] }[]; resolutionIds: string[] }[];
  agentsByGroup: Map<string, string[]>;
  allAgents: string[];
}

async function insertDirectory(sql: Sql): Promise<Directory> {
  const orgId = 'OBENCH';
  const adminId = 'ABENCHADMIN';
  await sql`insert into organizations (id, name) values (${orgId}, '벤치마크 조직')`;
  await sql`
    insert into agents (id, org_id, email, name, role, permissions, password_hash)
    values (${adminId}, ${orgId}, 'bench-admin@contactflow.test', '벤치 관리자', 'admin', '{ticket}', 'x')`;
  const directory: Directory = { orgId, adminId, services: [], agentsByGroup: new Map(), allAgents: [] };
  let agentNumber = 0;
  for (const [s, spec] of SERVICES.entries()) {
    const serviceId = `SBENCH${s}`;
    await sql`insert into services (id, org_id, name, kind) values (${serviceId}, ${orgId}, ${spec.name}, 'consultation')`;
    const groupIds: string[] = [];
    for (const [g, name] of spec.groups.entries()) {
      const groupId = `GBENCH${s}_${g}`;
      await sql`insert into groups (id, service_id, name) values (${groupId}, ${serviceId}, ${name})`;
      groupIds.push(groupId);
      const members: string[] = [];
      const size = Math.max(3, Math.round((spec.weight / 4) * (1 - g / (spec.groups.length + 1))));
      for (let a = 0; a < size; a++) {
        const agentId = `ABENCH${String(agentNumber++).padStart(4, '0')}`;
        await sql`
          insert into agents (id, org_id, email, name, role, permissions, password_hash)
          values (${agentId}, ${orgId}, ${agentId.toLowerCase() + '@contactflow.test'}, ${`상담원${agentNumber}`}, 'agent', '{ticket}', 'x')`;
        await sql`insert into group_members (group_id, agent_id) values (${groupId}, ${agentId})`;
        members.push(agentId);
        directory.allAgents.push(agentId);
      }
      directory.agentsByGroup.set(groupId, members);
    }
    const intake: Directory['services'][number]['intake'] = [];
    for (const [r, [rootName, children]] of INTAKE_TREE.entries()) {
      const rootId = `CBENCH${s}_${r}`;
      await sql`insert into categories (id, service_id, kind, name, depth, position) values (${rootId}, ${serviceId}, 'intake', ${rootName}, 1, ${r})`;
      const childIds: string[] = [];
      for (const [c, childName] of children.entries()) {
        const childId = `${rootId}_${c}`;
        await sql`
          insert into categories (id, service_id, kind, parent_id, name, depth, position)
          values (${childId}, ${serviceId}, 'intake', ${rootId}, ${childName}, 2, ${c})`;
        childIds.push(childId);
      }
      intake.push({ rootId, childIds });
    }
    const resolutionIds: string[] = [];
    for (const [r, name] of RESOLUTIONS.entries()) {
      const id = `RBENCH${s}_${r}`;
      await sql`insert into categories (id, service_id, kind, name, depth, position) values (${id}, ${serviceId}, 'resolution', ${name}, 1, ${r})`;
      resolutionIds.push(id);
    }
    directory.services.push({ id: serviceId, weight: spec.weight, groupIds, intake, resolutionIds });
  }
  return directory;
}

function customerPhone(index: number): string {
  return `010-${String(1000 + (index % 9000)).padStart(4, '0')}-${String(Math.floor(index / 9000) * 37 % 10000).padStart(4, '0')}`;
}
function customerEmail(index: number, random: ReturnType<typeof randomSource>): string {
  return `user${index}@${random.pick(DOMAINS)}`;
}

function* customerLines(options: CorpusOptions, directory: Directory): Generator<string> {
  const random = randomSource(options.seed ^ 0x5eed);
  const start = Date.parse('2025-01-01T00:00:00Z');
  for (let i = 0; i < options.customers; i++) {
    const service = directory.services[i % directory.services.length];
    const name = random.next() < 0.85 ? random.pick(SURNAMES) + random.pick(GIVEN) : null;
    const hasPhone = random.next() < 0.7;
    yield line([
      `UBENCH${String(i).padStart(7, '0')}`,
      service.id,
      name,
      customerEmail(i, random),
      hasPhone ? customerPhone(i) : null,
      random.next() < 0.3 ? `member${i}` : null,
      new Date(start + i * 60_000).toISOString(),
    ]);
  }
}

function* ticketLines(options: CorpusOptions, directory: Directory, now: number): Generator<string> {
  const random = randomSource(options.seed);
  const yearMs = 365 * 24 * 3600 * 1000;
  const serviceWeights = directory.services.map((service) => [service, service.weight] as [Directory['services'][number], number]);
  const topicWeights = TOPICS.map((topic) => [topic, topic.weight] as [(typeof TOPICS)[number], number]);
  const customersPerService = Math.floor(options.customers / directory.services.length);
  const idTail = () => Array.from({ length: 4 }, () => random.pick(ID_ALPHABET.split(''))).join('');
  for (let i = 0; i < options.tickets; i++) {
    // Twelve months, growing: more recent months hold more tickets; weekdays and office hours peak.
    let created = now - yearMs * (1 - Math.sqrt(random.next()));
    const day = new Date(created + 9 * 3600_000);
    if ((day.getUTCDay() === 0 || day.getUTCDay() === 6) && random.next() < 0.6) created -= 2 * 24 * 3600_000;
    const hour = day.getUTCHours();
    if ((hour < 9 || hour > 18) && random.next() < 0.6) created -= ((hour + 15) % 24) * 3600_000 - 10 * 3600_000;
    created = Math.min(Math.max(created, now - yearMs), now - 60_000);
    const createdAt = Math.floor(created);
    const ageDays = (now - createdAt) / 86_400_000;

    const service = random.weighted(serviceWeights);
    const s = directory.services.indexOf(service);
    const groupId = random.next() < 0.93 ? service.groupIds[random.skewed(service.groupIds.length, 0.8)] : null;
    const roll = random.next();
    const status = ageDays > 14
      ? roll < 0.55 ? 'closed' : roll < 0.9 ? 'resolved' : roll < 0.93 ? 'spam' : roll < 0.96 ? 'on_hold' : roll < 0.98 ? 'in_progress' : 'dooray_answered'
      : ageDays > 2
        ? roll < 0.35 ? 'resolved' : roll < 0.6 ? 'in_progress' : roll < 0.75 ? 'on_hold' : roll < 0.85 ? 'unassigned' : roll < 0.9 ? 'issue_transferred' : roll < 0.95 ? 'dooray_transferred' : 'closed'
        : roll < 0.45 ? 'unassigned' : roll < 0.8 ? 'in_progress' : roll < 0.9 ? 'on_hold' : 'resolved';
    const members = groupId ? directory.agentsByGroup.get(groupId)! : [];
    const assigneeId = status === 'unassigned' || members.length === 0 ? null : members[random.skewed(members.length, 0.7)];
    const topic = random.weighted(topicWeights);
    const subject = random.pick(topic.subject);
    const sentences = 2 + Math.floor(random.next() * 3);
    let content = '';
    for (let k = 0; k < sentences; k++) content += (k ? ' ' : '') + random.pick(SENTENCES).replace('{n}', String(100000 + Math.floor(random.next() * 900000)));
    const intakeRoot = service.intake[random.skewed(service.intake.length, 0.6)];
    const intakeTypeId = random.next() < 0.1 ? null : intakeRoot.childIds.length && random.next() < 0.8 ? random.pick(intakeRoot.childIds) : intakeRoot.rootId;
    const resolved = status === 'resolved' || status === 'closed';
    const updatedAt = Math.min(now, createdAt + Math.floor(random.next() * Math.min(ageDays, 5) * 86_400_000));
    const tags = random.next() < 0.15 ? [random.pick(TAGS)] : [];
    const customerIndex = s + directory.services.length * random.skewed(customersPerService, 0.9);
    yield line([
      `T${createdAt}${idTail()}`,
      service.id,
      random.weighted(CHANNELS),
      status,
      random.weighted(PRIORITIES),
      subject,
      content,
      intakeTypeId,
      resolved ? random.pick(service.resolutionIds) : null,
      `UBENCH${String(customerIndex).padStart(7, '0')}`,
      groupId,
      assigneeId,
      `{${tags.join(',')}}`,
      random.next() < 0.04,
      1,
      new Date(createdAt).toISOString(),
      new Date(updatedAt).toISOString(),
      resolved ? new Date(updatedAt).toISOString() : null,
    ]);
  }
}

async function copyInto(sql: Sql, statement: string, lines: Iterable<string>): Promise<void> {
  const writable = await sql.unsafe(statement).writable();
  // Batches of lines per chunk keep the stream's per-chunk overhead out of the way.
  async function* batches() {
    let batch = '';
    let count = 0;
    for (const text of lines) {
      batch += text;
      if (++count === 2_000) {
        yield batch;
        batch = '';
        count = 0;
      }
    }
    if (batch) yield batch;
  }
  await pipeline(Readable.from(batches()), writable);
}

/** Runs `work` with the indexes of `table` dropped, then builds them again: far faster than maintaining them row by row. */
async function withoutIndexes(sql: Sql, table: string, work: () => Promise<void>, log: (message: string) => void): Promise<void> {
  const indexes = await sql<{ name: string; definition: string }[]>`
    select i.relname as name, pg_get_indexdef(i.oid) as definition
    from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
    where t.relname = ${table} and not x.indisprimary and not x.indisunique`;
  for (const index of indexes) await sql.unsafe(`drop index ${index.name}`);
  await work();
  for (const index of indexes) {
    const started = Date.now();
    await sql.unsafe(index.definition);
    log(`index ${index.name} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

async function generate(pool: Sql, options: CorpusOptions, log: (message: string) => void): Promise<void> {
  const started = Date.now();
  // One connection for the session settings below.
  const sql = await pool.reserve();
  try {
    // Generated rows reference only what was just inserted: skip the per-row foreign-key triggers while copying.
    await sql`set session_replication_role = replica`;
    await load(sql, options, log, started);
  } finally {
    sql.release();
  }
}

async function load(sql: Sql, options: CorpusOptions, log: (message: string) => void, started: number): Promise<void> {
  await sql`truncate tickets, customers, categories, group_members, groups, agents, services, organizations cascade`;
  const directory = await insertDirectory(sql);
  // Build indexes with one worker: the machine is shared.
  await sql`set maintenance_work_mem = '256MB'`;
  await sql`set max_parallel_maintenance_workers = 0`;
  await withoutIndexes(sql, 'customers', async () => {
    await copyInto(sql, 'copy customers (id, service_id, name, email, phone, user_id, created_at) from stdin', customerLines(options, directory));
    log(`${options.customers} customers copied after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }, log);
  const now = Date.parse(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');
  await withoutIndexes(sql, 'tickets', async () => {
    await copyInto(
      sql,
      'copy tickets (id, service_id, channel, status, priority, subject, content, intake_type_id, resolution_type_id, ' +
        'customer_id, group_id, assignee_id, tags, important, last_seq, created_at, updated_at, resolved_at) from stdin',
      ticketLines(options, directory, now),
    );
    log(`${options.tickets} tickets copied after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }, log);
  // The copy ran with triggers off: the dashboard's counters are counted from the tickets instead.
  await rebuildTicketCounts(sql);
  await sql`vacuum (analyze) customers`;
  await sql`vacuum (analyze) tickets`;
  await sql`vacuum (analyze) ticket_counts`;
  await sql`
    create table if not exists bench_corpus (version int not null, tickets int not null, customers int not null, seed int not null,
      generated_at timestamptz not null default now(), seconds int not null)`;
  await sql`delete from bench_corpus`;
  const seconds = Math.round((Date.now() - started) / 1000);
  await sql`insert into bench_corpus (version, tickets, customers, seed, seconds) values (${CORPUS_VERSION}, ${options.tickets}, ${options.customers}, ${options.seed}, ${seconds})`;
  log(`corpus generated in ${seconds} s`);
}

async function existingCorpus(sql: Sql): Promise<{ version: number; tickets: number; customers: number; seed: number } | null> {
  const [table] = await sql`select to_regclass('bench_corpus') as name`;
  if (!table.name) return null;
  const [row] = await sql<{ version: number; tickets: number; customers: number; seed: number }[]>`select version, tickets, customers, seed from bench_corpus`;
  return row ?? null;
}

async function readFacts(sql: Sql): Promise<CorpusFacts> {
  const [org] = await sql<{ id: string }[]>`select id from organizations where id = 'OBENCH'`;
  const services = await sql<{ id: string }[]>`select id from services where org_id = ${org.id} order by id`;
  const groups = await sql<{ id: string }[]>`
    select group_id as id from tickets where service_id = ${services[0].id} and group_id is not null
    group by group_id order by count(*) desc`;
  const agents = await sql<{ id: string }[]>`
    select assignee_id as id from tickets where assignee_id is not null group by assignee_id order by count(*) desc`;
  const roots = await sql<{ id: string }[]>`
    select id from categories where service_id = ${services[0].id} and kind = 'intake' and parent_id is null order by position`;
  const [customer] = await sql<{ phone: string; email: string }[]>`
    select phone, email from customers where phone is not null and id = (select customer_id from tickets where customer_id is not null order by created_at desc limit 1)`;
  const [stats] = await sql<{ tickets: number; newest: Date }[]>`select count(*)::int as tickets, max(created_at) as newest from tickets`;
  return {
    orgId: org.id,
    adminId: 'ABENCHADMIN',
    serviceIds: services.map((s) => s.id),
    groupIds: groups.map((g) => g.id),
    agentIds: agents.map((a) => a.id),
    intakeRootIds: roots.map((r) => r.id),
    samplePhone: customer?.phone ?? '010-1000-0000',
    sampleEmail: customer?.email ?? 'user0@naver.com',
    tickets: stats.tickets,
    newest: stats.newest.toISOString(),
  };
}

async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) await admin`create database ${admin(name)}`;
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The corpus, generated first when missing or of another size, seed or version: the configured PostgreSQL (or
 * the embedded one under DATA_DIR), database {@link BENCH_DATABASE} unless another is named (a corpus of another
 * size beside it), migrated to the current schema.
 */
export async function openTicketCorpus(
  options: CorpusOptions = DEFAULT_CORPUS,
  {
    config = loadConfig(),
    log = (message: string) => process.stderr.write(`${message}\n`),
    regenerate = false,
    database = BENCH_DATABASE,
  }: { config?: Config; log?: (message: string) => void; regenerate?: boolean; database?: string } = {},
): Promise<TicketCorpus> {
  const server = await startPostgres(config, createLogger('warn', 'bench'));
  try {
    const url = await ensureDatabase(server.url, database);
    const sql = connectDatabase(url, { max: 10 });
    await migrate(sql);
    const existing = await existingCorpus(sql);
    const current = existing?.version === CORPUS_VERSION && existing.tickets === options.tickets && existing.customers === options.customers && existing.seed === options.seed;
    if (!current || regenerate) {
      log(`generating ${options.tickets} tickets and ${options.customers} customers into ${database}`);
      await generate(sql, options, log);
    } else {
      log(`reusing the corpus of ${existing.tickets} tickets in ${database}`);
    }
    const facts = await readFacts(sql);
    return {
      sql,
      url,
      facts,
      async close() {
        await sql.end();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** `npm run bench:seed [-- --tickets N --customers N --regenerate]`: generates (or confirms) the corpus and exits. */
export async function main(argv = process.argv.slice(2), config: Config = loadConfig()): Promise<void> {
  const number = (name: string, fallback: number) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? Number(argv[index + 1]) : fallback;
  };
  const options = { ...DEFAULT_CORPUS, tickets: number('tickets', DEFAULT_CORPUS.tickets), customers: number('customers', DEFAULT_CORPUS.customers) };
  const corpus = await openTicketCorpus(options, { config, regenerate: argv.includes('--regenerate') });
  process.stdout.write(`${JSON.stringify({ corpus: BENCH_DATABASE, ...corpus.facts, agentIds: corpus.facts.agentIds.length })}\n`);
  await corpus.close();
}
