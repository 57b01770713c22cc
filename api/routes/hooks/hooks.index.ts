/** Signed callback URLs: the public receiver, and minting (admins). */
import type { AppOpenAPI } from '../../context';
import { createRouter } from '../../router';
import * as handlers from './hooks.handlers';
import * as routes from './hooks.routes';

/** Public: the signed URL is the credential. */
export const hookPublicRoutes: AppOpenAPI = createRouter().openapi(routes.receiveHook, handlers.receiveHook);

export const hookTokenRoutes: AppOpenAPI = createRouter().openapi(routes.mintHook, handlers.mintHook);
