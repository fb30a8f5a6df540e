import { describe, expect, it } from 'vitest';
import { createBriefbot } from '../../src/app.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/log/logger.ts';

const CALLER = { platform: 'slack' as const, userId: 'U1', channelId: 'C42', isManager: false };

describe('a command context', () => {
  const bot = createBriefbot(loadConfig({}), { log: createLogger('silent'), defaultMetrics: false });

  it('builds its logger on first use and keeps it', () => {
    const context = bot.contextFor(CALLER);
    expect(context.log).toBe(context.log);
    expect(typeof context.log.error).toBe('function');
  });

  it('keeps its logger and metrics hook when derived with Object.create', async () => {
    const derived = Object.assign(Object.create(bot.contextFor(CALLER)) as typeof CALLER, {
      timeZone: 'UTC',
    });
    const context = derived as unknown as ReturnType<typeof bot.contextFor>;
    expect(typeof context.log.warn).toBe('function');
    context.observe?.({ command: 'yield', outcome: 'answer', durationMs: 1 });
    expect(await bot.metrics.registry.metrics()).toContain(
      'briefbot_commands_total{command="yield",outcome="answer",platform="slack"} 1',
    );
  });

  it('keeps its metrics hook even when spread', async () => {
    const spread = { ...bot.contextFor({ ...CALLER, platform: 'discord' }) };
    spread.observe?.({ command: 'price', outcome: 'user-error', durationMs: 2 });
    expect(await bot.metrics.registry.metrics()).toContain(
      'briefbot_commands_total{command="price",outcome="user-error",platform="discord"} 1',
    );
  });
});
