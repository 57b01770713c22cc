/**
 * Hostile input, as a property: for every operation of the API's own OpenAPI document, generated hostile strings
 * (NUL, lone surrogates, 1 MB strings, control characters, RTL marks, emoji, SQL and HTML metacharacters, very long
 * numbers) go into every string field of its body, its query and its path, one field at a time, the other fields
 * holding valid-looking values (the ids of real records where the name says which). Every answer is a 2xx or a
 * structured 4xx with a dotted code, never a 5xx and never a hang; after a 4xx no table has changed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportWorkflowId } from '../../domain/search';
import { startHarness, type Harness } from '../support/harness';
import { publish, settledSideEffects } from '../support/rules';
import { serveApi, type ServedApi } from '../support/served-api';
import { tableDigester, type TableDigest } from '../support/table-digest';

/** Fixed, so a failure is reproduced by running the file again. */
const SEED = 20_077;
const RUNS_PER_OPERATION = 15;
const REQUEST_TIMEOUT_MS = 10_000;
const MEGABYTE = 1024 * 1024;
/** Bodies of 1 MB strings, even escaped six bytes a character, must reach the routes rather than the body limit. */
const MAX_BODY_BYTES = 8 * MEGABYTE;
/**
 * Node's HTTP parser refuses request lines over 16 KB (431) before the app sees them, so strings sent in the URL
 * are cut to this many UTF-16 units (at most 9 bytes each once percent-encoded).
 */
const URL_STRING_LIMIT = 1_000;

/** Operations left out, each with its reason. */
const EXCLUDED: Record<string, string> = {
  'POST /auth/logout': 'ends the calling session by design, after which every request of the test would be 401',
};

// ---------------------------------------------------------------------------------------------------------------
// The OpenAPI document, as far as this test reads it

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  example?: unknown;
  minimum?: number;
  minItems?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: Schema | null;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content['application/json']?.schema ?? null,
    })),
  );
}

const nameOf = (operation: Operation) => `${operation.method} ${operation.path}`;

// ---------------------------------------------------------------------------------------------------------------
// Where a hostile string goes, and the valid-looking request around it

/** One step into a body: a property, the first item of an array, or a branch of a union. */
type Step = { property: string } | { item: true } | { branch: number };

type Target =
  | { in: 'path' | 'query'; name: string; declared: boolean }
  | { in: 'body'; steps: Step[] }
  | { in: 'body-key' };

const describeTarget = (target: Target) => {
  if (target.in === 'body') {
    const names = target.steps.flatMap((step) => ('property' in step ? [step.property] : 'item' in step ? ['0'] : []));
    return `body.${names.join('.')}`;
  }
  if (target.in === 'body-key') return 'a body key';
  return `${target.in} ${target.name}${target.declared ? '' : ' (undeclared)'}`;
};

class SchemaReader {
  constructor(private readonly schemas: Record<string, Schema>) {}

  resolve(schema: Schema): Schema {
    let resolved = schema;
    while (resolved.$ref) resolved = this.schemas[resolved.$ref.replace('#/components/schemas/', '')];
    if (resolved.allOf) return Object.assign({}, ...resolved.allOf.map((part) => this.resolve(part)));
    return resolved;
  }

  isString(schema: Schema): boolean {
    const { type } = this.resolve(schema);
    return type === 'string' || (Array.isArray(type) && type.includes('string'));
  }

  /** The paths to every string inside `schema` (a lone string schema is the empty path). */
  stringPaths(schema: Schema, depth = 0): Step[][] {
    const resolved = this.resolve(schema);
    if (depth > 8) return [];
    const union = resolved.anyOf ?? resolved.oneOf;
    if (union) {
      return union.flatMap((branch, index) => this.stringPaths(branch, depth + 1).map((path) => [{ branch: index } as Step, ...path]));
    }
    if (this.isString(resolved)) return [[]];
    if (resolved.properties) {
      return Object.entries(resolved.properties).flatMap(([property, child]) =>
        this.stringPaths(child, depth + 1).map((path) => [{ property } as Step, ...path]),
      );
    }
    if (resolved.items) return this.stringPaths(resolved.items, depth + 1).map((path) => [{ item: true } as Step, ...path]);
    return [];
  }
}

