import type { Briefbot } from '../app.ts';
import type { HttpServer } from '../http/http-server.ts';
import type { Service, ServiceStatus } from '../serve/service.ts';

/**
 * `GET /healthz`: liveness, with each source's last success and failure and each service's state.
 * It answers 200 while the process can serve; a degraded source is reported, not fatal, because
 * the bot still answers from its cache and labels what is stale.
 */
export function mountOpsRoutes(
  http: HttpServer,
  bot: Briefbot,
  services: () => readonly Service[],
  startedAt: Date,
): void {
  http.route('GET', '/healthz', (_request, response) => {
    const states: Record<string, ServiceStatus> = {};
    for (const service of services()) states[service.name] = service.status?.() ?? { state: 'ready' };
    const body = {
      status: Object.values(states).some((s) => s.state === 'degraded') ? 'degraded' : 'ok',
      uptimeSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      services: states,
      sources: bot.sourceHealth.snapshot(),
    };
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    response.end(JSON.stringify(body));
  });
  http.route('GET', '/metrics', async (_request, response) => {
    const text = await bot.metrics.registry.metrics();
    response.writeHead(200, { 'content-type': bot.metrics.registry.contentType });
    response.end(text);
  });
}
