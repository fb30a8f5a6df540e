import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './report.ts';

/**
 * Runs one benchmark in a fresh node process and returns its result. For the latency comparisons
 * (a few hundred microseconds per request, judged at p99): run after the other benchmarks in one
 * process, they inherit a heap grown by everything before them, and its collections swamp the gap
 * being measured. In the shared process a second, identical baseline measured 0.42–1.14× the first;
 * alone it measures close to 1. `node --expose-gc --import tsx bench/isolated.ts <file> <export>`
 * runs the same thing from the command line.
 */
export function runIsolated<R extends BenchResult = BenchResult>(
  file: string,
  exportName: string,
): Promise<R> {
  const here = fileURLToPath(import.meta.url);
  return new Promise<R>((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', here, file, exportName], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.once('error', reject);
    // 'close', not 'exit': stdout may still hold the result when the process has exited.
    child.once('close', (code, signal) => {
      if (code !== 0) {
        reject(new Error(`${file} ${exportName} ended with ${signal ?? `exit code ${code}`}`));
        return;
      }
      try {
        resolve(JSON.parse(out) as R);
      } catch (error) {
        reject(new Error(`${file} ${exportName} printed no JSON result: ${String(error)}`));
      }
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, exportName] = process.argv.slice(2);
  if (file === undefined || exportName === undefined) {
    throw new Error('usage: bench/isolated.ts <bench file, e.g. ./slack.bench.ts> <export>');
  }
  const module = (await import(new URL(file, import.meta.url).href)) as Record<string, unknown>;
  const bench = module[exportName];
  if (typeof bench !== 'function') throw new Error(`${file} exports no function ${exportName}`);
  process.stdout.write(`${JSON.stringify(await (bench as () => Promise<BenchResult>)())}\n`);
}
