import type { FooterNote } from '../domain/document.ts';
import { ASSETS, type Asset, MARKETS, type Market } from '../domain/instruments.ts';
import type { Headline } from '../domain/market-data.ts';
import { isCurveOutdated } from '../market/curve-freshness.ts';
import type { BriefFormat } from './brief-format.ts';
import type { BriefStrings } from './brief-strings.ts';
import { missingText } from './brief-view.ts';
import { quoteParts } from './quote-parts.ts';
import type { Snapshot } from './snapshot.ts';

/** One part of a snapshot, and so one source (or set of feeds) the footer must name. */
export type PartKey = Market | Asset | 'headlines';

/**
 * The footer: every source the brief shows a figure from, with its as-of time, in a fixed order;
 * a warning for each stale figure and each source that did not answer.
 */
export function sourceNotes(
  snapshot: Snapshot,
  used: ReadonlySet<PartKey>,
  shownHeadlines: readonly Headline[],
  format: BriefFormat,
  strings: BriefStrings,
): FooterNote[] {
  const notes: FooterNote[] = [];
  for (const market of MARKETS) {
    if (!used.has(market)) continue;
    const part = snapshot.curves[market];
    const name = strings.curve[market];
    const last = part.ok ? part.value.value.rows.at(-1) : undefined;
    if (!part.ok || !last) {
      const why = part.ok ? strings.noData : missingText(part, strings);
      notes.push({ text: strings.sectionUnavailable(name, why), warning: true });
      continue;
    }
    notes.push({ text: strings.curveNote(name, part.value.source.name, format.date(last.date)) });
    // Two different reasons, each worth saying: the source did not answer; the data is behind.
    if (part.value.stale) {
      const fetched = format.dateTime(part.value.fetchedAt);
      notes.push({ text: strings.curveRefreshFailed(name, fetched), warning: true });
    }
    if (isCurveOutdated(market, last.date, snapshot.takenAt)) {
      notes.push({ text: strings.curveStale(name, format.date(last.date)), warning: true });
    }
  }
  const { available, missing } = quoteParts(
    snapshot,
    ASSETS.filter((asset) => used.has(asset)),
    strings,
  );
  for (const { asset, quote, stale } of available) {
    const text = strings.quoteNote(
      strings.asset[asset],
      quote.source.name,
      strings.kind[quote.kind],
      format.dateTime(quote.asOf),
    );
    notes.push(stale ? { text: strings.markStale(text), warning: true } : { text });
  }
  for (const [why, names] of missing) {
    notes.push({ text: strings.someUnavailable(strings.list(names), why), warning: true });
  }
  if (used.has('headlines')) notes.push(...headlineNotes(snapshot, shownHeadlines, format, strings));
  return notes;
}

function headlineNotes(
  snapshot: Snapshot,
  shown: readonly Headline[],
  format: BriefFormat,
  strings: BriefStrings,
): FooterNote[] {
  const part = snapshot.headlines;
  if (!part.ok) {
    return [
      { text: strings.sectionUnavailable(strings.headlines, missingText(part, strings)), warning: true },
    ];
  }
  const notes: FooterNote[] = [];
  const sources = [...new Set(shown.map((h) => h.source))];
  if (sources.length > 0) {
    const note = strings.headlineNote(strings.list(sources), format.dateTime(part.value.fetchedAt));
    notes.push(part.value.stale ? { text: strings.markStale(note), warning: true } : { text: note });
  }
  const failed = part.value.value.failed.map((s) => s.name);
  if (failed.length > 0) notes.push({ text: strings.feedsFailed(strings.list(failed)), warning: true });
  return notes;
}
