// Days whose combination of signals is unusual across all SKU x location days in the window:
// an Isolation Forest (Liu, Ting & Zhou 2008) over sales against the listing's 4-week median,
// price against its usual price, promotion, empty shelf, days of cover and lead time. A day
// scoring s >= 0.75 (the paper: s near 1 is an anomaly, s <= 0.5 normal) is listed for review
// with the features that set it apart.
import { fitIsolationForest, isolationScores } from '../../models/anomaly/isolation-forest';
import { formatIsoDate, parseIsoDate } from '../../models/calendar/dates';
import { median } from '../../models/stats/descriptive';
import { createRandom } from '../../models/stats/random';
import type { ListingHistory, SupplyTerms } from '../tool-context';

export const OUTLIER_SCORE = 0.75;
const SEED = 20_080_101;
const MOST = 20;
const FEATURES = [
  'sales vs 4-week median',
  'price vs usual',
  'promotion',
  'empty shelf',
  'days of cover',
  'lead time',
] as const;

export interface MultivariateOutlier {
  sku: string;
  location: string;
  date: string;
  /** isolation score s(x) in (0, 1] */
  score: number;
  units: number;
  features: Record<(typeof FEATURES)[number], number>;
  explanation: string;
}

interface Row {
  history: ListingHistory;
  index: number;
  features: number[];
}

function rowsOf(
  history: ListingHistory,
  from: number,
  to: number,
  supply: SupplyTerms | undefined,
): Row[] {
  const days = history.days;
  const prices = days.flatMap((day) => (day.price != null && !day.promo ? [day.price] : []));
  const usualPrice = prices.length > 0 ? median(prices) : Number.NaN;
  const rows: Row[] = [];
  for (let index = 0; index < days.length; index += 1) {
    const day = days[index]!;
    const date = parseIsoDate(day.date);
    if (date < from || date > to) continue;
    const recent = days.slice(Math.max(0, index - 28), index).map((item) => item.units);
    if (recent.length < 14) continue;
    const typical = median(recent);
    const demand = recent.reduce((total, value) => total + value, 0) / recent.length;
    const cover = day.onHand != null && demand > 0 ? day.onHand / demand : Number.NaN;
    rows.push({
      history,
      index,
      features: [
        Math.log((day.units + 1) / (typical + 1)),
        day.price != null && usualPrice > 0 ? Math.log(day.price / usualPrice) : 0,
        day.promo ? 1 : 0,
        day.stockout ? 1 : 0,
        Number.isFinite(cover) ? Math.log1p(cover) : 0,
        supply?.leadTimeDays ?? 0,
      ],
    });
  }
  return rows;
}

function describe(features: readonly number[], means: readonly number[]): string {
  const parts: string[] = [];
  const ratio = Math.exp(features[0]!);
  if (Math.abs(features[0]!) > 0.5) parts.push(`sold ${ratio.toFixed(1)}x its 4-week median`);
  if (Math.abs(features[1]!) > 0.05)
    parts.push(`at ${Math.round(Math.exp(features[1]!) * 100)}% of its usual price`);
  if (features[2] === 1) parts.push('on promotion');
  if (features[3] === 1) parts.push('with the shelf empty');
  const cover = Math.expm1(features[4]!);
  if (Math.abs(features[4]! - means[4]!) > 1) parts.push(`with ${cover.toFixed(0)} days of cover`);
  return `unusual combination for review: ${parts.length > 0 ? parts.join(', ') : 'several signals at once'}`;
}

/** The most isolated SKU x location days in [from, to] (ISO dates), strongest first. */
export function findMultivariateOutliers(
  histories: readonly ListingHistory[],
  from: string,
  to: string,
  supplyOf: (sku: string, location: string) => SupplyTerms | undefined,
): MultivariateOutlier[] {
  const rows = histories.flatMap((history) =>
    rowsOf(history, parseIsoDate(from), parseIsoDate(to), supplyOf(history.sku, history.location)),
  );
  if (rows.length < 64) return [];
  const matrix = rows.map((row) => row.features);
  const forest = fitIsolationForest(matrix, { random: createRandom(SEED) });
  const scores = isolationScores(forest, matrix);
  const means = FEATURES.map(
    (_, column) => matrix.reduce((total, row) => total + row[column]!, 0) / matrix.length,
  );
  const found: MultivariateOutlier[] = [];
  scores.forEach((score, position) => {
    if (score < OUTLIER_SCORE) return;
    const row = rows[position]!;
    const day = row.history.days[row.index]!;
    found.push({
      sku: row.history.sku,
      location: row.history.location,
      date: formatIsoDate(parseIsoDate(day.date)),
      score: Math.round(score * 1000) / 1000,
      units: day.units,
      features: Object.fromEntries(
        FEATURES.map((name, column) => [name, Math.round(row.features[column]! * 1000) / 1000]),
      ) as MultivariateOutlier['features'],
      explanation: describe(row.features, means),
    });
  });
  return found.sort((a, b) => b.score - a.score).slice(0, MOST);
}
