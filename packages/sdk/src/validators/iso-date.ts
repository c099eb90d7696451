/** A calendar date without a time or time zone. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether year, month and day name a day that exists (no 30 February, 29 February only in leap years). */
export function isRealDate(year: number, month: number, day: number): boolean {
  // The proleptic Gregorian calendar of Date: a day that does not exist rolls over into another.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * Parses a strict ISO 8601 calendar date `YYYY-MM-DD` and returns `undefined` for anything else,
 * including dates that do not exist.
 * @example parseIsoDate('2024-02-29') // { year: 2024, month: 2, day: 29 }
 * @example parseIsoDate('2023-02-29') // undefined
 */
export function parseIsoDate(value: unknown): CalendarDate | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && isRealDate(year, month, day) ? { year, month, day } : undefined;
}

/** `date` as an ISO 8601 calendar date `YYYY-MM-DD`. */
export function formatIsoDate(date: CalendarDate): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(date.year).padStart(4, '0')}-${two(date.month)}-${two(date.day)}`;
}

/**
 * The calendar date of `date` in the local time zone (of now when `date` is not a `Date`), or
 * `undefined` for an invalid `Date`. Local, because "today" for an applicant is the day on their
 * own clock.
 */
export function localCalendarDate(date?: unknown): CalendarDate | undefined {
  const at = date instanceof Date ? date : new Date();
  if (Number.isNaN(at.getTime())) return undefined;
  return { year: at.getFullYear(), month: at.getMonth() + 1, day: at.getDate() };
}

/** Negative, zero or positive as `a` is before, the same day as or after `b`. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The birth date `year-month-day` if that day exists and is not after `today`. */
export function pastDate(
  year: number,
  month: number,
  day: number,
  today: CalendarDate,
): CalendarDate | undefined {
  const date = { year, month, day };
  return isRealDate(year, month, day) && compareDates(date, today) <= 0 ? date : undefined;
}
