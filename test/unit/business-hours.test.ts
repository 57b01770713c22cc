import { describe, expect, it } from 'vitest';
import {
  BusinessHours,
  addBusinessTime,
  businessTimeBetween,
  isWithinBusinessHours,
  nextBusinessInstant,
} from '../../rules/business-hours';
import { createRandom } from './rules/support/prng';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso);
const weekdays = [1, 2, 3, 4, 5];

/** 09:00–18:00 Monday to Friday with a lunch break; 2024-05-06 (Children's Day observed) and 2024-05-15 off. */
const seoul = BusinessHours.parse({
  timezone: 'Asia/Seoul',
  weekly: weekdays.flatMap((day) => [
    { day, start: '09:00', end: '12:00' },
    { day, start: '13:00', end: '18:00' },
  ]),
  holidays: ['2024-05-06', '2024-05-15'],
});

/** 09:00–17:00 Monday to Friday; 2024-03-10 and 2024-11-03 are the DST changes. */
const newYork = BusinessHours.parse({
  timezone: 'America/New_York',
  weekly: weekdays.map((day) => ({ day, start: '09:00', end: '17:00' })),
});

const allDay = (timezone: string) =>
  BusinessHours.parse({ timezone, weekly: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, start: '00:00', end: '24:00' })) });

describe('Asia/Seoul office hours with a lunch break', () => {
  it('counts business time within a day, across the lunch break', () => {
    expect(businessTimeBetween(at('2024-05-03T08:00:00+09:00'), at('2024-05-03T20:00:00+09:00'), seoul)).toBe(8 * HOUR);
    expect(businessTimeBetween(at('2024-05-03T11:30:00+09:00'), at('2024-05-03T13:30:00+09:00'), seoul)).toBe(HOUR);
    expect(businessTimeBetween(at('2024-05-03T12:10:00+09:00'), at('2024-05-03T12:50:00+09:00'), seoul)).toBe(0);
  });

  it('skips the weekend and holidays', () => {
    // Friday 17:00 → Monday 10:00: one hour on Friday, one on Monday.
    expect(businessTimeBetween(at('2024-05-10T17:00:00+09:00'), at('2024-05-13T10:00:00+09:00'), seoul)).toBe(2 * HOUR);
    // The Monday in between is a holiday.
    expect(businessTimeBetween(at('2024-05-03T17:00:00+09:00'), at('2024-05-07T10:00:00+09:00'), seoul)).toBe(2 * HOUR);
    expect(businessTimeBetween(at('2024-05-06T00:00:00+09:00'), at('2024-05-07T00:00:00+09:00'), seoul)).toBe(0);
    // Two full weeks with one holiday: 9 days of 8 hours.
    expect(businessTimeBetween(at('2024-05-13T00:00:00+09:00'), at('2024-05-27T00:00:00+09:00'), seoul)).toBe(9 * 8 * HOUR);
  });

  it('finds where a target falls due', () => {
    expect(addBusinessTime(at('2024-05-13T11:00:00+09:00'), 2 * HOUR, seoul)).toEqual(at('2024-05-13T14:00:00+09:00'));
    // Over the weekend and the holiday Monday.
    expect(addBusinessTime(at('2024-05-03T17:30:00+09:00'), HOUR, seoul)).toEqual(at('2024-05-07T09:30:00+09:00'));
    // Started on a Saturday: the clock starts on Monday.
    expect(addBusinessTime(at('2024-05-11T10:00:00+09:00'), 30 * MINUTE, seoul)).toEqual(at('2024-05-13T09:30:00+09:00'));
    // Used up exactly at closing time: due at closing time, not at the next opening.
    expect(addBusinessTime(at('2024-05-10T17:00:00+09:00'), HOUR, seoul)).toEqual(at('2024-05-10T18:00:00+09:00'));
    expect(addBusinessTime(at('2024-05-10T09:00:00+09:00'), 3 * HOUR, seoul)).toEqual(at('2024-05-10T12:00:00+09:00'));
    // Nothing to wait for.
    expect(addBusinessTime(at('2024-05-11T10:00:00+09:00'), 0, seoul)).toEqual(at('2024-05-11T10:00:00+09:00'));
    // A 5-day target from Monday 09:00, with the Wednesday holiday: due the next Monday at 18:00.
    expect(addBusinessTime(at('2024-05-13T09:00:00+09:00'), 5 * 8 * HOUR, seoul)).toEqual(at('2024-05-20T18:00:00+09:00'));
  });

  it('says whether an instant is open, opening included and closing excluded', () => {
    const open = (iso: string) => isWithinBusinessHours(at(iso), seoul);
    expect(open('2024-05-10T09:00:00+09:00')).toBe(true);
    expect(open('2024-05-10T08:59:59.999+09:00')).toBe(false);
    expect(open('2024-05-10T11:59:59.999+09:00')).toBe(true);
    expect(open('2024-05-10T12:00:00+09:00')).toBe(false);
    expect(open('2024-05-10T13:00:00+09:00')).toBe(true);
    expect(open('2024-05-10T18:00:00+09:00')).toBe(false);
    expect(open('2024-05-11T10:00:00+09:00')).toBe(false);
    expect(open('2024-05-15T10:00:00+09:00')).toBe(false);
  });

  it('finds the next moment the clock runs', () => {
    expect(nextBusinessInstant(at('2024-05-10T10:15:00+09:00'), seoul)).toEqual(at('2024-05-10T10:15:00+09:00'));
    expect(nextBusinessInstant(at('2024-05-10T12:30:00+09:00'), seoul)).toEqual(at('2024-05-10T13:00:00+09:00'));
    expect(nextBusinessInstant(at('2024-05-03T18:00:00+09:00'), seoul)).toEqual(at('2024-05-07T09:00:00+09:00'));
  });
});

