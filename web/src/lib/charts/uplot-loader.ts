// Charts use uPlot (https://github.com/leeoniya/uPlot): ~50 KB minified (~22 KB gzipped), canvas
// drawing that stays fast for long daily series (3 years + forecast well under 100 ms), bands and
// gaps built in, no dependencies. ECharts (~1 MB) and LayerChart (Svelte + d3, SVG per point) were
// heavier for the same charts. It is loaded on first use, so the first page load stays small.
import type uPlotType from 'uplot';

let loading: Promise<typeof uPlotType> | undefined;

/** uPlot and its stylesheet, imported once on first use. */
export function loadUplot(): Promise<typeof uPlotType> {
  loading ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(
    ([module]) => module.default,
  );
  return loading;
}
