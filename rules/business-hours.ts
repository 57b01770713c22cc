/**
 * Business-time arithmetic for SLA clocks: how much business time lies between two instants, and which
 * instant lies a given amount of business time after another. Pure; time zones through Intl.
 *
 * A schedule is a set of weekly windows in local wall-clock time of an IANA time zone, minus holidays (local
 * dates without business time). Each window is converted to real instants per local date, so daylight saving
 * changes are exact: a window 09:00–18:00 lasts nine real hours on every day the clocks show those times.
 * A wall-clock time the clocks skip (spring forward) is taken as the moment they skip it; one they show twice
 * (fall back) as its first occurrence. Work is proportional to the number of local days spanned, never to minutes.
 *
 * @module
 */
import { z } from 'zod';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** No zone is further from UTC than ±14 h; used to bound day loops without asking Intl. */
const MAX_OFFSET = 15 * HOUR;
/**
 * How far {@link addBusinessTime} and {@link nextBusinessInstant} look ahead before concluding that the schedule
 * has no (more) business time. Bounds the work on schedules that are nearly always closed.
 */
export const BUSINESS_TIME_HORIZON_DAYS = 100 * 366;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const TIME_OR_MIDNIGHT = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const wellFormed = (window: { start: string; end: string }) => TIME.test(window.start) && TIME_OR_MIDNIGHT.test(window.end);

/** One weekly opening: from `start` up to (not including) `end`, local time, on `day` (0 = Sunday … 6 = Saturday). */
export const BusinessWindow = z
  .strictObject({
    day: z.int().min(0).max(6).describe('0 = Sunday, 1 = Monday … 6 = Saturday'),
    start: z.string().regex(TIME, 'expected HH:MM, 00:00 to 23:59'),
    end: z.string().regex(TIME_OR_MIDNIGHT, 'expected HH:MM, up to 24:00'),
  })
  // Badly written times are reported on their own; comparing them would only add noise.
  .refine((window) => !wellFormed(window) || minutesOf(window.end) > minutesOf(window.start), {
    path: ['end'],
    message: 'end must be after start; a window past midnight is two windows, one ending 24:00 and one starting 00:00',
  });
/** One weekly opening. */
export type BusinessWindow = z.infer<typeof BusinessWindow>;

/** A service's business hours (영업시간). Without them a service works around the clock. */
export const BusinessHours = z.strictObject({
  timezone: z.string().min(1).max(64).refine(isTimeZone, 'expected an IANA time zone such as Asia/Seoul'),
  weekly: z
    .array(BusinessWindow)
    .max(50)
    .superRefine((windows, ctx) => {
      windows.forEach((window, index) => {
        const earlier = windows.findIndex(
          (other, otherIndex) =>
            otherIndex < index &&
            other.day === window.day &&
            wellFormed(other) &&
            wellFormed(window) &&
            minutesOf(other.start) < minutesOf(window.end) &&
            minutesOf(window.start) < minutesOf(other.end),
        );
        if (earlier >= 0) {
          ctx.addIssue({ code: 'custom', path: [index], message: `overlaps window ${earlier} on the same day` });
        }
      });
    })
    .describe('Weekly windows in local time; an empty list means the service is always closed.'),
  holidays: z
    .array(z.iso.date())
    .max(400)
    .default([])
    .describe('Local dates (YYYY-MM-DD) without business time.'),
});
/** A service's business hours. */
export type BusinessHours = z.infer<typeof BusinessHours>;

/**
 * Zones Intl has accepted. Building a DateTimeFormat costs more than the dashboard query it validates (a profile of
 * `GET /dashboard` put 4 % of the API's CPU here); only accepted names are kept, so the set stays as small as the
 * zone database whatever callers send.
 */
const knownTimeZones = new Set<string>();

