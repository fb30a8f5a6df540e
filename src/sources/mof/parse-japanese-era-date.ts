import { type IsoDate, isoDate } from '../../domain/dates.ts';
import { isCalendarDate } from './calendar-date.ts';

interface Era {
  /** Gregorian year of the era's year 0, so era year N is `offset + N`. */
  readonly offset: number;
  readonly first: IsoDate;
  readonly last?: IsoDate;
}

// Only the eras the MOF series (from 1974) can contain. A new era letter is deliberately unknown:
// converting it with a guessed offset would date every row wrongly.
const ERAS: Readonly<Record<string, Era>> = {
  S: { offset: 1925, first: '1926-12-25', last: '1989-01-07' },
  H: { offset: 1988, first: '1989-01-08', last: '2019-04-30' },
  R: { offset: 2018, first: '2019-05-01' },
};

const ERA_DATE = /^([A-Z])(\d{1,2})\.(\d{1,2})\.(\d{1,2})$/;

/**
 * Converts a Japanese era date as the MOF writes it (`S49.9.24`, `H1.1.9`, `R8.6.30`) to an ISO date.
 * Undefined when the text is not such a date, names an unknown era, is not a calendar date, or falls
 * outside its era (`H31.5.7` does not exist: Reiwa began on 2019-05-01).
 */
export function parseJapaneseEraDate(text: string): IsoDate | undefined {
  const match = ERA_DATE.exec(text);
  if (!match) return undefined;
  const era = ERAS[match[1] ?? ''];
  const eraYear = Number(match[2]);
  if (era === undefined || eraYear < 1) return undefined;
  const [year, month, day] = [era.offset + eraYear, Number(match[3]), Number(match[4])];
  if (!isCalendarDate(year, month, day)) return undefined;
  const date = isoDate(year, month, day);
  if (date < era.first) return undefined;
  if (era.last !== undefined && date > era.last) return undefined;
  return date;
}
