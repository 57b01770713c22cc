/** Local dates as the API's period filters take them (YYYY-MM-DD in the browser's time zone). */
export function localDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** The last `days` days up to today. */
export function recentPeriod(days: number): { from: string; to: string } {
  const today = new Date();
  const start = new Date(today);
  start.setDate(today.getDate() - (days - 1));
  return { from: localDay(start), to: localDay(today) };
}
