/**
 * `createApp()`: the Hono application with request ids, logging, body limits, the input gate, the single error shape,
 * the OpenAPI document, the docs page, every resource's routes and the built studio.
 */
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { ErrorCode } from '../domain/error-codes';
import { requireAgent } from './auth/agent';
import { createLoginThrottle } from './auth/login-throttle';
import type { ApiDeps, AppOpenAPI } from './context';
import { createRouter } from './router';
import { ApiError, asStatus, errorBody } from './errors';
import { mountDocs } from './docs';
import { mountStudio } from './studio';
import { unavailableDependency } from './unavailable';
import { inputGate } from './input-gate';
import { healthRoutes } from './routes/health/health.index';
import { authPublicRoutes, authRoutes } from './routes/auth/auth.index';
import { ticketRoutes } from './routes/tickets/tickets.index';
import { directoryRoutes } from './routes/directory';
import { ruleRoutes } from './routes/rules/rules.index';
import { dashboardRoutes } from './routes/dashboard/dashboard.index';
// Callback requests, IVR routes and signed callback URLs.
import { callbackRoutes } from './routes/callbacks/callbacks.index';
import { ivrRouteRoutes } from './routes/ivr-routes/ivr-routes.index';
import { hookPublicRoutes, hookTokenRoutes } from './routes/hooks/hooks.index';
// Transfers (Dooray!, issue services)
import { doorayHookRoutes, doorayRoutes } from './routes/dooray/dooray.index';
import { transferRoutes } from './routes/transfers/transfers.index';
// Operator console and metrics
import { operationsRoutes } from './routes/operations/operations.index';
import { metricsRoutes } from './routes/metrics/metrics.index';
import { metrics } from '../infra/metrics';
// Ticket desk: bulk work, reply templates, attachments, masking
import { bulkJobRoutes } from './routes/bulk-jobs/bulk-jobs.index';
import { impactRoutes } from './routes/impact/impact.index';
import { replyTemplateRoutes } from './routes/reply-templates/reply-templates.index';
import { attachmentRoutes } from './routes/attachments/attachments.index';
import { maskRoutes } from './routes/masks/masks.index';
import { attachmentBodyLimit, isAttachmentUpload } from './routes/attachments/attachments.routes';
// Ticket search and exports of searches and customer lists.
import { searchRoutes } from './routes/search/search.index';
import { exportRoutes } from './routes/exports/exports.index';
// Live ticket changes for open studios.
import { eventRoutes } from './routes/events/events.index';
import { createTicketChangeHub } from './ticket-change-hub';
import { changesDirectory, createDirectoryCache } from './directory-cache';

/** The codes of the errors Hono itself raises (malformed JSON, an undeclared content type, a body too large). */
const HTTP_EXCEPTION_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'request.malformed',
  413: 'request.too_large',
  415: 'request.unsupported_media_type',
};

export function createApp(deps: ApiDeps): AppOpenAPI {
  const app = createRouter();

  const loginThrottle = createLoginThrottle();
  const ticketChanges = createTicketChangeHub(deps);
  const directory = createDirectoryCache(deps);
  app.use('*', requestId());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('directory', directory);
    c.set('loginThrottle', loginThrottle);
    c.set('ticketChanges', ticketChanges);
    const started = performance.now();
    await next();
    // This process's next request sees its own change before the change's notification comes back.
    if (c.res.status < 400 && changesDirectory(c.req.method, c.req.path)) directory.forget();
    // Counted by route pattern, not path, so ids never become label values.
    const route = c.req.routePath;
    metrics.httpRequests.inc({ method: c.req.method, route, status: String(c.res.status) });
    metrics.httpRequestSeconds.inc({ method: c.req.method, route }, (performance.now() - started) / 1000);
    deps.log.info(
      { reqId: c.get('requestId'), method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });
  const generalBodyLimit = bodyLimit({
    maxSize: deps.config.MAX_BODY_BYTES,
    // The unread rest of the body would otherwise be left on the socket: close it rather than keep it alive.
    onError: (c) =>
      c.json(errorBody('request.too_large', `The request body exceeds ${deps.config.MAX_BODY_BYTES} bytes.`), 413, { connection: 'close' }),
  });
  // Attachment uploads carry their own, larger limit.
  app.use('*', (c, next) => (isAttachmentUpload(c.req.method, c.req.path) ? attachmentBodyLimit(c, next) : generalBodyLimit(c, next)));
  app.use('*', inputGate);

  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(errorBody(error.code, error.message, error.details), asStatus(error.status));
    if (error instanceof HTTPException) {
      const code = HTTP_EXCEPTION_CODES[error.status] ?? (error.status < 500 ? 'request.malformed' : 'internal');
      return c.json(errorBody(code, error.message || 'Bad request'), asStatus(error.status as 400));
    }
    const down = unavailableDependency(error);
    if (down) {
      deps.log.warn({ err: error, reqId: c.get('requestId') }, `${down} unavailable`);
      c.header('retry-after', '5');
      return c.json(errorBody(`${down}.unavailable`, `The ${down === 'database' ? 'database' : 'workflow engine'} is unavailable; retry shortly.`), 503);
    }
    deps.log.error({ err: error, reqId: c.get('requestId') }, 'unhandled error');
    return c.json(errorBody('internal', 'Something went wrong on our side.', { requestId: c.get('requestId') }), 500);
  });
  app.notFound((c) => c.json(errorBody('route.not_found', `No route for ${c.req.method} ${c.req.path}.`), 404));

  app.route('/', healthRoutes);
  app.route('/', metricsRoutes);
  app.route('/', authPublicRoutes);
  // Signed callback URLs carry their own credential.
  app.route('/', hookPublicRoutes);
  // Transfers: Dooray's webhook carries its own secret instead of a bearer token.
  app.route('/', doorayHookRoutes);
  mountDocs(app);
  // Before the authenticated routes: their bearer check applies to every path registered after it.
  mountStudio(app);

  const api = createRouter();
  api.use('*', requireAgent);
  api.route('/', authRoutes);
  // Before tickets and customers: /customers/download must not be read as /customers/{id}.
  api.route('/', searchRoutes);
  api.route('/', exportRoutes);
  api.route('/', ticketRoutes);
  api.route('/', directoryRoutes);
  api.route('/', ruleRoutes);
  api.route('/', impactRoutes);
  api.route('/', dashboardRoutes);
  // Callback requests, IVR routes and signed callback URLs.
  api.route('/', callbackRoutes);
  api.route('/', ivrRouteRoutes);
  api.route('/', hookTokenRoutes);
  // Transfers
  api.route('/', doorayRoutes);
  api.route('/', transferRoutes);
  // Operator console
  api.route('/', operationsRoutes);
  // Ticket desk
  api.route('/', bulkJobRoutes);
  api.route('/', replyTemplateRoutes);
  api.route('/', attachmentRoutes);
  api.route('/', maskRoutes);
  api.route('/', eventRoutes);
  app.route('/', api);
  return app;
}
