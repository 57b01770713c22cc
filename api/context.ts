/**
 * What every request handler can reach: injected dependencies and, behind auth, the calling agent.
 */
import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi';
import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { Sql } from '../store/db';
import type { Config } from '../infra/env';
import type { AuthenticatedAgent } from './auth/agent';
import type { LoginThrottle } from './auth/login-throttle';
import type { DirectoryCache } from './directory-cache';
import type { TicketChangeHub } from './ticket-change-hub';

export interface ApiDeps {
  sql: Sql;
  temporal: Client;
  taskQueue: string;
  config: Config;
  log: Logger;
}

export interface AppEnv {
  Variables: {
    deps: ApiDeps;
    agent: AuthenticatedAgent;
    requestId: string;
    loginThrottle: LoginThrottle;
    /** Sessions and read scopes kept in memory, one per application. */
    directory: DirectoryCache;
    /** The fan-out of ticket changes to live event streams, one per application. */
    ticketChanges: TicketChangeHub;
  };
}

export type AppOpenAPI = OpenAPIHono<AppEnv>;
export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;
