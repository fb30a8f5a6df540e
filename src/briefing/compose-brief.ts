import Mustache from 'mustache';
import type { Block, Document, FooterNote } from '../domain/document.ts';
import { ASSETS, type Asset } from '../domain/instruments.ts';
import type { BriefCharts } from './brief-charts.ts';
import { type PartKey, sourceNotes } from './brief-footer.ts';
import { createBriefFormat } from './brief-format.ts';
import { stringsFor } from './brief-strings.ts';
import type { BriefSummary } from './brief-summary.ts';
import type { BriefTemplate, SectionSpec, TemplateBlock } from './brief-template.ts';
import { type BriefView, buildBriefView } from './brief-view.ts';
import { sectionChart } from './chart-blocks.ts';
import { curveSection, headlinesSection, pricesSection, type SectionContext } from './sections.ts';
import type { Snapshot } from './snapshot.ts';

export interface ComposeBriefInput {
  /** Taken once per briefing run; every channel's brief is composed from the same one. */
  readonly snapshot: Snapshot;
  readonly template: BriefTemplate;
  /** The channel's IANA zone: every time in the brief is shown in it. */
  readonly timeZone: string;
  /** BCP 47 locale for numbers, dates and the words code adds; the template's own by default. */
  readonly locale?: string;
  /** The LLM lead (issue 7): shown as the lead paragraph, or, when withheld, named in the footer. */
  readonly summary?: BriefSummary;
  /** The σ window of PRODUCT.md, in business days. */
  readonly sigmaWindowDays?: number;
  /** Alerts that fired in this channel since its last brief, listed after the lead. */
  readonly alertsSince?: readonly FiredAlert[];
  /**
   * The template's charts, drawn beforehand from this snapshot (`renderBriefCharts`): drawing is
   * asynchronous and composing is not. A chart that is absent is left out; nothing else changes.
   */
  readonly charts?: BriefCharts;
}

/** An alert firing as a brief lists it. */
export interface FiredAlert {
  readonly text: string;
  readonly firedAt: Date;
}

const DEFAULT_SIGMA_WINDOW_DAYS = 60;
const NO_CHARTS: BriefCharts = new Map();

/**
 * A brief as a neutral document: the template's strings rendered over the snapshot's figures, its
 * data sections rendered by code, and a footer naming every source used with its as-of time.
 */
export function composeBrief(input: ComposeBriefInput): Document {
  const { snapshot, template, timeZone, summary } = input;
  const locale = input.locale ?? template.locale;
  const format = createBriefFormat(locale, timeZone);
  const strings = stringsFor(locale);
  const view = buildBriefView(snapshot, format, strings, input.sigmaWindowDays ?? DEFAULT_SIGMA_WINDOW_DAYS);
  const render = (source: string) => renderString(source, view);
  const context: SectionContext = {
    snapshot,
    format,
    strings,
    shownHeadlines: [],
    headlinesNoticed: false,
    charts: input.charts ?? NO_CHARTS,
    placedCharts: new Set(),
    imageNames: new Set(),
  };
  const used = new Set<PartKey>([...template.uses].flatMap(partsOfField));

  const blocks: Block[] = [];
  if (snapshot.asOf !== undefined)
    blocks.push({ kind: 'text', text: strings.replay(format.date(snapshot.asOf)), tone: 'muted' });
  const hasLead = template.blocks.some((b) => b.kind === 'lead');
  if (!hasLead && summary?.kind === 'summary' && summary.text.trim() !== '')
    blocks.push({ kind: 'text', text: summary.text });
  let alertsShown = false;
  for (const block of template.blocks) {
    if (!alertsShown && block.kind !== 'lead') {
      blocks.push(...alertsSection(input.alertsSince ?? [], strings.sinceLastBrief, format.time));
      alertsShown = true;
    }
    blocks.push(...composeBlock(block, render, context, summary));
    if (block.kind === 'section') for (const key of partsOfSection(block)) used.add(key);
  }

  const footer: FooterNote[] = sourceNotes(snapshot, used, context.shownHeadlines, format, strings);
  if (summary?.kind === 'withheld') footer.push({ text: strings.summaryWithheld(summary.reason) });
  return {
    title: render(template.title).replace(/\s+/g, ' ').trim() || template.name,
    blocks: tidyDividers(blocks),
    footer: uniqueNotes(footer),
  };
}

