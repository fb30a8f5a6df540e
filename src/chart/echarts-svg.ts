import type { EChartsCoreOption } from 'echarts/core';
import { measureCssFont } from './text-width.ts';

type EchartsCore = typeof import('echarts/core');

let loaded: Promise<EchartsCore> | undefined;

/**
 * ECharts is loaded on the first chart, not at start-up: importing it costs about a third of a
 * second, which every `briefbot ask "/yield …"` would otherwise pay for a chart it never draws.
 * Only the line chart, its components and the SVG renderer are registered.
 */
function loadEcharts(): Promise<EchartsCore> {
  loaded ??= (async () => {
    const [core, charts, components, renderers] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ]);
    core.use([
      charts.LineChart,
      components.GridComponent,
      components.LegendComponent,
      components.GraphicComponent,
      renderers.SVGRenderer,
    ]);
    // Legend layout measures text; with no canvas ECharts would guess widths for another font.
    core.setPlatformAPI({ measureText: measureCssFont });
    return core;
  })();
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}

/** Renders an option to an SVG document server-side: no DOM, no canvas. */
export async function echartsSvg(option: EChartsCoreOption, width: number, height: number): Promise<string> {
  const echarts = await loadEcharts();
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
