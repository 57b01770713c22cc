/**
 * Fills substitution codes (`#{ticket.id}`, `#{customer.name}` …) from a ticket's context.
 */
import type { Db } from '../store/db';
import { findTemplateContextRow } from '../store/ticket-snapshot';
import type { FieldValue } from '../domain/ticket';
import { withoutSealedValues } from '../domain/fields';

export type TemplateContext = Record<string, string>;

const PLACEHOLDER = /#\{([^}]*)\}/g;

/** A field code: it renders empty on a ticket without a value for the field, never as the literal code. */
const FIELD_PLACEHOLDER = /^(customerField|agentField)\./;

/** Replaces every known code; `escape` adapts values to the template's format (e.g. JSON string content). */
export function renderTemplate(template: string, context: TemplateContext, escape: (value: string) => string = (v) => v): string {
  return template.replace(PLACEHOLDER, (whole, code: string) => {
    if (code in context) return escape(context[code]);
    return FIELD_PLACEHOLDER.test(code) ? '' : whole;
  });
}

export const jsonStringContent = (value: string) => JSON.stringify(value).slice(1, -1);

/** `#{customerField.<code>}` / `#{agentField.<code>}` for every value the ticket carries; checkboxes read yes/no. */
function fieldCodes(prefix: 'customerField' | 'agentField', values: Record<string, FieldValue>): TemplateContext {
  // Sealed PII values are never written into a notification.
  return Object.fromEntries(
    Object.entries(withoutSealedValues(values)).map(([code, value]) => [`${prefix}.${code}`, typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value)]),
  );
}

export async function loadTemplateContext(sql: Db, ticketId: string, publicUrl: string): Promise<TemplateContext> {
  const row = await findTemplateContextRow(sql, ticketId);
  if (!row) throw new Error(`ticket ${ticketId} is not in the read model`);
  const text = (value: unknown) => (value == null ? '' : String(value));
  return {
    'ticket.id': row.id,
    'ticket.url': `${publicUrl}/studio/#/tickets/${row.id}`,
    'ticket.subject': row.subject,
    'ticket.content': row.content,
    'ticket.status': row.status,
    'ticket.priority': row.priority,
    'ticket.channel': row.channel,
    'ticket.intakeType': text(row.intake_type),
    'ticket.resolutionType': text(row.resolution_type),
    'ticket.group': text(row.group_name),
    'ticket.assignee': text(row.assignee_name),
    'ticket.tags': row.tags.join(', '),
    'ticket.createdAt': row.created_at.toISOString(),
    'ticket.updatedAt': row.updated_at.toISOString(),
    'customer.id': text(row.customer_id),
    'customer.name': text(row.customer_name),
    'customer.email': text(row.customer_email),
    'customer.phone': text(row.customer_phone),
    'service.name': row.service_name,
    ...fieldCodes('customerField', row.customer_fields),
    ...fieldCodes('agentField', row.agent_fields),
  };
}
