-- PII masking (개인정보 마스킹) of field values too: a mask covers a span of a message (seq) or of a customer or agent
-- field value (scope and code). Masks made before keep their message and their sealed original.
alter table message_masks rename to pii_masks;
alter index message_masks_message rename to pii_masks_message;
alter table pii_masks
  alter column seq drop not null,
  add column field_scope text check (field_scope in ('customer', 'agent')),
  add column field_code text,
  add constraint pii_masks_one_target check ((seq is null) = (field_code is not null) and (field_scope is null) = (field_code is null));
create index pii_masks_field on pii_masks (ticket_id, field_scope, field_code) where field_code is not null;
