import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL the storage tests run against; CI sets it, a developer's default is local. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export interface PostgresProbe {
  readonly available: boolean;
  /** Why the PostgreSQL tests are skipped, when they are. */
  readonly reason: string;
}

/** Connects once to see whether `TEST_DATABASE_URL` answers; never throws. */
export async function probePostgres(timeoutMs = 3_000): Promise<PostgresProbe> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { available: true, reason: '' };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      available: false,
      reason: `PostgreSQL at TEST_DATABASE_URL (${redact(TEST_DATABASE_URL)}) is unreachable: ${message}`,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Logs once, loudly, that a PostgreSQL suite is skipped and why. */
export function reportSkip(suite: string, probe: PostgresProbe): void {
  if (!probe.available) console.warn(`SKIPPED ${suite}: ${probe.reason}`);
}

/**
 * A schema of its own for one test run, so parallel runs and test files never see each other's
 * rows. Pools made here have their `search_path` set to it.
 */
export interface TestSchema {
  readonly name: string;
  pool(max?: number): pg.Pool;
  /** Connection URL whose connections use this schema (for child processes). */
  readonly url: string;
  drop(): Promise<void>;
}

export async function createTestSchema(prefix = 'briefbot_test'): Promise<TestSchema> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${name}`);
  await admin.end();
  const pools: pg.Pool[] = [];
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${name}`);
  return {
    name,
    url: url.toString(),
    pool(max = 10) {
      const pool = new pg.Pool({
        connectionString: TEST_DATABASE_URL,
        options: `-c search_path=${name}`,
        max,
      });
      pool.on('error', () => undefined);
      pools.push(pool);
      return pool;
    },
    async drop() {
      await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      await client.end();
    },
  };
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
