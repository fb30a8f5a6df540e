import type { IsoDate } from '../../domain/dates.ts';
import { JGB_TENORS, type JgbTenor } from '../../domain/instruments.ts';
import type { CurveRow } from '../../domain/market-data.ts';
import { SourceError, type SourceErrorContext } from '../../errors.ts';
import { isCalendarDate } from './calendar-date.ts';
import { parseJapaneseEraDate } from './parse-japanese-era-date.ts';

interface Layout {
  /** Shape of a first cell that claims to be a date; rows whose first cell does not have it are skipped. */
  readonly dateShape: RegExp;
  readonly toDate: (cell: string) => IsoDate | undefined;
}

/** Keyed by the header's first cell, which also tells the English file from the Japanese one. */
const LAYOUTS: ReadonlyMap<string, Layout> = new Map<string, Layout>([
  ['Date', { dateShape: /^\d{4}\/\d{1,2}\/\d{1,2}$/, toDate: englishDate }],
  // Any capital letter, not just S/H/R: rows of a new era must fail loudly rather than be skipped as
  // footers, which would silently freeze the Japanese series at the last known era.
  ['基準日', { dateShape: /^[A-Z]\d{1,2}\.\d{1,2}\.\d{1,2}$/, toDate: parseJapaneseEraDate }],
]);

const TENOR_LABEL = /^(\d+)(?:Y|年)$/;

// JGB yields have stayed within about -1% and 12% since 1974; a figure beyond this is a unit change
// or a corrupted cell, and showing it would be a wrong number.
const PLAUSIBLE_ABS_YIELD = 50;

// Every cell after the date: empty, a lone `-` (no value) or a plain decimal. `Number` alone would
// also accept `1e3`, `0x1F` or `Infinity`, and read an empty cell as 0.
// Written so that no text can be split two ways: a failing row costs linear time, not exponential.
const PLAIN_CELL_SOURCE = String.raw`(?:-?(?:\d+(?:\.\d*)?|\.\d+)|-)?`;
const PLAIN_ROW = new RegExp(String.raw`^[^,]*(?:,${PLAIN_CELL_SOURCE})*\r?$`);
const PLAIN_CELL = new RegExp(`^${PLAIN_CELL_SOURCE}$`);

/**
 * Parses a Ministry of Finance JGB interest-rate CSV (English `jgbcme*.csv` or Japanese
 * `jgbcm*.csv`, history or current month) into curve rows, ascending by date. Throws a
 * `BAD_PAYLOAD` SourceError for anything that cannot be read with certainty.
 */
export function parseMofCsv(bytes: Uint8Array, context: SourceErrorContext = { source: 'mof' }): CurveRow[] {
  // Shift_JIS is ASCII-compatible, so one decoder reads the Japanese files and the English ones,
  // whose footer carries the Shift_JIS "※" (0x81 0xA6) that a strict UTF-8 decode rejects.
  const text = new TextDecoder('shift_jis').decode(bytes);
  const lines = text.split('\n');
  const fail = (message: string): SourceError => new SourceError('BAD_PAYLOAD', message, context);
  const failAt = (i: number, message: string): SourceError => fail(`MOF CSV line ${i + 1}: ${message}`);

  let headerAt = -1;
  let layout: Layout | undefined;
  for (let i = 0; i < lines.length && layout === undefined; i += 1) {
    layout = LAYOUTS.get(cleanCell(firstCell(lines[i] ?? '')));
    if (layout !== undefined) headerAt = i;
  }
  if (layout === undefined) throw fail('MOF CSV has no header row starting with "Date" or "基準日"');
  const tenorAt = tenorColumns(lines[headerAt] ?? '', fail);
  const minCells = tenorAt.length;

  const rows: CurveRow[] = [];
  const values: number[] = [];
  let ascending = true;
  for (let i = headerAt + 1; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const first = firstCell(line);
    if (!layout.dateShape.test(first)) continue;
    const date = layout.toDate(first);
    if (date === undefined) throw failAt(i, `"${first}" is not a valid date`);

    // One regex per row vouches for every cell; then one pass reads them all (see readCells).
    if (!PLAIN_ROW.test(line)) throw failAt(i, describeBadCell(line));
    const cellCount = readCells(line, values);
    if (cellCount < minCells) throw failAt(i, `${cellCount} cells where ${minCells} were expected`);
    const yields: Partial<Record<JgbTenor, number>> = {};
    let count = 0;
    for (let index = 1; index < minCells; index += 1) {
      const tenor = tenorAt[index];
      const value = values[index] ?? Number.NaN;
      if (tenor === undefined || Number.isNaN(value)) continue;
      if (!(Math.abs(value) < PLAUSIBLE_ABS_YIELD)) {
        throw failAt(i, `${tenor} value ${cellText(line, index)} is implausible`);
      }
      yields[tenor] = value;
      count += 1;
    }
    // A date with no value at all would pose as the latest curve while saying nothing.
    if (count === 0) continue;
    const previous = rows[rows.length - 1];
    if (previous !== undefined && previous.date >= date) ascending = false;
    rows.push({ date, yields });
  }

  if (!ascending) {
    rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (let i = 1; i < rows.length; i += 1) {
      const date = rows[i]?.date;
      if (date === rows[i - 1]?.date) throw fail(`MOF CSV lists ${date} more than once`);
    }
  }
  return rows;
}

