// Benchmark of the daily model: speed on seeded synthetic 1,095-day series, and accuracy on the
// M5 FOODS subset (/work/shared/data/m5_foods_small, h = 28, period 7) at three rolling
// origins (the last 28, 56 and 84 days held out in turn), against seasonal naive and theta.
//   node --import tsx models/forecast/daily/daily.bench.ts [DATA_DIR]
// Accuracy: mean MASE (seasonal-naive scale, period 7) and RMSSE (lag-1 scale, as M5) over
// series x origins. Variants of the daily model validate its choices: transform (auto /
// log1p / none), trend forms (with or without the hinge knot), and the exogenous columns
// (M5 sell_price as log price; any M5 event flag as one 0/1 event column, future known).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIsoDate, parseIsoDate } from '../../calendar/dates';
import { mase, rmsse } from '../metrics';
import { getForecaster } from '../registry';
import type { TrendForm, Transform } from './daily-model';
import { dailyForecaster } from './daily-forecaster';
import { forecastDaily } from './forecast-daily';
import { runDaily } from './run-daily';
import { simulateDaily } from './test-support';
// The brief allows this benchmark (not models code) to generate the demo company in memory.
// eslint-disable-next-line no-restricted-imports
import { generateDemoCompany } from '../../../assistant/store/demo/generate';
// eslint-disable-next-line no-restricted-imports
import { normalisedWeekly } from '../../../assistant/store/demo/categories';

const HORIZON = 28;
const ORIGINS = [84, 56, 28];

/** Wall and CPU milliseconds per call: on a shared machine the CPU figure is the steadier. */
function timeIt(label: string, count: number, call: (index: number) => void): void {
  for (let index = 0; index < 60; index += 1) call(index);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let index = 0; index < count; index += 1) call(index);
  const cpu = process.cpuUsage(cpuStart);
  const wall = (performance.now() - start) / count;
  const cpuMs = (cpu.user + cpu.system) / 1000 / count;
  console.log(
    `${label}: ${wall.toFixed(2)} ms wall, ${cpuMs.toFixed(2)} ms CPU per 1,095-day series (${count} series)`,
  );
}

function speed(): void {
  const series = Array.from({ length: 40 }, (_, seed) =>
    simulateDaily({
      seed,
      days: 1095,
      horizon: 28,
      yearlyAmplitude: 0.2,
      fiestasPatriasLift: 1.3,
      promotionLift: 1.3,
      priceElasticity: -1.2,
    }),
  );
  timeIt('dailyForecaster (dhr, values only)', 200, (index) => {
    const item = series[index % series.length]!;
    dailyForecaster.forecast({
      values: item.values.slice(0, 1095),
      period: 7,
      horizon: 28,
      levels: [80, 95],
    });
  });
  timeIt('forecastDaily (calendar + promotion + price)', 200, (index) => {
    const item = series[index % series.length]!;
    forecastDaily({
      values: item.values.slice(0, 1095),
      firstDay: item.firstDay,
      horizon: 28,
      levels: [80, 95],
      promotion: { history: item.promotion.slice(0, 1095), future: item.promotion.slice(1095) },
      price: { history: item.price.slice(0, 1095), future: item.price.slice(1095) },
    });
  });
}

interface M5Series {
  id: string;
  firstDay: number;
  values: number[];
  price: number[];
  event: number[];
}

