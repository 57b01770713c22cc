/**
 * Pure helpers of the settings pages: an agent's group changes as group membership replacements, list filters,
 * the business-hours week and the audit log's filter. No React and no browser APIs, so unit tests import them.
 */

/** A group as far as membership goes: its id and its members in the order they joined. */
export interface Membership {
  id: string;
  memberIds: readonly string[];
}

/**
 * The membership replacements (PUT /groups/{id}/members) that put `agentId` in exactly the groups `wanted`.
 * Groups joined come first and groups left last, so the agent never belongs to no group in between (the API refuses
 * that with `agent.group_required`). Members keep their order; a joining agent goes last, as round-robin expects.
 */
export function membershipChanges(groups: readonly Membership[], agentId: string, wanted: readonly string[]): { groupId: string; agentIds: string[] }[] {
  const joins = groups
    .filter((group) => wanted.includes(group.id) && !group.memberIds.includes(agentId))
    .map((group) => ({ groupId: group.id, agentIds: [...group.memberIds, agentId] }));
  const leaves = groups
    .filter((group) => !wanted.includes(group.id) && group.memberIds.includes(agentId))
    .map((group) => ({ groupId: group.id, agentIds: group.memberIds.filter((id) => id !== agentId) }));
  return [...joins, ...leaves];
}

/** Whether any of `texts` contains the query, ignoring case and surrounding spaces; an empty query matches all. */
export function matchesQuery(query: string, ...texts: (string | null | undefined)[]): boolean {
  const needle = query.trim().toLowerCase();
  return needle === '' || texts.some((text) => text?.toLowerCase().includes(needle));
}

/** One weekly opening, local time: `day` 0 = Sunday … 6 = Saturday, `end` up to 24:00. */
export interface WeeklyWindow {
  day: number;
  start: string;
  end: string;
}

/** The week as people in Korea and Europe read it: Monday first, Sunday last. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;
export type WeekDay = (typeof WEEK_ORDER)[number];

/** The usual office week, for a service that has no business hours yet: weekdays 09:00–18:00. */
export const OFFICE_WEEK: WeeklyWindow[] = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '18:00' }));

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * A new window on `day`: an hour starting where the day's last window ends (the afternoon after a lunch break,
 * to be stretched), or 09:00–18:00 on a day without windows or whose last window ends at midnight.
 */
export function nextWindow(weekly: readonly WeeklyWindow[], day: number): WeeklyWindow {
  const ends = weekly.filter((window) => window.day === day && /^\d\d:\d\d$/.test(window.end)).map((window) => minutesOf(window.end));
  const lastEnd = ends.length > 0 ? Math.max(...ends) : null;
  if (lastEnd === null || lastEnd >= 24 * 60) return { day, start: '09:00', end: '18:00' };
  return { day, start: timeOf(lastEnd), end: timeOf(Math.min(lastEnd + 60, 24 * 60)) };
}

/** The windows sorted by day of the week (Monday first) and start time, each keeping its index in `windows`. */
export function windowsByDay(windows: readonly WeeklyWindow[]): { day: WeekDay; entries: { index: number; window: WeeklyWindow }[] }[] {
  return WEEK_ORDER.map((day) => ({
    day,
    entries: windows
      .map((window, index) => ({ index, window }))
      .filter((entry) => entry.window.day === day)
      .sort((a, b) => a.window.start.localeCompare(b.window.start)),
  }));
}

/** The area of an audit action: what kind of thing changed (`group.members_changed` → `group`). */
export const auditArea = (action: string): string => action.split('.')[0] ?? action;

export interface AuditFilter {
  area: string;
  actorId: string;
  query: string;
}

/**
 * The loaded audit entries that match the filter: the area and the actor when chosen (empty: any), and the query
 * in the action, the target or the details' text.
 */
export function filterAudit<E extends { action: string; actorId: string | null; target: string | null; details: Record<string, unknown> }>(
  entries: readonly E[],
  filter: AuditFilter,
): E[] {
  return entries.filter(
    (entry) =>
      (filter.area === '' || auditArea(entry.action) === filter.area) &&
      (filter.actorId === '' || entry.actorId === filter.actorId) &&
      matchesQuery(filter.query, entry.action, entry.target, JSON.stringify(entry.details)),
  );
}

/** The distinct values `pick` gives over `items`, in first-seen order, without nulls. */
export function distinct<T>(items: readonly T[], pick: (item: T) => string | null): string[] {
  return [...new Set(items.map(pick).filter((value): value is string => value !== null))];
}

/** `items` with the one at `index` moved one place up (-1) or down (+1); null when it cannot move. */
export function moveInOrder<T>(items: readonly T[], index: number, delta: -1 | 1): T[] | null {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return null;
  const order = [...items];
  [order[index], order[target]] = [order[target]!, order[index]!];
  return order;
}

/**
 * The indexes of the items of list `list` that a refusal's issues point at: `["weekly", 2, "end"]` marks window 2
 * of `weekly`, `["onBreach", 0, "type"]` action 0 of `onBreach`.
 */
export function issueIndexes(details: unknown, list: string): Set<number> {
  const issues = details && typeof details === 'object' && 'issues' in details && Array.isArray(details.issues) ? (details.issues as unknown[]) : [];
  const found = new Set<number>();
  for (const issue of issues) {
    const path = (issue as { path?: unknown } | null)?.path;
    if (Array.isArray(path) && path[0] === list && typeof path[1] === 'number') found.add(path[1]);
  }
  return found;
}

/** A tree flattened depth-first, each parent before its children, as an indented list shows it. */
export function flattenTree<N extends { children: N[] }>(nodes: readonly N[]): N[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}
