/**
 * `createRouter()`: an OpenAPIHono whose request validation failures answer in the API's error shape.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, AppOpenAPI } from './context';
import { errorBody } from './errors';

export function createRouter(): AppOpenAPI {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues.map((issue) => ({ path: issue.path, code: issue.code, message: issue.message }));
        return c.json(errorBody('request.invalid', describeIssues(issues), { issues }), 400);
      }
    },
  });
}

function describeIssues(issues: { path: PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  const where = first?.path.length ? `${first.path.join('.')}: ` : '';
  return `Invalid request: ${where}${first?.message ?? 'validation failed'}${issues.length > 1 ? ` (+${issues.length - 1} more)` : ''}`;
}
