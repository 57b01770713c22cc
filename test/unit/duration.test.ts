import { describe, expect, it } from 'vitest';
import { Duration, MAX_DURATION_MS, formatDuration, parseDuration } from '../../rules/duration';

describe('time-rule durations', () => {
  it('parses a number and a unit into whole milliseconds', () => {
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('0.1h')).toBe(360_000);
    expect(parseDuration('3d')).toBe(259_200_000);
    expect(parseDuration('365d')).toBe(MAX_DURATION_MS);
  });

  it('refuses other forms, zero, fractions of a millisecond and more than a year', () => {
    for (const text of ['', '4', 'h', '4 h', '4H', '-1h', '1e3s', '.5h', '1w', '0m', '0.0005s', '366d']) {
      expect(parseDuration(text), text).toBeNull();
      expect(Duration.safeParse(text).success, text).toBe(false);
    }
  });

  it('formats in the largest unit that is exact', () => {
    expect(formatDuration(5_400_000)).toBe('90m');
    expect(formatDuration(259_200_000)).toBe('3d');
    expect(formatDuration(36 * 3_600_000)).toBe('36h');
    expect(formatDuration(1_500)).toBe('1500ms');
    expect(formatDuration(parseDuration('1.5d')!)).toBe('36h');
  });
});
