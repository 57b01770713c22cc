-- Totals of a search count up to 10,001 matching tickets within the reader's services. Carrying service_id in the
-- filter indexes lets those counts read the index alone instead of visiting every matching row of the table.
drop index tickets_by_priority;
create index tickets_by_priority on tickets (priority, created_at desc, id desc) include (service_id) where deleted_at is null;
drop index tickets_by_channel;
create index tickets_by_channel on tickets (channel, created_at desc, id desc) include (service_id) where deleted_at is null;
drop index tickets_by_intake;
create index tickets_by_intake on tickets (intake_type_id, created_at desc, id desc) include (service_id) where deleted_at is null;
drop index tickets_by_status;
create index tickets_by_status on tickets (status, created_at desc, id desc) include (service_id) where deleted_at is null;
drop index tickets_group_status;
create index tickets_group_status on tickets (group_id, status, created_at desc, id desc) include (service_id) where deleted_at is null;
create index tickets_assignee_service on tickets (assignee_id, created_at desc, id desc) include (service_id, status) where deleted_at is null;
