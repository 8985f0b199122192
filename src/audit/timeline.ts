import { addTally, emptyTally, type Period, type Tally } from './types.js';

/** Histories spanning more days than this are shown per month, shorter ones per week. */
const WEEKLY_SPAN_DAYS = 183;
const DAY_MS = 86_400_000;

/** Formatting a date costs more than the rest of a commit's counting: days repeat, so keep them. */
const dayNames = new Map<number, string>();

/** The UTC day of a time in seconds, YYYY-MM-DD. */
export function dayOf(seconds: number): string {
  const number = Math.floor(seconds / 86_400);
  let name = dayNames.get(number);
  if (name === undefined) {
    name = new Date(number * DAY_MS).toISOString().slice(0, 10);
    if (dayNames.size >= 100_000) dayNames.clear();
    dayNames.set(number, name);
  }
  return name;
}

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

function dayString(number: number): string {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

export function unitFor(span: { first: string; last: string } | null): 'week' | 'month' {
  if (!span) return 'week';
  return dayNumber(span.last) - dayNumber(span.first) > WEEKLY_SPAN_DAYS ? 'month' : 'week';
}

function lastDayOfMonth(day: string): string {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * The period a day falls in. A week runs Monday to Sunday but is cut at the month's edges, so
 * every week lies inside one month and weekly counts add up to monthly counts exactly (what lets
 * `scan --merge` turn weeks into months without guessing).
 */
export function periodOf(day: string, unit: 'week' | 'month'): { start: string; end: string } {
  const monthStart = `${day.slice(0, 8)}01`;
  const monthEnd = lastDayOfMonth(day);
  if (unit === 'month') return { start: monthStart, end: monthEnd };
  const number = dayNumber(day);
  const weekday = (new Date(number * DAY_MS).getUTCDay() + 6) % 7; // Monday 0
  const monday = dayString(number - weekday);
  const sunday = dayString(number - weekday + 6);
  return {
    start: monday < monthStart ? monthStart : monday,
    end: sunday > monthEnd ? monthEnd : sunday,
  };
}

/** A day's (or a period's) counts: all commits, and per protected group. */
export interface Bucket {
  tally: Tally;
  groups: Map<string, Tally>;
}

export function emptyBucket(): Bucket {
  return { tally: emptyTally(), groups: new Map() };
}

/** Rolls buckets keyed by any day inside them (a day or a period start) into periods. */
export function rollUp(buckets: Iterable<[string, Bucket]>, unit: 'week' | 'month'): Period[] {
  const periods = new Map<string, Period>();
  for (const [day, bucket] of buckets) {
    const { start, end } = periodOf(day, unit);
    let period = periods.get(start);
    if (!period) {
      period = { start, end, ...emptyTally(), groups: {} };
      periods.set(start, period);
    }
    addTally(period, bucket.tally);
    for (const [group, tally] of bucket.groups) {
      addTally((period.groups[group] ??= emptyTally()), tally);
    }
  }
  return [...periods.values()].sort((a, b) => a.start.localeCompare(b.start));
}

/** A report's periods as buckets again (for merging reports). */
export function bucketsOf(periods: Period[]): [string, Bucket][] {
  return periods.map((period) => {
    const tally = emptyTally();
    addTally(tally, period);
    const groups = new Map<string, Tally>();
    for (const [group, counts] of Object.entries(period.groups)) {
      const copy = emptyTally();
      addTally(copy, counts);
      groups.set(group, copy);
    }
    return [period.start, { tally, groups }];
  });
}
