import { cpus, totalmem } from 'node:os';
import { benchSingleFlight, benchWarmYield } from './commands.bench.ts';
import { benchMofParseAndAnalytics } from './data-core.bench.ts';

/** Runs every benchmark and prints one JSON report on stdout. Baselines are measured in the same run. */
async function main(): Promise<void> {
  const report = {
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      at: new Date().toISOString(),
    },
    mofParseAndAnalytics: await benchMofParseAndAnalytics(),
    warmYield: await benchWarmYield(),
    singleFlight: await benchSingleFlight(),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

await main();
