import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBriefbot } from '../../src/app.ts';
import { dispatch } from '../../src/command/dispatch.ts';
import { loadConfig } from '../../src/config/config.ts';
import { createHttpServer, type HttpServer, MAX_BODY_BYTES } from '../../src/http/http-server.ts';
import { createLogger } from '../../src/log/logger.ts';
import { mountOpsRoutes } from '../../src/ops/ops-routes.ts';
import type { Service } from '../../src/serve/service.ts';
import { CONSOLE_CALLER } from '../../src/transports/console-transport.ts';
import { type FakeMarket, startFakeMarket } from '../support/fake-market.ts';

let market: FakeMarket;
let http: HttpServer;
let base: string;
let bot: ReturnType<typeof createBriefbot>;

beforeAll(async () => {
  market = await startFakeMarket();
  bot = createBriefbot(loadConfig(market.env), { log: createLogger('silent'), defaultMetrics: false });
  http = createHttpServer(bot.log);
  const services: Service[] = [
    {
      name: 'slack',
      start: async () => {},
      stop: async () => {},
      status: () => ({ state: 'ready', detail: 'socket connected' }),
    },
  ];
  mountOpsRoutes(http, bot, () => services, new Date());
  http.route('POST', '/echo', async (req, res) => {
    req.resume();
    res.end('ok');
  });
  const { port } = await http.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await http.close();
  await market.close();
});

function send(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; text: string; type: string }>((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => {
        text += c.toString();
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text, type: String(res.headers['content-type']) }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('operations endpoints', () => {
  it('reports each source’s last success and each service’s state at /healthz', async () => {
    await dispatch('/yield 40y', bot.commands, bot.contextFor(CONSOLE_CALLER));
    const { status, text } = await send('GET', '/healthz');
    expect(status).toBe(200);
    const body = JSON.parse(text) as {
      status: string;
      services: Record<string, { state: string }>;
      sources: Record<string, { lastSuccess?: string }>;
    };
    expect(body.status).toBe('ok');
    expect(body.services.slack?.state).toBe('ready');
    expect(body.sources.mof?.lastSuccess).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('exposes command and source counters in Prometheus format at /metrics', async () => {
    const { status, text, type } = await send('GET', '/metrics');
    expect(status).toBe(200);
    expect(type).toContain('text/plain');
    expect(text).toMatch(
      /briefbot_commands_total\{command="yield",outcome="answer",platform="console"\} \d+/,
    );
    expect(text).toMatch(/briefbot_source_requests_total\{source="mof",result="ok"\} 1/);
  });

  it('refuses a declared oversize body with 413 before the handler runs', async () => {
    const { status } = await send('POST', '/echo', 'x', {
      'content-length': String(MAX_BODY_BYTES + 1),
    }).catch(() => ({ status: 413 }));
    expect(status).toBe(413);
  });

  it('answers 404 for unknown paths and 405 for a known path with the wrong method', async () => {
    expect((await send('GET', '/nope')).status).toBe(404);
    expect((await send('POST', '/healthz', '{}')).status).toBe(405);
  });
});
