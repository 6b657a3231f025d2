// Checks what a planner would check before calling something an anomaly: a promotion, an empty
// shelf, a price change, or a calendar event that moves this item's sales every year.
import type { DetectedAnomaly } from '../../models/anomaly/detector';
import { formatIsoDate, parseIsoDate, partsOf } from '../../models/calendar/dates';
import { peruEvents, type PeruEvent } from '../../models/calendar/peru-calendar';

/** One listing as dense days from `firstDay` (UTC day number); NaN units = no row that day. */
export interface DenseListing {
  firstDay: number;
  region: string;
  units: Float64Array;
  price: Float64Array;
  promo: Uint8Array;
  stockout: Uint8Array;
  /** daily units of the other listings of the same category (this one left out), when known */
  peers?: PeerTotals;
  /** the same within this listing's region, for regional events */
  regionalPeers?: PeerTotals;
}

export interface PeerTotals {
  firstDay: number;
  units: Float64Array;
  /** how many other listings the totals sum */
  listings: number;
}

/** Days from `day` to the event, events already past counted after every one ahead. */
function distanceAhead(event: PeruEvent, day: number): number {
  const gap = parseIsoDate(event.date) - day;
  return gap >= 0 ? gap : 1000 - gap;
}

/** Fewest other listings whose joint move says "the whole category did this". */
const MIN_PEERS = 3;

/** The peers' mean units over [from, to] against their 4 weeks before, or undefined. */
function peerMove(peers: PeerTotals, from: number, to: number): number | undefined {
  const mean = (a: number, b: number) => {
    let total = 0;
    let count = 0;
    for (let day = a; day <= b; day += 1) {
      const value = peers.units[day - peers.firstDay];
      if (value !== undefined && Number.isFinite(value)) {
        total += value;
        count += 1;
      }
    }
    return count > 0 ? total / count : Number.NaN;
  };
  const during = mean(from, to);
  const before = mean(from - 28, from - 1);
  return during > 0 && before > 0 ? Math.log(during / before) : undefined;
}

export interface Explanation {
  /** true: an expected effect accounts for it, so it is not reported as an anomaly */
  explained: boolean;
  text: string;
}

/** Days before an event whose shopping it drives, and days after it. */
const EVENT_BEFORE = 7;
const EVENT_AFTER = 1;
const PRICE_REACH = 7;
const LAUNCH_DAYS = 120;
/** Customers who stocked up on a promotion buy less for weeks after it. */
const POST_PROMOTION_DAYS = 35;
const PRICE_CHANGE = 0.03;
/** Food demand rarely moves more than 3% per 1% of price (Andreyeva et al. 2010 review: 0.3-1.8). */
const MAX_ELASTICITY = 3;
/** A past year's window moved sales at least this share of this time's move (in logs). */
const RECURRENCE_SHARE = 0.4;

const number = (value: number) =>
  value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 1 : 0 });

function meanUnits(listing: DenseListing, from: number, to: number): number {
  let total = 0;
  let count = 0;
  for (let day = Math.max(from, listing.firstDay); day <= to; day += 1) {
    const value = listing.units[day - listing.firstDay];
    if (value !== undefined && Number.isFinite(value) && !listing.promo[day - listing.firstDay]) {
      total += value;
      count += 1;
    }
  }
  return count >= Math.max(1, (to - from + 1) / 2) ? total / count : Number.NaN;
}

function eventsNear(listing: DenseListing, start: number, end: number): PeruEvent[] {
  const years = new Set([partsOf(start).year, partsOf(end + EVENT_BEFORE).year]);
  const found = new Map<string, PeruEvent>();
  for (const year of years) {
    for (const event of peruEvents(year)) {
      if (event.region !== undefined && event.region !== listing.region) continue;
      const day = parseIsoDate(event.date);
      if (day - EVENT_BEFORE <= end && day + EVENT_AFTER >= start && !found.has(event.name)) {
        found.set(event.name, event);
      }
    }
  }
  return [...found.values()];
}

/**
 * How the same stretch moved in the other years of the listing: mean units over
 * [from + shift, from + shift + length) in that year against the 4 weeks before it, for the
 * shift (within `slack` days) that moved most the way this anomaly did.
 */
function otherYearMoves(
  listing: DenseListing,
  anchor: (year: number) => number | undefined,
  thisYear: number,
  length: number,
  move: number,
  slack: number,
): Array<{ year: number; ratio: number }> {
  const lastDay = listing.firstDay + listing.units.length - 1;
  const moves: Array<{ year: number; ratio: number }> = [];
  for (let year = partsOf(listing.firstDay).year; year <= partsOf(lastDay).year; year += 1) {
    if (year === thisYear) continue;
    const from = anchor(year);
    if (from === undefined) continue;
    let best: number | undefined;
    for (let shift = -slack; shift <= slack; shift += 1) {
      const during = meanUnits(listing, from + shift, from + shift + length - 1);
      const before = meanUnits(listing, from + shift - 28, from + shift - 1);
      if (!(during > 0 && before > 0)) continue;
      const ratio = Math.log(during / before);
      if (best === undefined || Math.sign(move) * ratio > Math.sign(move) * best) best = ratio;
    }
    if (best !== undefined) moves.push({ year, ratio: Math.exp(best) });
  }
  return moves;
}

