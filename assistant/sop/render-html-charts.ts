// The report's charts, drawn from the facts as inline SVG: accuracy by category, the outlook
// against last year, days of cover, and excess and expiry value by item.
import type { DemandReview, SupplyReview } from '../../tools/sop/sop-facts';
import { horizontalBars, type BarRow } from './charts/horizontal-bars';
import { outlookChart } from './charts/outlook-chart';
import type { ReportWords } from './render-labels';

const maximumBars = 15;

/** A chart and its visible caption. */
export interface ReportChart {
  title: string;
  svg: string;
}

export function demandCharts(data: DemandReview, words: ReportWords): ReportChart[] {
  const charts: ReportChart[] = [];
  const categories = data.byCategory.filter(
    (row): row is typeof row & { wape: number } => row.wape !== null,
  );
  if (categories.length > 0) {
    charts.push({
      title: words.label('chartAccuracy'),
      svg: horizontalBars({
        title: words.label('chartAccuracy'),
        rows: [...categories]
          .sort((a, b) => b.wape - a.wape)
          .slice(0, maximumBars)
          .map((row) => ({
            label: row.category,
            value: row.wape,
            valueText: words.percent(row.wape),
            tone:
              data.overall.wape !== null && row.wape > data.overall.wape ? 'warning' : 'primary',
          })),
        ...(data.overall.wape !== null && {
          reference: {
            value: data.overall.wape,
            label: `${words.label('overall')} ${words.percent(data.overall.wape)}`,
          },
        }),
      }),
    });
  }
  if (data.outlook.length > 0) {
    charts.push({
      title: words.label('chartOutlook'),
      svg: outlookChart({
        title: words.label('chartOutlook'),
        forecastLabel: words.label('chartForecast'),
        lastYearLabel: words.label('chartLastYear'),
        columns: data.outlook.map((row) => ({
          label: words.monthName(row.month),
          forecast: row.forecastUnits,
          lower: row.lowerUnits,
          upper: row.upperUnits,
          lastYear: row.lastYearUnits,
          forecastText: words.number(row.forecastUnits),
          lastYearText: row.lastYearUnits === null ? '' : words.number(row.lastYearUnits),
        })),
      }),
    });
  }
  return charts;
}

export function supplyCharts(data: SupplyReview, words: ReportWords): ReportChart[] {
  const charts: ReportChart[] = [];
  const covered = data.daysOfCover.filter(
    (row): row is typeof row & { days: number } => row.days !== null,
  );
  if (covered.length > 0) {
    // lowest cover first: the rows at risk of a stockout
    charts.push({
      title: words.label('chartCover'),
      svg: horizontalBars({
        title: words.label('chartCover'),
        rows: [...covered]
          .sort((a, b) => a.days - b.days)
          .slice(0, maximumBars)
          .map((row) => ({
            label: `${row.category} · ${row.location}`,
            value: row.days,
            valueText: words.number(row.days),
            tone: row.days < 7 ? 'warning' : 'primary',
          })),
      }),
    });
  }
  const valueRows: BarRow[] = [
    ...data.excess.items.map((item) => ({
      label: `${item.sku} · ${item.location}`,
      value: item.excessValue,
      valueText: words.money(item.excessValue),
      tone: 'primary' as const,
    })),
    ...data.expiryRisk.items.map((item) => ({
      label: `${item.sku} · ${item.location}`,
      value: item.value,
      valueText: words.money(item.value),
      tone: 'warning' as const,
    })),
  ]
    .sort((a, b) => b.value - a.value)
    .slice(0, maximumBars);
  if (valueRows.length > 0) {
    charts.push({
      title: words.label('chartExcessExpiry'),
      svg: horizontalBars({
        title: words.label('chartExcessExpiry'),
        rows: valueRows,
        legend: [
          { tone: 'primary', label: words.label('excessValue') },
          { tone: 'warning', label: words.label('expiryRisk').split(' (')[0] ?? '' },
        ],
      }),
    });
  }
  return charts;
}
