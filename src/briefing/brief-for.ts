import type { IsoDate } from '../domain/dates.ts';
import type { Document } from '../domain/document.ts';
import type { MarketService } from '../market/market-service.ts';
import type { BriefSummary } from './brief-summary.ts';
import type { BriefTemplate } from './brief-template.ts';
import { composeBrief, type FiredAlert } from './compose-brief.ts';
import { type BriefChartDeps, renderBriefCharts } from './render-brief-charts.ts';
import { type PastMarketData, type Snapshot, takeSnapshot, takeSnapshotAsOf } from './snapshot.ts';
import { loadTemplateLibrary, resolveTemplate, type TemplateLibrary } from './template-library.ts';

/** The template a brief uses when none is named. */
export const DEFAULT_TEMPLATE = 'morning';

export interface BriefRequest {
  readonly market: MarketService;
  /** A template name; `morning` when absent. Unknown names are a `UserError` listing the templates. */
  readonly template?: string;
  readonly timeZone: string;
  readonly now: () => Date;
  /** Replay a past day instead of taking a snapshot now. */
  readonly asOf?: IsoDate;
  readonly past?: PastMarketData;
  /** The LLM lead (issue 7), written from the same snapshot the brief shows. */
  readonly summarize?: (snapshot: Snapshot, template: BriefTemplate) => Promise<BriefSummary | undefined>;
  readonly sigmaWindowDays?: number;
  /** Alerts fired in the audience's channel since its last brief. */
  readonly alertsSince?: readonly FiredAlert[];
  /** Read from `templates/` when absent. */
  readonly library?: TemplateLibrary;
  /**
   * Recorded prices for the sparklines, the log for charts that fail, and (in tests) the renderers.
   * Without it a template's curve charts are still drawn; its sparklines are not.
   */
  readonly charts?: BriefChartDeps;
}

/**
 * One brief for one audience: load the template, take one snapshot, compose. For a brief sent to
 * many channels, take the snapshot once and call `composeBrief` per channel instead.
 */
export async function briefFor(
  request: BriefRequest,
): Promise<{ document: Document; template: BriefTemplate }> {
  const library = request.library ?? (await loadTemplateLibrary());
  const template = resolveTemplate(library, request.template ?? DEFAULT_TEMPLATE);
  const snapshot =
    request.asOf === undefined
      ? await takeSnapshot(request.market, request.now, undefined, request.charts?.prices)
      : await takeSnapshotAsOf(request.market, request.asOf, request.past);
  // Drawn while the summary is written: both read the snapshot, neither needs the other.
  const [summary, charts] = await Promise.all([
    request.summarize?.(snapshot, template),
    renderBriefCharts(template, snapshot, request.charts),
  ]);
  const document = composeBrief({
    snapshot,
    template,
    timeZone: request.timeZone,
    ...(summary ? { summary } : {}),
    ...(request.sigmaWindowDays === undefined ? {} : { sigmaWindowDays: request.sigmaWindowDays }),
    ...(request.alertsSince ? { alertsSince: request.alertsSince } : {}),
    charts,
  });
  return { document, template };
}
