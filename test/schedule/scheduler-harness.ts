import { type ChannelPoster, DeliveryError, type PostResult } from '../../src/delivery/channel-poster.ts';
import { createPosterRegistry } from '../../src/delivery/poster-registry.ts';
import type { Document } from '../../src/domain/document.ts';
import { createLogger } from '../../src/log/logger.ts';
import type { BriefComposer } from '../../src/schedule/brief-composer.ts';
import type { DeliveryProbe } from '../../src/schedule/delivery-probe.ts';
import type { Schedule } from '../../src/schedule/schedule.ts';
import { createScheduler, type SchedulerDeps } from '../../src/schedule/scheduler.ts';
import type { SchedulerClock } from '../../src/schedule/scheduler-clock.ts';
import { createSqliteStore } from '../../src/store/create-store.ts';
import type { Store } from '../../src/store/store.ts';

/** A clock pinned to an instant; a sleep moves it on at once, so retries take no real time. */
export interface PinnedClock extends SchedulerClock {
  set(at: Date | string): void;
  readonly sleeps: number[];
}

export function pinnedClock(start: Date | string): PinnedClock {
  let now = new Date(start).getTime();
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => new Date(now),
    set(at) {
      now = new Date(at).getTime();
    },
    async sleep(ms) {
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** One message a poster was asked to send. */
export interface Sent {
  readonly channelId: string;
  readonly title: string;
}

export type PostBehaviour = (channelId: string, attempt: number) => 'ok' | DeliveryError;

/** A `ChannelPoster` test double that records what it sent and fails as told. */
export function recordingPoster(behaviour: PostBehaviour = () => 'ok') {
  const sent: Sent[] = [];
  const attempts = new Map<string, number>();
  const poster: ChannelPoster = {
    platform: 'slack',
    async post(channelId: string, document: Document): Promise<PostResult> {
      const attempt = (attempts.get(channelId) ?? 0) + 1;
      attempts.set(channelId, attempt);
      const outcome = behaviour(channelId, attempt);
      if (outcome !== 'ok') throw outcome;
      sent.push({ channelId, title: document.title });
      return { messageIds: [`${sent.length}.000`] };
    },
  };
  return { poster, sent, attempts };
}

export const transient = (channelId: string, retryAfterMs?: number) =>
  new DeliveryError(
    'Slack refused the message (http_503)',
    false,
    { platform: 'slack', channelId, code: 'http_503' },
    retryAfterMs === undefined ? {} : { retryAfterMs },
  );

export const permanent = (channelId: string, code = 'channel_not_found') =>
  new DeliveryError(`Slack refused the message (${code})`, true, { platform: 'slack', channelId, code });

/** A composer double: a brief titled after the fire and template, counting compositions. */
export function stubComposer(): BriefComposer {
  const counts = { snapshots: 0, compositions: 0 };
  return {
    counts,
    async compose(target) {
      counts.compositions += 1;
      return { title: `${target.template} brief for ${target.fireAt}`, blocks: [], footer: [] };
    },
    forget() {},
  };
}

/** A probe double that answers from a set of channels "already posted to". */
export function stubProbe(postedTo: Set<string>) {
  const asked: string[] = [];
  const probe: DeliveryProbe = {
    async findPosted(channelId) {
      asked.push(channelId);
      return postedTo.has(channelId) ? ['9.999'] : undefined;
    },
  };
  return { probe, asked };
}

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
    createdAt: '2026-04-01T00:00:00.000Z',
    ...overrides,
  };
}

export const silentLog = createLogger('silent');

/** A scheduler on an in-memory SQLite store with test doubles everywhere else. */
export function harness(options: {
  clock: PinnedClock;
  poster?: ChannelPoster;
  store?: Store;
  probe?: DeliveryProbe;
  overrides?: Partial<SchedulerDeps>;
}) {
  const store = options.store ?? createSqliteStore(':memory:');
  const posters = createPosterRegistry();
  if (options.poster) posters.register(options.poster);
  const composer = stubComposer();
  const scheduler = createScheduler({
    store,
    posters,
    composer,
    log: silentLog,
    clock: options.clock,
    graceMs: 30 * 60_000,
    retry: { initialDelayMs: 1_000, maxDelayMs: 60_000 },
    ...(options.probe ? { probes: { slack: options.probe } } : {}),
    ...options.overrides,
  });
  return { store, scheduler, composer };
}
