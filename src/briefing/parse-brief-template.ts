import { LineCounter, parseDocument } from 'yaml';
import { ASSETS, type Asset, JGB_TENORS, UST_TENORS } from '../domain/instruments.ts';
import { TOPICS, type Topic } from '../domain/market-data.ts';
import { createBriefFormat } from './brief-format.ts';
import { stringsFor } from './brief-strings.ts';
import {
  type BriefTemplate,
  CHART_PERIODS,
  type ChartPeriod,
  DEFAULT_SPARKLINE_DAYS,
  MAX_SPARKLINE_DAYS,
  SECTION_NAMES,
  type SectionName,
  type SectionSpec,
  type TemplateBlock,
  TemplateError,
} from './brief-template.ts';
import { buildBriefView } from './brief-view.ts';
import { checkMustache } from './check-mustache.ts';
import type { Snapshot } from './snapshot.ts';

/** Bigger than any sensible brief; a template is read on every `/brief`, so keep it cheap. */
export const MAX_TEMPLATE_BYTES = 64_000;
const MAX_BLOCKS = 60;
const MAX_BULLETS = 30;
const MAX_HEADLINES = 20;

const TOP_KEYS = ['description', 'locale', 'title', 'blocks'] as const;
const SECTION_KEYS: Readonly<Record<SectionName, readonly string[]>> = {
  'jgb-curve': ['tenors', 'spreads', 'chart'],
  'ust-curve': ['tenors', 'spreads', 'chart'],
  prices: ['assets', 'sparklines'],
  headlines: ['limit', 'per_topic', 'topics', 'max_age_hours'],
};
const DEFAULT_TENORS = { jp: ['2y', '5y', '10y', '20y', '30y', '40y'], us: ['2y', '10y', '30y'] } as const;

