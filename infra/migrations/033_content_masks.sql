-- PII masking of the ticket's content (the first inquiry) too: a mask covers a span of exactly one of a message
-- (seq), the content, or a field value (scope and code).
alter table pii_masks
  drop constraint pii_masks_one_target,
  add column on_content boolean not null default false,
  add constraint pii_masks_one_target check (
    num_nonnulls(seq, field_code) + on_content::int = 1 and (field_scope is null) = (field_code is null));
