/**
 * The API's shapes as the studio sees them, taken from the route schemas (types only, so no server code
 * or schema library reaches the bundle).
 */
import type { z } from 'zod';
import type { Agent as AgentSchema } from '../../../api/routes/auth/auth.routes';
import type {
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

export type Agent = z.infer<typeof AgentSchema>;
/** `GET /me`: the calling agent and the groups they belong to. */
export type Me = Agent & { groupIds: string[] };

export interface Session {
  token: string;
  expiresAt: string;
  agent: Agent;
}

/**
 * A service, group or agent as listed by the directory endpoints (api/routes/services, groups, agents);
 * only the fields the studio relies on, all but id and name optional so older or partial answers still work.
 */
export interface DirectoryService {
  id: string;
  name: string;
  kind?: 'consultation' | 'issue';
}
export interface DirectoryGroup {
  id: string;
  name: string;
  serviceId?: string;
  memberIds?: string[];
}
export interface DirectoryAgent {
  id: string;
  name: string;
  email?: string;
  role?: Role;
  groupIds?: string[];
  active?: boolean;
}

export interface NewTicket {
  serviceId: string;
  subject: string;
  content: string;
  priority: TicketPriority;
  customer: { name?: string; email?: string; phone?: string };
}

/** Trigger drafts and rule-set versions (api/routes/triggers), categories, and simulation (api/routes/rules). */
export type { Trigger, TriggerList, TriggerBody, RuleSetVersion, RuleSetVersionSummary, CategoryNode, CategoryKind, TicketSnapshot };
export type { PassTrace, PendingSideEffect };

/** `POST /rules/simulate`'s `trace`: the trigger cycle's outcome without the final ticket (rules/cycle.ts). */
export type SimulationTrace = Omit<CycleOutcome, 'ticket'>;

/** `POST /rules/simulate`: what the evaluation would record, changing and sending nothing. */
export interface Simulation {
  version: { id: string; number: number | null };
  event: 'created' | 'updated';
  ticket: TicketSnapshot;
  trace: SimulationTrace;
}

export interface SimulateRequest {
  serviceId: string;
  /** `draft`, `published` or a version id. */
  version: string;
  ticketId?: string;
  ticket?: Partial<TicketSnapshot>;
}
