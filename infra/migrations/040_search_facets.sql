-- Combined search conditions (channel + priority + intake subtree; group + statuses + priority) each match a large
-- share of the tickets while together they match few: counting them read every candidate row of the table (45,000
-- heap blocks, 1.1 s at a million tickets). Carrying the other filter columns in each filter index lets PostgreSQL
-- check every condition in the index alone (an index-only scan, 0.13 s). A status change already writes new
-- entries in every index (status is indexed, so no update of it is HOT), so the wider entries cost space, not writes.
drop index tickets_by_priority;
create index tickets_by_priority on tickets (priority, created_at desc, id desc)
  include (service_id, channel, status, intake_type_id, group_id, assignee_id) where deleted_at is null;
drop index tickets_by_channel;
create index tickets_by_channel on tickets (channel, created_at desc, id desc)
  include (service_id, priority, status, intake_type_id, group_id, assignee_id) where deleted_at is null;
drop index tickets_by_intake;
create index tickets_by_intake on tickets (intake_type_id, created_at desc, id desc)
  include (service_id, channel, priority, status, group_id, assignee_id) where deleted_at is null;
drop index tickets_group_status;
create index tickets_group_status on tickets (group_id, status, created_at desc, id desc)
  include (service_id, channel, priority, intake_type_id, assignee_id) where deleted_at is null;
