import { describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/store/create-store.ts';
import { createTestSchema, probePostgres, reportSkip } from './postgres-test-database.ts';
import { describeStoreContract } from './store-suite.ts';

const probe = await probePostgres();
reportSkip('PostgreSQL store contract', probe);

describe.skipIf(!probe.available)('on PostgreSQL (TEST_DATABASE_URL)', () => {
  describeStoreContract('PostgreSQL', async () => {
    const schema = await createTestSchema();
    const store = createPostgresStore(schema.pool());
    await store.migrate();
    return { store, dispose: () => schema.drop() };
  });

  it('lets exactly one of several instances starting together apply the migrations', async () => {
    const schema = await createTestSchema();
    try {
      const stores = Array.from({ length: 4 }, () => createPostgresStore(schema.pool(2)));
      const applied = await Promise.all(stores.map((s) => s.migrate()));
      expect(applied.filter((versions) => versions.length > 0)).toEqual([[1, 2, 3, 4]]);
      expect(await createPostgresStore(schema.pool(1)).migrate()).toEqual([]);
    } finally {
      await schema.drop();
    }
  });
});