interface Fixtures {
  serviceId: string;
  groupId: string;
  agentId: string;
  ticketId: string;
  customerId: string;
  categoryId: string;
  ruleVersionId: string;
  apiTokenId: string;
  triggerId: string;
  slaPolicyId: string;
  automationId: string;
}

/** The id of a real record for a parameter or field named `name`, in an operation on `path`. */
function fixtureId(fixtures: Fixtures, name: string, path: string): string | undefined {
  const byName: Record<string, string> = {
    serviceId: fixtures.serviceId,
    groupId: fixtures.groupId,
    agentId: fixtures.agentId,
    ticketId: fixtures.ticketId,
    customerId: fixtures.customerId,
    intakeTypeId: fixtures.categoryId,
    parentId: fixtures.categoryId,
  };
  if (byName[name]) return byName[name];
  if (name !== 'id') return undefined;
  const byResource: [string, string][] = [
    ['/tickets/', fixtures.ticketId],
    ['/services/', fixtures.serviceId],
    ['/groups/', fixtures.groupId],
    ['/agents/', fixtures.agentId],
    ['/categories/', fixtures.categoryId],
    ['/customers/', fixtures.customerId],
    ['/rule-versions/', fixtures.ruleVersionId],
    ['/auth/tokens/', fixtures.apiTokenId],
    ['/triggers/', fixtures.triggerId],
    ['/sla-policies/', fixtures.slaPolicyId],
    ['/automations/', fixtures.automationId],
  ];
  return byResource.find(([prefix]) => path.startsWith(prefix))?.[1];
}

class RequestBuilder {
  constructor(
    private readonly reader: SchemaReader,
    private readonly fixtures: Fixtures,
    private readonly path: string,
  ) {}

  validString(name: string, schema: Schema): string {
    const resolved = this.reader.resolve(schema);
    const choice = resolved.enum?.find((value) => typeof value === 'string');
    if (choice !== undefined) return choice as string;
    const id = fixtureId(this.fixtures, name, this.path);
    if (id) return id;
    if (resolved.format === 'email' || /email/i.test(name)) return 'customer@example.com';
    if (/phone/i.test(name)) return '010-1234-5678';
    if (/password/i.test(name)) return 'valid-password-1';
    if (/timezone/i.test(name)) return 'Asia/Seoul';
    if (resolved.format === 'date-time') return new Date().toISOString();
    if (typeof resolved.example === 'string') return resolved.example;
    return 'valid looking text';
  }

  /** A valid-looking value of `schema`, with `hostile` at the end of `steps` (when given). */
  value(name: string, schema: Schema, steps: Step[] | null, hostile: string): unknown {
    const resolved = this.reader.resolve(schema);
    const [step, ...rest] = steps ?? [];
    const union = resolved.anyOf ?? resolved.oneOf;
    if (union) {
      if (step && 'branch' in step) return this.value(name, union[step.branch], rest, hostile);
      const branch = union.find((option) => this.reader.resolve(option).type !== 'null') ?? union[0];
      return this.value(name, branch, null, hostile);
    }
    if (steps && steps.length === 0) return hostile;
    if (resolved.properties || resolved.type === 'object') {
      const object: Record<string, unknown> = {};
      for (const property of resolved.required ?? []) {
        object[property] = this.value(property, resolved.properties?.[property] ?? {}, null, hostile);
      }
      if (step && 'property' in step) object[step.property] = this.value(step.property, resolved.properties![step.property], rest, hostile);
      return object;
    }
    if (resolved.items || resolved.type === 'array') {
      if (step && 'item' in step) return [this.value(name, resolved.items!, rest, hostile)];
      return (resolved.minItems ?? 0) > 0 ? [this.value(name, resolved.items ?? {}, null, hostile)] : [];
    }
    if (this.reader.isString(resolved)) return this.validString(name, resolved);
    if (resolved.type === 'integer' || resolved.type === 'number') return resolved.minimum ?? 1;
    if (resolved.type === 'boolean') return false;
    return null;
  }

  /** The valid-looking text of a path or query parameter. */
  parameter(parameter: Parameter): string {
    const value = this.value(parameter.name, parameter.schema, null, '');
    return typeof value === 'string' ? value : String(value);
  }
}

/**
 * Valid bodies of the operations whose schema alone does not say enough for a valid-looking body (a customer needs
 * an email or a phone, a trigger needs a condition and a result …), so that hostile strings reach their handlers.
 */
