import { localCalendarDate, parseIsoDate } from './iso-date.ts';
import type { CalendarDate } from './iso-date.ts';

function toCalendarDate(value: unknown): CalendarDate | undefined {
  if (value instanceof Date) return localCalendarDate(value);
  return parseIsoDate(value);
}

/**
 * Age in completed years on `onDate` of someone born on `birthDate` (`YYYY-MM-DD` or a `Date`),
 * or `NaN` if either date is invalid or the birth is after `onDate`.
 *
 * A `Date` counts by its calendar day in the local time zone; pass date-only values as `YYYY-MM-DD`
 * strings (`new Date('1990-04-01')` is midnight UTC, which is 31 March west of Greenwich).
 * Someone born on 29 February becomes a year older on 1 March in common years, as in English law:
 * the later of the two conventions, so an age limit is never passed a day early.
 * @example ageOn('2008-02-29', '2024-02-28') // 15
 * @example ageOn('2008-02-29', '2025-03-01') // 17
 */
export function ageOn(birthDate: string | Date, onDate: Date | string): number {
  const birth = toCalendarDate(birthDate);
  const on = toCalendarDate(onDate);
  if (!birth || !on) return Number.NaN;
  let age = on.year - birth.year;
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age -= 1;
  return age < 0 ? Number.NaN : age;
}
