import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { TicketIdParams } from '../../params';
import { FieldMaskParams, Mask, MaskBody, MaskParams, Unmasked, UnmaskParams } from './masks.schemas';

const tags = ['PII masking'];

export const maskMessage = createRoute({
  method: 'post',
  path: '/tickets/{id}/messages/{seq}/masks',
  tags,
  summary: 'Mask a span of a message (개인정보 마스킹): stored as `*` per character, the original kept encrypted',
  description: 'A `masked` event through the ticket’s workflow (a workflow of its own for a closed ticket), re-running the triggers.',
  request: { params: MaskParams, body: { required: true, content: json(MaskBody) } },
  responses: { 201: { description: 'The mask', content: json(Mask) }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});

export const maskContent = createRoute({
  method: 'post',
  path: '/tickets/{id}/content/masks',
  tags,
  summary: 'Mask a span of the ticket’s content, its first inquiry (개인정보 마스킹): stored as `*` per character, the original kept encrypted',
  description: 'A `masked` event through the ticket’s workflow (a workflow of its own for a closed ticket), re-running the triggers.',
  request: { params: TicketIdParams, body: { required: true, content: json(MaskBody) } },
  responses: { 201: { description: 'The mask', content: json(Mask) }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});

export const maskField = createRoute({
  method: 'post',
  path: '/tickets/{id}/fields/{scope}/{code}/masks',
  tags,
  summary: 'Mask a span of a text field value (개인정보 마스킹): stored as `*` per character, the original kept encrypted',
  description: 'Plain text and textarea fields only: encrypted fields are sealed whole already.',
  request: { params: FieldMaskParams, body: { required: true, content: json(MaskBody) } },
  responses: { 201: { description: 'The mask', content: json(Mask) }, ...errorResponses(400, 401, 403, 404, 409, 422) },
});

export const listMasks = createRoute({
  method: 'get',
  path: '/tickets/{id}/masks',
  tags,
  summary: 'The masked spans of a ticket’s content, messages and field values',
  request: { params: TicketIdParams },
  responses: { 200: { description: 'The content, messages by seq, then field values, each by position', content: json(z.array(Mask)) }, ...errorResponses(401, 403, 404) },
});

export const unmask = createRoute({
  method: 'post',
  path: '/tickets/{id}/masks/{maskId}/unmask',
  tags,
  summary: 'Read a masked original (admins and agents with pii_unmask); writes an audit row',
  request: { params: UnmaskParams },
  responses: { 200: { description: 'The original text', content: json(Unmasked) }, ...errorResponses(401, 403, 404, 422) },
});
