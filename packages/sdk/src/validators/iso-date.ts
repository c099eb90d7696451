/** A calendar date without a time or time zone. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `year` is a leap year in the proleptic Gregorian calendar. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1-12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether year, month and day name a day that exists (no 30 February, 29 February only in leap years). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
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

/**
 * The calendar date of a `Date` in the local time zone, or `undefined` for an invalid `Date`.
 * Local, because "today" for an applicant is the day on their own clock.
 */
export function localCalendarDate(date: Date): CalendarDate | undefined {
  if (Number.isNaN(date.getTime())) return undefined;
  return { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() };
}

/** Negative, zero or positive as `a` is before, the same day as or after `b`. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
