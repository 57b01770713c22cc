-- A trigger evaluation records what is needed to recompute its trace (the facts its first pass saw, what the
-- cycle's lookups answered, what each pass fired and applied) instead of the trace itself, whose size grew with the
-- rule set. Rows recorded before keep their full trace and are answered from it; time-rule firings keep their trace.
alter table trigger_evaluations alter column trace drop not null;
alter table trigger_evaluations add column replay jsonb;
alter table trigger_evaluations add constraint trigger_evaluations_recorded_check
  check ((trace is null) <> (replay is null) and (replay is null or event in ('created', 'updated')));
