import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConditionOperator, ResultTypeName, compileTrigger, conditionTarget, parseTrigger, type ConditionRow } from '../../../rules';
import { ruleCatalogue } from '../../../rules/catalogue';
import { FIELD_ALIASES, FIXED_FIELDS } from '../../../rules/targets';
import { bankTransferTrigger } from './support/fixtures';

const withRows = (all: ConditionRow[]) => bankTransferTrigger({ events: ['created', 'updated'], conditions: { all, any: [] } });

describe('the ticket’s own field names', () => {
  const aliased: [string, string, ConditionRow['operator'], string | undefined][] = [
    ['intakeTypeId', 'intakeType', 'withinSubtree', 'it-payment'],
    ['resolutionTypeId', 'resolutionType', 'isEmpty', undefined],
    ['groupId', 'group', 'changedTo', 'grp-payment'],
    ['assigneeId', 'assignee', 'in', undefined],
  ];

  it.each(aliased)('reads %s as %s and compiles it to the same stored rule', (alias, name, operator, value) => {
    const row = (field: string): ConditionRow =>
      operator === 'in' ? { field, operator, value: ['agt-1'] } : { field, operator, ...(value === undefined ? {} : { value }) };
    const parsed = parseTrigger(withRows([row(alias)]));
    expect(parsed).toEqual({ ok: true, trigger: withRows([row(name)]) });
    expect(compileTrigger(withRows([row(alias)]))).toEqual(compileTrigger(withRows([row(name)])));
  });

  it('lists exactly the ticket fields whose names differ from the condition names', () => {
    expect(FIELD_ALIASES).toEqual({ intakeTypeId: 'intakeType', resolutionTypeId: 'resolutionType', groupId: 'group', assigneeId: 'assignee' });
  });
});

describe('the catalogue', () => {
  const catalogue = ruleCatalogue();

  it('says what the validator accepts: each field’s operators are its target’s', () => {
    expect(catalogue.fields.map((field) => field.name)).toEqual(FIXED_FIELDS);
    for (const field of catalogue.fields) expect(field.operators, field.name).toEqual(conditionTarget(field.name)?.operators);
    for (const custom of catalogue.customFields) {
      for (const [valueType, operators] of Object.entries(custom.operators)) {
        expect(operators).toEqual(conditionTarget(`${custom.prefix}:code`, valueType as 'string')?.operators);
      }
    }
  });

  it('covers every operator and result type', () => {
    expect(catalogue.operators.map((operator) => operator.name).sort()).toEqual([...ConditionOperator.options].sort());
    expect(catalogue.results.map((result) => result.type)).toEqual(ResultTypeName.options);
  });

  it('gives each result parameter a JSON Schema its valid values satisfy', () => {
    const notify = catalogue.results.find((result) => result.type === 'notifyEmail')!;
    expect(notify.parameters.map((parameter) => [parameter.name, parameter.required])).toEqual([['to', true], ['messages', true]]);
    const schema = z.fromJSONSchema(notify.parameters[1].schema as never);
    expect(schema.safeParse({ ko: { subject: 's', body: 'b' } }).success).toBe(true);
    expect(schema.safeParse({ korean: { subject: 's', body: 'b' } }).success).toBe(false);
  });
});
