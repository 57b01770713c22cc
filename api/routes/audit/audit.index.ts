/** The audit log of admin changes (권한 변경 로그). */
import { createRouter } from '../../router';
import * as handlers from './audit.handlers';
import * as routes from './audit.routes';

export const auditRoutes = createRouter().openapi(routes.listAudit, handlers.listAudit);
