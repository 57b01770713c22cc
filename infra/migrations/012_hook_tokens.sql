-- Signed callback URLs (/hooks/w/{token}): single-use tokens claimed here. A claim is taken before the workflow is
-- told and released if the workflow refuses, so a token is spent only by a request that changed something.
create table hook_token_uses (
  token_id text primary key,
  workflow_id text not null,
  action text not null,
  used_at timestamptz not null default now()
);
