/**
 * The trigger model: what an admin edits and what the API accepts.
 *
 * These schemas describe shape only. Meaning (is this field known, does this operator apply to it, is the
 * value of the right type) is checked by {@link parseTrigger} in `validate.ts`, which is the one gate
 * every trigger passes before it is compiled or stored.
 *
 * @module
 */
import { z } from 'zod';
import { TicketEventType, TicketPriority } from '../domain/schemas';
import { customFieldEntries, fixedFieldEntries, operatorEntries, type FixedFieldEntry } from './targets';

const Id = z.string().min(1).max(128);

/** Comparison operators a condition row may use; which apply to which field is decided in `targets.ts`. */
const ConditionOperatorNames = z.enum([
  'equals',
  'notEquals',
  'contains',
  'notContains',
  'startsWith',
  'in',
  'notIn',
  'greaterThan',
  'lessThan',
  'isEmpty',
  'isNotEmpty',
  'withinSubtree',
  'changed',
  'changedTo',
  'changedFrom',
]);
/** Comparison operators a condition row may use; which apply to which field is decided in `targets.ts`. */
export const ConditionOperator = ConditionOperatorNames.meta({
  description:
    'How the row compares. Which operators a field allows follows from its type; `GET /rules/catalogue` lists them ' +
    'per field, and a row whose operator does not fit its field is refused with 422, the allowed ones in `allowed`.',
  'x-enumDescriptions': Object.fromEntries(operatorEntries().map((entry) => [entry.name, entry.description])),
});
/** Comparison operator of a condition row. */
export type ConditionOperator = z.infer<typeof ConditionOperatorNames>;

/** The constant a condition compares against: a scalar, or a list for `in` / `notIn`. */
export const ConditionValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string(), z.number()])),
]);
/** The constant a condition compares against. */
export type ConditionValue = z.infer<typeof ConditionValue>;

/**
 * Declared type of a customer or agent field. The rule engine has no access to the field catalogue, so a
 * row on `customerField:<code>` says how its value is to be compared.
 */
export const CustomFieldValueType = z.enum(['string', 'number', 'boolean', 'date']);
/** Declared type of a customer or agent field. */
export type CustomFieldValueType = z.infer<typeof CustomFieldValueType>;

function describeField(entry: FixedFieldEntry): string {
  const aliases = entry.aliases.map((alias) => ` Also accepted as \`${alias}\`, the ticket's field.`).join('');
  const source = entry.ticketField ? ` Reads the ticket's \`${entry.ticketField}\`.` : '';
  return `${entry.description} (${entry.type})${source}${aliases}`;
}

/**
 * A row's field as the API document shows it: a built-in name or a per-service field. The shape stays a string so
 * that a name outside the catalogue reaches the semantic check, which refuses it listing the valid names.
 */
const ConditionField = z
  .string()
  .min(1)
  .max(80)
  .meta({
    description:
      'The ticket value compared: a built-in field, or `customerField:<code>` / `agentField:<code>` with a ' +
      "`valueType`. The ticket's own names (`intakeTypeId`, `groupId`, `assigneeId`, `resolutionTypeId`) are " +
      'accepted for the built-in fields and answered as the names listed here. `GET /rules/catalogue` gives each ' +
      "field's type, operators and the ticket field it reads.",
    anyOf: [
      {
        type: 'string',
        enum: fixedFieldEntries().map((entry) => entry.name),
        'x-enumDescriptions': Object.fromEntries(fixedFieldEntries().map((entry) => [entry.name, describeField(entry)])),
      },
      ...customFieldEntries().map((entry) => ({ type: 'string', pattern: entry.pattern, description: entry.description })),
    ],
  });

/**
 * One condition row: `field operator value`. `field` is a target name such as `priority` or
 * `customerField:vip`; `value` is absent for operators that take none (`isEmpty`, `changed`, …).
 */
export const ConditionRow = z
  .strictObject({
    field: ConditionField,
    operator: ConditionOperator,
    value: ConditionValue.optional().meta({
      description: 'The constant compared against: a list for `in` / `notIn`, absent for `isEmpty`, `isNotEmpty` and `changed`.',
    }),
    valueType: CustomFieldValueType.optional().meta({
      description: 'How a customer or agent field is compared; only for `customerField:` and `agentField:` rows.',
    }),
  })
  .meta({ id: 'ConditionRow', description: 'One condition: `field operator value`.' });
/** One condition row. */
export type ConditionRow = z.infer<typeof ConditionRow>;

