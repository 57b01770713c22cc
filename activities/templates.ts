/**
 * Fills substitution codes (`#{ticket.id}`, `#{customer.name}` …) from a ticket's context.
 */
import type { Sql } from 'postgres';

export type TemplateContext = Record<string, string>;

const PLACEHOLDER = /#\{([^}]*)\}/g;

/** Replaces every known code; `escape` adapts values to the template's format (e.g. JSON string content). */
export function renderTemplate(template: string, context: TemplateContext, escape: (value: string) => string = (v) => v): string {
  return template.replace(PLACEHOLDER, (whole, code: string) => (code in context ? escape(context[code]) : whole));
}

export const jsonStringContent = (value: string) => JSON.stringify(value).slice(1, -1);

export async function loadTemplateContext(sql: Sql, ticketId: string, publicUrl: string): Promise<TemplateContext> {
  const [row] = await sql`
    select t.id, t.subject, t.content, t.status, t.priority, t.channel, t.tags, t.created_at, t.updated_at,
      it.name as intake_type, rt.name as resolution_type, g.name as group_name, a.name as assignee_name,
      c.id as customer_id, c.name as customer_name, c.email as customer_email, c.phone as customer_phone,
      s.name as service_name
    from tickets t
      join services s on s.id = t.service_id
      left join categories it on it.id = t.intake_type_id
      left join categories rt on rt.id = t.resolution_type_id
      left join groups g on g.id = t.group_id
      left join agents a on a.id = t.assignee_id
      left join customers c on c.id = t.customer_id
    where t.id = ${ticketId}`;
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
    'ticket.tags': (row.tags as string[]).join(', '),
    'ticket.createdAt': row.created_at.toISOString(),
    'ticket.updatedAt': row.updated_at.toISOString(),
    'customer.id': text(row.customer_id),
    'customer.name': text(row.customer_name),
    'customer.email': text(row.customer_email),
    'customer.phone': text(row.customer_phone),
    'service.name': row.service_name,
  };
}