function baseBodies(fixtures: Pick<Fixtures, 'serviceId' | 'groupId'>): Record<string, Record<string, unknown>> {
  const ticket = {
    serviceId: fixtures.serviceId,
    subject: 'Refund for yesterday’s transfer',
    content: 'I would like the amount back.',
    customer: { name: 'Customer', email: 'customer@example.com' },
  };
  const trigger = {
    title: 'Urgent refunds',
    enabled: false,
    events: ['created'],
    conditions: { all: [{ field: 'subject', operator: 'contains', value: 'refund' }], any: [] },
    results: [{ type: 'setPriority', priority: 'high' }],
  };
  const policy = { title: 'First answer within four hours', firstResponse: '4h', onAtRisk: [], onBreach: [{ type: 'setPriority', priority: 'urgent' }] };
  const automation = { kind: 'remind_on_hold', after: '1d' };
  return {
    'POST /tickets': ticket,
    'POST /services/{serviceId}/triggers': trigger,
    'PUT /triggers/{id}': trigger,
    'PUT /services/{serviceId}/business-hours': { timezone: 'Asia/Seoul', weekly: [{ day: 1, start: '09:00', end: '18:00' }], holidays: [] },
    'POST /services/{serviceId}/sla-policies': policy,
    'PUT /sla-policies/{id}': policy,
    'POST /services/{serviceId}/automations': automation,
    'PUT /automations/{id}': automation,
    'POST /rules/simulate': { serviceId: fixtures.serviceId, version: 'draft', ticket: { subject: 'refund' } },
    'POST /tickets/{id}/forward': { groupId: fixtures.groupId },
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * `base` with the part of `built` that holds the hostile string (at `steps`) put in its place. Where a step chooses a
 * branch of a union, the built branch replaces the base one whole: the two may be different kinds.
 */
function overlay(base: unknown, built: unknown, steps: Step[]): unknown {
  const [step, ...rest] = steps;
  if (!step || 'branch' in step) return built;
  if ('property' in step) {
    if (!isObject(base) || !isObject(built)) return built;
    return { ...base, [step.property]: overlay(base[step.property], built[step.property], rest) };
  }
  if (!Array.isArray(base) || base.length === 0 || !Array.isArray(built)) return built;
  return [overlay(base[0], built[0], rest), ...base.slice(1)];
}

/** Percent-encodes `text` as a hostile client would: an unpaired surrogate as its (invalid) three UTF-8-style bytes. */
function percentEncode(text: string): string {
  let encoded = '';
  for (const character of text) {
    const unit = character.charCodeAt(0);
    if (character.length === 1 && unit >= 0xd800 && unit <= 0xdfff) {
      encoded += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else {
      encoded += encodeURIComponent(character);
    }
  }
  return encoded;
}

interface HostileRequest {
  method: string;
  url: string;
  body: string | undefined;
}

function buildRequest(
  operation: Operation,
  builder: RequestBuilder,
  base: Record<string, unknown> | undefined,
  target: Target,
  hostile: string,
): HostileRequest {
  const inUrl = hostile.slice(0, URL_STRING_LIMIT);
  const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (target.in === 'path' && target.name === name) return percentEncode(inUrl);
    const parameter = operation.parameters.find((candidate) => candidate.in === 'path' && candidate.name === name)!;
    return percentEncode(builder.parameter(parameter));
  });
  const query: string[] = [];
  for (const parameter of operation.parameters.filter((candidate) => candidate.in === 'query')) {
    if (target.in === 'query' && target.name === parameter.name) query.push(`${parameter.name}=${percentEncode(inUrl)}`);
    else if (parameter.required) query.push(`${parameter.name}=${percentEncode(builder.parameter(parameter))}`);
  }
  if (target.in === 'query' && !target.declared) query.push(`${target.name}=${percentEncode(inUrl)}`);

  let body: string | undefined;
  if (operation.body) {
    const steps = target.in === 'body' ? target.steps : null;
    const built = builder.value('body', operation.body, steps, hostile);
    const value = (base ? (steps ? overlay(base, built, steps) : structuredClone(base)) : built) as Record<string, unknown>;
    if (target.in === 'body-key') value[hostile] = 'valid looking text';
    body = JSON.stringify(value);
  }
  return { method: operation.method, url: query.length > 0 ? `${url}?${query.join('&')}` : url, body };
}

function targetsOf(operation: Operation, reader: SchemaReader): Target[] {
  const targets: Target[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.in === 'path' || parameter.in === 'query') targets.push({ in: parameter.in, name: parameter.name, declared: true });
  }
  // Every route, with or without parameters of its own, meets the gate through a query parameter it does not know.
  targets.push({ in: 'query', name: 'extra', declared: false });
  if (operation.body) {
    for (const steps of reader.stringPaths(operation.body)) targets.push({ in: 'body', steps });
    targets.push({ in: 'body-key' });
  }
  return targets;
}

