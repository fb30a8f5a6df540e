// Run as a child process (node --expose-gc --import tsx) so heap figures are after real collections.
import { createBriefbot } from '../../src/app.ts';
import { dispatch } from '../../src/command/dispatch.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createLogger } from '../../src/log/logger.ts';
import { CONSOLE_CALLER } from '../../src/transports/console-transport.ts';
import { startFakeMarket } from '../support/fake-market.ts';

const durationMs = Number(process.env.SOAK_MS ?? 30_000);
const concurrency = Number(process.env.SOAK_CONCURRENCY ?? 200);
const COMMANDS = [
  '/yield 40y',
  '/yield 10y 2026-01-20',
  '/yield us 10y',
  '/curve vs 1m',
  '/price btc',
  '/headlines',
  '/yield 12y',
  '/help',
];

const gc = (globalThis as { gc?: () => void }).gc;
function heapMb(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const market = await startFakeMarket();
const bot = createBriefbot(loadConfig(market.env), { log: createLogger('silent'), defaultMetrics: false });
const context = bot.contextFor(CONSOLE_CALLER);
for (const line of COMMANDS) await dispatch(line, bot.commands, context);

let served = 0;
let internalErrors = 0;
const samples: number[] = [];
const deadline = Date.now() + durationMs;
const sampler = setInterval(() => samples.push(heapMb()), Math.max(500, durationMs / 10));
await Promise.all(
  Array.from({ length: concurrency }, async (_, worker) => {
    let i = worker;
    while (Date.now() < deadline) {
      const result = await dispatch(COMMANDS[i % COMMANDS.length] ?? '/help', bot.commands, context);
      if (result.outcome === 'internal-error') internalErrors += 1;
      served += 1;
      i += 1;
      // Yield to the event loop like a server between requests would.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }),
);
clearInterval(sampler);
samples.push(heapMb());
await market.close();
process.stdout.write(
  `${JSON.stringify({ served, internalErrors, heapSamplesMb: samples.map((m) => Math.round(m * 10) / 10) })}\n`,
);
