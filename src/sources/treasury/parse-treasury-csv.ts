import { isIsoDate, isoDate } from '../../domain/dates.ts';
import { UST_TENORS, type UstTenor } from '../../domain/instruments.ts';
import type { CurveRow } from '../../domain/market-data.ts';
import { SourceError } from '../../errors.ts';

const SOURCE = 'treasury';
const US_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
// "1 Mo", "1.5 Month", "1 Yr", and the pre-2022 unspaced "1Mo", "1Yr".
const TENOR_LABEL = /^(\d+(?:\.\d+)?)\s*(mo|mos|month|months|yr|yrs|year|years)$/i;

/**
 * Parses the Treasury's daily par yield curve CSV. Columns are found by their header label because
 * the set changes over time (4 Mo from 2022-10-19, 1.5 Month from 2025-02-18). Rows come back
 * ascending; a tenor with an empty cell is absent from that row.
 */
export function parseTreasuryCsv(text: string): CurveRow[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const headerLine = lines[0];
  if (headerLine === undefined) throw bad('the CSV is empty');
  const header = splitCsvLine(headerLine);
  if (header[0]?.trim().toLowerCase() !== 'date') {
    throw bad(`the CSV does not start with a Date header (${headerLine.slice(0, 40)})`);
  }
  const columns = tenorColumns(header);

  const byDate = new Map<string, CurveRow>();
  for (const [index, line] of lines.slice(1).entries()) {
    const cells = splitCsvLine(line);
    // A short or long row would shift values under the wrong tenor: refuse rather than guess.
    if (cells.length !== header.length) {
      throw bad(`row ${index + 2} has ${cells.length} cells where the header has ${header.length}`);
    }
    const date = parseUsDate(cells[0] ?? '');
    if (date === undefined) throw bad(`row ${index + 2} has no MM/DD/YYYY date (${cells[0] ?? ''})`);
    if (byDate.has(date)) throw bad(`the date ${date} appears twice`);
    const yields: Partial<Record<UstTenor, number>> = {};
    for (const { tenor, index: column } of columns) {
      const cell = (cells[column] ?? '').trim();
      if (cell === '') continue;
      if (!DECIMAL.test(cell))
        throw bad(`row ${index + 2} has a ${tenor} value that is not a number (${cell})`);
      yields[tenor] = Number(cell);
    }
    // A date with no value at all carries nothing a reader could use.
    if (Object.keys(yields).length > 0) byDate.set(date, { date, yields });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function tenorColumns(header: readonly string[]): { tenor: UstTenor; index: number }[] {
  const columns: { tenor: UstTenor; index: number }[] = [];
  header.forEach((label, index) => {
    if (index === 0) return;
    const tenor = tenorFromLabel(label);
    // Columns we do not know (a new bill, a display column) are skipped rather than guessed at.
    if (tenor === undefined) return;
    if (columns.some((c) => c.tenor === tenor)) throw bad(`two columns are labelled as the ${tenor} tenor`);
    columns.push({ tenor, index });
  });
  if (columns.length === 0) throw bad(`no tenor column in the header (${header.join(',').slice(0, 80)})`);
  return columns;
}

function tenorFromLabel(label: string): UstTenor | undefined {
  const match = TENOR_LABEL.exec(label.trim());
  if (!match) return undefined;
  const unit = match[2]?.toLowerCase().startsWith('m') ? 'm' : 'y';
  const candidate = `${Number(match[1])}${unit}`;
  return UST_TENORS.find((tenor) => tenor === candidate);
}

function parseUsDate(cell: string): string | undefined {
  const match = US_DATE.exec(cell.trim());
  if (!match) return undefined;
  const date = isoDate(Number(match[3]), Number(match[1]), Number(match[2]));
  return isIsoDate(date) ? date : undefined;
}

/** Splits one CSV line, honouring double quotes and `""` escapes inside them. */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell);
  return cells;
}

function bad(detail: string): SourceError {
  return new SourceError('BAD_PAYLOAD', `Treasury CSV: ${detail}`, { source: SOURCE });
}
