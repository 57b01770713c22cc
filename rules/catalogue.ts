/**
 * The rule catalogue: every condition field (with its type, operators and the ticket field it reads), every
 * comparison operator and every result type with its parameters, as `GET /rules/catalogue` serves it to the
 * studio and to integrators. Built from the targets of `targets.ts` and the result schemas of `model.ts`, so it
 * says exactly what the validator accepts.
 *
 * @module
 */
import { z } from 'zod';
import { ConditionOperator, RESULT_KIND, Result, ResultKind, ResultTypeName, type ResultType } from './model';
import {
  CUSTOM_FIELD_VALUE_TYPES,
  FIXED_FIELDS,
  TARGET_TYPES,
  customFieldEntries,
  fixedFieldEntries,
  operatorEntries,
  type FixedField,
  type TargetLabel,
} from './targets';

const Label = z.strictObject({ en: z.string(), ko: z.string() });

/** The rule catalogue as `GET /rules/catalogue` answers it. */
export const RuleCatalogue = z
  .strictObject({
    fields: z.array(
      z.strictObject({
        name: z.enum(FIXED_FIELDS as [FixedField, ...FixedField[]]),
        type: z.enum(TARGET_TYPES),
        label: Label,
        description: z.string(),
        ticketField: z.string().nullable().meta({ description: 'The ticket field (`GET /tickets/{id}`) the value comes from.' }),
        aliases: z.array(z.string()).meta({ description: 'Other names a condition row may use; triggers are answered with `name`.' }),
        operators: z.array(ConditionOperator),
        changeCapable: z.boolean().meta({ description: 'Whether an updated event can see the value change (change operators).' }),
        setBy: z.array(ResultTypeName).meta({ description: 'Trigger results that set the value.' }),
        vocabulary: z.array(z.string()).nullable().meta({ description: 'The values of an enum field.' }),
      }),
    ),
    customFields: z.array(
      z.strictObject({
        prefix: z.enum(['customerField', 'agentField']),
        pattern: z.string().meta({ description: "The regular expression a row's field matches." }),
        label: Label,
        description: z.string(),
        ticketField: z.string(),
        operators: z.strictObject(
          Object.fromEntries(CUSTOM_FIELD_VALUE_TYPES.map((valueType) => [valueType, z.array(ConditionOperator)])) as Record<
            (typeof CUSTOM_FIELD_VALUE_TYPES)[number],
            z.ZodArray<typeof ConditionOperator>
          >,
        ),
      }),
    ),
    operators: z.array(
      z.strictObject({
        name: ConditionOperator,
        label: Label,
        description: z.string(),
        value: z.enum(['single', 'list', 'none']).meta({ description: 'A single constant, a non-empty list, or no value.' }),
        comparesPrevious: z.boolean().meta({ description: 'Compares with the ticket before the update (updated events only).' }),
      }),
    ),
    results: z.array(
      z.strictObject({
        type: ResultTypeName,
        kind: ResultKind,
        label: Label,
        description: z.string(),
        parameters: z.array(
          z.strictObject({
            name: z.string(),
            required: z.boolean(),
            schema: z.record(z.string(), z.unknown()).meta({ description: 'The JSON Schema of the value.' }),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'RuleCatalogue', description: 'Everything a trigger can use.' });
/** Everything a rule author can use in a trigger. */
export type RuleCatalogue = z.infer<typeof RuleCatalogue>;

const RESULTS: Readonly<Record<ResultType, { label: TargetLabel; description: string }>> = {
  assign: {
    label: { en: 'Assign', ko: '배정' },
    description: 'Assign the ticket to an agent of the group, chosen by the strategy; when several triggers assign, the last one applied wins.',
  },
  setIntakeType: { label: { en: 'Set intake type', ko: '접수유형 지정' }, description: "Set the ticket's intake type." },
  setPriority: { label: { en: 'Set priority', ko: '우선순위 지정' }, description: "Set the ticket's priority." },
  addTags: { label: { en: 'Add tags', ko: '태그 추가' }, description: 'Add tags to the ticket.' },
  removeTags: { label: { en: 'Remove tags', ko: '태그 삭제' }, description: 'Remove tags from the ticket.' },
  forwardToGroup: {
    label: { en: 'Forward to group', ko: '그룹 전달' },
    description: 'Move the ticket to a group without choosing an agent; an in-progress ticket becomes unassigned.',
  },
  notifyEmail: {
    label: { en: 'Notify by email', ko: '메일 알림' },
    description: "Email the assignee, the group or the customer, in the customer's help-centre language.",
  },
  forwardEmail: {
    label: { en: 'Forward by email', ko: '외부 메일 전달' },
    description: 'Forward the ticket to outside addresses, optionally completing it once sent.',
  },
  callbackUrl: {
    label: { en: 'Callback URL', ko: '콜백 URL' },
    description: 'POST a JSON payload, a template with substitution codes inside strings, to a URL.',
  },
  doorayNotify: {
    label: { en: 'Dooray! message', ko: '두레이 메신저 알림' },
    description: 'Post a message, a template with substitution codes, to a Dooray! Messenger incoming hook.',
  },
};

function parameterSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return jsonSchema;
}

function resultEntries(): RuleCatalogue['results'] {
  return Result.options.map((option) => {
    const type = option.shape.type.value;
    const parameters = Object.entries(option.shape as Record<string, z.ZodType>)
      .filter(([name]) => name !== 'type')
      .map(([name, schema]) => ({ name, required: !schema.safeParse(undefined).success, schema: parameterSchema(schema) }));
    return { type, kind: RESULT_KIND[type], ...RESULTS[type], parameters };
  });
}

let built: RuleCatalogue | undefined;

/** The rule catalogue; built once, it never changes while the process runs. */
export function ruleCatalogue(): RuleCatalogue {
  built ??= {
    fields: fixedFieldEntries(),
    customFields: customFieldEntries(),
    operators: operatorEntries(),
    results: resultEntries(),
  };
  return built;
}
