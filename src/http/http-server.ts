import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log/logger.ts';

/** Request bodies larger than this are refused with 413 before any handler sees them. */
export const MAX_BODY_BYTES = 1_000_000;

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/**
 * The one HTTP server of a briefbot process. Transports mount their routes on it (`/slack/events`,
 * `/discord/interactions`); operations add `/healthz` and `/metrics`. Handlers read their own
 * bodies (signature checks need the raw bytes), but a declared oversize body is refused here.
 */
export interface HttpServer {
  route(method: 'GET' | 'POST', path: string, handler: RouteHandler): void;
  listen(port: number, host: string): Promise<{ port: number }>;
  close(): Promise<void>;
  readonly server: Server;
}

export function createHttpServer(log: Logger): HttpServer {
  const routes = new Map<string, RouteHandler>();
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const handler = routes.get(`${request.method} ${path}`);
    if (!handler) {
      const known = [...routes.keys()].some((key) => key.endsWith(` ${path}`));
      respond(response, known ? 405 : 404, known ? 'method not allowed' : 'not found');
      return;
    }
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      // Close rather than drain: reading a huge body just to discard it is what the limit prevents.
      response.setHeader('connection', 'close');
      respond(response, 413, 'request body too large');
      response.on('finish', () => request.destroy());
      return;
    }
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      log.error({ err: error, path }, 'http handler failed');
      if (!response.headersSent) respond(response, 500, 'internal error');
      else response.end();
    });
  });
  return {
    server,
    route(method, path, handler) {
      routes.set(`${method} ${path}`, handler);
    },
    async listen(port, host) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      });
      return { port: (server.address() as AddressInfo).port };
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}

/** Reads a body up to the limit; rejects with `BodyTooLargeError` past it (chunked uploads included). */
export async function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  constructor() {
    super('request body too large');
  }
}

export function respond(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}