/**
 * A group of conditions, stored in json-rules-engine's own nested shape: `{ all: [...] }` holds when every entry
 * holds, `{ any: [...] }` when at least one does, `{ not: entry }` when its one entry does not.
 */
export type GroupEntry = { all: ConditionEntry[] } | { any: ConditionEntry[] } | { not: ConditionEntry };
/** A row or a group of rows, wherever a row may stand. */
export type ConditionEntry = ConditionRow | GroupEntry;
/** The three kinds of group: the key that names each. */
export const GROUP_KINDS = ['all', 'any', 'not'] as const;
/** The kind of a condition group. */
export type GroupKind = (typeof GROUP_KINDS)[number];

/**
 * A row, or a group nesting further rows and groups. The union is read by its key (`field`, `all`, `any`, `not`)
 * when reporting shape issues, see `issuesFromZod`; how deep groups nest and how many rows a trigger has are
 * limited in `validate.ts`.
 */
export const ConditionEntry: z.ZodType<ConditionEntry> = z
  .lazy(() =>
    z.union([
      ConditionRow,
      z.strictObject({ all: z.array(ConditionEntry) }),
      z.strictObject({ any: z.array(ConditionEntry) }),
      z.strictObject({ not: ConditionEntry }),
    ]),
  )
  .meta({
    id: 'ConditionEntry',
    description: 'A condition row, or a group: `{ all: [...] }` (every entry holds), `{ any: [...] }` (one does), `{ not: entry }`.',
  });

