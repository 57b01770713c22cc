import { z } from '@hono/zod-openapi';

/** The most tickets one preview decides. */
export const IMPACT_TICKET_LIMIT = 100_000;

const Instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with an offset, e.g. 2026-01-31T00:00:00+09:00' });

export const ImpactBody = z
  .strictObject({
    from: Instant.openapi({ description: 'Tickets created at or after this instant.' }),
    to: Instant.openapi({ description: 'Tickets created before this instant; must be after `from`.' }),
    limit: z
      .int()
      .min(1)
      .max(IMPACT_TICKET_LIMIT)
      .default(IMPACT_TICKET_LIMIT)
      .openapi({ description: `The newest tickets of the period taken, at most ${IMPACT_TICKET_LIMIT.toLocaleString('en')}.` }),
  })
  .openapi('ImpactPreviewRequest');

const Tally = z
  .strictObject({
    fired: z.int().nonnegative().openapi({ description: 'Tickets the trigger fired on.' }),
    results: z.array(z.int().nonnegative()).openapi({ description: 'Per result, in order: tickets it changed, or a side effect was queued for.' }),
  })
  .nullable()
  .openapi({ description: 'Null when the trigger is not in that version.' });

const Changes = z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable();

export const ImpactSummary = z
  .strictObject({
    draft: z.strictObject({ triggers: z.int() }),
    published: z.strictObject({ id: z.string(), number: z.int().nullable() }).nullable(),
    period: z.strictObject({ from: z.string(), to: z.string() }),
    tickets: z.int().openapi({ description: 'Tickets decided.' }),
    recorded: z.int().openapi({ description: 'Of those, tickets decided from the record of their creation; the others as they are now.' }),
    changedByDraft: z.int(),
    changedByPublished: z.int(),
    differing: z.int().openapi({ description: 'Tickets the draft treats differently from the published version.' }),
    triggers: z.array(
      z.strictObject({
        triggerId: z.string(),
        title: z.string(),
        draft: Tally,
        published: Tally,
        samples: z.array(z.strictObject({ ticketId: z.string(), subject: z.string(), draft: Changes, published: Changes })),
      }),
    ),
  })
  .openapi('ImpactPreview');
