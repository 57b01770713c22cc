-- Export jobs run as workflows (`export-<id>`): a worker that dies mid-file is replaced by the activity's retry, so
-- a job no longer fails when its heartbeat stops. `attempt` fences the writers: a retry claims the job with its own
-- attempt number, drops what an earlier attempt wrote, and an earlier attempt still running writes nothing more.
alter table export_jobs drop column heartbeat_at;
alter table export_jobs add column attempt int not null default 0;
