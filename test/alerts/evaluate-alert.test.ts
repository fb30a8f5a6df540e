import { describe, expect, it } from 'vitest';
import type { AlertCondition, AlertRule, AlertState, AlertSubject } from '../../src/alerts/alert-rule.ts';
import { INITIAL_STATE } from '../../src/alerts/alert-rule.ts';
import { ALERT_TUNING, type AlertObservation, evaluateAlert } from '../../src/alerts/evaluate-alert.ts';

const JGB_40Y: AlertSubject = { kind: 'yield', market: 'jp', tenor: '40y' };

function rule(condition: AlertCondition, subject: AlertSubject = JGB_40Y): AlertRule {
  return {
    id: 'r1',
    platform: 'slack',
    channelId: 'C1',
    createdBy: 'U1',
    createdAt: '2026-01-01T00:00:00Z',
    subject,
    condition,
  };
}

/** Runs a pinned sequence of observations, one hour apart, and returns the indexes that fired. */
function firings(r: AlertRule, observations: readonly Partial<AlertObservation>[], hoursApart = 1): number[] {
  let state: AlertState = INITIAL_STATE;
  const fired: number[] = [];
  observations.forEach((o, i) => {
    const now = new Date(Date.parse('2026-01-20T00:00:00Z') + i * hoursApart * 3_600_000);
    const observation = { key: `k${i}`, value: 0, asOf: now.toISOString(), source: 's', ...o };
    const result = evaluateAlert(r, state, observation, now);
    state = result.state;
    if (result.fired) fired.push(i);
  });
  return fired;
}

describe('level alerts', () => {
  it('fire once per crossing, not on every observation above the level', () => {
    const values = [4.1, 4.21, 4.25, 4.3, 4.22].map((value) => ({ value }));
    expect(firings(rule({ kind: 'above', level: 4.2 }), values)).toEqual([1]);
  });

  it('do not re-fire while the value wobbles around the level within the hysteresis band', () => {
    const values = [4.19, 4.21, 4.199, 4.201, 4.185, 4.21].map((value) => ({ value }));
    expect(firings(rule({ kind: 'above', level: 4.2 }), values, 24)).toEqual([1]);
  });

  it('fire again after the value retreats past the band and crosses anew, once the cooldown is over', () => {
    const values = [4.1, 4.21, 4.17, 4.22].map((value) => ({ value }));
    expect(firings(rule({ kind: 'above', level: 4.2 }), values, 24)).toEqual([1, 3]);
  });

  it('hold a new crossing during the cooldown and report it once the cooldown ends', () => {
    const hours = ALERT_TUNING.cooldownMs / 3_600_000;
    const values = [4.21, 4.17, 4.22, 4.23, ...Array.from({ length: hours }, () => 4.23)].map((value) => ({
      value,
    }));
    const fired = firings(rule({ kind: 'above', level: 4.2 }), values);
    expect(fired).toEqual([0, hours]);
  });

  it('work downwards for below, with the hysteresis as a fraction of the level for prices', () => {
    const gold: AlertSubject = { kind: 'price', asset: 'gold' };
    // 0.5% of 4,000 is 20: re-arming needs a close above 4,020.
    const values = [4010, 3990, 4010, 3995, 4030, 3990].map((value) => ({ value }));
    expect(firings(rule({ kind: 'below', level: 4000 }, gold), values, 24)).toEqual([1, 5]);
  });
});

describe('event alerts', () => {
  it('fire a move alert once per observation, even when evaluated again', () => {
    const r = rule({ kind: 'move', size: 10 });
    const first = evaluateAlert(
      r,
      INITIAL_STATE,
      { key: '2026-01-20', value: 3.901, change: 18, asOf: '2026-01-20', source: 'MOF' },
      new Date('2026-01-20T10:00:00Z'),
    );
    expect(first.fired).toBeDefined();
    const again = evaluateAlert(
      r,
      first.state,
      { key: '2026-01-20', value: 3.901, change: 18, asOf: '2026-01-20', source: 'MOF' },
      new Date('2026-01-21T10:00:00Z'),
    );
    expect(again.fired).toBeUndefined();
  });

  it('compare the absolute move, so a fall fires too', () => {
    expect(firings(rule({ kind: 'move', size: 10 }), [{ change: -12 }], 24)).toEqual([0]);
    expect(firings(rule({ kind: 'move', size: 10 }), [{ change: 9.9 }], 24)).toEqual([]);
  });

  it('fire a sigma alert from the sigma figure the analytics define', () => {
    expect(
      firings(rule({ kind: 'sigma', size: 3 }), [{ sigma: 2.9 }, { sigma: -3.1 }, { sigma: 5.96 }], 24),
    ).toEqual([1, 2]);
  });

  it('fire a record alert on a series record, and a years alert on a long enough stretch', () => {
    const record = {
      highest: { since: '2007-11-06', record: true },
      lowest: { since: '2026-01-19', record: false },
    };
    const stretch = {
      highest: { since: '1999-02-05', record: false },
      lowest: { since: '2026-01-19', record: false },
    };
    expect(firings(rule({ kind: 'record' }), [stretch, record], 24)).toEqual([1]);
    expect(firings(rule({ kind: 'record', years: 20 }), [stretch], 24)).toEqual([0]);
    expect(firings(rule({ kind: 'record', years: 30 }), [stretch], 24)).toEqual([]);
  });

  it('count a stretch in years up to the observation, not up to now, so a feed behind stretches nothing', () => {
    const stretch = {
      highest: { since: '2025-01-02', record: false },
      lowest: { since: '2026-01-19', record: false },
    };
    // Observed on 2025-12-20, evaluated weeks later: under a year, though over one by now.
    const late = { ...stretch, asOf: '2025-12-20' };
    expect(firings(rule({ kind: 'record', years: 1 }), [late], 24)).toEqual([]);
    expect(firings(rule({ kind: 'record', years: 1 }), [{ ...stretch, asOf: '2026-01-20' }], 24)).toEqual([
      0,
    ]);
  });

  it('never call the top of a partly loaded history a series record, only a stretch at least that long', () => {
    const usTop = {
      highest: { since: '2025-01-02', record: false, atLeast: true },
      lowest: { since: '2026-01-19', record: false },
      asOf: '2026-01-20',
    };
    expect(firings(rule({ kind: 'record' }), [usTop], 24)).toEqual([]);
    expect(firings(rule({ kind: 'record', years: 1 }), [usTop], 24)).toEqual([0]);
    expect(firings(rule({ kind: 'record', years: 2 }), [usTop], 24)).toEqual([]);
  });
});
