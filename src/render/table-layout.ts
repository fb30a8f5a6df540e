import { cleanLine } from './clean-text.ts';
import { displayWidth, padDisplay, truncateDisplay } from './display-width.ts';

/** Wider cells are cut with an ellipsis so one long cell cannot push every row off screen. */
export const MAX_CELL_WIDTH = 40;
const GAP = '  ';

export interface TableInput {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly align?: readonly ('left' | 'right')[];
}

export interface TableLines {
  /** Column names and a dashed rule; repeated at the top of every chunk when a table is split. */
  readonly header: readonly string[];
  readonly rows: readonly string[];
}

/** Number of columns: a row with more cells than names still shows every cell. */
export function columnCount(table: TableInput): number {
  return Math.max(table.columns.length, ...table.rows.map((row) => row.length));
}

/** Monospace layout: cells padded by display width, right-aligned where `align` says so. */
export function layoutTable(table: TableInput, maxCellWidth = MAX_CELL_WIDTH): TableLines {
  const count = columnCount(table);
  const cell = (row: readonly string[], i: number) => truncateDisplay(cleanLine(row[i] ?? ''), maxCellWidth);
  const names = Array.from({ length: count }, (_, i) => cell(table.columns, i));
  const cells = table.rows.map((row) => Array.from({ length: count }, (_, i) => cell(row, i)));
  const widths = names.map((name, i) =>
    Math.max(displayWidth(name), ...cells.map((row) => displayWidth(row[i] ?? ''))),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, i) => padDisplay(value, widths[i] ?? 0, table.align?.[i] ?? 'left'))
      .join(GAP)
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(Math.max(w, 1))).join(GAP);
  return { header: [line(names), rule], rows: cells.map(line) };
}
