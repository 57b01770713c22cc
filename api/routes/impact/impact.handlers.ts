import { streamSSE } from 'hono/streaming';
import type { z } from '@hono/zod-openapi';
import { ImpactTally } from '../../../rules/impact';
import { ruleSetDecider } from '../../../rules/runner';
import type { CycleEnvironment } from '../../../rules/cycle';
import { previewAssignment } from '../../../store/assignment';
import type { Sql } from '../../../store/db';
import { loadDraftRuleSet, loadPublishedRuleSet } from '../../../store/rule-sets';
import { countCreated, forEachCreationSnapshot, intakeTypePath } from '../../../store/ticket-snapshot';
import { requireRole } from '../../auth/agent';
import type { AppRouteHandler } from '../../context';
import { ApiError } from '../../errors';
import { requireService } from '../../guards';
import type * as routes from './impact.routes';
import type { ImpactSummary } from './impact.schemas';

/**
 * The lookups a preview decides with, each answer kept for the whole run: an assignment is the agent the group
 * would get now (without moving its round-robin turn), the same for every ticket, so a hundred thousand decisions
 * ask the database once per distinct result.
 */
function previewLookups(sql: Sql): Pick<CycleEnvironment, 'assign' | 'intakeTypePath'> {
  const answers = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, ask: () => Promise<T>): Promise<T> => {
    if (!answers.has(key)) answers.set(key, ask());
    return answers.get(key) as Promise<T>;
  };
  return {
    assign: (result) => once(`assign:${JSON.stringify(result)}`, () => previewAssignment(sql, result)),
    intakeTypePath: (id) => once(`path:${id}`, () => intakeTypePath(sql, id)),
  };
}

export const previewImpact: AppRouteHandler<typeof routes.previewImpact> = async (c) => {
  const { sql } = c.get('deps');
  requireRole(c.get('agent'), 'admin');
  const { serviceId } = c.req.valid('param');
  const body = c.req.valid('json');
  await requireService(sql, c.get('agent').orgId, serviceId);
  const range = { serviceId, from: new Date(body.from), to: new Date(body.to), limit: body.limit };
  if (range.from >= range.to) {
    throw new ApiError(422, 'impact.invalid_range', 'The period must end after it starts.', { path: ['to'] });
  }

  const lookups = previewLookups(sql);
  const [draftSource, publishedSource, total] = await Promise.all([
    loadDraftRuleSet(sql, serviceId),
    loadPublishedRuleSet(sql, serviceId),
    countCreated(sql, range),
  ]);
  const draft = ruleSetDecider(draftSource, 'fast', lookups);
  const published = publishedSource ? ruleSetDecider(publishedSource, 'fast', lookups) : null;
  const tally = new ImpactTally(draft.triggers, published?.triggers ?? null);

  return streamSSE(c, async (stream) => {
    let scanned = 0;
    let recorded = 0;
    await stream.writeSSE({ event: 'progress', data: JSON.stringify({ scanned, total }) });
    await forEachCreationSnapshot(sql, range, async (batch) => {
      if (stream.aborted) return;
      for (const snapshot of batch) {
        const input = { event: 'created' as const, ticket: snapshot.ticket, previous: null };
        tally.add(snapshot.ticket, await draft.decide(input), published ? await published.decide(input) : null);
        if (snapshot.recorded) recorded++;
      }
      scanned += batch.length;
      await stream.writeSSE({ event: 'progress', data: JSON.stringify({ scanned, total }) });
    });
    const result: z.infer<typeof ImpactSummary> = {
      draft: { triggers: draft.triggers.length },
      published: publishedSource ? { id: publishedSource.versionId, number: publishedSource.number } : null,
      period: { from: range.from.toISOString(), to: range.to.toISOString() },
      recorded,
      ...tally.summary(),
    };
    await stream.writeSSE({ event: 'result', data: JSON.stringify(result) });
  }) as never;
};
