/**
 * Exports through the API, read back as a spreadsheet would: CSV with a byte-order mark and XLSX (opened with
 * exceljs) keep Korean intact, follow the search's conditions and order, neutralise formulas, head field columns
 * with their labels and never open an encrypted value; searches larger than a direct download run as a job (a
 * workflow) with progress whose file any request can fetch, and a worker killed mid-file leaves every row exactly
 * once; the customer list exports with merged values; bad input is refused with nothing changed.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportWorkflowId } from '../../domain/search';
import { generateKeyList } from '../../infra/keyring';
import { refusalCheck } from '../support/refusals';
import { startHarness, type Harness } from '../support/harness';

let h: Harness;
let service: { id: string; groupIds: string[] };
let big: { id: string; groupIds: string[] };
let agent: { id: string; token: string };

beforeAll(async () => {
  h = await startHarness({ env: { FIELD_ENCRYPTION_KEY: generateKeyList('t1') } });
  service = await h.createService('내보내기 서비스', ['결제']);
  big = await h.createService('대량 서비스', ['대량']);
  agent = await h.createAgent({ groupIds: [service.groupIds[0], big.groupIds[0]] });
  await h.sql`insert into customers (id, service_id, name, email, phone) values ('UEXP1', ${service.id}, '홍길동', 'gildong@example.com', '010-1234-5678')`;
  await h.sql`
    insert into tickets (id, service_id, channel, status, priority, subject, content, customer_id, group_id, tags, last_seq, created_at, updated_at)
    select 'TE' || lpad(i::text, 3, '0'), ${service.id}, 'email', case when i % 2 = 0 then 'on_hold' else 'unassigned' end, 'normal',
      case when i = 7 then '=HYPERLINK("http://evil")' else '환불 요청 ' || i end, '내용, "따옴표"와 줄바꿈' || chr(10) || '두 번째 줄', 'UEXP1',
      ${service.groupIds[0]}, '{vip}', 1, timestamptz '2026-03-01 09:00+09' + i * interval '1 hour', now()
    from generate_series(1, 30) i`;
  await h.sql`
    insert into tickets (id, service_id, channel, status, priority, subject, content, last_seq, created_at, updated_at)
    select 'TX' || lpad(i::text, 5, '0'), ${big.id}, 'phone', 'unassigned', 'high', '대량 문의 ' || i, '본문', 1, now() - i * interval '1 minute', now()
    from generate_series(1, 5003) i`;
});

afterAll(async () => {
  await h?.stop();
});

/** Waits for the job's workflow to finish writing. */
const written = (jobId: string) => h.temporal.workflow.getHandle(exportWorkflowId(jobId)).result();

async function fetchFile(method: string, path: string, body?: unknown) {
  const response = await h.request(method, path, { token: agent.token, body });
  return response;
}

/** The raw bytes of a download (the harness decodes responses as text). */
const bytes = (method: string, path: string, body?: unknown) => rawRequest(method, path, body);

let rawRequest: (method: string, path: string, body?: unknown) => Promise<{ status: number; headers: Headers; data: Buffer }>;
beforeAll(async () => {
  const { createApp } = await import('../../api/app');
  const { createLogger } = await import('../../infra/logger');
  const app = createApp({ sql: h.sql, temporal: h.temporal, taskQueue: h.taskQueue, config: h.config, log: createLogger('silent') });
  rawRequest = async (method, path, body) => {
    const response = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${agent.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, headers: response.headers, data: Buffer.from(await response.arrayBuffer()) };
  };
});

async function readXlsx(data: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const expectedIds = (from: number, to: number, prefix = 'TE', width = 3) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${String(to - i).padStart(width, '0')}`);

describe('a direct download', () => {
  it('as CSV has a byte-order mark, Korean headers and values, the search order, and neutralised formulas', async () => {
    const file = await bytes('POST', '/tickets/search/download?format=csv&language=ko', { serviceId: service.id, conditions: { status: ['unassigned'] } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('티켓')}`);
    expect([...file.data.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.data.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0].split(',').slice(0, 6)).toEqual(['티켓ID', '서비스', '생성시간', '수정시간', '티켓상태', '우선순위']);
    const records = lines.slice(1).filter((line) => /^TE\d{3},/.test(line));
    expect(records.map((line) => line.slice(0, 5))).toEqual(expectedIds(1, 30).filter((id) => Number(id.slice(2)) % 2 === 1));
    expect(text).toContain('환불 요청 29');
    expect(text).toContain('미할당');
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain('"내용, ""따옴표""와 줄바꿈\n두 번째 줄"');
    expect(text).toContain('홍길동');
  });

  it('as XLSX opens with Korean intact', async () => {
    const file = await bytes('POST', '/tickets/search/download?format=xlsx', { serviceId: service.id, conditions: { subject: '환불 요청' } });
    expect(file.status).toBe(200);
    const rows = await readXlsx(file.data);
    expect(rows[0].slice(0, 3)).toEqual(['티켓ID', '서비스', '생성시간']);
    expect(rows.slice(1).map((row) => row[0])).toEqual(expectedIds(1, 30).filter((id) => id !== 'TE007'));
    expect(rows[1][11]).toBe('환불 요청 30');
    expect(rows[1][1]).toBe('내보내기 서비스');
    expect(rows[1][2]).toBeInstanceOf(Date);
  });

  it('in English', async () => {
    const file = await bytes('POST', '/tickets/search/download?format=csv&language=en', { serviceId: service.id, conditions: { ticketId: 'TE002' } });
    const lines = file.data.toString('utf8').slice(1).split('\r\n');
    expect(lines[0].startsWith('Ticket ID,Service,Created,Updated,Status,Priority,Channel')).toBe(true);
    expect(lines[1]).toContain(',on_hold,normal,email,');
  });

  it('of more than 5,000 rows is refused in favour of a job', async () => {
    const refused = await fetchFile('POST', '/tickets/search/download?format=csv', { serviceId: big.id });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'export.too_large', details: { limit: 5000, count: 5000 } });
  });
});

