import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertRule } from '../../src/alerts/alert-rule.ts';
import { renderSparkline } from '../../src/chart/render-sparkline.ts';
import type { Document } from '../../src/domain/document.ts';
import type { Schedule } from '../../src/schedule/schedule.ts';
import type { DeliveryKey, NewDelivery, Store } from '../../src/store/store.ts';
import { decodePng } from '../chart/decode-png.ts';

/** A fresh, empty store and how to dispose of it. */
export type StoreFactory = () => Promise<{ store: Store; dispose: () => Promise<void> }>;

const T0 = new Date('2026-05-01T22:30:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

export function schedule(id: string, overrides: Partial<Schedule> = {}): Schedule {
  return {
    id,
    platform: 'slack',
    channelId: `C-${id}`,
    ownerId: 'U-owner',
    time: '07:30',
    days: [1, 2, 3, 4, 5],
    timeZone: 'Asia/Tokyo',
    skipHolidays: [],
    template: 'morning',
    paused: false,
    createdAt: '2026-05-01T00:00:00.000Z',
    nextFireAt: T0.toISOString(),
    ...overrides,
  };
}

export function delivery(scheduleId: string, overrides: Partial<NewDelivery> = {}): NewDelivery {
  return {
    scheduleId,
    fireAt: T0.toISOString(),
    platform: 'slack',
    channelId: `C-${scheduleId}`,
    status: 'pending',
    ownerId: 'U-owner',
    template: 'morning',
    timeZone: 'Asia/Tokyo',
    ...overrides,
  };
}

const keyOf = (d: DeliveryKey): DeliveryKey => ({
  scheduleId: d.scheduleId,
  fireAt: d.fireAt,
  platform: d.platform,
  channelId: d.channelId,
});

/** The storage contract, run unchanged against every engine. */
export function describeStoreContract(engine: string, makeStore: StoreFactory): void {
  describe(`the ${engine} store`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ store, dispose } = await makeStore());
    });
    afterEach(() => dispose());

    it('migrates once however often it is asked', async () => {
      const [first, second] = await Promise.all([store.migrate(), store.migrate()]);
      expect(second).toEqual(first);
      expect(await store.schedules.list('slack', 'nowhere')).toEqual([]);
    });

    it('stores schedules and lists them by channel', async () => {
      await store.schedules.add(schedule('a1', { locale: 'ja-JP', skipHolidays: ['jp', 'us'] }));
      await store.schedules.add(schedule('b2', { channelId: 'C-a1', time: '06:00' }));
      await store.schedules.add(schedule('c3', { platform: 'discord', channelId: 'C-a1' }));
      expect(await store.schedules.get('a1')).toEqual(
        schedule('a1', { locale: 'ja-JP', skipHolidays: ['jp', 'us'] }),
      );
      expect((await store.schedules.list('slack', 'C-a1')).map((s) => s.id)).toEqual(['b2', 'a1']);
      expect(await store.schedules.get('zz')).toBeUndefined();
    });

    it('finds due schedules and advances each watermark only once', async () => {
      await store.schedules.add(schedule('due'));
      await store.schedules.add(schedule('later', { nextFireAt: at(60).toISOString() }));
      await store.schedules.add(schedule('paused', { paused: true }));
      expect((await store.schedules.due(T0, 10)).map((s) => s.id)).toEqual(['due']);
      expect(await store.schedules.advance('due', T0.toISOString(), at(1440).toISOString())).toBe(true);
      expect(await store.schedules.advance('due', T0.toISOString(), at(1440).toISOString())).toBe(false);
      expect(await store.schedules.due(T0, 10)).toEqual([]);
    });

    it('cancels pending deliveries when a schedule is paused, and resumes with a new watermark', async () => {
      await store.schedules.add(schedule('p1'));
      await store.deliveries.enqueue([delivery('p1')]);
      expect(await store.schedules.setPaused('p1', { paused: true, reason: 'channel_not_found' })).toBe(true);
      expect(await store.schedules.get('p1')).toMatchObject({
        paused: true,
        pausedReason: 'channel_not_found',
      });
      expect((await store.deliveries.get(keyOf(delivery('p1'))))?.status).toBe('cancelled');
      const next = at(2880).toISOString();
      expect(await store.schedules.setPaused('p1', { paused: false, nextFireAt: next })).toBe(true);
      const resumed = await store.schedules.get('p1');
      expect(resumed).toMatchObject({ paused: false, nextFireAt: next });
      expect(resumed?.pausedReason).toBeUndefined();
      expect(await store.schedules.setPaused('nope', { paused: true })).toBe(false);
    });

    it('removes a schedule', async () => {
      await store.schedules.add(schedule('r1'));
      expect(await store.schedules.remove('r1')).toBe(true);
      expect(await store.schedules.remove('r1')).toBe(false);
      expect(await store.schedules.get('r1')).toBeUndefined();
    });

    it('keys the ledger by schedule, fire time and channel, so a fire is enqueued once', async () => {
      expect(await store.deliveries.enqueue([delivery('s1'), delivery('s2')])).toBe(2);
      expect(
        await store.deliveries.enqueue([delivery('s1'), delivery('s1', { fireAt: at(1).toISOString() })]),
      ).toBe(1);
      expect(await store.deliveries.list({})).toHaveLength(3);
    });

    it('hands a schedule’s due fires to the ledger and moves its watermark in one step, once', async () => {
      await store.schedules.add(schedule('w1'));
      const next = at(1440).toISOString();
      const batch = [
        {
          scheduleId: 'w1',
          expected: T0.toISOString(),
          next,
          rows: [delivery('w1', { status: 'missed', fireAt: at(-1440).toISOString() }), delivery('w1')],
        },
      ];
      const [first, second] = await Promise.all([
        store.deliveries.enqueueFires(batch),
        store.deliveries.enqueueFires(batch),
      ]);
      expect([first.pending + second.pending, first.missed.length + second.missed.length]).toEqual([1, 1]);
      expect((await store.schedules.get('w1'))?.nextFireAt).toBe(next);
      expect((await store.deliveries.list({})).map((d) => d.status)).toEqual(['missed', 'pending']);
    });

    it('gives each pending delivery to exactly one of many concurrent claimers', async () => {
      const rows = Array.from({ length: 120 }, (_, i) => delivery(`s${String(i).padStart(3, '0')}`));
      await store.deliveries.enqueue(rows);
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.deliveries.claim({ instanceId: `i${i}`, now: T0, leaseMs: 60_000, limit: 20 }),
        ),
      );
      const claimed = claims.flat().map((d) => d.scheduleId);
      expect(claimed).toHaveLength(120);
      expect(new Set(claimed).size).toBe(120);
      expect(
        await store.deliveries.claim({ instanceId: 'late', now: T0, leaseMs: 60_000, limit: 20 }),
      ).toEqual([]);
    });

    it('lets a claim whose lease ran out be claimed again, remembering the first claim', async () => {
      await store.deliveries.enqueue([delivery('l1')]);
      const [first] = await store.deliveries.claim({
        instanceId: 'dead',
        now: T0,
        leaseMs: 60_000,
        limit: 5,
      });
      expect(first).toMatchObject({ status: 'claimed', claimedBy: 'dead', attempts: 1 });
      expect(
        await store.deliveries.claim({ instanceId: 'b', now: at(0.5), leaseMs: 60_000, limit: 5 }),
      ).toEqual([]);
      const [again] = await store.deliveries.claim({
        instanceId: 'b',
        now: at(2),
        leaseMs: 60_000,
        limit: 5,
      });
      expect(again).toMatchObject({ claimedBy: 'b', attempts: 2, firstClaimedAt: T0.toISOString() });
      // The dead claimer cannot record an outcome any more; the new one can.
      expect(await store.deliveries.finish(keyOf(delivery('l1')), 'dead', { status: 'sent' }, at(3))).toBe(
        false,
      );
      expect(
        await store.deliveries.finish(
          keyOf(delivery('l1')),
          'b',
          { status: 'sent', messageIds: ['1.2'], note: 'ok' },
          at(3),
        ),
      ).toBe(true);
      expect(await store.deliveries.get(keyOf(delivery('l1')))).toMatchObject({
        status: 'sent',
        messageIds: ['1.2'],
        note: 'ok',
      });
    });

    it('renews a held lease and hands a released claim straight back', async () => {
      await store.deliveries.enqueue([delivery('n1')]);
      await store.deliveries.claim({ instanceId: 'a', now: T0, leaseMs: 60_000, limit: 5 });
      await store.deliveries.renew('a', [keyOf(delivery('n1'))], at(10));
      expect(
        await store.deliveries.claim({ instanceId: 'b', now: at(5), leaseMs: 60_000, limit: 5 }),
      ).toEqual([]);
      await store.deliveries.release(keyOf(delivery('n1')), 'a');
      const [taken] = await store.deliveries.claim({
        instanceId: 'b',
        now: at(5),
        leaseMs: 60_000,
        limit: 5,
      });
      expect(taken?.claimedBy).toBe('b');
    });

    it('never claims missed deliveries, and knows when a channel last got a brief', async () => {
      await store.deliveries.enqueue([
        delivery('m1', { status: 'missed', note: 'missed by 3 h' }),
        delivery('m2', { channelId: 'C-shared', fireAt: at(-1440).toISOString() }),
        delivery('m3', { channelId: 'C-shared' }),
      ]);
      const claimed = await store.deliveries.claim({ instanceId: 'a', now: T0, leaseMs: 60_000, limit: 10 });
      expect(claimed.map((d) => d.scheduleId).sort()).toEqual(['m2', 'm3']);
      for (const d of claimed) await store.deliveries.finish(keyOf(d), 'a', { status: 'sent' }, T0);
      expect(await store.deliveries.lastSent('slack', 'C-shared', T0.toISOString())).toBe(
        at(-1440).toISOString(),
      );
      expect(await store.deliveries.lastSent('slack', 'C-none', T0.toISOString())).toBeUndefined();
      expect((await store.deliveries.list({ status: 'missed' }))[0]).toMatchObject({ note: 'missed by 3 h' });
    });

    it('keeps an audit log, newest first', async () => {
      const entry = { platform: 'slack', actorId: 'U1', channelId: 'C1', target: 'digest:a1' };
      await store.audit.record({
        ...entry,
        at: T0.toISOString(),
        action: 'digest.add',
        detail: { time: '07:30' },
      });
      await store.audit.record({ ...entry, at: at(1).toISOString(), action: 'digest.pause' });
      await store.audit.record({
        ...entry,
        at: at(2).toISOString(),
        action: 'digest.add',
        target: 'digest:b2',
      });
      const log = await store.audit.list({ target: 'digest:a1' });
      expect(log.map((e) => e.action)).toEqual(['digest.pause', 'digest.add']);
      expect(log[1]).toEqual({
        ...entry,
        at: T0.toISOString(),
        action: 'digest.add',
        detail: { time: '07:30' },
      });
    });

    it('stores alert rules and moves their state by compare-and-set', async () => {
      const rule: AlertRule = {
        id: 'a1b2c3',
        platform: 'slack',
        channelId: 'C1',
        createdBy: 'U1',
        createdAt: T0.toISOString(),
        subject: { kind: 'yield', market: 'jp', tenor: '40y' },
        condition: { kind: 'above', level: 4.2 },
      };
      await store.alerts.add(rule);
      expect(await store.alerts.list('slack', 'C1')).toEqual([rule]);
      expect(await store.alerts.transition(rule.id, undefined, { armed: false })).toBe(true);
      expect(await store.alerts.transition(rule.id, undefined, { armed: false })).toBe(false);
      const results = await Promise.all([
        store.alerts.transition(rule.id, { armed: false }, { armed: true }),
        store.alerts.transition(rule.id, { armed: false }, { armed: true }),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.alerts.state(rule.id)).toEqual({ armed: true });
      await store.alerts.recordFiring({
        ruleId: rule.id,
        platform: 'slack',
        channelId: 'C1',
        firedAt: at(5).toISOString(),
        text: 'Alert: JGB 40Y above 4.2%',
      });
      expect(await store.alerts.firedSince('slack', 'C1', T0)).toHaveLength(1);
      expect(await store.alerts.firedSince('slack', 'C1', at(6))).toHaveLength(0);
      expect(await store.alerts.remove('slack', 'C2', rule.id)).toBe(false);
      expect(await store.alerts.remove('slack', 'C1', rule.id)).toBe(true);
      expect(await store.alerts.all()).toEqual([]);
    });

    it("keeps where each daily close came from, the day's last one winning", async () => {
      await store.history.record('wti', '2026-04-28', 61.2);
      await store.history.record('wti', '2026-04-29', 60.1, {
        source: 'yahoo',
        contract: 'Crude Oil May 26',
      });
      await store.history.record('wti', '2026-04-30', 62.5, {
        source: 'yahoo',
        contract: 'Crude Oil Jun 26',
      });
      await store.history.record('wti', '2026-04-30', 62.75, { source: 'fred' });
      expect(await store.history.series('wti')).toEqual([
        { date: '2026-04-28', value: 61.2 },
        { date: '2026-04-29', value: 60.1, source: 'yahoo', contract: 'Crude Oil May 26' },
        { date: '2026-04-30', value: 62.75, source: 'fred' },
      ]);
    });

    it('keeps daily closes and past quotes, with their dates intact', async () => {
      await store.history.record('gold', '2026-04-30', 4_700.5);
      await store.history.record('gold', '2026-04-29', 4_650);
      await store.history.record('gold', '2026-04-30', 4_710.25);
      expect(await store.history.series('gold')).toEqual([
        { date: '2026-04-29', value: 4_650 },
        { date: '2026-04-30', value: 4_710.25 },
      ]);
      const quote = {
        value: {
          asset: 'gold' as const,
          price: 4_710.25,
          asOf: new Date('2026-04-30T20:00:00Z'),
          kind: 'spot' as const,
          source: { id: 'gold-api', name: 'gold-api.com' },
        },
        source: { id: 'gold-api', name: 'gold-api.com' },
        fetchedAt: new Date('2026-04-30T20:01:00Z'),
        stale: false,
      };
      await store.history.recordQuote('gold', quote);
      expect(await store.history.quoteOn('gold', '2026-05-02')).toEqual(quote);
      expect(await store.history.quoteOn('gold', '2026-04-29')).toBeUndefined();
    });

    it('keeps the first brief composed for a fire, images included', async () => {
      const first: Document = {
        title: 'Morning brief',
        blocks: [
          {
            kind: 'image',
            image: {
              name: 'c.png',
              alt: 'curve',
              png: new Uint8Array([137, 80, 78, 71]),
              width: 2,
              height: 1,
            },
          },
        ],
        footer: [],
      };
      const second: Document = { title: 'Another', blocks: [], footer: [] };
      expect(await store.briefs.putIfAbsent(T0.toISOString(), 'morning|en-US|Asia/Tokyo', first)).toEqual(
        first,
      );
      expect(await store.briefs.putIfAbsent(T0.toISOString(), 'morning|en-US|Asia/Tokyo', second)).toEqual(
        first,
      );
      expect(await store.briefs.prune(at(1).toISOString())).toBe(1);
      expect(await store.briefs.get(T0.toISOString(), 'morning|en-US|Asia/Tokyo')).toBeUndefined();
    });

    it('gives back a brief’s chart as the very PNG bytes stored, as a Uint8Array', async () => {
      // A real chart, as the renderer returns it (a Buffer), and a view into the middle of a larger
      // buffer: both must come back as exactly their own bytes.
      const chart = await renderSparkline({ values: [2650.1, 2661.4, 2655.0, 2670.8, 2690.2, 2720.4] });
      const padded = new Uint8Array(chart.png.length + 16);
      padded.set(chart.png, 8);
      const view = padded.subarray(8, 8 + chart.png.length);
      const image = (name: string, png: Uint8Array) => ({
        kind: 'image' as const,
        image: { name, alt: 'Gold, daily closes', png, width: chart.width, height: chart.height },
      });
      const document: Document = {
        title: 'Morning brief',
        blocks: [image('a.png', Buffer.from(chart.png)), image('b.png', view)],
        footer: [],
      };
      await store.briefs.putIfAbsent(T0.toISOString(), 'morning|ja|Asia/Tokyo', document);
      const stored = await store.briefs.get(T0.toISOString(), 'morning|ja|Asia/Tokyo');
      const pngs = (stored?.blocks ?? []).flatMap((b) => (b.kind === 'image' ? [b.image.png] : []));
      expect(pngs).toHaveLength(2);
      for (const png of pngs) {
        expect(png).toBeInstanceOf(Uint8Array);
        expect(Buffer.from(png).equals(Buffer.from(chart.png))).toBe(true);
        expect(decodePng(png)).toMatchObject({ width: chart.width, height: chart.height });
      }
    });

    it('admits a signature once while it is live, on any number of concurrent callers', async () => {
      const at = (seconds: number) => new Date(T0.getTime() + seconds * 1_000).toISOString();
      const verdicts = await Promise.all(
        Array.from({ length: 8 }, () => store.signatures.admit('v0=abc', at(300), at(0))),
      );
      expect(verdicts.filter(Boolean)).toHaveLength(1);
      expect(await store.signatures.admit('v0=abc', at(300), at(299))).toBe(false);
      expect(await store.signatures.admit('v0=def', at(300), at(1))).toBe(true);
      // Once expired, the same signature is a new request again (Slack's own window refuses it first).
      expect(await store.signatures.admit('v0=abc', at(600), at(300))).toBe(true);
      expect(await store.signatures.admit('v0=abc', at(600), at(301))).toBe(false);
    });

    it('adds up a day’s summary tokens from concurrent callers, each day on its own', async () => {
      expect(await store.tokenUsage.total('2026-05-01')).toBe(0);
      const totals = await Promise.all(
        Array.from({ length: 20 }, () => store.tokenUsage.add('2026-05-01', 1_234)),
      );
      // Each add sees its own new total: all different, the last the sum.
      expect(new Set(totals).size).toBe(20);
      expect(Math.max(...totals)).toBe(24_680);
      expect(await store.tokenUsage.total('2026-05-01')).toBe(24_680);
      expect(await store.tokenUsage.add('2026-05-02', 5)).toBe(5);
      expect(await store.tokenUsage.total('2026-05-01')).toBe(24_680);
      // Past 2^31, where a 32-bit column would overflow.
      expect(await store.tokenUsage.add('2026-05-03', 3_000_000_000)).toBe(3_000_000_000);
      expect(await store.tokenUsage.total('2026-05-03')).toBe(3_000_000_000);
    });
  });
}
