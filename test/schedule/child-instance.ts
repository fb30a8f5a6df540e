import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./scheduler-child.ts', import.meta.url));

/** A scheduler instance in its own process (`scheduler-child.ts`), driven from a test. */
export interface ChildInstance {
  readonly process: ChildProcessWithoutNullStreams;
  /** Resolves when the child has migrated the store and waits for `start()`. */
  readonly ready: Promise<void>;
  start(): void;
  /** SIGTERM; resolves with the stats it printed on the way out. */
  stop(): Promise<Record<string, number>>;
  /** SIGKILL: no cleanup at all, as when a machine dies. */
  kill(): Promise<void>;
  readonly stderr: () => string;
}

export function spawnInstance(env: Record<string, string>): ChildInstance {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners: ((event: Record<string, unknown>) => void)[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    const lines = stdout.split('\n');
    stdout = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) for (const l of listeners) l(JSON.parse(line));
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const awaitEvent = (name: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      listeners.push((event) => event.event === name && resolve(event));
      void exited.then(() => reject(new Error(`child exited before "${name}": ${stderr.slice(-2_000)}`)));
    });
  const ready = awaitEvent('ready').then(() => undefined);
  return {
    process: child,
    ready,
    start: () => child.stdin.write('start\n'),
    async stop() {
      const stopped = awaitEvent('stopped');
      child.kill('SIGTERM');
      const event = await stopped;
      await exited;
      return event.stats as Record<string, number>;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    stderr: () => stderr,
  };
}