describe('America/New_York across daylight saving changes', () => {
  it('counts real hours: 23 on the spring-forward day, 25 on the fall-back day', () => {
    const hours = allDay('America/New_York');
    expect(businessTimeBetween(at('2024-03-10T00:00:00-05:00'), at('2024-03-11T00:00:00-04:00'), hours)).toBe(23 * HOUR);
    expect(businessTimeBetween(at('2024-11-03T00:00:00-04:00'), at('2024-11-04T00:00:00-05:00'), hours)).toBe(25 * HOUR);
  });

  it('keeps office hours at local 09:00–17:00 on both sides of a change', () => {
    // Friday 16:00 EST → Monday 10:00 EDT: two business hours, 65 real hours.
    const friday = at('2024-03-08T16:00:00-05:00');
    const monday = at('2024-03-11T10:00:00-04:00');
    expect(monday.getTime() - friday.getTime()).toBe(65 * HOUR);
    expect(businessTimeBetween(friday, monday, newYork)).toBe(2 * HOUR);
    expect(addBusinessTime(friday, 2 * HOUR, newYork)).toEqual(monday);
    expect(addBusinessTime(at('2024-11-01T16:30:00-04:00'), HOUR, newYork)).toEqual(at('2024-11-04T09:30:00-05:00'));
    expect(isWithinBusinessHours(at('2024-03-11T13:30:00Z'), newYork)).toBe(true); // 09:30 EDT
    expect(isWithinBusinessHours(at('2024-03-11T13:30:00Z'), { ...newYork, timezone: 'America/Chicago' })).toBe(false);
  });

  it('takes skipped wall-clock times as the moment they are skipped and repeated ones at their first occurrence', () => {
    const night = (start: string, end: string) =>
      BusinessHours.parse({ timezone: 'America/New_York', weekly: [{ day: 0, start, end }] });
    // 01:00–03:00 on 2024-03-10 has one real hour: 02:00–03:00 does not exist.
    expect(businessTimeBetween(at('2024-03-10T00:00:00-05:00'), at('2024-03-11T00:00:00-04:00'), night('01:00', '03:00'))).toBe(HOUR);
    expect(businessTimeBetween(at('2024-03-10T00:00:00-05:00'), at('2024-03-11T00:00:00-04:00'), night('02:15', '02:45'))).toBe(0);
    // 01:00–02:00 on 2024-11-03 runs from the first 01:00 to 02:00 EST, the repeated hour included.
    expect(businessTimeBetween(at('2024-11-03T00:00:00-04:00'), at('2024-11-04T00:00:00-05:00'), night('01:00', '02:00'))).toBe(2 * HOUR);
  });

  it('agrees with a minute-by-minute count read off Intl for ten days around each change', () => {
    const wall = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', weekday: 'short', hour: 'numeric', hourCycle: 'h23' });
    const openByIntl = (t: number) => {
      const parts = Object.fromEntries(wall.formatToParts(t).map((part) => [part.type, part.value]));
      return !['Sat', 'Sun'].includes(parts.weekday) && Number(parts.hour) >= 9 && Number(parts.hour) < 17;
    };
    for (const start of ['2024-03-05T00:00:00Z', '2024-10-29T00:00:00Z']) {
      const from = at(start).getTime();
      let expected = 0;
      for (let t = from; t < from + 10 * DAY; t += MINUTE) if (openByIntl(t)) expected += MINUTE;
      expect(businessTimeBetween(new Date(from), new Date(from + 10 * DAY), newYork)).toBe(expected);
    }
  });
});

