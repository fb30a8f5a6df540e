import type { Asset, JgbTenor, UstTenor } from '../domain/instruments.ts';
import type { Topic } from '../domain/market-data.ts';

/**
 * A brief template, read from a YAML file in `templates/`. Every string in it is a Mustache
 * template over the brief's view model (see `brief-view.ts`); data blocks are named sections that
 * code renders, so a manager can reword and reorder a brief but never run code in it.
 */
export interface BriefTemplate {
  /** The file name without `.yaml`: `morning`, `morning.ja`. */
  readonly name: string;
  /** Where it was read from, for error messages ("templates/morning.yaml"). */
  readonly file: string;
  readonly description: string;
  /** BCP 47 locale for numbers, dates and the words code adds ("en-US", "ja-JP"). */
  readonly locale: string;
  readonly title: string;
  readonly blocks: readonly TemplateBlock[];
  /** Top-level view fields the template's strings read (`jgb`, `gold`, …), so the footer can cite their sources. */
  readonly uses: ReadonlySet<string>;
}

export type TemplateBlock =
  /** The lead paragraph; an LLM summary takes its place when one is given. */
  | { readonly kind: 'lead'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'text'; readonly text: string; readonly heading?: string; readonly muted: boolean }
  /** Bullets that render empty are dropped; with them all gone, so is the heading. */
  | { readonly kind: 'bullets'; readonly items: readonly string[]; readonly heading?: string }
  | ({ readonly kind: 'section'; readonly heading?: string } & SectionSpec)
  | { readonly kind: 'divider' };

export const SECTION_NAMES = ['jgb-curve', 'ust-curve', 'prices', 'headlines'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** How far back a brief's curve chart looks: the same comparisons `/curve` offers, dates aside. */
export const CHART_PERIODS = ['1d', '1w', '1m', '1y'] as const;
export type ChartPeriod = (typeof CHART_PERIODS)[number];

/** A sparkline with more days than this would be a chart, not a glance. */
export const MAX_SPARKLINE_DAYS = 365;
export const DEFAULT_SPARKLINE_DAYS = 30;

export type SectionSpec =
  | {
      readonly section: 'jgb-curve';
      readonly tenors: readonly JgbTenor[];
      readonly spreads: boolean;
      /** A compact chart of the latest curve against this far back, after the table. */
      readonly chart?: ChartPeriod;
    }
  | {
      readonly section: 'ust-curve';
      readonly tenors: readonly UstTenor[];
      readonly spreads: boolean;
      readonly chart?: ChartPeriod;
    }
  | {
      readonly section: 'prices';
      readonly assets: readonly Asset[];
      /** One image of every price's daily closes over this many days, after the table. */
      readonly sparklineDays?: number;
    }
  | {
      readonly section: 'headlines';
      readonly limit: number;
      /** At most this many headlines whose first topic is the same, so one story cannot fill the list. */
      readonly perTopic: number;
      /** Only headlines tagged with one of these (all market topics by default: untagged news is not market news). */
      readonly topics: readonly Topic[];
      /** Older headlines are left out: a morning brief is about the last day or two, weekends included. */
      readonly maxAgeHours: number;
    };

/** A template file that cannot be used, with the file, the line when known, and what is wrong. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly line?: number,
  ) {
    super(`${file}${line === undefined ? '' : ` line ${line}`}: ${problem}`);
  }
}