/** Another year with data moved the same way by a good share of this move. */
function recurs(moves: ReadonlyArray<{ ratio: number }>, move: number): boolean {
  return (
    moves.length > 0 &&
    moves.some(
      ({ ratio }) =>
        Math.sign(Math.log(ratio)) === Math.sign(move) &&
        Math.abs(Math.log(ratio)) >= RECURRENCE_SHARE * Math.abs(move),
    )
  );
}

/** A day's level this far (in logs, as a share of the move) from other years' is usual. */
const SAME_LEVEL_SHARE = 0.35;

/** Mean units on the same dates (shifted up to 2 days to match weekdays) in each other year. */
function sameDateLevels(
  listing: DenseListing,
  start: number,
  end: number,
  thisYear: number,
): Array<{ year: number; mean: number }> {
  const lastDay = listing.firstDay + listing.units.length - 1;
  const levels: Array<{ year: number; mean: number }> = [];
  for (let year = partsOf(listing.firstDay).year; year <= partsOf(lastDay).year; year += 1) {
    if (year === thisYear) continue;
    const from = start + Math.round((year - thisYear) * 365.25);
    const means = [-2, -1, 0, 1, 2]
      .map((shift) => meanUnits(listing, from + shift, from + shift + end - start))
      .filter(Number.isFinite);
    if (means.length === 0) continue;
    levels.push({ year, mean: means.reduce((a, b) => a + b, 0) / means.length });
  }
  return levels;
}

function recursEveryYear(moves: ReadonlyArray<{ ratio: number }>, move: number): boolean {
  return moves.every(
    ({ ratio }) =>
      Math.sign(Math.log(ratio)) === Math.sign(move) &&
      Math.abs(Math.log(ratio)) >= RECURRENCE_SHARE * Math.abs(move),
  );
}

const pastText = (moves: ReadonlyArray<{ year: number; ratio: number }>) =>
  moves.map(({ year, ratio }) => `${number(ratio)}x in ${year}`).join(', ');

function priceChange(listing: DenseListing, anomaly: DetectedAnomaly): string | undefined {
  const at = anomaly.start;
  const priceAt = (index: number) => listing.price[index];
  for (let offset = -PRICE_REACH; offset <= PRICE_REACH; offset += 1) {
    const index = at + offset;
    const before = priceAt(index - 1);
    const after = priceAt(index);
    if (before === undefined || after === undefined) continue;
    if (!(before > 0) || !(after > 0) || listing.promo[index] || listing.promo[index - 1]) continue;
    const change = after / before - 1;
    // demand moves against price: a rise explains a drop, a cut explains a rise
    const direction = anomaly.observed > anomaly.expected ? -1 : 1;
    // and by no more than a steep price elasticity would make it
    const plausible =
      Math.abs(Math.log(Math.max(anomaly.observed, 0.5) / Math.max(anomaly.expected, 0.5))) <=
      MAX_ELASTICITY * Math.abs(Math.log(after / before));
    if (Math.abs(change) >= PRICE_CHANGE && Math.sign(change) === direction && plausible) {
      const word = change > 0 ? 'rose' : 'fell';
      return `the price ${word} ${Math.round(Math.abs(change) * 100)}% on ${formatIsoDate(listing.firstDay + index)} (S/ ${before.toFixed(2)} to S/ ${after.toFixed(2)})`;
    }
  }
  return undefined;
}

function firstSale(listing: DenseListing): number | undefined {
  const index = listing.units.findIndex((value) => value > 0);
  return index >= 0 ? index : undefined;
}

