/**
 * Shorthand shared by the route contracts in `api/routes/<resource>/<resource>.routes.ts`.
 */
import type { z } from '@hono/zod-openapi';

/** The `content` of a JSON request body or response described by `schema`. */
export const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });
