import type { AlertRepository } from '../alerts/alert-repository.ts';
import type { PriceHistory } from '../alerts/observe-subject.ts';
import type { PastMarketData } from '../briefing/snapshot.ts';
import type { Document } from '../domain/document.ts';
import type { Asset } from '../domain/instruments.ts';
import type { Quote } from '../domain/market-data.ts';
import type { HeadlineSet, Sourced } from '../market/market-service.ts';
import type { Schedule } from '../schedule/schedule.ts';

/**
 * Everything briefbot keeps between restarts and shares between instances, behind one port with
 * one adapter per engine (`createSqliteStore`, `createPostgresStore`). Every method opens the
 * database and runs pending migrations first if that has not happened yet.
 */
export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  readonly schedules: ScheduleRepository;
  readonly deliveries: DeliveryLedger;
  readonly audit: AuditLog;
  readonly alerts: AlertRepository;
  readonly history: MarketHistory;
  readonly briefs: BriefCache;
  readonly signatures: SeenSignatures;
  readonly tokenUsage: TokenUsage;
  /** Opens the database and applies pending migrations; returns the versions it applied. */
  migrate(): Promise<number[]>;
  close(): Promise<void>;
}

/** Digest schedules. `nextFireAt` is the scheduler's watermark: fires before it are in the ledger. */
export interface ScheduleRepository {
  add(schedule: Schedule): Promise<void>;
  get(id: string): Promise<Schedule | undefined>;
  list(platform: string, channelId: string): Promise<Schedule[]>;
  /** Active schedules whose next fire is at or before `now`, oldest first. */
  due(now: Date, limit: number): Promise<Schedule[]>;
  /** Moves the watermark from `expected` to `next` unless someone already did; true when this call moved it. */
  advance(id: string, expected: string, next: string | undefined): Promise<boolean>;
  /**
   * Pauses an active schedule (cancelling its pending deliveries), or resumes one with a new
   * watermark. False when there is no such schedule, or it was already paused.
   */
  setPaused(
    id: string,
    change: { paused: true; reason?: string } | { paused: false; nextFireAt: string | undefined },
  ): Promise<boolean>;
  remove(id: string): Promise<boolean>;
}

export type DeliveryStatus = 'pending' | 'claimed' | 'sent' | 'missed' | 'failed' | 'cancelled';

/** The ledger's key: one brief, for one schedule, at one fire time, to one channel. */
export interface DeliveryKey {
  readonly scheduleId: string;
  /** ISO instant of the fire (the scheduled time, not when it was sent). */
  readonly fireAt: string;
  readonly platform: string;
  readonly channelId: string;
}

/** What a delivery needs to be sent without reading its schedule again. */
export interface DeliveryTarget extends DeliveryKey {
  readonly ownerId: string;
  readonly template: string;
  readonly locale?: string;
  readonly timeZone: string;
  /** Why it was recorded as it was (`missed by 3 h`). */
  readonly note?: string;
}

export interface NewDelivery extends DeliveryTarget {
  readonly status: 'pending' | 'missed';
}

export interface Delivery extends DeliveryTarget {
  readonly status: DeliveryStatus;
  /** How many times it was claimed: more than one means an earlier claimer died or gave it back. */
  readonly attempts: number;
  readonly claimedBy?: string;
  readonly leaseUntil?: string;
  readonly firstClaimedAt?: string;
  readonly messageIds: readonly string[];
  readonly error?: string;
  readonly updatedAt: string;
}

export interface DeliveryOutcome {
  readonly status: 'sent' | 'missed' | 'failed' | 'cancelled';
  readonly messageIds?: readonly string[];
  readonly error?: string;
  readonly note?: string;
}

/**
 * The delivery ledger: one row per (schedule, fire time, channel), so a brief is sent at most
 * once whatever happens. Work moves pending → claimed → sent/failed/missed; a claim whose lease
 * ran out (its process died) can be claimed again.
 */