/** Alerts are posted when they fire; the brief recaps them so a reader who slept sees them first. */
function alertsSection(
  alerts: readonly FiredAlert[],
  heading: string,
  time: (instant: Date) => string,
): Block[] {
  if (alerts.length === 0) return [];
  const items = [...alerts]
    .sort((a, b) => a.firedAt.getTime() - b.firedAt.getTime())
    .map((a) => `${time(a.firedAt)} ${a.text}`);
  return [
    { kind: 'heading', text: heading },
    { kind: 'bullets', items },
  ];
}

function composeBlock(
  block: TemplateBlock,
  render: (source: string) => string,
  context: SectionContext,
  summary: BriefSummary | undefined,
): Block[] {
  const heading = (text: string | undefined): Block[] => {
    const rendered = text === undefined ? '' : render(text);
    return rendered === '' ? [] : [{ kind: 'heading', text: rendered }];
  };
  switch (block.kind) {
    case 'lead': {
      if (summary?.kind === 'summary')
        return summary.text.trim() === '' ? [] : [{ kind: 'text', text: summary.text }];
      if (summary?.kind === 'withheld') return [];
      const text = render(block.text);
      return text === '' ? [] : [{ kind: 'text', text }];
    }
    case 'heading':
      return heading(block.text);
    case 'text': {
      const text = render(block.text);
      if (text === '') return [];
      return [...heading(block.heading), { kind: 'text', text, tone: block.muted ? 'muted' : 'normal' }];
    }
    case 'bullets': {
      const items = block.items.map(render).filter((item) => item !== '');
      return items.length === 0 ? [] : [...heading(block.heading), { kind: 'bullets', items }];
    }
    case 'divider':
      return [{ kind: 'divider' }];
    case 'section': {
      const title = block.heading === undefined ? undefined : render(block.heading);
      return [...sectionBlocks(block, context, title), ...sectionChart(block, context)];
    }
  }
}

function sectionBlocks(block: SectionSpec, context: SectionContext, title: string | undefined): Block[] {
  switch (block.section) {
    case 'jgb-curve':
      return curveSection(context, 'jp', block.tenors, block.spreads, title);
    case 'ust-curve':
      return curveSection(context, 'us', block.tenors, block.spreads, title);
    case 'prices':
      return pricesSection(context, block.assets, title);
    case 'headlines':
      return headlinesSection(context, block, title);
  }
}

/** Mustache without HTML escaping: the document holds plain text and each renderer escapes for its platform. */
function renderString(source: string, view: BriefView): string {
  return Mustache.render(source, view, {}, { escape: (value: string) => value })
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

function partsOfField(field: string): PartKey[] {
  if (field === 'jgb') return ['jp'];
  if (field === 'ust') return ['us'];
  if (field === 'watch') return ['jp', 'us'];
  return (ASSETS as readonly string[]).includes(field) ? [field as Asset] : [];
}

function partsOfSection(block: Extract<TemplateBlock, { kind: 'section' }>): PartKey[] {
  switch (block.section) {
    case 'jgb-curve':
      return ['jp'];
    case 'ust-curve':
      return ['us'];
    case 'prices':
      return [...block.assets];
    case 'headlines':
      return ['headlines'];
  }
}

/** No divider at either end or twice in a row, whatever the template's conditional blocks left. */
function tidyDividers(blocks: readonly Block[]): Block[] {
  const tidy: Block[] = [];
  for (const block of blocks) {
    if (block.kind === 'divider' && (tidy.length === 0 || tidy.at(-1)?.kind === 'divider')) continue;
    tidy.push(block);
  }
  while (tidy.at(-1)?.kind === 'divider') tidy.pop();
  return tidy;
}

function uniqueNotes(notes: readonly FooterNote[]): FooterNote[] {
  const seen = new Set<string>();
  return notes.filter((note) => !seen.has(note.text) && seen.add(note.text) !== undefined);
}
