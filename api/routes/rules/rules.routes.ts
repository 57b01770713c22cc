import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses } from '../../errors';
import { json } from '../../openapi';
import { TicketIdParams } from '../../params';
import { RuleCatalogue, SimulateBody, Simulation, TriggerEvaluationTrace } from './rules.schemas';

export const simulate = createRoute({
  method: 'post',
  path: '/rules/simulate',
  tags: ['Rules'],
  summary: 'Run drafts or a version against a stored ticket or a snapshot; changes nothing, sends nothing',
  request: { body: { required: true, content: json(SimulateBody) } },
  responses: {
    200: { description: 'The trace the evaluation would record', content: json(Simulation) },
    ...errorResponses(400, 401, 403, 404, 422),
  },
});

export const ticketTrace = createRoute({
  method: 'get',
  path: '/tickets/{id}/trace',
  tags: ['Tickets', 'Rules'],
  summary: 'Every trigger evaluation of the ticket: version, conditions, results, changes, side effects',
  request: { params: TicketIdParams },
  responses: {
    200: { description: 'Evaluations in order', content: json(z.array(TriggerEvaluationTrace)) },
    ...errorResponses(401, 403, 404),
  },
});

export const ruleCatalogue = createRoute({
  method: 'get',
  path: '/rules/catalogue',
  tags: ['Rules'],
  summary: 'What a trigger can use: condition fields, operators and result types',
  description:
    "Each condition field with its value type, the operators it allows, the ticket field it reads and the ticket's own " +
    'name accepted for it; the `customerField:<code>` / `agentField:<code>` patterns; each operator; each result type ' +
    'with the JSON Schema of its parameters. The same for every service.',
  responses: {
    200: { description: 'The catalogue', content: json(RuleCatalogue) },
    ...errorResponses(401),
  },
});