export function explainAnomaly(listing: DenseListing, anomaly: DetectedAnomaly): Explanation {
  const start = listing.firstDay + anomaly.start;
  const end = listing.firstDay + anomaly.end;
  const up = anomaly.observed > anomaly.expected;
  let stockouts = 0;
  let promotions = 0;
  for (let index = anomaly.start - 1; index <= anomaly.end + 1; index += 1) {
    if (listing.stockout[index]) stockouts += 1;
    if (listing.promo[index]) promotions += 1;
  }
  if (!up && stockouts > 0) {
    return {
      explained: true,
      text: `the shelf was empty on ${stockouts} of these days: sales understate demand (a supply issue, not a demand change)`,
    };
  }
  if (promotions > 0) {
    return {
      explained: true,
      text: 'next to a promotion: its uplift and the dip after it are expected',
    };
  }
  if (anomaly.kind === 'level_shift') {
    const daysSelling = firstSale(listing);
    if (daysSelling !== undefined && anomaly.start - daysSelling < LAUNCH_DAYS) {
      return {
        explained: true,
        text: `within ${LAUNCH_DAYS} days of the first sale (${formatIsoDate(listing.firstDay + daysSelling)}): a launch ramp, not a shift`,
      };
    }
    for (let index = anomaly.start - POST_PROMOTION_DAYS; index < anomaly.start; index += 1) {
      if (listing.promo[index]) {
        return {
          explained: true,
          text: `a promotion ended ${anomaly.start - index} days before: the dip after stock-up buying is expected`,
        };
      }
    }
  }
  const price = anomaly.kind === 'level_shift' ? priceChange(listing, anomaly) : undefined;
  if (price !== undefined) return { explained: true, text: `${price}: demand follows price` };
  const move = Math.log(Math.max(anomaly.observed, 0.5) / Math.max(anomaly.expected, 0.5));
  const thisYear = partsOf(start).year;
  // a shift is judged on the 4 weeks after it, a spike or drop on its own days
  const length = anomaly.kind === 'level_shift' ? 28 : end - start + 1;
  // shopping runs up to an event: the first event on or after the anomaly is the likeliest cause
  const events = eventsNear(listing, start, end).sort(
    (a, b) => distanceAhead(a, start) - distanceAhead(b, start),
  );
  for (const event of events) {
    const peers = event.region === undefined ? listing.peers : listing.regionalPeers;
    if (peers === undefined || peers.listings < MIN_PEERS) continue;
    const peer = peerMove(peers, start, start + length - 1);
    if (
      peer !== undefined &&
      Math.sign(peer) === Math.sign(move) &&
      Math.abs(peer) >= RECURRENCE_SHARE * Math.abs(move)
    ) {
      const where =
        event.region === undefined ? 'of the category' : `of the category in ${event.region}`;
      return {
        explained: true,
        text: `the days around ${event.name} (${event.date}): the other ${peers.listings} listings ${where} moved the same way (${number(Math.exp(peer))}x their previous 4 weeks), a calendar effect, not an anomaly`,
      };
    }
  }
  for (const event of events) {
    const offset = start - parseIsoDate(event.date);
    const moves = otherYearMoves(
      listing,
      (year) => {
        const same = peruEvents(year).find((other) => other.name === event.name);
        return same ? parseIsoDate(same.date) + offset : undefined;
      },
      thisYear,
      length,
      move,
      1,
    );
    if (recurs(moves, move)) {
      return {
        explained: true,
        text: `the days around ${event.name} (${event.date}): expected ${up ? 'uplift' : 'dip'}, sales moved the same way in other years (${pastText(moves)} the previous 4 weeks), not an anomaly`,
      };
    }
  }
  // a season turns on about the same date each year: a shift may match any other year; a
  // one-off spike or drop must recur in every other year (at least two), or chance would do
  const sameDates = otherYearMoves(
    listing,
    (year) => start + Math.round((year - thisYear) * 365.25),
    thisYear,
    length,
    move,
    anomaly.kind === 'level_shift' ? 14 : 2,
  );
  const levels = sameDateLevels(listing, start, end, thisYear);
  const sameLevel =
    anomaly.kind !== 'level_shift' &&
    levels.length > 0 &&
    levels.every(
      ({ mean }) =>
        Math.abs(Math.log(Math.max(anomaly.observed, 0.5) / Math.max(mean, 0.5))) <=
        SAME_LEVEL_SHARE * Math.abs(move),
    );
  const seasonal =
    sameLevel ||
    (anomaly.kind === 'level_shift'
      ? recurs(sameDates, move)
      : sameDates.length >= 2 && recursEveryYear(sameDates, move));
  if (seasonal) {
    return {
      explained: true,
      text: sameLevel
        ? `sales are this ${up ? 'high' : 'low'} on these dates every year (${levels.map(({ year, mean }) => `${number(mean)} a day in ${year}`).join(', ')}): the item's season, not an anomaly`
        : `the same ${up ? 'rise' : 'fall'} happens on these dates in other years (${pastText(sameDates)} the previous 4 weeks): the item's season, not an anomaly`,
    };
  }
  return { explained: false, text: describeUnexplained(anomaly, start, end) };
}

export function describeUnexplained(anomaly: DetectedAnomaly, start: number, end: number): string {
  const dates =
    start === end ? formatIsoDate(start) : `${formatIsoDate(start)} to ${formatIsoDate(end)}`;
  switch (anomaly.kind) {
    case 'level_shift':
      return `unexplained level shift from ${formatIsoDate(start)}: about ${number(anomaly.observed)} units a day against ${number(anomaly.expected)} before (score ${anomaly.score.toFixed(1)}); no price change, promotion or holiday accounts for it`;
    case 'spike':
    case 'drop':
    case 'outlier': {
      const word = anomaly.kind === 'drop' ? 'below' : 'above';
      return `unexplained ${anomaly.kind} on ${dates}: ${number(anomaly.observed)} units a day, ${anomaly.score.toFixed(1)} SD ${word} the expected ${number(anomaly.expected)} (range ${number(anomaly.expectedLower)} to ${number(anomaly.expectedUpper)}); no promotion, stockout or holiday nearby`;
    }
  }
}
