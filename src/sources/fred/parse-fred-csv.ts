import { type IsoDate, isIsoDate } from '../../domain/dates.ts';
import { SourceError } from '../../errors.ts';

const SOURCE = 'fred';
const DECIMAL = /^-?\d+(\.\d+)?$/;
// FRED series ids are upper-case letters, digits and underscores (DGS10, DCOILWTICO).
const SERIES_ID = /^[A-Za-z0-9_]+$/;

export interface FredSeries {
  series: string;
  /** Ascending by date, one per date; days FRED marks as missing are left out. */
  observations: { date: IsoDate; value: number }[];
}

/**
 * Parses a FRED `fredgraph.csv` download of one series. Accepts the current header
 * (`observation_date,SERIES`, missing values empty) and the older one (`DATE,SERIES`, missing `.`).
 */
export function parseFredCsv(text: string): FredSeries {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const headerLine = lines[0];
  if (headerLine === undefined) throw bad('the CSV is empty');
  const [dateLabel, series, ...extra] = cellsOf(headerLine);
  const knownDateLabel = dateLabel === 'observation_date' || dateLabel === 'DATE';
  if (!knownDateLabel || series === undefined || !SERIES_ID.test(series) || extra.length > 0) {
    throw bad(`unexpected header (${headerLine.slice(0, 60)})`);
  }

  const observations: { date: IsoDate; value: number }[] = [];
  const seen = new Set<IsoDate>();
  for (const [index, line] of lines.slice(1).entries()) {
    const cells = cellsOf(line);
    const [date, cell] = cells;
    if (cells.length !== 2 || date === undefined || cell === undefined || !isIsoDate(date)) {
      throw bad(`${series} row ${index + 2} is not "date,value" (${line.slice(0, 40)})`);
    }
    if (seen.has(date)) throw bad(`${series} lists ${date} twice`);
    seen.add(date);
    if (cell === '' || cell === '.') continue;
    if (!DECIMAL.test(cell)) throw bad(`${series} on ${date} is not a number (${cell})`);
    observations.push({ date, value: Number(cell) });
  }
  observations.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { series, observations };
}

function cellsOf(line: string): string[] {
  return line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

function bad(detail: string): SourceError {
  return new SourceError('BAD_PAYLOAD', `FRED CSV: ${detail}`, { source: SOURCE });
}
