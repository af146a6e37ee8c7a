/**
 * Calendar days and weeks in a time zone (streaks and weekly leaderboards are counted in
 * DAILY_QUIZ_TZ, not UTC: 00:30 in London in summer is still the previous day in UTC).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date of an instant, as "YYYY-MM-DD". */
export function localDay(at: number, timeZone: string): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(new Date(at));
}

/** The day before a "YYYY-MM-DD" date. */
export function dayBefore(day: string): string {
  return addDays(day, -1);
}

/** A "YYYY-MM-DD" date moved by `days`. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The Monday that starts the local week of an instant, e.g. "2026-01-05": the weekly leaderboard key. */
export function weekOf(at: number, timeZone: string): string {
  const day = localDay(at, timeZone);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}
