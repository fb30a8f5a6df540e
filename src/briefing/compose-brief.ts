import type { Document } from '../domain/document.ts';
import { formatInstant } from '../domain/format.ts';
import { curveSection, headlinesSection, pricesSection, type Section } from './sections.ts';
import type { Snapshot } from './snapshot.ts';

/** The morning brief built from one snapshot: JGB curve, Treasuries, markets, headlines. */
export function composeMorningBrief(snapshot: Snapshot, timeZone: string): Document {
  const sections: Section[] = [
    curveSection(snapshot, 'jp'),
    curveSection(snapshot, 'us'),
    pricesSection(snapshot),
    headlinesSection(snapshot, timeZone),
  ];
  return {
    title: `Morning brief, ${formatInstant(snapshot.takenAt, timeZone)}`,
    blocks: sections.flatMap((s, i) => (i === 0 ? s.blocks : [{ kind: 'divider' as const }, ...s.blocks])),
    footer: sections.flatMap((s) => s.footer),
  };
}
