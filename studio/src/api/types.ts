/**
 * The API's shapes as the studio sees them, taken from the route schemas (types only, so no server code
 * or schema library reaches the bundle).
 */
import type { z } from 'zod';
import type { Agent as AgentSchema, login, me } from '../../../api/routes/auth/auth.routes';
import type {
  NewTicketBody,
  Ticket,
  TicketEvent as TicketEventSchema,
  TicketList,
  TicketMessage as TicketMessageSchema,
  TicketPage as TicketPageSchema,
} from '../../../api/routes/tickets/tickets.schemas';
import type { Permission, Role } from '../../../domain/people';
import type { InternalResolveReason } from '../../../domain/ticket';
import type { CategoryKind, CategoryNode } from '../../../api/routes/categories/categories.schemas';
import type { RuleSetVersion, RuleSetVersionSummary } from '../../../api/routes/triggers/rule-versions.schemas';
import type { AgentAccount } from '../../../api/routes/agents/agents.schemas';
import type { Group } from '../../../api/routes/groups/groups.schemas';
import type { SimulateBody, Simulation as SimulationSchema, TriggerEvaluationTrace } from '../../../api/routes/rules/rules.schemas';
import type { TicketSla as TicketSlaSchema } from '../../../api/routes/time-rules/sla-policies.schemas';
import type { Service } from '../../../api/routes/services/services.schemas';
import type { Trigger, TriggerBody, TriggerList } from '../../../api/routes/triggers/triggers.schemas';
import type { CycleOutcome, PassTrace, PendingSideEffect } from '../../../rules/cycle';
import type { TicketSnapshot } from '../../../rules/facts';
import type { Dashboard as DashboardSchema } from '../../../api/routes/dashboard/dashboard.routes';

export type { Ticket, TicketList, InternalResolveReason, Permission, Role };
export type TicketStatus = Ticket['status'];
export type TicketPriority = Ticket['priority'];
export type TicketChannel = Ticket['channel'];
export type Customer = NonNullable<Ticket['customer']>;
export type TicketPage = z.infer<typeof TicketPageSchema>;
export type TicketEvent = z.infer<typeof TicketEventSchema>;
export type TicketMessage = z.infer<typeof TicketMessageSchema>;
export type MessageKind = TicketMessage['kind'];
export type Dashboard = z.infer<typeof DashboardSchema>;

/** The JSON body a route declares for a status. */
type JsonResponse<Route extends { responses: object }, Status extends keyof Route['responses']> = Route['responses'][Status] extends {
  content: { 'application/json': { schema: infer Schema extends z.ZodType } };
}
  ? z.infer<Schema>
  : never;

export type Agent = z.infer<typeof AgentSchema>;
/** `GET /me`: the calling agent and the groups they belong to. */
export type Me = JsonResponse<typeof me, 200>;
/** `POST /auth/login`: the bearer token, its expiry and the agent it belongs to. */
export type Session = JsonResponse<typeof login, 200>;

/** A service, group or agent as listed by the directory endpoints (api/routes/services, groups, agents). */
export type DirectoryService = Service;
export type DirectoryGroup = Group;
export type DirectoryAgent = AgentAccount;

/** `POST /tickets`: the body as the studio sends it (defaults such as `tags` may be left out). */
export type NewTicket = z.input<typeof NewTicketBody>;

/** Trigger drafts and rule-set versions (api/routes/triggers), categories, and simulation (api/routes/rules). */
export type { Trigger, TriggerList, TriggerBody, RuleSetVersion, RuleSetVersionSummary, CategoryNode, CategoryKind, TicketSnapshot };
export type { PassTrace, PendingSideEffect };

/** `POST /rules/simulate`'s `trace`: the trigger cycle's outcome without the final ticket (rules/cycle.ts). */
export type SimulationTrace = Omit<CycleOutcome, 'ticket'>;

/**
 * `POST /rules/simulate`: what the evaluation would record, changing and sending nothing. The route declares
 * `trace` as an open record (its shape is the cycle's, not the API's); the studio reads it as that outcome.
 */
export type Simulation = Omit<z.infer<typeof SimulationSchema>, 'trace'> & { trace: SimulationTrace };

/** `GET /tickets/{id}/sla`: the policy the ticket follows and where each of its targets stands. */
export type TicketSla = z.infer<typeof TicketSlaSchema>;

/** `GET /tickets/{id}/trace`: each trigger cycle and time rule that ran on the ticket, oldest first. */
export type TicketEvaluation = z.infer<typeof TriggerEvaluationTrace>;

/** `POST /rules/simulate`'s body; `version` is `draft`, `published` or a version id. */
export type SimulateRequest = z.input<typeof SimulateBody>;
