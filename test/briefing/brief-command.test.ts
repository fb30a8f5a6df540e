import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { briefCommand, POST_BRIEF_ACTION_ID, postedBrief } from '../../commands/brief.ts';
import { createBriefbot } from '../../src/app.ts';
import { dispatch } from '../../src/command/dispatch.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/log/logger.ts';
import { renderText } from '../../src/render/render-text.ts';
import { CONSOLE_CALLER } from '../../src/transports/console-transport.ts';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';

let market: FakeMarket;
let bot: ReturnType<typeof createBriefbot>;
beforeAll(async () => {
  market = await startFakeMarket();
  bot = createBriefbot(loadConfig({ ...market.env, SOURCE_TIMEOUT_MS: '300' }), {
    log: createLogger('silent'),
    defaultMetrics: false,
    now: () => new Date('2026-05-01T00:00:00Z'),
  });
});
afterAll(() => market.close());

const context = () => bot.contextFor({ ...CONSOLE_CALLER, platform: 'slack', userId: 'U1', channelId: 'C1' });

describe('/brief', () => {
  it('is in the registry, so every platform offers it', () => {
    expect(bot.commands).toContain(briefCommand);
  });

  it('previews the morning brief to the caller only, with a button to post it to the channel', async () => {
    const { reply, outcome } = await dispatch('/brief', bot.commands, context());
    expect(outcome).toBe('answer');
    expect(reply.visibility).toBe('ephemeral');
    expect(reply.actions).toEqual([{ id: POST_BRIEF_ACTION_ID, label: 'Post to channel', value: 'morning' }]);
    expect(reply.document.title).toBe('Morning brief · Friday, May 1, 2026');
    expect(renderText(reply.document)).toContain('JGB curve (Apr 30, 2026)');
  });

  it('previews the template named, and the action carries its name', async () => {
    const { reply } = await dispatch('/brief Five-Things', bot.commands, context());
    expect(reply.document.title).toMatch(/^Five things to know/);
    expect(reply.actions?.[0]?.value).toBe('five-things');
  });

  it('posts, when the action is taken, the brief of the template the action names', async () => {
    const document = await postedBrief('morning.ja', context());
    expect(document.title).toBe('朝のブリーフィング 2026年5月1日金曜日');
  });

  it('answers an unknown template with the list of templates', async () => {
    const { reply, outcome } = await dispatch('/brief evening', bot.commands, context());
    expect(outcome).toBe('user-error');
    expect(renderText(reply.document)).toContain('There is no template "evening".');
    expect(renderText(reply.document)).toContain('Templates: close, five-things, morning, morning.ja.');
    expect(reply.actions).toBeUndefined();
  });

  it('refuses more than one template', async () => {
    const { outcome, reply } = await dispatch('/brief morning close', bot.commands, context());
    expect(outcome).toBe('user-error');
    expect(reply.document.title).toBe('Give one template at most.');
  });
});
