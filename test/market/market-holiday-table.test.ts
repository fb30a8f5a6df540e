import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/domain/dates.ts';
import {
  HOLIDAY_TABLE_FILE,
  type HolidayTable,
  holidaysFromRules,
  marketHoliday,
} from '../../src/market/market-calendar.ts';

/** The years the shipped table covers; the rules answer for any other. */
const FROM = 2015;
const TO = 2060;

function tableFromRules(): HolidayTable {
  const calendar = (market: 'jp' | 'us') => {
    const dates: Record<IsoDate, string> = {};
    for (let year = FROM; year <= TO; year += 1) {
      for (const [date, name] of holidaysFromRules(market, year)) dates[date] = name;
    }
    return dates;
  };
  return { from: FROM, to: TO, holidays: { jp: calendar('jp'), us: calendar('us') } };
}

describe('the market holiday table', () => {
  const expected = tableFromRules();
  // `UPDATE_HOLIDAY_TABLE=1 npx vitest run test/market/market-holiday-table.test.ts` rewrites it
  // after an upgrade of date-holidays changes a year.
  if (process.env.UPDATE_HOLIDAY_TABLE === '1') {
    writeFileSync(HOLIDAY_TABLE_FILE, `${JSON.stringify(expected, null, 2)}\n`);
  }

  it(`holds exactly what date-holidays' rules give for ${FROM}–${TO}, both calendars`, () => {
    const shipped = JSON.parse(readFileSync(HOLIDAY_TABLE_FILE, 'utf8')) as HolidayTable;
    expect(shipped).toEqual(expected);
  });

  it('answers inside its years without loading the rules, and loads them only for a year outside', () => {
    // A fresh process: date-holidays (every country's rules) must stay unloaded for 2015–2060.
    const script = `
      import { createRequire } from 'node:module';
      import { marketHoliday } from ${JSON.stringify(new URL('../../src/market/market-calendar.ts', import.meta.url).href)};
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((f) => f.includes('/date-holidays/'));
      const inside = [marketHoliday('jp', '2026-05-06'), marketHoliday('us', '2060-12-25'), loaded()];
      const outside = [marketHoliday('jp', '2070-01-01'), loaded()];
      console.log(JSON.stringify({ inside, outside }));
    `;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      encoding: 'utf8',
    });
    expect(JSON.parse(output)).toEqual({
      inside: ['Constitution Day (substitute day)', 'Christmas Day', false],
      outside: ["New Year's Day", true],
    });
  }, 30_000);

  it('answers from the table inside its years and from the rules outside them', () => {
    expect(marketHoliday('jp', '2026-05-06')).toBe('Constitution Day (substitute day)');
    expect(marketHoliday('jp', '2026-12-31')).toBe("New Year's Eve");
    expect(marketHoliday('us', '2026-11-26')).toBe('Thanksgiving Day');
    expect(marketHoliday('us', '2026-11-27')).toBeUndefined();
    expect(marketHoliday('jp', '2070-01-01')).toBe("New Year's Day");
    expect(marketHoliday('us', '2010-07-05')).toBe('Independence Day (substitute day)');
  });
});
