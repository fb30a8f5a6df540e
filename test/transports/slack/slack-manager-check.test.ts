import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log/logger.ts';
import { createSlackManagerCheck } from '../../../src/transports/slack/slack-manager-check.ts';
import { createSlackWebClient } from '../../../src/transports/slack/slack-web-client.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../../support/fake-slack-api.ts';

let slack: FakeSlackApi;
let clock = 0;
beforeEach(async () => {
  slack = await startFakeSlackApi();
  slack.setUser('U0ADMIN', { is_admin: true });
  slack.setUser('U0OWNER', { is_owner: true });
  slack.setUser('U0TRADER', {});
  slack.setUser('U0GONE', { is_admin: true, deleted: true });
  clock = 0;
});
afterEach(() => slack.close());

function check(managerIds: string[] = []) {
  const client = createSlackWebClient({
    token: 'xoxb-test',
    apiUrl: slack.apiUrl,
    retryConfig: { ...webApi.retryPolicies.rapidRetryPolicy, retries: 0 },
    log: createLogger('silent'),
  });
  return createSlackManagerCheck({
    client,
    managerIds,
    log: createLogger('silent'),
    ttlMs: 60_000,
    now: () => clock,
  });
}

describe('Slack manager check', () => {
  it('counts workspace admins and owners as managers, and nobody else', async () => {
    const managers = check();
    expect(await managers.isManager('U0ADMIN')).toBe(true);
    expect(await managers.isManager('U0OWNER')).toBe(true);
    expect(await managers.isManager('U0TRADER')).toBe(false);
    expect(await managers.isManager('U0GONE')).toBe(false);
  });

  it('trusts SLACK_MANAGER_IDS without asking Slack', async () => {
    expect(await check(['U0TRADER']).isManager('U0TRADER')).toBe(true);
    expect(slack.callsTo('users.info')).toHaveLength(0);
  });

  it('asks Slack once per user within the cache lifetime, and again after it', async () => {
    const managers = check();
    await Promise.all([managers.isManager('U0ADMIN'), managers.isManager('U0ADMIN')]);
    await managers.isManager('U0ADMIN');
    expect(slack.callsTo('users.info')).toHaveLength(1);
    clock += 60_001;
    await managers.isManager('U0ADMIN');
    expect(slack.callsTo('users.info')).toHaveLength(2);
  });

  it('answers no when users.info fails, and asks again after a short while', async () => {
    const managers = check();
    slack.failNext('users.info', { error: 'missing_scope' });
    expect(await managers.isManager('U0ADMIN')).toBe(false);
    expect(await managers.isManager('U0ADMIN')).toBe(false);
    expect(slack.callsTo('users.info')).toHaveLength(1);
    clock += 30_001;
    expect(await managers.isManager('U0ADMIN')).toBe(true);
  });
});
