import { createHash } from 'node:crypto';
import type { BriefSummary } from '../briefing/brief-summary.ts';
import type { BriefTemplate } from '../briefing/brief-template.ts';
import { composeBrief, type FiredAlert } from '../briefing/compose-brief.ts';
import { type BriefChartDeps, renderBriefCharts } from '../briefing/render-brief-charts.ts';
import { type Snapshot, takeSnapshot } from '../briefing/snapshot.ts';
import { loadTemplateLibrary, resolveTemplate, type TemplateLibrary } from '../briefing/template-library.ts';
import type { Document } from '../domain/document.ts';
import type { MarketService } from '../market/market-service.ts';
import type { BriefCache, DeliveryTarget } from '../store/store.ts';

/** What the fan-out composes for one delivery: the brief for its fire time, template, locale and zone. */
export interface BriefComposer {
  compose(target: DeliveryTarget): Promise<Document>;
  /** Snapshots taken and briefs composed by this instance, for the bench and the logs. */
  readonly counts: { snapshots: number; compositions: number };
  /** Drops what was kept for fires before `before`. */
  forget(before: Date): void;
}

export interface BriefComposerDeps {
  readonly market: MarketService;
  readonly briefs: BriefCache;
  readonly now: () => Date;
  readonly sigmaWindowDays: number;
  /** Read once a minute at most; tests pass a fixed library. */
  readonly library?: () => Promise<TemplateLibrary>;
  /** The LLM lead (issue 7), written once per fire, template and locale. */
  readonly summarize?: (input: {
    snapshot: Snapshot;
    template: BriefTemplate;
    locale: string;
  }) => Promise<BriefSummary | undefined>;
  /** Alerts that fired in the target's channel since its last brief; they make its brief its own. */
  readonly alertsSince?: (target: DeliveryTarget) => Promise<readonly FiredAlert[]>;
  /** Recorded prices for sparklines and the log for charts that fail; see `renderBriefCharts`. */
  readonly charts?: BriefChartDeps;
}

/** Template files are re-read at most this often, so an edit applies without a restart. */
const LIBRARY_TTL_MS = 60_000;

/**
 * One snapshot per fire time and one composition per (template, locale, zone), however many
 * channels receive it. The first document composed for a key is stored in the brief cache and
 * every instance, before or after a restart, sends that one.
 */
export function createBriefComposer(deps: BriefComposerDeps): BriefComposer {
  const counts = { snapshots: 0, compositions: 0 };
  const snapshots = new Map<string, Promise<Snapshot>>();
  const documents = new Map<string, Promise<Document>>();
  const summaries = new Map<string, Promise<BriefSummary | undefined>>();
  let library: { at: number; value: Promise<TemplateLibrary> } | undefined;

  function templates(): Promise<TemplateLibrary> {
    const at = Date.now();
    if (!library || at - library.at > LIBRARY_TTL_MS) {
      library = { at, value: (deps.library ?? (() => loadTemplateLibrary()))() };
    }
    return library.value;
  }

  function snapshotFor(fireAt: string): Promise<Snapshot> {
    let snapshot = snapshots.get(fireAt);
    if (!snapshot) {
      counts.snapshots += 1;
      // A scheduled brief is read once by many: it waits for a failing source's retry rather than
      // go out marked stale because a refresh failed a few seconds before the fire time.
      snapshot = takeSnapshot(deps.market, deps.now, { waitForRefresh: true }, deps.charts?.prices);
      snapshots.set(fireAt, snapshot);
    }
    return snapshot;
  }

  function summaryFor(fireAt: string, snapshot: Snapshot, template: BriefTemplate, locale: string) {
    if (!deps.summarize) return Promise.resolve(undefined);
    const key = `${fireAt}|${template.name}|${locale}`;
    let summary = summaries.get(key);
    if (!summary) {
      summary = deps.summarize({ snapshot, template, locale }).catch(() => undefined);
      summaries.set(key, summary);
    }
    return summary;
  }

  async function composeFresh(target: DeliveryTarget, key: string, alerts: readonly FiredAlert[]) {
    const cached = await deps.briefs.get(target.fireAt, key);
    if (cached) return cached;
    const template = resolveTemplate(await templates(), target.template);
    const snapshot = await snapshotFor(target.fireAt);
    const locale = target.locale ?? template.locale;
    // The pictures are the same in every language and zone; the cached renderers draw each once a fire.
    const [summary, charts] = await Promise.all([
      summaryFor(target.fireAt, snapshot, template, locale),
      renderBriefCharts(template, snapshot, deps.charts),
    ]);
    counts.compositions += 1;
    const document = composeBrief({
      snapshot,
      template,
      timeZone: target.timeZone,
      locale,
      sigmaWindowDays: deps.sigmaWindowDays,
      ...(summary ? { summary } : {}),
      ...(alerts.length > 0 ? { alertsSince: alerts } : {}),
      charts,
    });
    return deps.briefs.putIfAbsent(target.fireAt, key, document);
  }

  return {
    counts,
    async compose(target) {
      const alerts = (await deps.alertsSince?.(target)) ?? [];
      const key = briefKey(target, alerts);
      const memo = `${target.fireAt}|${key}`;
      let document = documents.get(memo);
      if (!document) {
        document = composeFresh(target, key, alerts);
        documents.set(memo, document);
        // A failure (a source down, a broken template) is not remembered: the retry composes again.
        document.catch(() => documents.delete(memo));
      }
      return document;
    },
    forget(before) {
      const cutoff = before.toISOString();
      for (const map of [snapshots, documents, summaries] as Map<string, unknown>[]) {
        for (const key of map.keys()) if (key.slice(0, cutoff.length) < cutoff) map.delete(key);
      }
    },
  };
}

/** Briefs are shared by every channel with the same template, locale and zone and no alerts of its own. */
export function briefKey(target: DeliveryTarget, alerts: readonly FiredAlert[]): string {
  const base = `${target.template}|${target.locale ?? ''}|${target.timeZone}`;
  if (alerts.length === 0) return base;
  const digest = createHash('sha256')
    .update(JSON.stringify(alerts.map((a) => [a.text, a.firedAt.toISOString()])))
    .digest('hex')
    .slice(0, 16);
  return `${base}|alerts:${digest}`;
}