function readM5(directory: string): M5Series[] {
  const byId = new Map<string, M5Series>();
  const sales = readFileSync(join(directory, 'm5_foods_small.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  for (const line of sales) {
    const [id, date, value] = line.split(',') as [string, string, string];
    let item = byId.get(id);
    if (!item) {
      item = { id, firstDay: parseIsoDate(date), values: [], price: [], event: [] };
      byId.set(id, item);
    }
    item.values.push(Number(value));
  }
  const exog = readFileSync(join(directory, 'm5_foods_small_exog.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  for (const line of exog) {
    const [id, , price, ...flags] = line.split(',') as [string, string, string, ...string[]];
    const item = byId.get(id)!;
    item.price.push(price === '' ? Number.NaN : Number(price));
    item.event.push(flags.some((flag) => Number(flag) > 0) ? 1 : 0);
  }
  return [...byId.values()];
}

type Method = (train: M5Series, cut: number) => number[];

function dailyVariant(options: {
  transforms: readonly Transform[];
  trendForms: readonly TrendForm[];
  exog: boolean;
}): Method {
  return (series, cut) => {
    const values = series.values.slice(0, cut);
    const weights = new Float64Array(values.map(() => 1));
    const event = Float64Array.from(series.event.slice(0, cut + HORIZON));
    const days = new Set<number>();
    event.forEach((flag, row) => (flag > 0 ? days.add(series.firstDay + row) : undefined));
    let logPrice: Float64Array | undefined;
    if (options.exog) {
      let last = series.price.find((price) => !Number.isNaN(price)) ?? 1;
      const logs = series.price.slice(0, cut + HORIZON).map((price) => {
        if (!Number.isNaN(price)) last = price;
        return Math.log(last);
      });
      const centre = logs.slice(0, cut).reduce((total, value) => total + value, 0) / cut;
      logPrice = Float64Array.from(logs, (value) => value - centre);
    }
    return runDaily({
      values,
      weights,
      horizon: HORIZON,
      levels: [],
      firstTime: series.firstDay,
      cyclePeriod: 7,
      events: options.exog ? [{ name: 'M5 event', days }] : [],
      ...(logPrice ? { logPrice } : {}),
      transforms: options.transforms,
      yearly: cut >= 730,
      trendForms: options.trendForms,
    }).mean;
  };
}

function accuracy(directory: string): void {
  if (!existsSync(join(directory, 'm5_foods_small.csv'))) {
    console.log(`M5 data not found in ${directory}: accuracy skipped (speed figures above stand).`);
    return;
  }
  const data = readM5(directory);
  const registered =
    (name: string): Method =>
    (series, cut) =>
      getForecaster(name)
        .forecast({ values: series.values.slice(0, cut), period: 7, horizon: HORIZON })
        .mean.map((value) => Math.max(0, value));
  const all: TrendForm[] = ['flat', 'linear', 'knot'];
  const noKnot: TrendForm[] = ['flat', 'linear'];
  const auto: Transform[] = ['log1p', 'none'];
  const methods: Record<string, Method> = {
    snaive: registered('snaive'),
    theta: registered('theta'),
    'dhr (registry: values only)': registered('dhr'),
    'daily auto-transform, knot': dailyVariant({ transforms: auto, trendForms: all, exog: false }),
    'daily auto-transform, no knot': dailyVariant({
      transforms: auto,
      trendForms: noKnot,
      exog: false,
    }),
    'daily log1p, knot': dailyVariant({ transforms: ['log1p'], trendForms: all, exog: false }),
    'daily none, knot': dailyVariant({ transforms: ['none'], trendForms: all, exog: false }),
    'daily auto + price + events, knot': dailyVariant({
      transforms: auto,
      trendForms: all,
      exog: true,
    }),
    'daily auto + price + events, no knot': dailyVariant({
      transforms: auto,
      trendForms: noKnot,
      exog: true,
    }),
  };
  console.log(
    `\nM5 FOODS subset: ${data.length} series x ${ORIGINS.length} origins, h = ${HORIZON}`,
  );
  console.log('method'.padEnd(40), 'MASE(7)', 'RMSSE(1)', 'last-origin MASE');
  for (const [name, method] of Object.entries(methods)) {
    let maseTotal = 0;
    let rmsseTotal = 0;
    let lastTotal = 0;
    let count = 0;
    for (const series of data) {
      for (const back of ORIGINS) {
        const cut = series.values.length - back;
        const train = series.values.slice(0, cut);
        const test = series.values.slice(cut, cut + HORIZON);
        const forecast = method(series, cut);
        const scaled = mase(test, forecast, train, 7);
        maseTotal += scaled;
        rmsseTotal += rmsse(test, forecast, train, 1);
        if (back === HORIZON) lastTotal += scaled;
        count += 1;
      }
    }
    console.log(
      name.padEnd(40),
      (maseTotal / count).toFixed(3).padStart(7),
      (rmsseTotal / count).toFixed(3).padStart(8),
      (lastTotal / data.length).toFixed(3).padStart(16),
    );
  }
}

/**
 * Demo company (seeded, 3 years): per listing with full history, 28 days held out ending at
 * the end of the data (December: Navidad) or `back` days before it (October).
 */
function demo(company: ReturnType<typeof generateDemoCompany>, back: number): void {
  const scores = new Map<string, { mase: number; absolute: number; count: number }>();
  const add = (name: string, actual: number[], forecast: number[], train: number[]) => {
    const score = scores.get(name) ?? { mase: 0, absolute: 0, count: 0 };
    score.mase += mase(actual, forecast, train, 7);
    actual.forEach((value, step) => (score.absolute += Math.abs(value - forecast[step]!)));
    score.count += 1;
    scores.set(name, score);
  };
  let actualTotal = 0;
  let listings = 0;
  const covered = { 80: 0, 95: 0, days: 0 };
  const weekdayErrors: number[] = [];
  for (const series of company.series()) {
    if (series.firstDay !== company.startDay || series.length < 730 + back) continue;
    const cut = series.length - back;
    const end = cut + HORIZON;
    const units = Array.from(series.units);
    const train = units.slice(0, cut);
    const actual = units.slice(cut, end);
    if (!train.some((value, index) => index >= 7 && value !== train[index - 7])) continue;
    listings += 1;
    actualTotal += actual.reduce((total, value) => total + value, 0);
    for (const name of ['snaive', 'ets', 'theta', 'dhr']) {
      const result = getForecaster(name).forecast({ values: train, period: 7, horizon: HORIZON });
      const label = name === 'dhr' ? 'dhr (values only)' : name;
      add(
        label,
        actual,
        result.mean.map((value) => Math.max(0, value)),
        train,
      );
    }
    const noKnot = runDaily({
      values: train,
      weights: new Float64Array(train.length).fill(1),
      horizon: HORIZON,
      levels: [],
      firstTime: 0,
      cyclePeriod: 7,
      events: [],
      transforms: ['log1p', 'none'],
      yearly: true,
      trendForms: ['flat', 'linear'],
    });
    add('dhr (values only), no knot', actual, noKnot.mean, train);
    const stockout = Array.from(series.stockout.subarray(0, cut), (flag) => flag === 1);
    const promotion = Array.from(series.promo, Number);
    const price = Array.from(series.price);
    const base = {
      values: train,
      firstDay: series.firstDay,
      horizon: HORIZON,
      region: series.listing.location.region,
    };
    add('forecastDaily (calendar only)', actual, forecastDaily(base).mean, train);
    const censored = forecastDaily({ ...base, stockout }).mean;
    add('forecastDaily (calendar + stockout)', actual, censored, train);
    const full = forecastDaily({
      ...base,
      levels: [80, 95],
      stockout,
      promotion: { history: promotion.slice(0, cut), future: promotion.slice(cut, end) },
      price: { history: price.slice(0, cut), future: price.slice(cut, end) },
    });
    add('forecastDaily (+ promotion + price)', actual, full.mean, train);
    // The generator's weekly profile vs the fitted weekday multipliers, both over their
    // geometric mean: the "Saturdays sell 1.3x" explanation checked against the truth.
    const truth = normalisedWeekly(series.listing.product.category);
    const fitted = full.effects.weekdays.map((day) => day.multiplier);
    const geometric = (list: ArrayLike<number>) =>
      Math.exp(Array.from(list).reduce((total, value) => total + Math.log(value), 0) / 7);
    const truthMean = geometric(truth);
    const fittedMean = geometric(fitted);
    fitted.forEach((value, weekday) =>
      weekdayErrors.push(Math.abs(value / fittedMean / (truth[weekday]! / truthMean) - 1)),
    );
    actual.forEach((value, step) => {
      for (const interval of full.intervals) {
        if (value >= interval.lower[step]! && value <= interval.upper[step]!) {
          covered[interval.level as 80 | 95] += 1;
        }
      }
      covered.days += 1;
    });
  }
  const last = formatIsoDate(company.endDay - back + HORIZON);
  console.log(
    `\nDemo company (seed 1, 2023-2025, 24 SKUs): ${listings} listings, ${HORIZON} days to ${last} held out`,
  );
  console.log('method'.padEnd(40), 'MASE(7)', '  WAPE');
  for (const [name, score] of scores) {
    console.log(
      name.padEnd(40),
      (score.mase / score.count).toFixed(3).padStart(7),
      (score.absolute / actualTotal).toFixed(3).padStart(6),
    );
  }
  weekdayErrors.sort((a, b) => a - b);
  console.log(
    `weekday multipliers vs the generator's weekly profile: median error ${(100 * weekdayErrors[Math.floor(weekdayErrors.length / 2)]!).toFixed(1)}%, 90th percentile ${(100 * weekdayErrors[Math.floor(weekdayErrors.length * 0.9)]!).toFixed(1)}%`,
  );
  console.log(
    `forecastDaily (+ promotion + price) interval coverage: 80% -> ${(covered[80] / covered.days).toFixed(3)}, 95% -> ${(covered[95] / covered.days).toFixed(3)}`,
  );
}

speed();
accuracy(process.argv[2] ?? '/work/shared/data/m5_foods_small');
const company = generateDemoCompany({
  seed: 1,
  startDate: '2023-01-01',
  endDate: '2025-12-31',
  skuCount: 24,
});
demo(company, HORIZON);
demo(company, HORIZON + 63);
