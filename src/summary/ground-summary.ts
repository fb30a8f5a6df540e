import { safeHttpUrl } from '../render/safe-url.ts';
import type { Fact, FactSheet, HeadlineRef } from './fact-sheet.ts';
import { inventedNumber, numberTokens } from './number-tokens.ts';

/** Why a model's answer cannot be shown. `detail` is for logs; readers see a short reason. */
export type GroundingFailure = {
  readonly code:
    | 'unreadable'
    | 'empty'
    | 'too-long'
    | 'unknown-fact'
    | 'unknown-headline'
    | 'invented-number'
    | 'contradicts-sign';
  readonly detail: string;
};

export type Grounded =
  | {
      readonly ok: true;
      readonly text: string;
      readonly facts: readonly string[];
      readonly cited: readonly string[];
    }
  | { readonly ok: false; readonly failure: GroundingFailure };

/** Longer than any lead worth reading; a model that rambles this far has ignored its instructions. */
const MAX_SUMMARY_CHARS = 1_500;

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}|\[\s*([hH]\d+(?:\s*,\s*[hH]\d+)*)\s*\]/g;

type Segment =
  | { readonly kind: 'words'; readonly text: string }
  | { readonly kind: 'fact'; readonly fact: Fact }
  | { readonly kind: 'cite'; readonly headlines: readonly HeadlineRef[] };

/**
 * Turns a model's answer into the summary a brief shows, or says why it cannot be shown. The answer
 * is `{"summary": "…"}` whose text refers to figures as `{{fact_id}}` and to headlines as `[h3]`.
 * Code fills in every figure and link, then checks the result: no unknown id, no number the model
 * wrote itself, every number in the final text one of the fact sheet's, and no "rose" before a
 * negative change or "fell" before a positive one.
 */
export function groundSummary(answer: string, sheet: FactSheet): Grounded {
  const summary = readSummary(answer);
  if (typeof summary !== 'string') return fail('unreadable', summary.problem);
  if (summary.trim() === '') return fail('empty', 'the summary is empty');
  if (summary.length > MAX_SUMMARY_CHARS) return fail('too-long', `${summary.length} characters`);

  const facts = new Map(sheet.facts.map((f) => [f.id, f]));
  const headlines = new Map(sheet.headlines.map((h) => [h.id, h]));
  const segments: Segment[] = [];
  let from = 0;
  for (const match of summary.matchAll(PLACEHOLDER)) {
    segments.push({ kind: 'words', text: summary.slice(from, match.index) });
    from = match.index + match[0].length;
    const [, factId, citation] = match;
    if (factId !== undefined) {
      const fact = facts.get(factId);
      if (!fact) return fail('unknown-fact', factId);
      segments.push({ kind: 'fact', fact });
    } else if (citation !== undefined) {
      const cited: HeadlineRef[] = [];
      for (const id of citation.split(',').map((s) => s.trim().toLowerCase())) {
        const headline = headlines.get(id);
        if (!headline) return fail('unknown-headline', id);
        cited.push(headline);
      }
      segments.push({ kind: 'cite', headlines: cited });
    }
  }
  segments.push({ kind: 'words', text: summary.slice(from) });

  for (const segment of segments) {
    if (segment.kind !== 'words') continue;
    // A placeholder the pattern did not read ({fact}, {{ x }}} or [h]) must not reach a reader.
    const broken = /[{}]|\[\s*h\d*/i.exec(segment.text);
    if (broken) return fail('unreadable', `stray "${broken[0]}" in the summary`);
    const invented = inventedNumber(segment.text);
    if (invented !== undefined) return fail('invented-number', invented);
  }
  const contradiction = signContradiction(segments);
  if (contradiction) return fail('contradicts-sign', contradiction);

  const text = tidy(segments.map(render).join(''));
  // The independent check: the final text, citations aside, holds only the fact sheet's numbers.
  const allowed = allowedNumbers(sheet);
  const checked = tidy(segments.map((s) => (s.kind === 'cite' ? ' ' : render(s))).join(''));
  const stray = numberTokens(checked).find((token) => !allowed.has(token));
  if (stray !== undefined) return fail('invented-number', stray);

  return {
    ok: true,
    text,
    facts: segments.flatMap((s) => (s.kind === 'fact' ? [s.fact.id] : [])),
    cited: segments.flatMap((s) => (s.kind === 'cite' ? s.headlines.map((h) => h.id) : [])),
  };
}

/** The numbers of the sheet's formatted figures; one sheet is checked against many answers. */
function allowedNumbers(sheet: FactSheet): ReadonlySet<string> {
  let allowed = allowedBySheet.get(sheet);
  if (!allowed) {
    allowed = new Set(sheet.facts.flatMap((f) => numberTokens(f.text)));
    allowedBySheet.set(sheet, allowed);
  }
  return allowed;
}

const allowedBySheet = new WeakMap<FactSheet, ReadonlySet<string>>();

function fail(code: GroundingFailure['code'], detail: string): Grounded {
  return { ok: false, failure: { code, detail } };
}

/** The `summary` string of a JSON answer; models sometimes wrap it in a Markdown code fence. */
function readSummary(answer: string): string | { problem: string } {
  const unfenced = answer
    .trim()
    .replace(/^```(?:json)?\s*/i, '')
    .replace(/\s*```$/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(unfenced);
  } catch {
    return { problem: 'the answer is not JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { problem: 'the answer is not a JSON object' };
  const summary = (parsed as Record<string, unknown>).summary;
  return typeof summary === 'string' ? summary : { problem: 'the answer has no "summary" string' };
}

function render(segment: Segment): string {
  switch (segment.kind) {
    case 'words':
      return segment.text;
    case 'fact':
      return segment.fact.text;
    case 'cite':
      return ` (${segment.headlines.map(citation).join('; ')})`;
  }
}

function citation(headline: HeadlineRef): string {
  const url = safeHttpUrl(headline.url);
  return url === undefined ? headline.source : `${headline.source}: ${url}`;
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?。、])/g, '$1')
    .trim();
}

