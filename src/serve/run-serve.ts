import type { Briefbot } from '../app.ts';
import { createHttpServer } from '../http/http-server.ts';
import { mountOpsRoutes } from '../ops/ops-routes.ts';
import { runConsoleTransport } from '../transports/console-transport.ts';
import type { Service } from './service.ts';
import { SERVICE_FACTORIES } from './service-factories.ts';

export interface ServeIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
}

/** A shutdown that takes longer than this is cut short: a supervisor expects the process to go. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

/** True when a chat platform is configured; otherwise `serve` runs the console transport. */
export function hasPlatform(bot: Briefbot): boolean {
  const c = bot.config;
  return Boolean(c.SLACK_BOT_TOKEN || c.DISCORD_TOKEN || c.DISCORD_PUBLIC_KEY);
}

/**
 * Starts every configured service and the HTTP server, then waits for SIGTERM or SIGINT. With no
 * platform configured, runs the console transport instead and returns when its input ends.
 */
export async function runServe(bot: Briefbot, io: ServeIo, signal: AbortSignal): Promise<void> {
  if (!hasPlatform(bot)) {
    await runConsoleTransport(bot, io.stdin, io.stdout);
    return;
  }
  const http = createHttpServer(bot.log);
  const services = SERVICE_FACTORIES.map((factory) => factory({ bot, http })).filter(
    (s): s is Service => s !== undefined,
  );
  const started: Service[] = [];
  mountOpsRoutes(http, bot, () => started, new Date());
  try {
    for (const service of services) {
      await service.start();
      started.push(service);
      bot.log.info({ service: service.name }, 'service started');
    }
    const { port } = await http.listen(bot.config.PORT, bot.config.HOST);
    bot.log.info({ port, services: started.map((s) => s.name) }, 'briefbot ready');
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    bot.log.info('shutting down');
    // Force the exit if a service hangs; unref'd so a clean shutdown is not held up by the timer.
    const deadline = setTimeout(() => {
      bot.log.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out; exiting');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    await http.close();
    for (const service of started.reverse()) {
      await service
        .stop()
        .catch((error: unknown) =>
          bot.log.error({ err: error, service: service.name }, 'service did not stop cleanly'),
        );
    }
    clearTimeout(deadline);
    bot.log.info('stopped');
  }
}