/** How deep condition groups nest (a group at the top of `all` or `any` is at depth 1), and how many rows a trigger has. */
export const CONDITION_LIMITS = { groupDepth: 5, rows: 200 } as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Where the first group nested deeper than {@link CONDITION_LIMITS} stands, looking no deeper than that. */
function tooDeepAt(conditions: unknown): (string | number)[] | undefined {
  const visit = (entry: unknown, at: (string | number)[], depth: number): (string | number)[] | undefined => {
    if (!isRecord(entry) || 'field' in entry) return undefined;
    if (depth > CONDITION_LIMITS.groupDepth) return at;
    if (isRecord(entry.not)) return visit(entry.not, [...at, 'not'], depth + 1);
    for (const kind of ['all', 'any'] as const) {
      const children = entry[kind];
      if (!Array.isArray(children)) continue;
      for (const [index, child] of children.entries()) {
        const found = visit(child, [...at, kind, index], depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  if (!isRecord(conditions)) return undefined;
  for (const kind of ['all', 'any'] as const) {
    const entries = conditions[kind];
    if (!Array.isArray(entries)) continue;
    for (const [index, entry] of entries.entries()) {
      const found = visit(entry, [kind, index], 1);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Must-match entries (all hold) and optional entries (at least one holds, when there are any). A trigger of rows
 * only is the flat case; a group may stand wherever a row does. Nesting past the limit is refused before the entries
 * are parsed, so a hostile body of thousands of nested groups is answered 422 instead of exhausting the stack.
 */
export const TriggerConditions = z.preprocess(
  (conditions, ctx) => {
    const path = tooDeepAt(conditions);
    if (path) {
      const message = `condition groups nest at most ${CONDITION_LIMITS.groupDepth} deep`;
      ctx.addIssue({ code: 'custom', path, message, input: conditions, params: { code: 'condition.too_deep' } });
    }
    return conditions;
  },
  z.strictObject({
    all: z.array(ConditionEntry),
    any: z.array(ConditionEntry),
  }),
);
/** Must-match and optional condition entries. */
export type TriggerConditions = z.infer<typeof TriggerConditions>;

/** How an assign result picks an agent within the group. */
export const AssignStrategy = z.enum(['random', 'roundRobin', 'agent', 'leastLoaded']);
/** How an assign result picks an agent within the group. */
export type AssignStrategy = z.infer<typeof AssignStrategy>;

/** Help-centre language of a notification message, e.g. `ko`, `en`, `zh-TW`. */
export const MessageLanguage = z
  .string()
  .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'expected a language code such as ko or zh-TW');

/** A subject and body with substitution codes such as `#{ticket.id}`. */
export const EmailMessage = z.strictObject({
  subject: z.string().min(1).max(300),
  body: z.string().min(1).max(20_000),
});
/** A subject and body with substitution codes. */
export type EmailMessage = z.infer<typeof EmailMessage>;

// Plain HTTP is accepted because local peers (a fake Dooray, a test callback receiver) speak it.
const WebUrl = z.url({ protocol: /^https?$/ });

/** Assign the ticket within a group; when several triggers assign, the last one applied wins. */
export const AssignResult = z.strictObject({
  type: z.literal('assign'),
  groupId: Id,
  strategy: AssignStrategy,
  agentId: Id.optional(),
});
/** Set the ticket's intake type. */
export const SetIntakeTypeResult = z.strictObject({ type: z.literal('setIntakeType'), intakeTypeId: Id });
/** Set the ticket's priority. */
export const SetPriorityResult = z.strictObject({ type: z.literal('setPriority'), priority: TicketPriority });
/** Add tags to the ticket. */
export const AddTagsResult = z.strictObject({ type: z.literal('addTags'), tags: z.array(z.string().min(1).max(64)) });
/** Remove tags from the ticket. */
export const RemoveTagsResult = z.strictObject({
  type: z.literal('removeTags'),
  tags: z.array(z.string().min(1).max(64)),
});
/** Move the ticket to a group without choosing an agent. */
export const ForwardToGroupResult = z.strictObject({ type: z.literal('forwardToGroup'), groupId: Id });
/** Email the assignee, the group or the customer, in the customer's help-centre language. */
export const NotifyEmailResult = z.strictObject({
  type: z.literal('notifyEmail'),
  to: z.enum(['assignee', 'group', 'customer']),
  messages: z.record(MessageLanguage, EmailMessage),
});
/** Forward the ticket to outside addresses, optionally completing it afterwards. */
export const ForwardEmailResult = z.strictObject({
  type: z.literal('forwardEmail'),
  to: z.array(z.email()),
  thenComplete: z.boolean(),
});
/** POST a JSON payload (a template with substitution codes) to an API. */
export const CallbackUrlResult = z.strictObject({
  type: z.literal('callbackUrl'),
  url: WebUrl,
  payloadTemplate: z.string().min(2).max(20_000),
});
/** Post a message to a Dooray! Messenger incoming hook. */
export const DoorayNotifyResult = z.strictObject({
  type: z.literal('doorayNotify'),
  hookUrl: WebUrl,
  template: z.string().min(1).max(20_000),
});

/** What a trigger does when it fires; results run in order. */
export const Result = z.discriminatedUnion('type', [
  AssignResult,
  SetIntakeTypeResult,
  SetPriorityResult,
  AddTagsResult,
  RemoveTagsResult,
  ForwardToGroupResult,
  NotifyEmailResult,
  ForwardEmailResult,
  CallbackUrlResult,
  DoorayNotifyResult,
]);
/** What a trigger does when it fires. */
export type Result = z.infer<typeof Result>;
/** The discriminator of {@link Result}. */
export type ResultType = Result['type'];
/** The result types, in the order of {@link Result}. */
export const ResultTypeName = z.enum(Result.options.map((option) => option.shape.type.value) as [ResultType, ...ResultType[]]);
/** Whether a result changes the ticket or talks to the outside world (see {@link RESULT_KIND}). */
export const ResultKind = z.enum(['stateChange', 'sideEffect']);

/**
 * Which results change the ticket and which only talk to the outside world. The workflow applies state
 * changes in order inside the ticket's history and runs side effects as activities afterwards.
 */
export const RESULT_KIND: Readonly<Record<ResultType, z.infer<typeof ResultKind>>> = {
  assign: 'stateChange',
  setIntakeType: 'stateChange',
  setPriority: 'stateChange',
  addTags: 'stateChange',
  removeTags: 'stateChange',
  forwardToGroup: 'stateChange',
  notifyEmail: 'sideEffect',
  forwardEmail: 'sideEffect',
  callbackUrl: 'sideEffect',
  doorayNotify: 'sideEffect',
};

/** True for results that change the ticket itself (assign, set intake type/priority, tags, forward to group). */
export function isStateChangingResult(result: Result): boolean {
  return RESULT_KIND[result.type] === 'stateChange';
}

/** A trigger: when its conditions hold on a ticket event it listens to, its results run in order. */
export const Trigger = z.strictObject({
  id: Id,
  title: z.string().min(1).max(200),
  enabled: z.boolean(),
  position: z.int().nonnegative(),
  events: z.array(TicketEventType),
  conditions: TriggerConditions,
  results: z.array(Result),
});
/** A trigger. */
export type Trigger = z.infer<typeof Trigger>;