describe('an export job', () => {
  it('writes every row with progress, and its XLSX opens with Korean intact', async () => {
    const started = await fetchFile('POST', '/exports', { kind: 'tickets', format: 'xlsx', search: { serviceId: big.id, sort: 'created', direction: 'asc' } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', rowsTotal: 5003, truncated: false, kind: 'tickets', format: 'xlsx' });
    await written(started.body.id);
    const job = await fetchFile('GET', `/exports/${started.body.id}`);
    expect(job.body).toMatchObject({ status: 'done', rowsWritten: 5003, rowsTotal: 5003, error: null });
    expect(job.body.bytes).toBeGreaterThan(0);
    const file = await bytes('GET', `/exports/${started.body.id}/file`);
    expect(file.status).toBe(200);
    expect(file.data.length).toBe(job.body.bytes);
    const rows = await readXlsx(file.data);
    expect(rows).toHaveLength(5004);
    expect(rows.slice(1).map((row) => row[0])).toEqual(expectedIds(1, 5003, 'TX', 5));
    expect(rows[1][11]).toBe('대량 문의 5003');
  });

  it('exports the customer list as CSV with the values a merge kept', async () => {
    await h.sql`update customers set merged_values = '{"email": ["gildong@naver.com"]}' where id = 'UEXP1'`;
    const started = await fetchFile('POST', '/exports', { kind: 'customers', format: 'csv', search: { serviceId: service.id } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    await written(started.body.id);
    const file = await bytes('GET', `/exports/${started.body.id}/file`);
    const text = file.data.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('고객 고유번호,서비스,이름,아이디,이메일,전화번호,유저키');
    expect(text).toContain('UEXP1,내보내기 서비스,홍길동,,"gildong@example.com\ngildong@naver.com",010-1234-5678');
    const direct = await bytes('GET', `/customers/download?format=xlsx&serviceId=${service.id}&name=${encodeURIComponent('길동')}`);
    const rows = await readXlsx(direct.data);
    expect(rows.slice(1).map((row) => row[2])).toEqual(['홍길동']);
  });

  it('is only its starter’s; an unfinished one has no file yet', async () => {
    const other = await h.createAgent({ groupIds: [service.groupIds[0]] });
    const started = await fetchFile('POST', '/exports', { kind: 'tickets', format: 'csv', search: { serviceId: service.id } });
    await written(started.body.id);
    const foreign = await h.request('GET', `/exports/${started.body.id}`, { token: other.token });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('export.not_found');
    await h.sql`
      insert into export_jobs (id, org_id, agent_id, kind, format, request, file_name, rows_total)
      values ('XRUNNING', ${h.orgId}, ${agent.id}, 'tickets', 'csv', '{}', 'x.csv', 10)`;
    const early = await fetchFile('GET', '/exports/XRUNNING/file');
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'export.not_ready', details: { status: 'running' } });
  });

  it('survives its worker being killed mid-file, with every row exactly once', { timeout: 300_000 }, async () => {
    const killed = await h.createService('중단 서비스', ['중단']);
    await h.sql`insert into group_members (group_id, agent_id) values (${killed.groupIds[0]}, ${agent.id})`;
    await h.sql`
      insert into tickets (id, service_id, channel, status, priority, subject, content, last_seq, created_at, updated_at)
      select 'TK' || lpad(i::text, 5, '0'), ${killed.id}, 'chat', 'unassigned', 'low', '중단 문의 ' || i, '본문', 1, now() - i * interval '1 second', now()
      from generate_series(1, 20000) i`;
    // The file is written on a worker in its own process, which is killed (SIGKILL) while it writes.
    await h.stopWorker();
    const stop = await h.addWorker();
    const started = await fetchFile('POST', '/exports', { kind: 'tickets', format: 'xlsx', search: { serviceId: killed.id } });
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    let progress = started.body;
    while (progress.rowsWritten < 2000) progress = (await fetchFile('GET', `/exports/${started.body.id}`)).body;
    await stop('SIGKILL');
    const atKill = (await fetchFile('GET', `/exports/${started.body.id}`)).body;
    expect(atKill.status).toBe('running');

    await h.startWorker();
    await written(started.body.id);
    const job = (await fetchFile('GET', `/exports/${started.body.id}`)).body;
    expect(job).toMatchObject({ status: 'done', rowsWritten: 20000, rowsTotal: 20000 });
    const rows = await readXlsx((await bytes('GET', `/exports/${started.body.id}/file`)).data);
    expect(rows.slice(1).map((row) => row[0])).toEqual(Array.from({ length: 20000 }, (_, i) => `TK${String(i + 1).padStart(5, '0')}`));
    const [{ attempt }] = await h.sql<{ attempt: number }[]>`select attempt from export_jobs where id = ${started.body.id}`;
    expect(attempt).toBeGreaterThan(1);
    console.log(`export kill test: ${atKill.rowsWritten} of 20000 rows written when the worker was killed`);
  });
});

describe('field columns', () => {
  it('are headed with their labels, show options by label, and never open an encrypted value', async () => {
    const fields = [
      { scope: 'customer', code: 'plan', control: 'dropdown', labels: { ko: '요금제', en: 'Plan' }, options: [{ code: 'basic', labels: { ko: '기본', en: 'Basic' } }] },
      { scope: 'customer', code: 'order_no', control: 'text', labels: { ko: '주문번호', en: 'Order number' }, encrypted: true },
      { scope: 'agent', code: 'memo', control: 'text', labels: { ko: '메모', en: 'Memo' } },
    ];
    for (const field of fields) {
      const created = await h.request('POST', `/services/${service.id}/fields`, { token: h.admin.token, body: field });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const created = await h.request('POST', '/tickets', {
      token: h.admin.token,
      body: { serviceId: service.id, subject: '필드 문의', content: '본문', customer: { email: 'field@example.com' }, customerFields: { plan: 'basic', order_no: 'ORD-7731' } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const memo = await h.request('PATCH', `/tickets/${created.body.id}`, { token: h.admin.token, body: { agentFields: { memo: '확인 완료' } } });
    expect(memo.status, JSON.stringify(memo.body)).toBe(200);
    const korean = await readXlsx((await bytes('POST', '/tickets/search/download?format=xlsx', { serviceId: service.id, conditions: { ticketId: created.body.id } })).data);
    expect(korean[0].slice(-3)).toEqual(['요금제', '주문번호', '메모']);
    expect(korean[1].slice(-3)).toEqual(['기본', '********', '확인 완료']);
    const english = (await bytes('POST', '/tickets/search/download?format=csv&language=en', { serviceId: service.id, conditions: { ticketId: created.body.id } })).data.toString('utf8');
    expect(english).toContain(',Plan,Order number,Memo\r\n');
    expect(english).toContain(',Basic,********,확인 완료');
    expect(english).not.toContain('ORD-7731');
  });
});

describe('bad input', () => {
  const snapshot = () => h.sql`select id, status from export_jobs order by id`;
  const expectRefused = refusalCheck(() => h, snapshot);
  it('is refused with a structured error and no job', async () => {
    const as = (body: unknown) => ({ token: agent.token, body });
    await expectRefused('POST', '/exports', as({ kind: 'tickets', format: 'pdf' }), 400, 'request.invalid');
    await expectRefused('POST', '/exports', as({ kind: 'invoices', format: 'csv' }), 400, 'request.invalid');
    await expectRefused('POST', '/exports', as({ kind: 'tickets', format: 'csv', search: { conditions: { colour: 'red' } } }), 422, 'search.unknown_field');
    await expectRefused('POST', '/exports', as({ kind: 'tickets', format: 'csv', search: { conditions: { fields: { ssn: '1' } } } }), 422, 'search.unknown_field');
    await expectRefused(
      'POST',
      '/exports',
      as({ kind: 'tickets', format: 'csv', search: { conditions: { createdFrom: '2026-02-01T00:00:00Z', createdTo: '2026-01-01T00:00:00Z' } } }),
      422,
      'search.invalid_range',
    );
    await expectRefused('POST', '/tickets/search/download?format=doc', as({}), 400, 'request.invalid');
    await expectRefused('GET', '/exports/X-none', { token: agent.token }, 404, 'export.not_found');
  });
});
