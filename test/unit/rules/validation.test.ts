import { describe, it, expect } from 'vitest';
import {
  InvalidTriggerError,
  TicketFacts,
  type Trigger,
  compileTrigger,
  isStateChangingResult,
  parseTrigger,
  type ConditionRow,
  type Result,
} from '../../../rules';
import { bankTransferTrigger, snapshot } from './support/fixtures';

function withRows(all: unknown[], any: unknown[] = []): unknown {
  return { ...bankTransferTrigger({ events: ['created', 'updated'] }), conditions: { all, any } };
}

function withResults(results: unknown[]): unknown {
  return { ...bankTransferTrigger(), results };
}

const valid: ConditionRow = { field: 'priority', operator: 'equals', value: 'urgent' };

describe('parseTrigger', () => {
  it('accepts the bank-transfer example (docs/domain.md) and returns the parsed trigger', () => {
    const result = parseTrigger(bankTransferTrigger());
    expect(result).toEqual({ ok: true, trigger: bankTransferTrigger() });
  });

  it('accepts every target with an operator from its whitelist', () => {
    const rows: ConditionRow[] = [
      { field: 'status', operator: 'in', value: ['unassigned', 'on_hold'] },
      { field: 'intakeType', operator: 'withinSubtree', value: 'it-payment' },
      { field: 'resolutionType', operator: 'isEmpty' },
      { field: 'channel', operator: 'notEquals', value: 'phone' },
      { field: 'priority', operator: 'changedTo', value: 'urgent' },
      { field: 'group', operator: 'changedFrom', value: 'grp-payment' },
      { field: 'assignee', operator: 'isNotEmpty' },
      { field: 'subject', operator: 'contains', value: '환불' },
      { field: 'content', operator: 'startsWith', value: 'refund' },
      { field: 'tags', operator: 'notContains', value: 'spam' },
      { field: 'customerEmail', operator: 'equals', value: 'kim@example.com' },
      { field: 'customerPhone', operator: 'isEmpty' },
      { field: 'withinBusinessHours', operator: 'equals', value: false },
      { field: 'createdAt', operator: 'greaterThan', value: '2024-01-01T00:00:00+09:00' },
      { field: 'updatedAt', operator: 'changed' },
      { field: 'customerField:age', operator: 'lessThan', value: 20, valueType: 'number' },
      { field: 'agentField:reviewed', operator: 'equals', value: true, valueType: 'boolean' },
    ];
    expect(parseTrigger(withRows(rows))).toMatchObject({ ok: true });
  });

  it.each([
    ['an unknown field', withRows([valid, valid, { field: 'mood', operator: 'equals', value: 'x' }]), ['conditions', 'all', 2, 'field'], 'condition.unknown_field'],
    ['a malformed field code', withRows([{ field: 'customerField:a b', operator: 'equals', value: 'x', valueType: 'string' }]), ['conditions', 'all', 0, 'field'], 'condition.unknown_field'],
    ['a per-service field without valueType', withRows([{ field: 'customerField:plan', operator: 'equals', value: 'x' }]), ['conditions', 'all', 0, 'valueType'], 'condition.value_type_required'],
    ['a valueType on a built-in field', withRows([{ ...valid, valueType: 'string' }]), ['conditions', 'all', 0, 'valueType'], 'condition.value_type_not_applicable'],
    ['an operator the field type does not allow', withRows([valid, valid, { field: 'priority', operator: 'contains', value: 'u' }]), ['conditions', 'all', 2, 'operator'], 'condition.operator_not_allowed'],
    ['withinSubtree outside intake types', withRows([{ field: 'group', operator: 'withinSubtree', value: 'g' }]), ['conditions', 'all', 0, 'operator'], 'condition.operator_not_allowed'],
    ['isEmpty on a field that is never empty', withRows([], [{ field: 'status', operator: 'isEmpty' }]), ['conditions', 'any', 0, 'operator'], 'condition.operator_not_allowed'],
    ['a missing value', withRows([{ field: 'priority', operator: 'equals' }]), ['conditions', 'all', 0, 'value'], 'condition.value_required'],
    ['a value on a valueless operator', withRows([{ field: 'assignee', operator: 'isEmpty', value: 'x' }]), ['conditions', 'all', 0, 'value'], 'condition.value_not_allowed'],
    ['a number where an id is expected', withRows([{ field: 'group', operator: 'equals', value: 3 }]), ['conditions', 'all', 0, 'value'], 'condition.value_type_mismatch'],
    ['a value outside the vocabulary', withRows([{ field: 'priority', operator: 'equals', value: 'critical' }]), ['conditions', 'all', 0, 'value'], 'condition.value_not_in_vocabulary'],
    ['a list on a scalar operator', withRows([{ field: 'priority', operator: 'equals', value: ['high'] }]), ['conditions', 'all', 0, 'value'], 'condition.value_type_mismatch'],
    ['a scalar on a list operator', withRows([{ field: 'priority', operator: 'in', value: 'high' }]), ['conditions', 'all', 0, 'value'], 'condition.value_type_mismatch'],
    ['an empty list', withRows([{ field: 'priority', operator: 'in', value: [] }]), ['conditions', 'all', 0, 'value'], 'condition.list_empty'],
    ['a bad list item, pointing at the item', withRows([{ field: 'status', operator: 'notIn', value: ['resolved', 'done'] }]), ['conditions', 'all', 0, 'value', 1], 'condition.value_not_in_vocabulary'],
    ['a date that is not ISO 8601', withRows([{ field: 'createdAt', operator: 'lessThan', value: '2024/01/01' }]), ['conditions', 'all', 0, 'value'], 'condition.value_type_mismatch'],
    ['a string where a boolean is expected', withRows([{ field: 'withinBusinessHours', operator: 'equals', value: 'true' }]), ['conditions', 'all', 0, 'value'], 'condition.value_type_mismatch'],
    ['an empty keyword for contains', withRows([{ field: 'subject', operator: 'contains', value: '' }]), ['conditions', 'all', 0, 'value'], 'condition.value_type_mismatch'],
    ['a change operator on a created-only trigger', { ...bankTransferTrigger(), conditions: { all: [{ field: 'priority', operator: 'changed' }], any: [] } }, ['conditions', 'all', 0, 'operator'], 'condition.change_never_observed'],
    ['no conditions at all', withRows([], []), ['conditions'], 'trigger.conditions_empty'],
    ['an empty result list', withResults([]), ['results'], 'trigger.results_empty'],
    ['no events', { ...bankTransferTrigger(), events: [] }, ['events'], 'trigger.events_empty'],
    ['a repeated event', { ...bankTransferTrigger(), events: ['created', 'created'] }, ['events'], 'trigger.events_duplicate'],
    ['assign to an agent without agentId', withResults([{ type: 'assign', groupId: 'g', strategy: 'agent' }]), ['results', 0, 'agentId'], 'result.agent_required'],
    ['agentId with round robin', withResults([{ type: 'assign', groupId: 'g', strategy: 'roundRobin', agentId: 'a' }]), ['results', 0, 'agentId'], 'result.agent_not_allowed'],
    ['no tags to add', withResults([{ type: 'addTags', tags: [] }]), ['results', 0, 'tags'], 'result.tags_empty'],
    ['no recipients to forward to', withResults([{ type: 'forwardEmail', to: [], thenComplete: false }]), ['results', 0, 'to'], 'result.recipients_empty'],
    ['a notification without messages', withResults([{ type: 'notifyEmail', to: 'customer', messages: {} }]), ['results', 0, 'messages'], 'result.messages_empty'],
    ['a misspelt substitution code', withResults([{ type: 'setPriority', priority: 'high' }, { type: 'notifyEmail', to: 'group', messages: { ko: { subject: '#{tikcet.id}', body: 'b' } } }]), ['results', 1, 'messages', 'ko', 'subject'], 'result.unknown_substitution_code'],
    ['a callback payload that is not JSON', withResults([{ type: 'callbackUrl', url: 'https://api.example.com/hook', payloadTemplate: '{id: #{ticket.id}}' }]), ['results', 0, 'payloadTemplate'], 'result.payload_not_json'],
    ['an unknown code in a Dooray template', withResults([{ type: 'doorayNotify', hookUrl: 'https://hook.dooray.com/services/1', template: '#{customer.nickname}' }]), ['results', 0, 'template'], 'result.unknown_substitution_code'],
  ])('refuses %s with its path and code', (_name, input, path, code) => {
    const result = parseTrigger(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual(expect.objectContaining({ path, code }));
    for (const issue of result.issues) expect(issue.message).toEqual(expect.any(String));
  });

  it.each([
    ['an unknown operator', withRows([{ field: 'priority', operator: 'like', value: 'u' }]), ['conditions', 'all', 0, 'operator']],
    ['an unknown result type', withResults([{ type: 'sms', to: '010' }]), ['results', 0, 'type']],
    ['a misspelt key', withResults([{ type: 'assign', groupId: 'g', strategy: 'agent', agentID: 'a' }]), ['results', 0]],
    ['an invalid recipient address', withResults([{ type: 'forwardEmail', to: ['not-an-address'], thenComplete: true }]), ['results', 0, 'to', 0]],
    ['a non-HTTP callback URL', withResults([{ type: 'callbackUrl', url: 'file:///etc/passwd', payloadTemplate: '{}' }]), ['results', 0, 'url']],
    ['a fractional position', { ...bankTransferTrigger(), position: 1.5 }, ['position']],
  ])('reports shape errors as shape.* issues: %s', (_name, input, path) => {
    const result = parseTrigger(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual(expect.objectContaining({ path, code: expect.stringMatching(/^shape\./) }));
  });

  it('reports every issue of a trigger at once, not just the first', () => {
    const result = parseTrigger({
      ...bankTransferTrigger(),
      conditions: { all: [{ field: 'mood', operator: 'equals', value: 'x' }], any: [{ field: 'priority', operator: 'isEmpty' }] },
      results: [],
    });
    expect(result.ok ? [] : result.issues.map((issue) => issue.code)).toEqual([
      'condition.unknown_field',
      'condition.operator_not_allowed',
      'trigger.results_empty',
    ]);
  });
});

describe('compileTrigger on an invalid trigger', () => {
  it('throws InvalidTriggerError carrying the issues', () => {
    const invalid = { ...bankTransferTrigger(), results: [] } satisfies Trigger;
    expect(() => compileTrigger(invalid)).toThrowError(InvalidTriggerError);
    try {
      compileTrigger(invalid);
    } catch (error) {
      expect(error).toMatchObject({ code: 'trigger.invalid', issues: [{ path: ['results'], code: 'trigger.results_empty' }] });
    }
  });
});

describe('result kinds', () => {
  it('marks ticket changes as state-changing and outside calls as side effects', () => {
    const results: Result[] = [
      { type: 'assign', groupId: 'g', strategy: 'random' },
      { type: 'setIntakeType', intakeTypeId: 'it' },
      { type: 'setPriority', priority: 'low' },
      { type: 'addTags', tags: ['a'] },
      { type: 'removeTags', tags: ['a'] },
      { type: 'forwardToGroup', groupId: 'g' },
      { type: 'notifyEmail', to: 'assignee', messages: { ko: { subject: 's', body: 'b' } } },
      { type: 'forwardEmail', to: ['ops@example.com'], thenComplete: true },
      { type: 'callbackUrl', url: 'https://api.example.com', payloadTemplate: '{}' },
      { type: 'doorayNotify', hookUrl: 'https://hook.dooray.com/services/1', template: 't' },
    ];
    expect(results.map(isStateChangingResult)).toEqual([true, true, true, true, true, true, false, false, false, false]);
  });
});

describe('TicketFacts', () => {
  it('accepts a creation without previous and an update with one', () => {
    expect(TicketFacts.safeParse({ event: 'created', ticket: snapshot(), previous: null }).success).toBe(true);
    expect(TicketFacts.safeParse({ event: 'updated', ticket: snapshot(), previous: snapshot() }).success).toBe(true);
  });

  it('refuses an update without previous and a creation with one', () => {
    const missing = TicketFacts.safeParse({ event: 'updated', ticket: snapshot(), previous: null });
    expect(missing.error?.issues[0].path).toEqual(['previous']);
    expect(TicketFacts.safeParse({ event: 'created', ticket: snapshot(), previous: snapshot() }).success).toBe(false);
  });
});
