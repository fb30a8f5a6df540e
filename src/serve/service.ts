import type { Briefbot } from '../app.ts';
import type { HttpServer } from '../http/http-server.ts';

/** A long-running part of `briefbot serve`: a platform transport, the scheduler, the refresher. */
export interface Service {
  readonly name: string;
  start(): Promise<void>;
  /** Stops taking new work and finishes or hands back what is in flight. */
  stop(): Promise<void>;
  /** Connection state for `/healthz` (a transport's socket, the scheduler's last tick). */
  status?(): ServiceStatus;
}

export interface ServiceStatus {
  readonly state: 'starting' | 'ready' | 'degraded' | 'stopped';
  readonly detail?: string;
}

export interface ServiceDeps {
  readonly bot: Briefbot;
  readonly http: HttpServer;
}

/** Builds a service when its configuration is present; returns undefined when it is not configured. */
export type ServiceFactory = (deps: ServiceDeps) => Service | undefined;
