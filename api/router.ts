/**
 * `createRouter()`: an OpenAPIHono whose request validation failures answer in the API's error shape.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, AppOpenAPI } from './context';
import { errorBody } from './errors';
import { describeIssues } from './validation';

export function createRouter(): AppOpenAPI {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues.map((issue) => ({ path: issue.path, code: issue.code, message: issue.message }));
        return c.json(errorBody('request.invalid', `Invalid request: ${describeIssues(issues)}`, { issues }), 400);
      }
    },
  });
}
