import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { FAKE_APPLICATION_ID, FAKE_BOT_USER_ID } from './fake-discord-rest.ts';

/** A gateway frame as the client sent it. */
export interface GatewayFrame {
  readonly op: number;
  readonly d: unknown;
  readonly s?: number | null;
  readonly t?: string | null;
}

/**
 * A fake Discord gateway on 127.0.0.1 speaking the real protocol (JSON encoding, no compression):
 * HELLO on connect, READY after IDENTIFY, every heartbeat acknowledged, and dispatches on demand.
 */
export interface FakeDiscordGateway {
  readonly url: string;
  /** Every frame clients sent, in order. */
  readonly received: GatewayFrame[];
  readonly heartbeatAcks: () => number;
  /** Sends a dispatch (op 0) to every connected client, with the next sequence number. */
  dispatch(event: string, data: unknown): void;
  /** Resolves with the `count`-th frame of this opcode (the first by default). */
  waitFor(op: number, count?: number, timeoutMs?: number): Promise<GatewayFrame>;
  close(): Promise<void>;
}

export interface FakeGatewayOptions {
  /** Short, so a test sees several heartbeats; Discord's own is about 41 s. */
  readonly heartbeatIntervalMs?: number;
}

export async function startFakeDiscordGateway(options: FakeGatewayOptions = {}): Promise<FakeDiscordGateway> {
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 250;
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const received: GatewayFrame[] = [];
  const waiters: { op: number; count: number; resolve: (frame: GatewayFrame) => void }[] = [];
  const framesOf = (op: number) => received.filter((frame) => frame.op === op);
  const sockets = new Set<WebSocket>();
  let sequence = 0;
  let acks = 0;

  const send = (socket: WebSocket, frame: object) => socket.send(JSON.stringify(frame));
  const dispatchTo = (socket: WebSocket, event: string, data: unknown) => {
    sequence += 1;
    send(socket, { op: 0, s: sequence, t: event, d: data });
  };

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    send(socket, { op: 10, s: null, t: null, d: { heartbeat_interval: heartbeatIntervalMs } });
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as GatewayFrame;
      received.push(frame);
      for (const waiter of waiters.filter((w) => w.op === frame.op && framesOf(w.op).length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(frame);
      }
      switch (frame.op) {
        case 1:
          acks += 1;
          send(socket, { op: 11, s: null, t: null, d: null });
          return;
        case 2:
          dispatchTo(socket, 'READY', {
            v: 10,
            user: { id: FAKE_BOT_USER_ID, username: 'briefbot', discriminator: '0', avatar: null, bot: true },
            guilds: [],
            session_id: 'fake-session-1',
            resume_gateway_url: url,
            shard: [0, 1],
            application: { id: FAKE_APPLICATION_ID, flags: 0 },
          });
          return;
        case 6:
          dispatchTo(socket, 'RESUMED', {});
          return;
      }
    });
  });

  return {
    url,
    received,
    heartbeatAcks: () => acks,
    dispatch(event, data) {
      for (const socket of sockets) dispatchTo(socket, event, data);
    },
    waitFor(op, count = 1, timeoutMs = 5_000) {
      const seen = framesOf(op)[count - 1];
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no op ${op} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          op,
          count,
          resolve: (frame) => {
            clearTimeout(timer);
            resolve(frame);
          },
        });
      });
    },
    close() {
      for (const socket of sockets) socket.terminate();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
