/**
 * Durations as admins write them for time rules: a number and a unit, e.g. `90s`, `30m`, `4h`, `1.5d`.
 * Stored as whole milliseconds; shown again in the largest unit that expresses them exactly.
 *
 * @module
 */
import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof UNIT_MS;

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/** The longest time-rule duration: a year. Keeps timers and business-time searches bounded. */
export const MAX_DURATION_MS = 365 * UNIT_MS.d;

/** Milliseconds of a duration string, or null when it is not one (wrong form, not whole ms, zero or too long). */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text);
  if (!match) return null;
  const ms = Number(match[1]) * UNIT_MS[match[2] as Unit];
  // Decimal fractions are inexact in binary: 0.1h is 360000.00000000006 ms.
  const rounded = Math.round(ms);
  if (Math.abs(ms - rounded) > 1e-6 * Math.max(1, ms) || rounded <= 0 || rounded > MAX_DURATION_MS) return null;
  return rounded;
}

/** A duration string for whole milliseconds, in the largest unit that divides them: 5400000 → `90m`. */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms}ms`;
}

/** A duration string, checked for form and range; {@link parseDuration} gives its milliseconds. */
export const Duration = z
  .string()
  .max(32)
  .regex(DURATION, 'expected a number and a unit (ms, s, m, h, d), e.g. 90s, 30m, 4h, 3d')
  .refine((text) => !DURATION.test(text) || parseDuration(text) !== null, {
    message: `expected a whole number of milliseconds above 0 and at most ${MAX_DURATION_MS / UNIT_MS.d}d`,
  })
  .describe('A number and a unit: ms, s, m, h or d (24 hours), e.g. 90s, 30m, 4h, 1.5d.');
