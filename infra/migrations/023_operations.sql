-- The operator console finds failed deliveries (trigger side effects, customer emails) and counts the recent
-- ones; both scans stay on these partial indexes, which hold only the rows that need an operator.
alter table ticket_messages add column email_updated_at timestamptz;

create index trigger_side_effects_failed on trigger_side_effects (updated_at desc) where status = 'failed';
create index ticket_messages_email_failed on ticket_messages (email_updated_at desc) where email_status = 'failed';

-- A workflow's detail view lists the operator actions taken on it.
create index audit_log_operations_target on audit_log (target, id desc) where action like 'operations.%';
