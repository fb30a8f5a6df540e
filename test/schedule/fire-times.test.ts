import { describe, expect, it } from 'vitest';
import { fireTimesBetween, holidayOn, nextFireTimes } from '../../src/schedule/fire-times.ts';
import { ALL_DAYS, type ScheduleRule, WEEKDAYS_MON_FRI } from '../../src/schedule/schedule.ts';

const rule = (time: string, timeZone: string, overrides: Partial<ScheduleRule> = {}): ScheduleRule => ({
  time,
  days: ALL_DAYS,
  timeZone,
  skipHolidays: [],
  ...overrides,
});
const iso = (dates: readonly Date[]) => dates.map((d) => d.toISOString().replace(':00.000Z', 'Z'));

describe('fire times', () => {
  it('fires 07:30 Tokyo on weekdays only, which is 22:30 UTC the evening before', () => {
    const weekdays = rule('07:30', 'Asia/Tokyo', { days: WEEKDAYS_MON_FRI });
    // From Friday 16 Jan 2026 at 08:00 JST: the next five are Monday to Friday of the next week.
    expect(iso(nextFireTimes(weekdays, new Date('2026-01-15T23:00:00Z'), 5))).toEqual([
      '2026-01-18T22:30Z',
      '2026-01-19T22:30Z',
      '2026-01-20T22:30Z',
      '2026-01-21T22:30Z',
      '2026-01-22T22:30Z',
    ]);
  });

  it('counts from any instant, and a fire at exactly that instant is not "next"', () => {
    const daily = rule('07:30', 'Asia/Tokyo');
    expect(iso(nextFireTimes(daily, new Date('2026-01-19T22:30:00Z'), 1))).toEqual(['2026-01-20T22:30Z']);
    expect(iso(nextFireTimes(daily, new Date('2026-01-19T22:29:59.999Z'), 1))).toEqual(['2026-01-19T22:30Z']);
  });

  describe('in New York', () => {
    it('keeps 07:30 local through the March change (12:30 UTC in EST, 11:30 in EDT)', () => {
      const weekdays = rule('07:30', 'America/New_York', { days: WEEKDAYS_MON_FRI });
      expect(iso(nextFireTimes(weekdays, new Date('2026-03-06T00:00:00Z'), 2))).toEqual([
        '2026-03-06T12:30Z',
        '2026-03-09T11:30Z',
      ]);
    });

    it('still fires a 02:30 rule on the spring-forward day, at 03:00 EDT when the clock jumps', () => {
      expect(
        iso(nextFireTimes(rule('02:30', 'America/New_York'), new Date('2026-03-07T00:00:00Z'), 3)),
      ).toEqual([
        '2026-03-07T07:30Z', // 02:30 EST
        '2026-03-08T07:00Z', // 02:30 does not exist on 8 March: 03:00 EDT
        '2026-03-09T06:30Z', // 02:30 EDT
      ]);
    });

    it('fires a 01:30 rule once on the fall-back day, at the first 01:30 (EDT)', () => {
      expect(
        iso(nextFireTimes(rule('01:30', 'America/New_York'), new Date('2026-10-31T00:00:00Z'), 3)),
      ).toEqual([
        '2026-10-31T05:30Z',
        '2026-11-01T05:30Z', // 01:30 EDT; the second 01:30 (EST, 06:30 UTC) is not a second fire
        '2026-11-02T06:30Z',
      ]);
    });

    it('keeps 07:30 local through the November change', () => {
      const weekdays = rule('07:30', 'America/New_York', { days: WEEKDAYS_MON_FRI });
      expect(iso(nextFireTimes(weekdays, new Date('2026-10-30T00:00:00Z'), 2))).toEqual([
        '2026-10-30T11:30Z',
        '2026-11-02T12:30Z',
      ]);
    });
  });

  describe('in London', () => {
    it('fires a 01:30 rule on the spring-forward day at 02:00 BST', () => {
      expect(iso(nextFireTimes(rule('01:30', 'Europe/London'), new Date('2026-03-28T00:00:00Z'), 3))).toEqual(
        [
          '2026-03-28T01:30Z', // GMT
          '2026-03-29T01:00Z', // 01:30 does not exist on 29 March: 02:00 BST
          '2026-03-30T00:30Z', // 01:30 BST
        ],
      );
    });

    it('fires a 01:30 rule once on the fall-back day', () => {
      expect(iso(nextFireTimes(rule('01:30', 'Europe/London'), new Date('2026-10-24T00:00:00Z'), 3))).toEqual(
        [
          '2026-10-24T00:30Z',
          '2026-10-25T00:30Z', // the first 01:30 (BST) only
          '2026-10-26T01:30Z',
        ],
      );
    });

    it('keeps 08:00 local on both sides of each change', () => {
      const daily = rule('08:00', 'Europe/London');
      expect(iso(nextFireTimes(daily, new Date('2026-03-28T12:00:00Z'), 2))).toEqual([
        '2026-03-29T07:00Z',
        '2026-03-30T07:00Z',
      ]);
      expect(iso(nextFireTimes(daily, new Date('2026-10-24T12:00:00Z'), 2))).toEqual([
        '2026-10-25T08:00Z',
        '2026-10-26T08:00Z',
      ]);
    });
  });

  describe('with market holidays', () => {
    it('skips Golden Week in Tokyo with skip:jp', () => {
      const jp = rule('07:30', 'Asia/Tokyo', { days: WEEKDAYS_MON_FRI, skipHolidays: ['jp'] });
      expect(iso(nextFireTimes(jp, new Date('2026-04-27T23:00:00Z'), 4))).toEqual([
        '2026-04-29T22:30Z', // Thu 30 Apr (Wed 29 Apr is Showa Day)
        '2026-04-30T22:30Z', // Fri 1 May
        '2026-05-06T22:30Z', // Thu 7 May (4–6 May are holidays)
        '2026-05-07T22:30Z',
      ]);
      expect(holidayOn(jp, new Date('2026-05-05T22:30:00Z'))).toBe('Constitution Day (substitute day)');
    });

    it('skips the 2–3 January bank holidays in Japan', () => {
      const jp = rule('07:30', 'Asia/Tokyo', { skipHolidays: ['jp'] });
      expect(iso(nextFireTimes(jp, new Date('2025-12-29T00:00:00Z'), 2))).toEqual([
        '2025-12-29T22:30Z', // Tue 30 Dec
        '2026-01-03T22:30Z', // Sun 4 Jan: 31 Dec to 3 Jan are closed
      ]);
    });

    it('skips Thanksgiving and Independence Day (observed) in New York with skip:us', () => {
      const us = rule('08:00', 'America/New_York', { days: WEEKDAYS_MON_FRI, skipHolidays: ['us'] });
      expect(iso(nextFireTimes(us, new Date('2026-11-25T14:00:00Z'), 2))).toEqual([
        '2026-11-27T13:00Z',
        '2026-11-30T13:00Z',
      ]);
      expect(iso(nextFireTimes(us, new Date('2026-07-02T14:00:00Z'), 1))).toEqual(['2026-07-06T12:00Z']);
    });

    it('does not skip a holiday the schedule did not ask about', () => {
      expect(holidayOn(rule('07:30', 'Asia/Tokyo'), new Date('2026-05-04T22:30:00Z'))).toBeUndefined();
    });
  });

  it('lists the fires in a window, oldest first, keeping the latest when there are too many', () => {
    const daily = rule('07:30', 'Asia/Tokyo');
    const from = new Date('2026-01-10T00:00:00Z');
    const to = new Date('2026-01-13T22:30:00Z');
    expect(iso(fireTimesBetween(daily, from, to, 10))).toEqual([
      '2026-01-10T22:30Z',
      '2026-01-11T22:30Z',
      '2026-01-12T22:30Z',
      '2026-01-13T22:30Z',
    ]);
    expect(iso(fireTimesBetween(daily, from, to, 2))).toEqual(['2026-01-12T22:30Z', '2026-01-13T22:30Z']);
  });
});
