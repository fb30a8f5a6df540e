/** What every benchmark returns: its figures, and whether it met its target. */
export interface BenchResult {
  readonly pass: boolean;
  /** One line for the Markdown table: the figures that matter, with units. */
  readonly summary?: string;
  /** The target, in words ("p99 under 1 ms"). */
  readonly target?: string;
  readonly [figure: string]: unknown;
}

/** A Markdown table of every benchmark, for the README. */
export function markdownTable(results: Readonly<Record<string, BenchResult>>): string {
  const rows = Object.entries(results).map(
    ([name, r]) => `| ${name} | ${r.summary ?? compact(r)} | ${r.target ?? ''} | ${r.pass ? 'pass' : '**fail**'} |`,
  );
  return ['| benchmark | result | target | |', '|---|---|---|---|', ...rows].join('\n');
}

function compact(result: BenchResult): string {
  const text = JSON.stringify(result, (key, value) => (key === 'pass' ? undefined : value));
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}
