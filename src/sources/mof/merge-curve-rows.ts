import type { CurveRow } from '../../domain/market-data.ts';

/**
 * Merges the history file with the current-month file: one row per date, ascending, and the
 * current-month row replaces the history row on a date both have (the newer publication wins).
 */
export function mergeCurveRows(history: readonly CurveRow[], current: readonly CurveRow[]): CurveRow[] {
  const byDate = new Map<string, CurveRow>();
  for (const row of history) byDate.set(row.date, row);
  for (const row of current) byDate.set(row.date, row);
  const rows = [...byDate.values()];
  // Usually already ascending (history, then later current dates), so sorting is the exception.
  for (let i = 1; i < rows.length; i += 1) {
    const before = rows[i - 1];
    const here = rows[i];
    if (before !== undefined && here !== undefined && before.date > here.date) {
      return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
  }
  return rows;
}
