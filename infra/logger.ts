/**
 * Structured logging: one pino logger per process, children per component.
 */
import { pino, type Logger as PinoLogger } from 'pino';
import type { LogLevel } from './env';

export type Logger = PinoLogger;

/** Creates the process logger; `name` appears on every line (e.g. `api`, `worker`, `migrate`). */
export function createLogger(level: LogLevel, name?: string): Logger {
  return pino({
    level,
    ...(name ? { name } : {}),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
