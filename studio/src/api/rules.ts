/**
 * Typed calls to the trigger, rule-version, simulate and category routes (api/routes/triggers, api/routes/rules,
 * api/routes/categories). Bodies are the rule model's own shapes; refusals arrive as {@link ApiError}s whose
 * `details.issues` point at the offending value.
 */
import type { z } from 'zod';
import type { ImpactSummary } from '../../../api/routes/impact/impact.schemas';
import { api, followEvents } from './client';
import type {
  CategoryKind,
  CategoryNode,
  RuleSetVersion,
  RuleSetVersionSummary,
  SimulateRequest,
  Simulation,
  Trigger,
  TriggerBody,
  TriggerList,
} from './types';

const servicePath = (serviceId: string, suffix: string) => `/services/${encodeURIComponent(serviceId)}${suffix}`;
const triggerPath = (id: string) => `/triggers/${encodeURIComponent(id)}`;
const versionPath = (id: string, suffix = '') => `/rule-versions/${encodeURIComponent(id)}${suffix}`;

export const triggersApi = {
  list: (serviceId: string, options: { quiet?: boolean } = {}) =>
    api.get<TriggerList>(servicePath(serviceId, '/triggers'), { quiet: options.quiet }),
  create: (serviceId: string, body: TriggerBody) => api.post<Trigger>(servicePath(serviceId, '/triggers'), body),
  replace: (id: string, body: TriggerBody) => api.put<Trigger>(triggerPath(id), body),
  setEnabled: (id: string, enabled: boolean) => api.patch<Trigger>(triggerPath(id), { enabled }),
  remove: (id: string) => api.delete<void>(triggerPath(id)),
  reorder: (serviceId: string, triggerIds: string[]) =>
    api.put<TriggerList>(servicePath(serviceId, '/triggers/order'), { triggerIds }),
};

export const ruleVersionsApi = {
  publish: (serviceId: string, note?: string) =>
    api.post<RuleSetVersion>(servicePath(serviceId, '/rule-versions'), note ? { note } : {}),
  list: (serviceId: string) => api.get<RuleSetVersionSummary[]>(servicePath(serviceId, '/rule-versions'), { query: { limit: 50 } }),
  get: (id: string) => api.get<RuleSetVersion>(versionPath(id), { quiet: true }),
  rollback: (id: string, note?: string) => api.post<RuleSetVersion>(versionPath(id, '/rollback'), note ? { note } : {}),
};

export const simulateApi = {
  run: (request: SimulateRequest) => api.post<Simulation>('/rules/simulate', request),
};

export const categoriesApi = {
  tree: (serviceId: string, kind: CategoryKind) =>
    api.get<CategoryNode[]>(servicePath(serviceId, '/categories'), { query: { kind }, quiet: true }),
};

export type ImpactPreview = z.infer<typeof ImpactSummary>;
export type ImpactProgress = { scanned: number; total: number };

export const impactApi = {
  /** Runs the preview, reporting progress as the server streams it; answers the result it ends with. */
  async preview(serviceId: string, period: { from: string; to: string }, onProgress: (progress: ImpactProgress) => void, signal: AbortSignal) {
    let result: ImpactPreview | null = null;
    await followEvents('POST', servicePath(serviceId, '/triggers/impact'), { body: period, signal }, (event, data) => {
      if (event === 'progress') onProgress(data as ImpactProgress);
      if (event === 'result') result = data as ImpactPreview;
    });
    if (!result) throw new Error('The preview ended before its result.');
    return result as ImpactPreview;
  },
};