/** A problem at a path in the YAML document (`['blocks', 3, 'tenors']`), placed on its line later. */
class Problem extends Error {
  constructor(
    readonly path: readonly (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads one template file. Checks everything a template can get wrong (YAML syntax, unknown keys,
 * section options, Mustache syntax, unknown fields) and throws a `TemplateError` naming the file,
 * the line and the problem.
 */
export function parseBriefTemplate(text: string, name: string, file: string): BriefTemplate {
  if (new TextEncoder().encode(text).length > MAX_TEMPLATE_BYTES) {
    throw new TemplateError(file, `larger than ${MAX_TEMPLATE_BYTES.toLocaleString('en-US')} bytes`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lineCounter.linePos(syntax.pos[0]).line;
    throw new TemplateError(file, syntax.message.split('\n')[0] ?? 'YAML syntax error', line);
  }
  try {
    return readTemplate(doc.toJS() as unknown, name, file);
  } catch (error) {
    if (!(error instanceof Problem)) throw error;
    // Point at the deepest node of the path that exists in the document.
    for (let depth = error.path.length; depth >= 0; depth -= 1) {
      const node = doc.getIn(error.path.slice(0, depth), true) as
        | { range?: [number, number, number] }
        | undefined;
      if (node?.range) {
        throw new TemplateError(file, error.message, lineCounter.linePos(node.range[0]).line);
      }
    }
    throw new TemplateError(file, error.message);
  }
}

function readTemplate(raw: unknown, name: string, file: string): BriefTemplate {
  const top = record(raw, [], 'the file must be a mapping with description, locale, title and blocks');
  onlyKeys(top, TOP_KEYS, []);
  const shape = viewShape();
  const uses = new Set<string>();
  const mustache = (value: unknown, path: (string | number)[]): string => {
    const source = text(value, path);
    try {
      for (const field of checkMustache(source, shape)) uses.add(field);
    } catch (error) {
      throw new Problem(path, error instanceof Error ? error.message : String(error));
    }
    return source;
  };
  const locale = text(top.locale, ['locale']);
  try {
    Intl.getCanonicalLocales(locale);
  } catch {
    throw new Problem(['locale'], `"${locale}" is not a locale; write a BCP 47 tag such as en-US or ja-JP`);
  }
  const blocksRaw = top.blocks;
  if (!Array.isArray(blocksRaw) || blocksRaw.length === 0) {
    throw new Problem(['blocks'], 'blocks must be a non-empty list');
  }
  if (blocksRaw.length > MAX_BLOCKS) throw new Problem(['blocks'], `more than ${MAX_BLOCKS} blocks`);
  const blocks = blocksRaw.map((block, i) => readBlock(block, ['blocks', i], mustache));
  return {
    name,
    file,
    description: text(top.description, ['description']),
    locale,
    title: mustache(top.title, ['title']),
    blocks,
    uses,
  };
}

type Mustache = (value: unknown, path: (string | number)[]) => string;

function readBlock(raw: unknown, path: (string | number)[], mustache: Mustache): TemplateBlock {
  if (raw === 'divider') return { kind: 'divider' };
  const block = record(
    raw,
    path,
    'each block is a mapping (heading, text, bullets, lead, section) or "divider"',
  );
  // An empty heading is allowed: on a section it means "no heading".
  const heading =
    block.heading === undefined
      ? {}
      : { heading: block.heading === '' ? '' : mustache(block.heading, [...path, 'heading']) };
  if (block.section !== undefined) {
    const section = block.section;
    if (typeof section !== 'string' || !(SECTION_NAMES as readonly string[]).includes(section)) {
      throw new Problem(
        [...path, 'section'],
        `unknown section "${String(section)}"; sections: ${SECTION_NAMES.join(', ')}`,
      );
    }
    onlyKeys(block, ['section', 'heading', ...SECTION_KEYS[section as SectionName]], path);
    return { kind: 'section', ...heading, ...readSection(section as SectionName, block, path) };
  }
  if (block.bullets !== undefined) {
    onlyKeys(block, ['bullets', 'heading'], path);
    const items = block.bullets;
    if (!Array.isArray(items) || items.length === 0)
      throw new Problem([...path, 'bullets'], 'bullets must be a non-empty list');
    if (items.length > MAX_BULLETS)
      throw new Problem([...path, 'bullets'], `more than ${MAX_BULLETS} bullets`);
    return {
      kind: 'bullets',
      ...heading,
      items: items.map((item, i) => mustache(item, [...path, 'bullets', i])),
    };
  }
  if (block.text !== undefined) {
    onlyKeys(block, ['text', 'heading', 'muted'], path);
    if (block.muted !== undefined && typeof block.muted !== 'boolean') {
      throw new Problem([...path, 'muted'], 'muted is true or false');
    }
    return {
      kind: 'text',
      ...heading,
      text: mustache(block.text, [...path, 'text']),
      muted: block.muted === true,
    };
  }
  if (block.lead !== undefined) {
    onlyKeys(block, ['lead'], path);
    return { kind: 'lead', text: mustache(block.lead, [...path, 'lead']) };
  }
  if (block.heading !== undefined) {
    onlyKeys(block, ['heading'], path);
    return { kind: 'heading', text: heading.heading ?? '' };
  }
  throw new Problem(path, 'a block needs one of: heading, text, bullets, lead, section');
}

function readSection(
  section: SectionName,
  block: Record<string, unknown>,
  path: (string | number)[],
): SectionSpec {
  switch (section) {
    case 'jgb-curve':
      return {
        section,
        tenors: list(block.tenors, [...path, 'tenors'], JGB_TENORS, DEFAULT_TENORS.jp),
        spreads: flag(block.spreads, [...path, 'spreads']),
        ...chart(block.chart, [...path, 'chart']),
      };
    case 'ust-curve':
      return {
        section,
        tenors: list(block.tenors, [...path, 'tenors'], UST_TENORS, DEFAULT_TENORS.us),
        spreads: flag(block.spreads, [...path, 'spreads']),
        ...chart(block.chart, [...path, 'chart']),
      };
    case 'prices':
      return {
        section,
        assets: list<Asset>(block.assets, [...path, 'assets'], ASSETS, ASSETS),
        ...sparklines(block.sparklines, [...path, 'sparklines']),
      };
    case 'headlines':
      return {
        section,
        limit: count(block.limit, [...path, 'limit'], 5, MAX_HEADLINES),
        perTopic: count(block.per_topic, [...path, 'per_topic'], 2, MAX_HEADLINES),
        topics: list<Topic>(block.topics, [...path, 'topics'], TOPICS, TOPICS),
        maxAgeHours: count(block.max_age_hours, [...path, 'max_age_hours'], 72, 24 * 14),
      };
  }
}

function list<T extends string>(
  raw: unknown,
  path: (string | number)[],
  valid: readonly T[],
  fallback: readonly T[],
): T[] {
  if (raw === undefined) return [...fallback];
  if (!Array.isArray(raw) || raw.length === 0)
    throw new Problem(path, `a non-empty list of: ${valid.join(', ')}`);
  return raw.map((item, i) => {
    const value = String(item).toLowerCase();
    if (!(valid as readonly string[]).includes(value)) {
      throw new Problem([...path, i], `"${String(item)}" is not one of: ${valid.join(', ')}`);
    }
    return value as T;
  });
}

function count(raw: unknown, path: (string | number)[], fallback: number, max: number): number {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1 || raw > max) {
    throw new Problem(path, `a whole number from 1 to ${max}`);
  }
  return raw;
}

/** `chart: 1w`: a compact chart against a week ago. Absent or `false`: none. */
function chart(raw: unknown, path: (string | number)[]): { chart?: ChartPeriod } {
  if (raw === undefined || raw === false) return {};
  const value = String(raw).toLowerCase();
  if (!(CHART_PERIODS as readonly string[]).includes(value)) {
    throw new Problem(
      path,
      `the chart compares with one of: ${CHART_PERIODS.join(', ')} (or false for none)`,
    );
  }
  return { chart: value as ChartPeriod };
}

/** `sparklines: true` (the last 30 days) or a number of days; absent or `false`: none. */
function sparklines(raw: unknown, path: (string | number)[]): { sparklineDays?: number } {
  if (raw === undefined || raw === false) return {};
  if (raw === true) return { sparklineDays: DEFAULT_SPARKLINE_DAYS };
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 2 || raw > MAX_SPARKLINE_DAYS) {
    throw new Problem(path, `true, false or a number of days from 2 to ${MAX_SPARKLINE_DAYS}`);
  }
  return { sparklineDays: raw };
}

function flag(raw: unknown, path: (string | number)[]): boolean {
  if (raw === undefined) return true;
  if (typeof raw !== 'boolean') throw new Problem(path, 'true or false');
  return raw;
}

function text(raw: unknown, path: (string | number)[]): string {
  if (typeof raw !== 'string' || raw.trim() === '')
    throw new Problem(path, `${path.join('.') || 'value'} must be text`);
  return raw;
}

function record(raw: unknown, path: (string | number)[], problem: string): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Problem(path, problem);
  return raw as Record<string, unknown>;
}

function onlyKeys(raw: Record<string, unknown>, allowed: readonly string[], path: (string | number)[]): void {
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) {
      throw new Problem([...path, key], `unknown key "${key}" (allowed here: ${allowed.join(', ')})`);
    }
  }
}

let shape: object | undefined;
/** The view with every field present, from a snapshot whose every source failed. */
function viewShape(): object {
  if (shape) return shape;
  const failed = { ok: false, reason: 'shape' } as const;
  const snapshot: Snapshot = {
    takenAt: new Date(0),
    curves: { jp: failed, us: failed },
    quotes: Object.fromEntries(ASSETS.map((asset) => [asset, failed])) as Snapshot['quotes'],
    headlines: failed,
  };
  shape = buildBriefView(snapshot, createBriefFormat('en-US', 'UTC'), stringsFor('en-US'), 60);
  return shape;
}
