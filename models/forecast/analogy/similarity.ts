// Choosing analogues for a new product: launched products of the same category, near in price
// and launched in the same season, weighted by similarity. This follows structured analogies
// (Green & Armstrong 2007, "Structured analogies for forecasting", IJF 23(3)) and the
// nearest-neighbour analogy forecasts of Goodwin, Dyussekeneva & Meeran (2013, "The use of
// analogies in forecasting the annual sales of new electronics products", IMA J. Management
// Math. 24(4)): rate each analogue's similarity on the attributes, use the closest few, weight
// the closer ones more. See also Hyndman & Athanasopoulos, FPP3 section 6.2 ("forecasting by analogy").
import { partsOf } from '../../calendar/dates';

export interface ProductAttributes {
  category: string;
  /** Unit price (any currency, the same for all products). */
  price: number;
  /** Launch date as a day number (models/calendar/dates). */
  launchDay: number;
  /** Optional location or region; a mismatch counts as a small distance. */
  location?: string;
}

export interface SimilarityScales {
  /** Price ratio counted as one unit of distance (default 1.5: 50% dearer or 1/1.5 as cheap). */
  priceRatio?: number;
  /** Months apart (on the circle) counted as one unit of distance (default 3, one season). */
  months?: number;
  /** Distance added when both have a location and they differ (default 0.5). */
  locationMismatch?: number;
}

export interface SimilarityParts {
  priceDistance: number;
  seasonDistance: number;
  locationDistance: number;
  /** Squared Euclidean distance of the scaled parts. */
  distance: number;
}

/** Months between two launch months on the 12-month circle (0 to 6). */
export function monthsApart(firstDay: number, secondDay: number): number {
  const gap = Math.abs(partsOf(firstDay).month - partsOf(secondDay).month);
  return Math.min(gap, 12 - gap);
}

/** The scaled distance parts of an analogue from the target (category is handled by the caller). */
export function similarity(
  target: ProductAttributes,
  analogue: ProductAttributes,
  scales: SimilarityScales = {},
): SimilarityParts {
  const priceRatio = scales.priceRatio ?? 1.5;
  const months = scales.months ?? 3;
  const mismatch = scales.locationMismatch ?? 0.5;
  const priceDistance = Math.abs(Math.log(analogue.price / target.price)) / Math.log(priceRatio);
  const seasonDistance = monthsApart(target.launchDay, analogue.launchDay) / months;
  const locationDistance =
    target.location !== undefined &&
    analogue.location !== undefined &&
    target.location !== analogue.location
      ? mismatch
      : 0;
  return {
    priceDistance,
    seasonDistance,
    locationDistance,
    distance: priceDistance ** 2 + seasonDistance ** 2 + locationDistance ** 2,
  };
}

/** Gaussian kernel weight of a squared distance, exp(-d/2), so one scaled unit away weighs 0.61. */
export function kernelWeight(distance: number): number {
  return Math.exp(-distance / 2);
}