// ---------------------------------------------------------------------------------------------------------------
// Hostile strings

const hostileCharacter = fc.oneof(
  fc.constantFrom(
    '\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', // NUL and unpaired surrogates
    '\u202E', '\u202D', '\u200F', '\u061C', '\u2066', // bidirectional controls
    '\u200B', '\uFEFF', '\u2028', '\u2029', '\u0085', '\u0301', // invisible, separators, a combining mark
    '\u001B', '\u0007', '\b', '\t', '\r', '\n', '\u007F', // control characters
    '😀', '👨‍👩‍👧', '🏳️‍🌈', '한', '語', // astral and wide characters
    "'", '"', '\\', ';', '--', '%', '_', '*', '<', '>', '&', '`', '$', '{', '}', '/', '..', // metacharacters
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
  fc.integer({ min: 0, max: 0x1f }).map((unit) => String.fromCharCode(unit)),
);

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: hostileCharacter, minLength: 1, maxLength: 40 }), weight: 4 },
  {
    arbitrary: fc.constantFrom(
      "' OR '1'='1' --",
      "'); drop table tickets; --",
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '{{7*7}}${7*7}#{7*7}',
      '../../../../etc/passwd',
      '%00',
      '\\u0000',
      'null',
      'undefined',
      'NaN',
      'Infinity',
      '-0',
      '1e309',
      '',
      ' ',
    ),
    weight: 2,
  },
  { arbitrary: fc.stringMatching(/^-?[1-9][0-9]{20,400}(\.[0-9]{1,50})?$/), weight: 1 },
  {
    arbitrary: fc.constantFrom('x', '\u0000', '😀', '\u202E', '한', '\uD800').map((unit) => unit.repeat(Math.ceil(MEGABYTE / unit.length))),
    weight: 1,
  },
  { arbitrary: fc.tuple(fc.constantFrom('valid ', 'T1603851004648zfnA', 'a@b.co'), hostileCharacter).map(([valid, bad]) => valid + bad), weight: 2 },
);

/** Shown in a counterexample instead of megabytes of text. */
const shown = (text: string) => `${JSON.stringify(text.slice(0, 60))}${text.length > 60 ? `…(${text.length} UTF-16 units)` : ''}`;

const hostileShown = hostileString.map((hostile) => ({ hostile, [fc.toStringMethod]: () => shown(hostile) }));

// ---------------------------------------------------------------------------------------------------------------

let h: Harness;
let api: ServedApi;
let fixtures: Fixtures;
let digest: () => Promise<TableDigest>;
/** The tables as the last request left them, once its writes (if any) have settled; null: read them again. */
let known: TableDigest | null = null;

beforeAll(async () => {
  h = await startHarness({ env: { MAX_BODY_BYTES: String(MAX_BODY_BYTES) } });
  api = await serveApi(h);
  const service = await h.createService();
  const agent = await h.createAgent({ groupIds: [service.groupIds[0]], name: 'Fixture agent' });
  const categoryId = await h.createIntakeType(service.id, 'Fixture intake type');
  const ticket = await api.request('POST', '/tickets', {
    token: h.admin.token,
    body: { serviceId: service.id, subject: 'Fixture ticket', content: 'Fixture content', customer: { name: 'Fixture', email: 'fixture@example.com' } },
  });
  expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
  await settledSideEffects(h, ticket.body.id);
  const apiToken = await api.request('POST', '/auth/tokens', { token: h.admin.token, body: { name: 'Fixture token', scopes: ['tickets:read'] } });
  expect(apiToken.status, JSON.stringify(apiToken.body)).toBe(201);
  const ruleVersion = await publish(h, service.id);
  const bodies = baseBodies({ serviceId: service.id, groupId: service.groupIds[0] });
  const created = async (path: string, body: unknown) => {
    const response = await api.request('POST', path, { token: h.admin.token, body });
    expect(response.status, `${path}: ${JSON.stringify(response.body)}`).toBe(201);
    return response.body.id as string;
  };
  const triggerId = await created(`/services/${service.id}/triggers`, bodies['POST /services/{serviceId}/triggers']);
  const slaPolicyId = await created(`/services/${service.id}/sla-policies`, bodies['POST /services/{serviceId}/sla-policies']);
  const automationId = await created(`/services/${service.id}/automations`, bodies['POST /services/{serviceId}/automations']);
  fixtures = {
    serviceId: service.id,
    groupId: service.groupIds[0],
    agentId: agent.id,
    ticketId: ticket.body.id,
    customerId: ticket.body.customer.id,
    categoryId,
    ruleVersionId: ruleVersion.id,
    apiTokenId: apiToken.body.id,
    triggerId,
    slaPolicyId,
    automationId,
  };
  digest = await tableDigester(h.sql);
});

