import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore, createStore, sqlitePath } from '../../src/store/create-store.ts';
import { describeStoreContract } from './store-suite.ts';

const dir = mkdtempSync(join(tmpdir(), 'briefbot-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describeStoreContract('SQLite', async () => {
  n += 1;
  const store = createSqliteStore(join(dir, `contract-${n}.db`));
  await store.migrate();
  return { store, dispose: () => store.close() };
});

describe('the SQLite file', () => {
  it('is created with its folder on first use, not before, in WAL mode', async () => {
    const path = join(dir, 'nested', 'data', 'briefbot.db');
    const store = createStore(`sqlite:${path}`);
    expect(existsSync(path)).toBe(false);
    expect(await store.migrate()).toEqual([1, 2, 3, 4]);
    expect(existsSync(path)).toBe(true);
    await store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.prepare('SELECT version FROM schema_migrations').all()).toEqual([
      { version: 1 },
      { version: 2 },
      { version: 3 },
      { version: 4 },
    ]);
    raw.close();
    const reopened = createStore(`sqlite:${path}`);
    expect(await reopened.migrate()).toEqual([]);
    await reopened.close();
  });

  it('understands the DATABASE_URL forms', () => {
    expect(sqlitePath('sqlite:./data/briefbot.db')).toBe('./data/briefbot.db');
    expect(sqlitePath('sqlite:///var/lib/briefbot.db')).toBe('/var/lib/briefbot.db');
    expect(sqlitePath('sqlite::memory:')).toBe(':memory:');
    expect(createStore('sqlite::memory:').engine).toBe('sqlite');
    expect(createStore('postgres://u@127.0.0.1:1/x').engine).toBe('postgres');
  });
});
