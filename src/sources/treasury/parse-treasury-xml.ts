import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { isIsoDate } from '../../domain/dates.ts';
import type { UstTenor } from '../../domain/instruments.ts';
import type { CurveRow } from '../../domain/market-data.ts';
import { SourceError } from '../../errors.ts';

const SOURCE = 'treasury-xml';
const DECIMAL = /^-?\d+(\.\d+)?$/;
const ODATA_DATE = /^(\d{4}-\d{2}-\d{2})(T[\d:.]+)?$/;

// BC_30YEARDISPLAY is deliberately absent: it is a display duplicate of the 30-year value.
const ELEMENT_TENORS: Readonly<Record<string, UstTenor>> = {
  BC_1MONTH: '1m',
  BC_1_5MONTH: '1.5m',
  BC_2MONTH: '2m',
  BC_3MONTH: '3m',
  BC_4MONTH: '4m',
  BC_6MONTH: '6m',
  BC_1YEAR: '1y',
  BC_2YEAR: '2y',
  BC_3YEAR: '3y',
  BC_5YEAR: '5y',
  BC_7YEAR: '7y',
  BC_10YEAR: '10y',
  BC_20YEAR: '20y',
  BC_30YEAR: '30y',
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Namespace prefixes are the publisher's choice; the local names (NEW_DATE, null) are the contract.
  removeNSPrefix: true,
  // Keep "4.10" as text: numbers are parsed here, strictly, so a stray value cannot slip through.
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => name === 'entry',
});

/**
 * Parses the Treasury's OData Atom feed of daily par yields. Rows come back ascending; a tenor whose
 * element is absent, empty or `m:null="true"` is absent from that row.
 */
export function parseTreasuryXml(text: string): CurveRow[] {
  // The parser is lenient with broken markup; a feed cut off mid-entry must fail, not lose rows.
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw bad(`not well-formed XML (${valid.err.msg}, line ${valid.err.line})`);
  const document: unknown = parser.parse(text);
  const feed = isRecord(document) ? document.feed : undefined;
  // An empty <feed/> parses to '', which is no more trustworthy than garbage.
  if (!isRecord(feed)) throw bad('no Atom <feed> element');
  const entries = feed.entry ?? [];
  if (!Array.isArray(entries)) throw bad('entries are not a list');

  const byDate = new Map<string, CurveRow>();
  for (const [index, entry] of entries.entries()) {
    const content = isRecord(entry) ? entry.content : undefined;
    const properties = isRecord(content) ? content.properties : undefined;
    if (!isRecord(properties)) throw bad(`entry ${index + 1} has no m:properties`);
    const rawDate = elementText(properties.NEW_DATE, 'NEW_DATE') ?? '';
    const date = ODATA_DATE.exec(rawDate)?.[1];
    if (date === undefined || !isIsoDate(date)) {
      throw bad(`entry ${index + 1} has no usable d:NEW_DATE (${rawDate || 'missing'})`);
    }
    if (byDate.has(date)) throw bad(`the date ${date} appears twice`);
    const yields: Partial<Record<UstTenor, number>> = {};
    for (const [element, tenor] of Object.entries(ELEMENT_TENORS)) {
      const value = elementText(properties[element], element);
      if (value === undefined || value === '') continue;
      if (!DECIMAL.test(value)) throw bad(`${date} has a d:${element} that is not a number (${value})`);
      yields[tenor] = Number(value);
    }
    if (Object.keys(yields).length > 0) byDate.set(date, { date, yields });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The trimmed text of an element, or undefined when it is absent or marked `m:null="true"`. */
function elementText(node: unknown, name: string): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return node.trim();
  if (Array.isArray(node)) throw bad(`d:${name} appears more than once in one entry`);
  if (!isRecord(node)) throw bad(`d:${name} has an unexpected shape`);
  if (node['@_null'] === 'true') return undefined;
  const text = node['#text'];
  if (text === undefined) return '';
  if (typeof text !== 'string') throw bad(`d:${name} has an unexpected shape`);
  return text.trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bad(detail: string): SourceError {
  return new SourceError('BAD_PAYLOAD', `Treasury XML: ${detail}`, { source: SOURCE });
}
