/**
 * What nearly every request reads before its own work, kept in memory: the agent a session token names, and the
 * services an agent may read. Each is one small statement, but on a task list or a search by id they are two of
 * three round trips, and most of the API's time.
 *
 * PostgreSQL says when to forget: migration 041's triggers notify {@link DIRECTORY_CHANGES_CHANNEL} at the commit
 * of any change to sessions, agents, services, groups or memberships, and any notification empties the cache in
 * every API process. So that nothing is kept across a change:
 *
 * - nothing is kept until the listener is in place (it starts with the cache, and again on the first request
 *   after a failed start), and it is emptied whenever the listener (re)connects, since notifications sent while it
 *   was away are lost;
 * - an answer read while a notification arrived is used but not kept (the read may predate the change);
 * - this process's own changes forget at once ({@link DirectoryCache.forget}), not when their notification comes
 *   back, so the caller's next request already sees them;
 * - an entry is kept at most {@link KEEP_MS}: the bound on what a listener that dropped unnoticed could keep.
 *
 * Only found answers are kept (an unknown token is read again each time, so guessing fills no memory), at most
 * {@link MAX_ENTRIES}, the oldest going first.
 *
 * @module
 */
import type { Logger } from 'pino';
import type { Sql } from '../store/db';

export const DIRECTORY_CHANGES_CHANNEL = 'directory_changes';
const KEEP_MS = 30_000;
const MAX_ENTRIES = 10_000;

/** The requests that may change the directory: signing out, and changes to agents, services and groups. */
export function changesDirectory(method: string, path: string): boolean {
  return method !== 'GET' && /^\/(auth\/logout|agents|groups|services)(\/|$)/.test(path);
}

export interface DirectoryCache {
  /**
   * `read`'s answer for `key`, from memory while nothing in the directory changed since it was read and `usable`
   * holds (a session's expiry, say); read again otherwise. Null answers are never kept.
   */
  remember<T>(key: string, read: () => Promise<T>, usable?: (value: NonNullable<T>) => boolean): Promise<T>;
  /** Empties the cache: called by the routes that change the directory, as soon as their change commits. */
  forget(): void;
}

export function createDirectoryCache({ sql, log }: { sql: Sql; log: Logger }): DirectoryCache {
  const entries = new Map<string, { value: unknown; keptAt: number }>();
  // Bumped by every notification and reconnection: a read that saw it change is not kept.
  let generation = 0;
  let listening: 'no' | 'starting' | 'yes' = 'no';

  function forget(): void {
    generation += 1;
    entries.clear();
  }

  function listen(): void {
    listening = 'starting';
    sql
      .listen(DIRECTORY_CHANGES_CHANNEL, forget, () => {
        forget();
        listening = 'yes';
      })
      .catch((error: unknown) => {
        // The database is away: the next request tries again, and reads through until then.
        listening = 'no';
        log.warn({ err: error }, 'directory change listener not started; reading through');
      });
  }

  listen();
  return {
    forget,
    async remember(key, read, usable = () => true) {
      if (listening === 'no') listen();
      const entry = entries.get(key);
      if (entry) {
        if (Date.now() - entry.keptAt < KEEP_MS && usable(entry.value as never)) return entry.value as never;
        entries.delete(key);
      }
      const readIn = generation;
      const value = await read();
      if (value !== null && listening === 'yes' && readIn === generation) {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
        entries.set(key, { value, keptAt: Date.now() });
      }
      return value;
    },
  };
}
