/**
 * Which scope an API client needs for each route family. Anything not listed needs `admin`, so a new route is closed
 * to API clients until it is placed here. Token management and logout are for people: API clients cannot mint
 * clients with wider scopes than their own.
 */
import type { ApiScope } from '../../domain/people';

/** What a request needs from an API client: a scope, nothing beyond authentication, or a person. */
export type ScopeRequirement = { scope: ApiScope } | { open: true } | { session: true };

const RULES: { methods: readonly string[] | 'any'; path: RegExp; need: ScopeRequirement }[] = [
  { methods: ['GET'], path: /^\/me$/, need: { open: true } },
  { methods: 'any', path: /^\/auth\//, need: { session: true } },
  { methods: ['GET'], path: /^\/(tickets|dashboard)(\/|$)/, need: { scope: 'tickets:read' } },
  { methods: ['GET'], path: /^\/events\/stream$/, need: { scope: 'tickets:read' } },
  // A search is a read sent as a body.
  { methods: ['POST'], path: /^\/tickets\/search(\/download)?$/, need: { scope: 'tickets:read' } },
  { methods: 'any', path: /^\/search-defaults$/, need: { session: true } },
  { methods: 'any', path: /^\/tickets(\/|$)/, need: { scope: 'tickets:write' } },
  { methods: ['GET'], path: /^\/customers(\/|$)/, need: { scope: 'customers:read' } },
  { methods: ['GET'], path: /^\/(callbacks|phone-presence)(\/|$)/, need: { scope: 'callbacks:read' } },
  { methods: 'any', path: /^\/(callbacks|phone-presence)(\/|$)/, need: { scope: 'callbacks:write' } },
  { methods: ['POST'], path: /^\/rules\/simulate$/, need: { scope: 'rules:simulate' } },
  {
    methods: ['GET'],
    path: /^\/(services(\/[^/]+(\/(groups|categories|fields))?)?|agents(\/[^/]+)?)$/,
    need: { scope: 'directory:read' },
  },
];

/** What an API client needs to call `method path`. */
export function scopeRequirement(method: string, path: string): ScopeRequirement {
  const verb = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  const rule = RULES.find((r) => (r.methods === 'any' || r.methods.includes(verb)) && r.path.test(path));
  return rule?.need ?? { scope: 'admin' };
}