export interface DeliveryLedger {
  /** Inserts rows that are not there yet; returns how many were new. */
  enqueue(rows: readonly NewDelivery[]): Promise<number>;
  /**
   * For each schedule: inserts the rows of its due fires and moves its watermark from `expected`
   * to `next`, all in one transaction, so rows and watermark never disagree. Rows already there
   * and watermarks someone else moved are left alone. Returns how many pending rows were new, and
   * the new rows recorded as missed.
   */
  enqueueFires(
    batch: readonly {
      scheduleId: string;
      expected: string;
      next: string | undefined;
      rows: readonly NewDelivery[];
    }[],
  ): Promise<{ pending: number; missed: NewDelivery[] }>;
  /**
   * Atomically claims up to `limit` deliveries that are pending or whose lease expired before
   * `now`. Two instances never claim the same row (a unique key on SQLite's single writer,
   * `FOR UPDATE SKIP LOCKED` on PostgreSQL).
   */
  claim(request: { instanceId: string; now: Date; leaseMs: number; limit: number }): Promise<Delivery[]>;
  /** Extends the leases this instance still holds. */
  renew(instanceId: string, keys: readonly DeliveryKey[], leaseUntil: Date): Promise<void>;
  /** Records the outcome if this instance still holds the claim; false when it lost it. */
  finish(key: DeliveryKey, instanceId: string, outcome: DeliveryOutcome, now: Date): Promise<boolean>;
  /** Hands a claim back untouched (on shutdown), so another instance can take it at once. */
  release(key: DeliveryKey, instanceId: string): Promise<void>;
  get(key: DeliveryKey): Promise<Delivery | undefined>;
  list(filter: { scheduleId?: string; status?: DeliveryStatus; limit?: number }): Promise<Delivery[]>;
  /** When this channel last received a scheduled brief before `before`. */
  lastSent(platform: string, channelId: string, before: string): Promise<string | undefined>;
}

export interface AuditEntry {
  readonly at: string;
  readonly platform: string;
  /** Who did it: a user id, or `briefbot` for what the bot did on its own. */
  readonly actorId: string;
  readonly channelId: string;
  /** `digest.add`, `digest.pause`, `digest.auto-pause`, … */
  readonly action: string;
  readonly target: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** Who changed what, when. Append-only. */
export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  list(filter: { target?: string; channelId?: string; limit?: number }): Promise<AuditEntry[]>;
}

/**
 * Market history the sources do not keep: daily closes of prices (for records and σ) and what
 * quotes and headlines looked like on past days (for `brief --as-of`).
 */
export interface MarketHistory extends PriceHistory, PastMarketData {
  recordQuote(asset: Asset, quote: Sourced<Quote>): Promise<void>;
  recordHeadlines(date: string, headlines: Sourced<HeadlineSet>): Promise<void>;
}

/**
 * Briefs composed for one fire time, shared by every instance: the first to compose one stores
 * it, and every channel (on any instance, before or after a restart) gets exactly that document.
 */
export interface BriefCache {
  /** Stores `document` unless one is already stored under this key; returns the stored one. */
  putIfAbsent(fireAt: string, key: string, document: Document): Promise<Document>;
  get(fireAt: string, key: string): Promise<Document | undefined>;
  /** Forgets briefs for fires before `before`; returns how many. */
  prune(before: string): Promise<number>;
}

/**
 * Signatures of requests already accepted, shared by every instance on the store: Slack's replay
 * guard across instances (each instance also keeps its own in memory).
 */
export interface SeenSignatures {
  /**
   * Records `signature` as seen until `expiresAt`; false when it was already recorded, which
   * makes this request a replay. Expired signatures are forgotten as of `now`.
   */
  admit(signature: string, expiresAt: string, now: string): Promise<boolean>;
}

/**
 * Tokens spent on LLM summaries per UTC day (`2026-05-01`), shared by every instance on the store
 * and kept across restarts, so the daily budget is one budget.
 */
export interface TokenUsage {
  /** Adds `tokens` to the day's total, atomically on either engine, and returns the new total. */
  add(day: string, tokens: number): Promise<number>;
  /** The day's total so far; 0 for a day with nothing recorded. */
  total(day: string): Promise<number>;
}
