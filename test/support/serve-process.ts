import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/briefbot.js', import.meta.url));

export interface ServeProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** `http://127.0.0.1:PORT` */
  readonly baseUrl: string;
  /** Everything the process has logged so far (JSON lines on stderr). */
  logs(): string;
  /** Sends `signal` and resolves with the exit code once the process has gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the real `briefbot serve` as a user would, on a free port on loopback, and resolves once it
 * logs "briefbot ready". Only `PATH` and the given variables reach it, with `LOG_LEVEL=info`.
 */
export async function startServe(
  env: Record<string, string>,
  readyTimeoutMs = 20_000,
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve'], {
    // Readiness is read from the info-level "briefbot ready" line, so the level is not the caller's.
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let logs = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`not ready after ${readyTimeoutMs} ms: ${logs.slice(-2_000)}`)),
      readyTimeoutMs,
    );
    child.stderr?.on('data', (chunk: Buffer) => {
      logs += chunk.toString();
      const ready = /"port":(\d+)[^\n]*"msg":"briefbot ready"/.exec(logs);
      if (ready) {
        clearTimeout(timer);
        resolve(Number(ready[1]));
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited early with ${code}: ${logs.slice(-2_000)}`));
    });
  });
  return {
    child,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    logs: () => logs,
    stop(signal = 'SIGTERM') {
      child.kill(signal);
      return exited;
    },
  };
}
