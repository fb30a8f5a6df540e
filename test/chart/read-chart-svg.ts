/** Reads back what ECharts drew, from the SVG text alone. */

export interface DrawnPoint {
  readonly series: number;
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly fill: string;
}

function attributes(tag: string): Map<string, string> {
  return new Map([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
}

function pathTags(svg: string): Map<string, string>[] {
  return [...svg.matchAll(/<path\b[^>]*>/g)].map((m) => attributes(m[0]));
}

/** Every data point's symbol: ECharts tags it with its series and data index and places it by a matrix. */
export function drawnPoints(svg: string): DrawnPoint[] {
  return pathTags(svg).flatMap((attrs) => {
    if (attrs.get('ecmeta_ssr_type') !== 'chart') return [];
    const matrix = /matrix\(([^)]+)\)/
      .exec(attrs.get('transform') ?? '')?.[1]
      ?.split(',')
      .map(Number);
    const x = matrix?.[4];
    const y = matrix?.[5];
    if (x === undefined || y === undefined) return [];
    return [
      {
        series: Number(attrs.get('ecmeta_series_index')),
        index: Number(attrs.get('ecmeta_data_index')),
        x,
        y,
        fill: attrs.get('fill') ?? '',
      },
    ];
  });
}

/** The vertices of each polyline stroked in `color` that is drawn as a line series (M…L… only). */
export function polylines(svg: string, color: string): { x: number; y: number }[][] {
  return pathTags(svg).flatMap((attrs) => {
    const d = attrs.get('d') ?? '';
    if (attrs.get('stroke') !== color || attrs.get('fill') !== 'none' || !/^M[\d.\s-]+(L[\d.\s-]+)+$/.test(d))
      return [];
    return [[...d.matchAll(/[ML]([\d.-]+) ([\d.-]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }))];
  });
}

/** The text content of every <text> element, unescaped. */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] ?? '')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&amp;', '&'),
  );
}
