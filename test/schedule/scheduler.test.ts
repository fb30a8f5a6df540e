import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/create-store.ts';
import {
  harness,
  permanent,
  pinnedClock,
  recordingPoster,
  schedule,
  stubProbe,
  transient,
} from './scheduler-harness.ts';

// Friday 1 May 2026, 07:30 in Tokyo.
const FIRE = '2026-04-30T22:30:00.000Z';
const NEXT_FIRE = '2026-05-03T22:30:00.000Z'; // Monday 4 May, 07:30 JST
const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);

async function seeded(ids: readonly string[], clockAt: string | Date, poster = recordingPoster()) {
  const clock = pinnedClock(clockAt);
  const h = harness({ clock, poster: poster.poster });
  for (const id of ids) await h.store.schedules.add(schedule(id, { nextFireAt: FIRE }));
  return { ...h, clock, ...poster };
}

describe('the scheduler', () => {
  it('sends each due brief once at its fire time, and not again on later ticks', async () => {
    const { scheduler, store, sent, clock } = await seeded(['a', 'b', 'c'], plus(FIRE, 1_000));
    await scheduler.tick();
    expect(sent.map((s) => s.channelId).sort()).toEqual(['C-a', 'C-b', 'C-c']);
    clock.set(plus(FIRE, 61_000));
    await scheduler.tick();
    expect(sent).toHaveLength(3);
    expect((await store.deliveries.list({ status: 'sent' })).map((d) => d.fireAt)).toEqual([
      FIRE,
      FIRE,
      FIRE,
    ]);
    expect((await store.schedules.get('a'))?.nextFireAt).toBe(NEXT_FIRE);
  });

  it('sends nothing before the fire time', async () => {
    const { scheduler, sent, store } = await seeded(['a'], plus(FIRE, -1_000));
    await scheduler.tick();
    expect(sent).toEqual([]);
    expect(await store.deliveries.list({})).toEqual([]);
  });

  it('still sends a brief that is late within the grace window', async () => {
    const { scheduler, sent } = await seeded(['a'], plus(FIRE, 29 * 60_000));
    await scheduler.tick();
    expect(sent).toHaveLength(1);
  });

  it('records a fire missed by more than the grace window as missed, sends nothing late, and keeps the next', async () => {
    const { scheduler, sent, store, clock } = await seeded(['a'], plus(FIRE, 31 * 60_000));
    await scheduler.tick();
    expect(sent).toEqual([]);
    const [missed] = await store.deliveries.list({ status: 'missed' });
    expect(missed).toMatchObject({ fireAt: FIRE, note: expect.stringContaining('past the grace window') });
    clock.set(plus(NEXT_FIRE, 5_000));
    await scheduler.tick();
    expect(sent).toHaveLength(1);
  });

  it('records every fire missed during a long outage once, and sends none of them', async () => {
    const { scheduler, sent, store } = await seeded(['a'], '2026-05-08T12:00:00.000Z');
    await scheduler.tick();
    await scheduler.tick();
    expect(sent).toEqual([]);
    // Fri 1 May, then Mon 4 to Fri 8 May: six weekday fires, each recorded once.
    expect((await store.deliveries.list({ status: 'missed' })).map((d) => d.fireAt.slice(0, 10))).toEqual([
      '2026-04-30',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      '2026-05-06',
      '2026-05-07',
    ]);
    expect((await store.schedules.get('a'))?.nextFireAt).toBe('2026-05-10T22:30:00.000Z');
  });

  it('retries a transient failure with backoff, at least as long as Retry-After, until it is sent', async () => {
    const poster = recordingPoster((channel, attempt) => (attempt < 3 ? transient(channel, 5_000) : 'ok'));
    const { scheduler, sent, store, clock } = await seeded(['a'], plus(FIRE, 1_000), poster);
    await scheduler.tick();
    expect(sent).toHaveLength(1);
    expect(clock.sleeps).toHaveLength(2);
    for (const ms of clock.sleeps) expect(ms).toBeGreaterThanOrEqual(5_000);
    expect((await store.deliveries.list({}))[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('gives up when retries would run past the grace window, and records why', async () => {
    const poster = recordingPoster((channel) => transient(channel));
    const { scheduler, sent, store, clock } = await seeded(['a'], plus(FIRE, 1_000), poster);
    await scheduler.tick();
    expect(sent).toEqual([]);
    expect(clock.now().getTime()).toBeLessThanOrEqual(plus(FIRE, 30 * 60_000).getTime());
    const [failed] = await store.deliveries.list({});
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringContaining('gave up after') });
    expect((await store.schedules.get('a'))?.paused).toBe(false);
  });

  it('pauses a schedule whose channel is gone, audits it, and tells its owner', async () => {
    const poster = recordingPoster((channel) => (channel === 'C-gone' ? permanent(channel) : 'ok'));
    const clock = pinnedClock(plus(FIRE, 1_000));
    const { scheduler, store } = harness({ clock, poster: poster.poster });
    await store.schedules.add(schedule('gone', { nextFireAt: FIRE, ownerId: 'U-desk-head' }));
    await store.schedules.add(schedule('fine', { nextFireAt: FIRE }));
    await scheduler.tick();
    expect(poster.sent.map((s) => s.channelId).sort()).toEqual(['C-fine', 'U-desk-head']);
    expect(poster.sent.find((s) => s.channelId === 'U-desk-head')?.title).toBe(
      'Digest gone paused: channel C-gone cannot receive it',
    );
    expect(await store.schedules.get('gone')).toMatchObject({
      paused: true,
      pausedReason: 'channel_not_found',
    });
    expect((await store.audit.list({ target: 'digest:gone' }))[0]).toMatchObject({
      action: 'digest.auto-pause',
      actorId: 'briefbot',
      detail: { reason: 'channel_not_found', owner: 'U-desk-head' },
    });
    clock.set(plus(NEXT_FIRE, 1_000));
    await scheduler.tick();
    expect(poster.sent.filter((s) => s.channelId === 'C-gone')).toEqual([]);
  });

  it('records a refusal that is not about the channel (a dead token) as failed, and keeps the schedule active', async () => {
    const poster = recordingPoster((channel) => permanent(channel, 'invalid_auth'));
    const { scheduler, store, sent } = await seeded(['a'], plus(FIRE, 1_000), poster);
    await scheduler.tick();
    expect(sent).toEqual([]);
    expect((await store.deliveries.list({}))[0]).toMatchObject({ status: 'failed' });
    expect((await store.schedules.get('a'))?.paused).toBe(false);
    expect(await store.audit.list({})).toEqual([]);
  });

  it('re-claims a dead instance’s delivery after its lease, and records one the probe finds instead of resending', async () => {
    const store = createSqliteStore(':memory:');
    await store.schedules.add(schedule('a', { nextFireAt: FIRE }));
    await store.schedules.add(schedule('b', { nextFireAt: FIRE }));
    // An instance enqueued and claimed both, posted to C-a, and died before recording anything.
    const dead = harness({ clock: pinnedClock(plus(FIRE, 1_000)), store });
    await store.deliveries.enqueue(
      ['a', 'b'].map((id) => ({
        scheduleId: id,
        fireAt: FIRE,
        platform: 'slack',
        channelId: `C-${id}`,
        status: 'pending' as const,
        ownerId: 'U',
        template: 'morning',
        timeZone: 'Asia/Tokyo',
      })),
    );
    await store.deliveries.claim({
      instanceId: dead.scheduler.instanceId,
      now: plus(FIRE, 1_000),
      leaseMs: 120_000,
      limit: 10,
    });

    const poster = recordingPoster();
    const { probe, asked } = stubProbe(new Set(['C-a']));
    const clock = pinnedClock(plus(FIRE, 60_000));
    const restarted = harness({ clock, poster: poster.poster, store, probe });
    await restarted.scheduler.tick();
    expect(poster.sent).toEqual([]); // the leases have not run out yet
    clock.set(plus(FIRE, 122_000));
    await restarted.scheduler.tick();
    expect(asked.sort()).toEqual(['C-a', 'C-b']);
    expect(poster.sent.map((s) => s.channelId)).toEqual(['C-b']);
    const rows = await store.deliveries.list({});
    expect(rows.map((r) => [r.channelId, r.status, r.attempts])).toEqual([
      ['C-a', 'sent', 2],
      ['C-b', 'sent', 2],
    ]);
    expect(rows[0]?.note).toContain('earlier attempt');
  });

  it('lets two schedulers on one store tick together and still sends each brief once', async () => {
    const store = createSqliteStore(':memory:');
    for (let i = 0; i < 60; i += 1) await store.schedules.add(schedule(`s${i}`, { nextFireAt: FIRE }));
    const poster = recordingPoster();
    const one = harness({ clock: pinnedClock(plus(FIRE, 1_000)), poster: poster.poster, store });
    const two = harness({ clock: pinnedClock(plus(FIRE, 2_000)), poster: poster.poster, store });
    await Promise.all([one.scheduler.tick(), two.scheduler.tick(), one.scheduler.tick()]);
    expect(poster.sent).toHaveLength(60);
    expect(new Set(poster.sent.map((s) => s.channelId)).size).toBe(60);
  });

  it('sends nothing for a paused schedule and, once resumed, starts from the next fire', async () => {
    const { scheduler, store, sent, clock } = await seeded(['a'], plus(FIRE, -60_000));
    await store.schedules.setPaused('a', { paused: true });
    clock.set(plus(FIRE, 1_000));
    await scheduler.tick();
    expect(sent).toEqual([]);
    await store.schedules.setPaused('a', { paused: false, nextFireAt: NEXT_FIRE });
    clock.set(plus(NEXT_FIRE, 1_000));
    await scheduler.tick();
    expect(sent).toHaveLength(1);
  });

  it('gives a delivery waiting to retry back to the ledger when it stops', async () => {
    const poster = recordingPoster((channel) => transient(channel));
    const clock = pinnedClock(plus(FIRE, 1_000));
    // This clock's sleeps wait until the scheduler stops.
    const waiting = {
      ...clock,
      sleep: (_ms: number, signal?: AbortSignal) =>
        new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve())),
    };
    const { scheduler, store } = harness({ clock: waiting as typeof clock, poster: poster.poster });
    await store.schedules.add(schedule('a', { nextFireAt: FIRE }));
    const ticking = scheduler.tick();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await scheduler.stop();
    await ticking;
    expect((await store.deliveries.list({}))[0]).toMatchObject({ status: 'pending' });
    expect((await store.deliveries.list({}))[0]?.claimedBy).toBeUndefined();
  });
});
