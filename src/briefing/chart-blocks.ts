import type { Block } from '../domain/document.ts';
import { ASSET_INFO, type Tenor } from '../domain/instruments.ts';
import {
  type BriefChart,
  type CurveChart,
  chartKey,
  chartRequestOf,
  type SparklinesChart,
} from './brief-charts.ts';
import type { BriefFormat } from './brief-format.ts';
import type { BriefStrings } from './brief-strings.ts';
import type { SectionSpec } from './brief-template.ts';
import type { SectionContext } from './sections.ts';

const YIELD_DECIMALS = { jp: 3, us: 2 } as const;

/**
 * The chart a section asked for, placed after its tables: none when it was not drawn (its data
 * is missing, or drawing failed and was logged), and each chart once per brief.
 */
export function sectionChart(section: SectionSpec, context: SectionContext): Block[] {
  const request = chartRequestOf(section);
  if (!request) return [];
  const key = chartKey(request);
  const chart = context.charts.get(key);
  if (!chart || context.placedCharts.has(key)) return [];
  context.placedCharts.add(key);
  const tenors = section.section === 'jgb-curve' || section.section === 'ust-curve' ? section.tenors : [];
  const name = uniqueName(chart.name, context.imageNames);
  context.imageNames.add(name);
  return [chartBlock(chart, name, tenors, context.format, context.strings)];
}

/** Uploads and attachments are found by file name, so two pictures of a brief never share one. */
function uniqueName(name: string, taken: ReadonlySet<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n += 1) candidate = name.replace(/(\.png)?$/, `-${n}$1`);
  return candidate;
}

/**
 * A drawn chart as an image block. The picture's own words are English (the shipped font has no
 * Japanese glyphs); the alt text is written here, in the brief's language, from the same figures,
 * and is what text-only clients, screen readers and Discord captions show.
 */
export function chartBlock(
  chart: BriefChart,
  name: string,
  tenors: readonly Tenor[],
  format: BriefFormat,
  strings: BriefStrings,
): Block {
  const alt =
    chart.kind === 'curve' ? curveAlt(chart, tenors, format, strings) : sparklinesAlt(chart, format, strings);
  return {
    kind: 'image',
    image: { name, alt, png: chart.png, width: chart.width, height: chart.height },
  };
}

function curveAlt(chart: CurveChart, tenors: readonly Tenor[], format: BriefFormat, strings: BriefStrings) {
  const points = tenors.flatMap((tenor) => {
    const now = chart.today.yields[tenor];
    const then = chart.past.yields[tenor];
    if (now === undefined || then === undefined) return [];
    return [
      strings.curveChartPoint(
        strings.tenor(tenor),
        format.yieldLevel(now, YIELD_DECIMALS[chart.market]),
        format.bpChange(now - then),
      ),
    ];
  });
  return strings.curveChartAlt(
    strings.curve[chart.market],
    chart.today.date,
    chart.past.date,
    points,
    chart.source.name,
  );
}

function sparklinesAlt(chart: SparklinesChart, format: BriefFormat, strings: BriefStrings) {
  const trails = chart.trails.flatMap(({ asset, points }) => {
    const first = points[0];
    const last = points.at(-1);
    if (!first || !last) return [];
    const decimals = ASSET_INFO[asset].decimals;
    return [
      strings.sparklineTrail(
        strings.asset[asset],
        format.price(first.value, decimals),
        format.price(last.value, decimals),
        format.percentChange(first.value, last.value),
        first.date,
        last.date,
      ),
    ];
  });
  const sources = strings.list([...new Set(chart.trails.map((t) => t.source.name))]);
  return strings.sparklinesAlt(chart.days, trails, sources);
}