describe('round trips on random instants', () => {
  for (const [name, hours] of [
    ['Asia/Seoul', seoul],
    ['America/New_York', newYork],
  ] as const) {
    it(`${name}: addBusinessTime(from, businessTimeBetween(from, t)) is t for t inside hours`, () => {
      const random = createRandom(20240510);
      const base = at('2024-01-01T00:00:00Z').getTime();
      let checked = 0;
      while (checked < 300) {
        const from = new Date(base + Math.floor(random.next() * 360 * DAY));
        const t = new Date(from.getTime() + Math.floor(random.next() * 40 * DAY));
        if (!isWithinBusinessHours(t, hours) || t.getTime() === from.getTime()) continue;
        // An opening instant is the one exception: the closing before it already has the same business time.
        if (!isWithinBusinessHours(new Date(t.getTime() - 1), hours)) continue;
        const elapsed = businessTimeBetween(from, t, hours);
        expect(addBusinessTime(from, elapsed, hours), `${from.toISOString()} → ${t.toISOString()}`).toEqual(t);
        checked += 1;
      }
    });

    it(`${name}: businessTimeBetween(from, addBusinessTime(from, ms)) is ms, and spans add up`, () => {
      const random = createRandom(7);
      const base = at('2024-01-01T00:00:00Z').getTime();
      for (let round = 0; round < 300; round += 1) {
        const from = new Date(base + Math.floor(random.next() * 360 * DAY));
        const ms = Math.floor(random.next() * 20 * 8 * HOUR);
        const due = addBusinessTime(from, ms, hours)!;
        expect(due.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(businessTimeBetween(from, due, hours)).toBe(ms);
        const middle = new Date(from.getTime() + Math.floor(random.next() * (due.getTime() - from.getTime())));
        expect(businessTimeBetween(from, middle, hours) + businessTimeBetween(middle, due, hours)).toBe(ms);
      }
    });
  }
});

describe('around the clock and never open', () => {
  it('treats null hours as around the clock', () => {
    const from = at('2024-05-10T23:00:00+09:00');
    expect(businessTimeBetween(from, at('2024-05-12T01:00:00+09:00'), null)).toBe(26 * HOUR);
    expect(businessTimeBetween(from, at('2024-05-09T01:00:00+09:00'), null)).toBe(0);
    expect(addBusinessTime(from, 90 * MINUTE, null)).toEqual(at('2024-05-11T00:30:00+09:00'));
    expect(isWithinBusinessHours(from, null)).toBe(true);
    expect(nextBusinessInstant(from, null)).toEqual(from);
  });

  it('never runs the clock on an empty schedule, and says so instead of searching forever', () => {
    const closed = BusinessHours.parse({ timezone: 'Asia/Seoul', weekly: [] });
    const from = at('2024-05-10T10:00:00+09:00');
    expect(businessTimeBetween(from, at('2025-05-10T10:00:00+09:00'), closed)).toBe(0);
    expect(addBusinessTime(from, MINUTE, closed)).toBeNull();
    expect(addBusinessTime(from, 0, closed)).toEqual(from);
    expect(isWithinBusinessHours(from, closed)).toBe(false);
    expect(nextBusinessInstant(from, closed)).toBeNull();
  });

  it('gives up after its horizon on a schedule with almost no business time', () => {
    const minuteAWeek = BusinessHours.parse({ timezone: 'UTC', weekly: [{ day: 1, start: '09:00', end: '09:01' }] });
    const from = at('2024-05-10T00:00:00Z');
    expect(addBusinessTime(from, 2 * MINUTE, minuteAWeek)).toEqual(at('2024-05-20T09:01:00Z'));
    expect(addBusinessTime(from, 365 * DAY, minuteAWeek)).toBeNull();
  });

  it('refuses a negative amount and invalid dates', () => {
    expect(() => addBusinessTime(at('2024-05-10T00:00:00Z'), -1, seoul)).toThrow(RangeError);
    expect(() => businessTimeBetween(new Date(Number.NaN), at('2024-05-10T00:00:00Z'), seoul)).toThrow(RangeError);
  });
});

describe('the BusinessHours schema', () => {
  const issues = (input: unknown) => BusinessHours.safeParse(input).error?.issues.map(({ path, message }) => ({ path, message }));

  it('accepts windows ending at 24:00, several windows a day and touching windows', () => {
    const parsed = BusinessHours.parse({
      timezone: 'Europe/Berlin',
      weekly: [
        { day: 6, start: '20:00', end: '24:00' },
        { day: 6, start: '08:00', end: '12:00' },
        { day: 6, start: '12:00', end: '13:00' },
      ],
    });
    expect(parsed.holidays).toEqual([]);
    expect(businessTimeBetween(at('2024-05-11T00:00:00+02:00'), at('2024-05-12T00:00:00+02:00'), parsed)).toBe(9 * HOUR);
  });

  it('refuses unknown time zones, bad times, windows that end before they start and overlapping windows', () => {
    expect(issues({ timezone: 'Mars/Olympus_Mons', weekly: [] })).toEqual([
      { path: ['timezone'], message: 'expected an IANA time zone such as Asia/Seoul' },
    ]);
    expect(issues({ timezone: 'Asia/Seoul', weekly: [{ day: 1, start: '18:00', end: '09:00' }] })).toEqual([
      { path: ['weekly', 0, 'end'], message: expect.stringContaining('end must be after start') },
    ]);
    expect(issues({ timezone: 'Asia/Seoul', weekly: [{ day: 1, start: '09:00', end: '09:00' }] })?.[0].path).toEqual(['weekly', 0, 'end']);
    expect(issues({ timezone: 'Asia/Seoul', weekly: [{ day: 1, start: '09:00', end: '24:30' }] })?.[0].path).toEqual(['weekly', 0, 'end']);
    expect(issues({ timezone: 'Asia/Seoul', weekly: [{ day: 7, start: '9:00', end: '18:00' }] })?.map((issue) => issue.path)).toEqual([
      ['weekly', 0, 'day'],
      ['weekly', 0, 'start'],
    ]);
    expect(
      issues({
        timezone: 'Asia/Seoul',
        weekly: [
          { day: 1, start: '09:00', end: '12:00' },
          { day: 2, start: '11:00', end: '14:00' },
          { day: 1, start: '11:00', end: '14:00' },
        ],
      }),
    ).toEqual([{ path: ['weekly', 2], message: 'overlaps window 0 on the same day' }]);
    expect(issues({ timezone: 'Asia/Seoul', weekly: [], holidays: ['2024-13-01'] })?.[0].path).toEqual(['holidays', 0]);
  });
});
