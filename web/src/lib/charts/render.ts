// Draws a time chart with uPlot (loaded lazily, see uplot-loader.ts) from the typed columns of
// series.ts: lines, filled bands between two lines, vertical markers (holidays) and shaded spans
// (anomalies). The x axis is UTC days, so a date never shifts with the browser's time zone.
import type uPlotType from 'uplot';
import { forUplot } from './series';
import { loadUplot } from './uplot-loader';

export interface ChartLine {
  label: string;
  values: Float64Array;
  /** undefined: not drawn (a band edge) and left out of the legend */
  color?: string;
  width?: number;
  dash?: number[];
  /** draw a dot at each value (sparse series such as anomaly points) */
  points?: boolean;
}

export interface TimeChartSpec {
  x: Float64Array;
  lines: ChartLine[];
  /** fill between lines[lower] and lines[upper] */
  bands?: { lower: number; upper: number; fill: string }[];
  /** vertical lines at these x (UTC seconds) */
  markers?: { positions: Float64Array; color: string };
  /** shaded x ranges, flat [start, end, ...] in UTC seconds */
  spans?: { positions: Float64Array; fill: string };
  height?: number;
  /** y values shown as whole numbers with thousands separators in this locale */
  locale?: string;
}

export interface ChartHandle {
  destroy(): void;
}

function overlayPlugin(spec: TimeChartSpec): uPlotType.Plugin {
  return {
    hooks: {
      // band edges (lines without a colour) are left out of the legend: the band shows them
      init: [
        (chart) => {
          const rows = chart.root.querySelectorAll<HTMLElement>('.u-legend .u-series');
          spec.lines.forEach((line, index) => {
            if (!line.color) rows[index + 1]?.style.setProperty('display', 'none');
          });
        },
      ],
      drawClear: [
        (chart) => {
          const { ctx } = chart;
          const { top, height } = chart.bbox;
          const spans = spec.spans;
          if (spans) {
            ctx.save();
            ctx.fillStyle = spans.fill;
            for (let index = 0; index + 1 < spans.positions.length; index += 2) {
              const left = chart.valToPos(spans.positions[index] as number, 'x', true);
              const right = chart.valToPos(spans.positions[index + 1] as number, 'x', true);
              ctx.fillRect(left, top, Math.max(right - left, 2), height);
            }
            ctx.restore();
          }
          const markers = spec.markers;
          if (markers) {
            ctx.save();
            ctx.strokeStyle = markers.color;
            ctx.setLineDash([4, 4]);
            ctx.lineWidth = Math.max(1, devicePixelRatio);
            ctx.beginPath();
            for (const position of markers.positions) {
              const left = Math.round(chart.valToPos(position, 'x', true));
              ctx.moveTo(left, top);
              ctx.lineTo(left, top + height);
            }
            ctx.stroke();
            ctx.restore();
          }
        },
      ],
    },
  };
}

function options(uPlot: typeof uPlotType, spec: TimeChartSpec, width: number): uPlotType.Options {
  const format = new Intl.NumberFormat(spec.locale, { maximumFractionDigits: 0 });
  return {
    width,
    height: spec.height ?? 240,
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    legend: { live: true },
    cursor: { drag: { x: true, y: false } },
    scales: { x: { time: true } },
    axes: [
      {},
      {
        values: (_chart, splits) => splits.map((value) => format.format(value)),
        size: 60,
      },
    ],
    series: [
      {},
      ...spec.lines.map((line): uPlotType.Series => ({
        label: line.label,
        stroke: line.color ?? 'transparent',
        width: line.color ? (line.width ?? 1.5) : 0,
        ...(line.dash && { dash: line.dash }),
        points: line.points
          ? { show: true, size: 8, stroke: line.color, fill: line.color }
          : { show: false },
        spanGaps: false,
        value: (_chart, value) => (value == null ? '–' : format.format(value)),
      })),
    ],
    bands: (spec.bands ?? []).map((band) => ({
      series: [band.upper + 1, band.lower + 1] as [number, number],
      fill: band.fill,
    })),
    plugins: [overlayPlugin(spec)],
  };
}

/** The aligned data uPlot takes: x and each line, NaN turned into gaps. */
export function alignedData(spec: TimeChartSpec): uPlotType.AlignedData {
  return [spec.x, ...spec.lines.map((line) => forUplot(line.values))];
}

/** Draws the chart into target (emptied first) and follows its width; resolves when drawn. */
export async function drawTimeChart(
  target: HTMLElement,
  spec: TimeChartSpec,
): Promise<ChartHandle> {
  const uPlot = await loadUplot();
  target.replaceChildren();
  const width = Math.max(target.clientWidth, 280);
  const chart = new uPlot(options(uPlot, spec, width), alignedData(spec), target);
  const observer =
    typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver(() => {
          const next = Math.max(target.clientWidth, 280);
          if (Math.abs(next - chart.width) > 1)
            chart.setSize({ width: next, height: chart.height });
        });
  observer?.observe(target);
  return {
    destroy() {
      observer?.disconnect();
      chart.destroy();
    },
  };
}
