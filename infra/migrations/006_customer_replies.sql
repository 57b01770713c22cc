-- Replies and interim answers are emailed to the customer; each message is mailed at most once.
alter table ticket_messages
  add column email_status text check (email_status in ('pending', 'sent', 'skipped', 'failed')),
  add column email_attempts int not null default 0,
  add column email_error text;
