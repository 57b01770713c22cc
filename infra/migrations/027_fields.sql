-- Fields (필드 관리): the customer fields a ticket's intake type asks for and the agent fields agents fill in, and
-- the values a ticket carries, keyed by field code.
create table fields (
  id text primary key,
  service_id text not null references services(id),
  -- `customer`: asked of the customer, per intake type; `agent`: filled in by agents.
  scope text not null check (scope in ('customer', 'agent')),
  code text not null,
  control text not null check (control in ('text', 'textarea', 'checkbox', 'dropdown', 'date', 'number')),
  -- Per-language labels and details text, e.g. {"en": "Order number", "ko": "주문번호"}.
  labels jsonb not null,
  details jsonb not null default '{}',
  -- Dropdown options: [{"code": "gold", "labels": {"en": "Gold", "ko": "골드"}}].
  options jsonb not null default '[]',
  -- Customer fields: the intake type they attach to (its descendants inherit them); null for every intake type.
  intake_type_id text references categories(id),
  -- Agent fields: who may fill them in.
  editable_by text not null default 'all' check (editable_by in ('admin', 'all')),
  required boolean not null default false,
  position int not null default 0,
  created_at timestamptz not null default now(),
  -- Deleted fields are kept, so their code is never used again and old values still name a field.
  deleted_at timestamptz
);
-- Over deleted fields too: a field code is never reused within a service.
create unique index fields_service_code on fields (service_id, lower(code));
create index fields_service_scope on fields (service_id, scope, position) where deleted_at is null;

alter table tickets
  add column customer_fields jsonb not null default '{}',
  add column agent_fields jsonb not null default '{}';
