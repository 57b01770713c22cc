-- Triggers (트리거): drafts that admins edit, and the immutable, numbered rule-set versions that publishing makes
-- from them. Evaluation only ever runs a published version, so an edit takes effect when it is published.

-- Drafts. `definition` is the Trigger model JSON (rules/model.ts) and the source of truth; title, enabled and
-- position are kept beside it, equal to its members, for listing and ordering without reading the JSON.
create table triggers (
  id text primary key,
  service_id text not null references services(id),
  title text not null,
  enabled boolean not null,
  position int not null check (position >= 0),
  definition jsonb not null,
  created_by text references agents(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Deleted drafts are kept so published versions and audit rows still name a trigger that existed.
  deleted_at timestamptz
);
create index triggers_service_order on triggers (service_id, position, id) where deleted_at is null;

-- Published rule sets. A version is never updated or deleted: evaluations record the version they ran, so the
-- version must keep saying what ran. A rollback publishes an old version's content again under a new number.
create table rule_set_versions (
  id text primary key,
  service_id text not null references services(id),
  number int not null check (number >= 1),
  -- The Trigger models in evaluation (position) order, as the studio shows them.
  triggers jsonb not null,
  -- The json-rules-engine rule definitions (RuleProperties) compiled from `triggers`: the stored, portable form
  -- that evaluation loads.
  definitions jsonb not null,
  published_by text references agents(id),
  published_at timestamptz not null default now(),
  note text,
  rolled_back_from int,
  unique (service_id, number)
);

create function rule_set_versions_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'rule set versions are immutable; publish a new version instead'
    using errcode = 'restrict_violation';
end
$$;

create trigger rule_set_versions_no_update_or_delete
  before update or delete on rule_set_versions
  for each row execute function rule_set_versions_immutable();
create trigger rule_set_versions_no_truncate
  before truncate on rule_set_versions
  for each statement execute function rule_set_versions_immutable();

-- The version each service evaluates; a service without a row has no automation.
create table rule_set_current (
  service_id text primary key references services(id),
  version_id text not null references rule_set_versions(id)
);