/** Whether Intl knows `value` as a time zone. */
export function isTimeZone(value: string): boolean {
  if (knownTimeZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    knownTimeZones.add(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Milliseconds of business time in [from, to): `to - from` around the clock (null hours), 0 when `to` is not
 * after `from`.
 */
export function businessTimeBetween(from: Date, to: Date, hours: BusinessHours | null): number {
  const start = instant(from);
  const end = instant(to);
  if (end <= start) return 0;
  if (!hours) return end - start;
  const schedule = compile(hours);
  if (schedule.closed) return 0;
  let total = 0;
  for (let day = schedule.zone.localDay(start); day * DAY - MAX_OFFSET < end; day++) {
    for (const [open, close] of schedule.windowsOn(day)) {
      const overlap = Math.min(close, end) - Math.max(open, start);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/**
 * The earliest instant `t ≥ from` with `businessTimeBetween(from, t, hours) === ms`: where an SLA target of `ms`
 * business time started at `from` falls due.
 *
 * Consequences of "earliest": `ms = 0` gives `from` itself (open or not, and even for an always-closed schedule);
 * a target used up exactly at a closing time is due at that closing time, not at the next opening. So
 * `addBusinessTime(from, businessTimeBetween(from, t)) === t` holds for every `t` at which business time was
 * running just before (inside a window, or at its end), and `businessTimeBetween(from, addBusinessTime(from, ms))
 * === ms` for every `ms`. Use {@link nextBusinessInstant} for "when does the clock next run".
 *
 * Null when the schedule has no business time (an empty weekly list) or too little within
 * {@link BUSINESS_TIME_HORIZON_DAYS}. Throws a RangeError for a negative or non-finite `ms`.
 */
export function addBusinessTime(from: Date, ms: number, hours: BusinessHours | null): Date | null {
  const start = instant(from);
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`business time must be a finite, non-negative number of ms, got ${ms}`);
  }
  if (!hours) return new Date(start + ms);
  if (ms === 0) return new Date(start);
  const schedule = compile(hours);
  if (schedule.closed) return null;
  let remaining = ms;
  const first = schedule.zone.localDay(start);
  for (let day = first; day <= first + BUSINESS_TIME_HORIZON_DAYS; day++) {
    for (const [open, close] of schedule.windowsOn(day)) {
      const begin = Math.max(open, start);
      if (close <= begin) continue;
      if (remaining <= close - begin) return new Date(begin + remaining);
      remaining -= close - begin;
    }
  }
  return null;
}

/**
 * The first instant at or after `at` that lies within business hours: `at` itself when open (or for null hours),
 * otherwise the next opening. Null when there is none within {@link BUSINESS_TIME_HORIZON_DAYS}.
 */
export function nextBusinessInstant(at: Date, hours: BusinessHours | null): Date | null {
  const start = instant(at);
  if (!hours) return new Date(start);
  const schedule = compile(hours);
  if (schedule.closed) return null;
  // The day before too: on days whose midnight the clocks skip, yesterday's 24:00 is today's first instant.
  const first = schedule.zone.localDay(start) - 1;
  for (let day = first; day <= first + BUSINESS_TIME_HORIZON_DAYS; day++) {
    for (const [open, close] of schedule.windowsOn(day)) {
      if (close > start && close > open) return new Date(Math.max(open, start));
    }
  }
  return null;
}

/** Whether `at` lies within a window (opening included, closing excluded); always true for null hours. */
export function isWithinBusinessHours(at: Date, hours: BusinessHours | null): boolean {
  const t = instant(at);
  if (!hours) return true;
  const schedule = compile(hours);
  if (schedule.closed) return false;
  const today = schedule.zone.localDay(t);
  return [today - 1, today].some((day) => schedule.windowsOn(day).some(([open, close]) => open <= t && t < close));
}

function instant(date: Date): number {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid date');
  return t;
}

interface Schedule {
  zone: Zone;
  /** True when no weekday has a window. */
  closed: boolean;
  /** The windows of a local day (days since 1970-01-01) as [open, close) instants in ms, in order. */
  windowsOn(day: number): [number, number][];
}

function compile(hours: BusinessHours): Schedule {
  const zone = zoneOf(hours.timezone);
  const weekdays = Array.from({ length: 7 }, (_, day) => mergeWindows(hours.weekly.filter((window) => window.day === day)));
  const holidays = new Set((hours.holidays ?? []).map((date) => Date.parse(date) / DAY));
  return {
    zone,
    closed: weekdays.every((windows) => windows.length === 0),
    windowsOn(day) {
      const windows = weekdays[weekdayOf(day)];
      if (windows.length === 0 || holidays.has(day)) return [];
      const toInstant = zone.wallToInstant(day);
      return windows.map(([open, close]) => [toInstant(open), toInstant(close)]);
    },
  };
}

/** The day's windows as [start, end] minutes, sorted, with overlapping and touching ones merged. */
function mergeWindows(windows: BusinessWindow[]): [number, number][] {
  const spans = windows
    .map((window): [number, number] => [minutesOf(window.start), minutesOf(window.end)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** 1970-01-01 was a Thursday. */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

interface Zone {
  /** The local date of an instant, as days since 1970-01-01. */
  localDay(t: number): number;
  /** For a local day: minutes after its midnight (0 to 1440) → the instant the local clock first reaches them. */
  wallToInstant(day: number): (minutes: number) => number;
}

// Intl.DateTimeFormat is slow to build and the schedule's zone rarely changes: one per zone.
const zones = new Map<string, Zone>();

function zoneOf(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (!zone) {
    zone = createZone(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}

function createZone(timeZone: string): Zone {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  /** Local wall-clock time minus UTC at instant t, in ms. */
  const offsetAt = (t: number): number => {
    const fields: Record<string, number> = {};
    for (const part of format.formatToParts(t)) fields[part.type] = Number(part.value);
    const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
    return wall - Math.floor(t / 1000) * 1000;
  };

  /** The earliest instant whose local clock shows `wall` (ms since 1970-01-01 local) or later. */
  const instantOf = (wall: number): number => {
    const before = offsetAt(wall - DAY);
    const after = offsetAt(wall + DAY);
    if (before === after) return wall - before;
    const withBefore = wall - before;
    const withAfter = wall - after;
    const beforeValid = offsetAt(withBefore) === before;
    const afterValid = offsetAt(withAfter) === after;
    if (beforeValid && afterValid) return Math.min(withBefore, withAfter);
    if (beforeValid) return withBefore;
    if (afterValid) return withAfter;
    // The clocks skip `wall`: the answer is the transition, the first instant with the new offset.
    let low = Math.min(withBefore, withAfter);
    let high = Math.max(withBefore, withAfter);
    while (high - low > 1000) {
      const middle = low + Math.max(1000, Math.floor((high - low) / 2000) * 1000);
      if (offsetAt(middle) === before) low = middle;
      else high = middle;
    }
    return high;
  };

  return {
    localDay: (t) => Math.floor((t + offsetAt(t)) / DAY),
    wallToInstant(day) {
      const midnight = day * DAY;
      // One offset for the whole day unless it changes within a day either side (the usual case: two Intl calls).
      const offset = offsetAt(midnight - DAY);
      const steady = offsetAt(midnight + 2 * DAY) === offset;
      return (minutes) => (steady ? midnight + minutes * MINUTE - offset : instantOf(midnight + minutes * MINUTE));
    },
  };
}