/** The tenor of each header column, indexed by column; the array is as long as a row must be. */
function tenorColumns(headerLine: string, fail: (message: string) => SourceError): (JgbTenor | undefined)[] {
  const tenorAt: (JgbTenor | undefined)[] = [];
  const cells = stripCr(headerLine).split(',');
  let last = 0;
  for (let index = 1; index < cells.length; index += 1) {
    const match = TENOR_LABEL.exec(cleanCell(cells[index] ?? ''));
    // An unknown maturity (a future 50Y, say) is ignored: skipping it cannot misstate another tenor.
    const tenor = match ? JGB_TENORS.find((t) => t === `${Number(match[1])}y`) : undefined;
    if (tenor === undefined) continue;
    if (tenorAt.includes(tenor)) throw fail(`MOF CSV header names ${tenor} twice`);
    tenorAt[index] = tenor;
    last = index;
  }
  if (last === 0) throw fail('MOF CSV header names no known tenor');
  tenorAt.length = last + 1;
  return tenorAt;
}

/** `2026/4/30` → `2026-04-30`, padding the text rather than formatting numbers: it runs on every row. */
function englishDate(cell: string): IsoDate | undefined {
  const [y = '', m = '', d = ''] = cell.split('/');
  if (!isCalendarDate(Number(y), Number(m), Number(d))) return undefined;
  return `${y}-${m.length === 1 ? '0' : ''}${m}-${d.length === 1 ? '0' : ''}${d}`;
}

/** Exact powers of ten: every one up to 10^22 is a double without rounding. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, n) => 10 ** n);
/** Digits whose integer value is below 2^53, so it is exact as a double. */
const EXACT_DIGITS = 15;

/**
 * Reads the cells after the first of a row `PLAIN_ROW` has accepted into `values` (index 1 on; NaN
 * for an empty cell or a lone `-`) and returns how many cells the row has, the first included.
 * It gives the same number as `Number(cell)` for every cell: digits as an exact integer divided by
 * an exact power of ten is one correctly rounded division, as `Number` is correctly rounded (the
 * long-known fast path of decimal conversion); a cell with more digits goes to `Number` itself. One
 * pass without a string per cell: the file has some 200,000 cells, parsed on every refresh.
 */
function readCells(line: string, values: number[]): number {
  const end = line.endsWith('\r') ? line.length - 1 : line.length;
  let at = line.indexOf(',');
  let cells = 1;
  while (at >= 0 && at < end) {
    const start = at + 1;
    let negative = false;
    let integer = 0;
    let digits = 0;
    let decimals = -1;
    for (at = start; at < end; at += 1) {
      const code = line.charCodeAt(at);
      if (code === COMMA) break;
      if (code === MINUS) negative = true;
      else if (code === DOT) decimals = 0;
      else {
        integer = integer * 10 + (code - ZERO);
        digits += 1;
        if (decimals >= 0) decimals += 1;
      }
    }
    let value = Number.NaN;
    if (digits > EXACT_DIGITS) value = Number(line.slice(start, at));
    else if (digits > 0) {
      const magnitude = integer / (POWERS_OF_TEN[Math.max(0, decimals)] ?? Number.NaN);
      value = negative ? -magnitude : magnitude;
    }
    values[cells] = value;
    cells += 1;
    if (at >= end) break;
  }
  return cells;
}

const COMMA = 0x2c;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;

/** The text of cell `index` of a row, for messages. */
function cellText(line: string, index: number): string {
  return stripCr(line).split(',')[index] ?? '';
}

/** Names the first cell of a row that is neither empty, a lone `-`, nor a plain decimal. */
function describeBadCell(line: string): string {
  const cells = stripCr(line).split(',');
  const index = cells.findIndex((cell, i) => i > 0 && !PLAIN_CELL.test(cell));
  return `cell ${index + 1} "${cells[index] ?? ''}" is not a number`;
}

function firstCell(line: string): string {
  const comma = line.indexOf(',');
  return stripCr(comma < 0 ? line : line.slice(0, comma));
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

function cleanCell(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
}
