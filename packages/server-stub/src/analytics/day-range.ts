import { HttpProblem } from '../http/http-problem.ts';
import { DAY_MS, utcDay } from './utc-time.ts';

/** Days a funnel covers when the request names none. */
export const DEFAULT_RANGE_DAYS = 30;

/** Longest range a funnel may cover, in days. */
export const MAX_RANGE_DAYS = 366;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseDay(value: string, name: string): number {
  const ms = DAY.test(value) ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(ms) || utcDay(ms) !== value) {
    throw new HttpProblem(400, 'invalid_query', `"${name}" must be a date like 2025-03-01.`);
  }
  return ms;
}

/**
 * The inclusive UTC day range of a funnel request: `to` defaults to today, `from` to 29 days
 * before `to`. Throws a 400 {@link HttpProblem} naming the parameter at fault.
 */
export function parseDayRange(
  from: string | undefined,
  to: string | undefined,
  now: number,
): { from: string; to: string } {
  const toMs = to ? parseDay(to, 'to') : Date.parse(`${utcDay(now)}T00:00:00Z`);
  const fromMs = from ? parseDay(from, 'from') : toMs - (DEFAULT_RANGE_DAYS - 1) * DAY_MS;
  if (fromMs > toMs) throw new HttpProblem(400, 'invalid_query', '"from" must not be after "to".');
  if ((toMs - fromMs) / DAY_MS + 1 > MAX_RANGE_DAYS) {
    throw new HttpProblem(
      400,
      'invalid_query',
      `The range may cover at most ${MAX_RANGE_DAYS} days.`,
    );
  }
  return { from: utcDay(fromMs), to: utcDay(toMs) };
}
