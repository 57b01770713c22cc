/**
 * Field schemas (필드 관리): customer fields per intake type and agent fields, with per-language labels, typed
 * controls and a code that is never reused in the service.
 */
import { z } from '@hono/zod-openapi';
import { FIELD_CODE_PATTERN, FIELD_CONTROLS, FIELD_EDITORS, FIELD_SCOPES, SYSTEM_FIELDS } from '../../../domain/fields';
import { Id, pathId } from '../../params';

export const FieldScope = z.enum(FIELD_SCOPES);
export const FieldControl = z.enum(FIELD_CONTROLS);
export const FieldEditor = z.enum(FIELD_EDITORS);

export const FieldCode = z
  .string()
  .regex(FIELD_CODE_PATTERN, 'a letter, then up to 63 letters, digits or underscores')
  .openapi({ example: 'order_no' });

/** A value as a caller sends it: text, an option code or date, a number, a checkbox. */
export const FieldValue = z.union([z.string().max(10_000), z.number(), z.boolean()]);
/** Values by field code, as a ticket is created with them. */
export const FieldValues = z.record(FieldCode, FieldValue);
/** Values by field code in an edit: null clears a field. */
export const FieldValueChanges = z.record(FieldCode, FieldValue.nullable());

const Labels = z
  .record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a language code such as en or ko'), z.string().trim().min(1).max(200))
  .refine((labels) => Object.keys(labels).length > 0, 'Give a label in at least one language.')
  .openapi({ example: { en: 'Order number', ko: '주문번호' } });
const Details = z.record(z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/), z.string().max(2000));

const Option = z.strictObject({ code: FieldCode, labels: Labels });
const Options = z
  .array(Option)
  .max(200)
  .refine((options) => new Set(options.map((option) => option.code)).size === options.length, 'option codes must not repeat');

export const Field = z
  .object({
    id: z.string(),
    serviceId: z.string(),
    scope: FieldScope,
    code: z.string(),
    control: FieldControl,
    labels: z.record(z.string(), z.string()),
    details: z.record(z.string(), z.string()),
    options: z.array(z.object({ code: z.string(), labels: z.record(z.string(), z.string()) })),
    intakeTypeId: z.string().nullable(),
    editableBy: FieldEditor,
    required: z.boolean(),
    encrypted: z.boolean(),
    position: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('Field');

export const FieldList = z
  .object({
    systemFields: z.array(z.enum(SYSTEM_FIELDS)).openapi({ description: 'The fixed fields every ticket has; always required.' }),
    fields: z.array(Field),
  })
  .openapi('FieldList');

export const FieldListQuery = z.object({ scope: FieldScope.optional() });

export const NewFieldBody = z
  .strictObject({
    scope: FieldScope,
    code: FieldCode.openapi({ description: 'Unique in the service for ever: a deleted field’s code cannot be used again.' }),
    control: FieldControl,
    labels: Labels,
    details: Details.default({}),
    options: Options.default([]).openapi({ description: 'Dropdown fields only, and then at least one.' }),
    intakeTypeId: Id.nullish().openapi({ description: 'Customer fields: the intake type (and its descendants) that ask for it; omit for all.' }),
    editableBy: FieldEditor.default('all').openapi({ description: 'Agent fields: `admin` for admin-only fields.' }),
    required: z.boolean().default(false),
    encrypted: z.boolean().default(false).openapi({
      description: 'PII: values encrypted at rest (AES-256-GCM), shown only to readers of the ticket, never searchable or seen by triggers.',
    }),
    position: z.number().int().min(0).max(100_000).default(0),
  })
  .openapi('NewField');

export const FieldChangesBody = z
  .strictObject({
    labels: Labels.optional(),
    details: Details.optional(),
    options: Options.optional(),
    intakeTypeId: Id.nullable().optional(),
    editableBy: FieldEditor.optional(),
    required: z.boolean().optional(),
    position: z.number().int().min(0).max(100_000).optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'Give at least one change.')
  .openapi('FieldChanges');

export const FieldParams = z.object({ id: pathId('id', 'F1603851004648zfnA') });
