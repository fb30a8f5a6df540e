import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  readonly method: string;
  /** Path with query string, as the client sent it. */
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Buffer;
}

export interface FakeResponse {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
  /** Wait before answering, to simulate a slow source or a timeout. */
  readonly delayMs?: number;
}

export type FakeHandler = (request: FakeRequest) => FakeResponse | Promise<FakeResponse>;

/**
 * A real HTTP server on 127.0.0.1 that stands in for a remote service. Routes match on the path
 * without the query string; unmatched requests get 404. Every request is recorded.
 */
export interface FakeHttpServer {
  readonly baseUrl: string;
  readonly requests: FakeRequest[];
  route(path: string, handler: FakeHandler | FakeResponse): void;
  /** Answers the next calls to a path in turn, repeating the last one. */
  sequence(path: string, responses: readonly FakeResponse[]): void;
  countFor(path: string): number;
  close(): Promise<void>;
}

export async function startFakeHttpServer(): Promise<FakeHttpServer> {
  const routes = new Map<string, FakeHandler>();
  const requests: FakeRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      requests.push(request);
      void answer(request, res);
    });
  });

  async function answer(request: FakeRequest, res: ServerResponse): Promise<void> {
    const path = request.url.split('?')[0] ?? '/';
    const handler = routes.get(path);
    const response: FakeResponse = handler ? await handler(request) : { status: 404, body: 'not found' };
    if (response.delayMs) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
    if (res.destroyed) return;
    res.writeHead(response.status ?? 200, response.headers ?? {});
    res.end(response.body ?? '');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    route(path, handler) {
      routes.set(path, typeof handler === 'function' ? handler : () => handler);
    },
    sequence(path, responses) {
      let index = 0;
      routes.set(path, () => {
        const response = responses[Math.min(index, responses.length - 1)] ?? { status: 500 };
        index += 1;
        return response;
      });
    },
    countFor(path) {
      return requests.filter((r) => (r.url.split('?')[0] ?? '') === path).length;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
