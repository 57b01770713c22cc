/** Dates and times as agents read them: relative when recent, absolute on hover. */
import { LOCALES, MESSAGES, type Lang } from './i18n/messages';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function relativeTime(iso: string, lang: Lang, now = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '—';
  const elapsed = now - at;
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' });
  if (elapsed < MINUTE) return MESSAGES[lang].common.time.justNow;
  if (elapsed < HOUR) return format.format(-Math.round(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return format.format(-Math.round(elapsed / HOUR), 'hour');
  if (elapsed < 7 * DAY) return format.format(-Math.round(elapsed / DAY), 'day');
  return new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric' }).format(at);
}

export function absoluteTime(iso: string, lang: Lang): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}

export function isSameLocalDay(iso: string | null, day = new Date()): boolean {
  if (!iso) return false;
  const at = new Date(iso);
  return at.getFullYear() === day.getFullYear() && at.getMonth() === day.getMonth() && at.getDate() === day.getDate();
}

/** How long until a future instant, e.g. "in 25 min"; a past one reads as relative time does. */
export function timeUntil(iso: string, lang: Lang, now = Date.now()): string {
  const remaining = Date.parse(iso) - now;
  if (Number.isNaN(remaining) || remaining <= 0) return relativeTime(iso, lang, now);
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' });
  if (remaining < HOUR) return format.format(Math.max(1, Math.round(remaining / MINUTE)), 'minute');
  if (remaining < DAY) return format.format(Math.round(remaining / HOUR), 'hour');
  return format.format(Math.round(remaining / DAY), 'day');
}