afterAll(async () => {
  await api?.stop();
  await h?.stop();
});

/** After a ticket was written to, waits until its workflow has finished writing (rules, side effects). */
async function settleTicketWrites(operation: Operation, request: HostileRequest, responseBody: any): Promise<void> {
  if (!operation.path.startsWith('/tickets') || operation.method === 'GET') return;
  const ticketId = operation.path === '/tickets' ? responseBody?.id : fixtures.ticketId;
  if (typeof ticketId !== 'string') return;
  const [stored] = await h.sql`select 1 from tickets where id = ${ticketId}`;
  if (stored) await settledSideEffects(h, ticketId);
}

async function check(operation: Operation, request: HostileRequest, target: Target, hostile: string): Promise<void> {
  const where = `${request.method} ${request.url.slice(0, 200)} with ${shown(hostile)} in ${describeTarget(target)}`;
  const before = (known ??= await digest());
  const response = await api.request(request.method, request.url, {
    token: h.admin.token,
    rawBody: request.body,
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
  const answered = `answered ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
  if (response.status >= 200 && response.status < 300) {
    await settleTicketWrites(operation, request, response.body);
    // An accepted export goes on writing in its workflow: let it finish before the next digest.
    if (request.method === 'POST' && request.url.startsWith('/exports')) await h.temporal.workflow.getHandle(exportWorkflowId(response.body.id)).result();
    known = null;
    return;
  }
  expect(response.status, `${where}: ${answered}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${where}: ${answered}`).toBeLessThan(500);
  const error = response.body?.error;
  expect(typeof error?.code === 'string' && /^[a-z_]+(\.[a-z0-9_]+)+$/.test(error.code), `${where}: ${answered}`).toBe(true);
  expect(typeof error.message, `${where}: ${answered}`).toBe('string');
  expect(error.details !== null && typeof error.details === 'object' && !Array.isArray(error.details), `${where}: ${answered}`).toBe(true);
  known = await digest();
  expect(known, `${where}: ${answered}, yet a table changed`).toEqual(before);
}

describe('hostile strings in every string field of every operation', () => {
  it('answer 2xx or a structured 4xx, never a 5xx nor a hang, and change nothing when refused', async () => {
    const document = (await api.request<OpenApiDocument>('GET', '/openapi.json')).body;
    const reader = new SchemaReader(document.components.schemas);
    const operations = operationsOf(document);
    const excluded = operations.filter((operation) => EXCLUDED[nameOf(operation)]);
    // An exclusion that no longer names an operation is stale, and says so.
    expect(excluded.map(nameOf).sort()).toEqual(Object.keys(EXCLUDED).sort());

    // Deletions last, so the records other operations act on exist while they run.
    const tested = operations
      .filter((operation) => !EXCLUDED[nameOf(operation)])
      .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    expect(tested.length).toBeGreaterThan(50);

    const bodies = baseBodies(fixtures);
    for (const [index, operation] of tested.entries()) {
      const builder = new RequestBuilder(reader, fixtures, operation.path);
      const targets = targetsOf(operation, reader);
      const base = bodies[nameOf(operation)];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...targets), hostileShown, async (target, { hostile }) => {
          await check(operation, buildRequest(operation, builder, base, target, hostile), target, hostile);
        }),
        // One seed per operation, so operations with the same number of targets do not all draw the same cases.
        { seed: SEED + index, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
    }
  }, 240_000);
});