const UP_EN =
  /\b(?:rose|rise|rises|rising|risen|climbed|climbs?|climbing|jumped|jumps?|gained|gains?|surged|surges?|soared|soars?|spiked|up|higher|increased|increases?|advanced|added|adds?|widened|widens?|steepened|steepens?)\b/gi;
const DOWN_EN =
  /\b(?:fell|falls?|falling|fallen|dropped|drops?|dropping|declined|declines?|slid|slides?|slipped|slips?|lost|loses?|down|lower|eased|eases?|narrowed|narrows?|flattened|flattens?|sank|sinks?|tumbled|tumbles?|plunged|plunges?|retreated|dipped|dips?|shed|sheds)\b/gi;
const UP_JA = /上昇|上げ|拡大|急騰|高騰|値上がり|スティープ化/g;
const DOWN_JA = /低下|下落|下げ|縮小|急落|値下がり|フラット化/g;
const CLAUSE_END = /[.;:!?,。、；：！？\n]/;

type Direction = 'up' | 'down';

/** Direction words right around a change must agree with its sign: "fell +0.45%" is withheld. */
function signContradiction(segments: readonly Segment[]): string | undefined {
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i];
    if (segment?.kind !== 'fact' || segment.fact.kind !== 'change') continue;
    const sign = /^[+]/.test(segment.fact.text) ? 'up' : /^[-−]/.test(segment.fact.text) ? 'down' : undefined;
    if (sign === undefined) continue;
    const before = wordsAt(segments[i - 1]);
    const after = wordsAt(segments[i + 1]);
    const clauseBefore = before.split(CLAUSE_END).at(-1) ?? '';
    const clauseAfter = (after.split(CLAUSE_END)[0] ?? '').slice(0, 12);
    const said = firstDirection(clauseAfter) ?? lastDirection(clauseBefore);
    if (said !== undefined && said.direction !== sign)
      return `"${said.word}" next to {{${segment.fact.id}}} (${segment.fact.text})`;
  }
  return undefined;
}

function wordsAt(segment: Segment | undefined): string {
  return segment?.kind === 'words' ? segment.text : '';
}

interface Said {
  readonly direction: Direction;
  readonly word: string;
  readonly index: number;
}

function directions(text: string): Said[] {
  const found: Said[] = [];
  for (const [pattern, direction] of [
    [UP_EN, 'up'],
    [DOWN_EN, 'down'],
    [UP_JA, 'up'],
    [DOWN_JA, 'down'],
  ] as const) {
    for (const m of text.matchAll(pattern)) found.push({ direction, word: m[0], index: m.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

function firstDirection(text: string): Said | undefined {
  return directions(text)[0];
}

function lastDirection(text: string): Said | undefined {
  return directions(text).at(-1);
}
