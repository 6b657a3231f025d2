// Silhouette irregularity of the package mask: a dent, a crushed body or a bulged lid makes the
// outline less convex and its radius from the centre less smooth.
import { convexHull, polygonAreaAndPerimeter, type CanMask, type Point } from './can-mask';

export const shapeFeatureNames = [
  'area_fraction',
  'bounding_box_aspect',
  'solidity',
  'perimeter_to_hull_perimeter',
  'compactness',
  'radial_roughness',
  'deepest_convexity_defect',
] as const;

const RADIAL_BINS = 90;

/** Distance from p to the segment a-b. */
function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t =
    length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

/** Circular moving average of `values` over `window` (odd) bins. */
function circularSmooth(values: Float64Array, window: number): Float64Array {
  const half = (window - 1) / 2;
  const smoothed = new Float64Array(values.length);
  for (let index = 0; index < values.length; index += 1) {
    let total = 0;
    for (let offset = -half; offset <= half; offset += 1)
      total += values[(index + offset + values.length) % values.length]!;
    smoothed[index] = total / window;
  }
  return smoothed;
}

export function shapeFeatures(can: CanMask): number[] {
  const { width, height, mask, area } = can;
  const inside = (x: number, y: number) =>
    x >= 0 && y >= 0 && x < width && y < height && mask[y * width + x] === 1;
  // pixel corners of each row's extreme pixels: their hull is the mask's hull
  const corners: Point[] = [];
  const boundary: Point[] = [];
  let crossings = 0;
  let sumX = 0;
  let sumY = 0;
  let minX = width;
  let maxX = -1;
  let minY = height;
  let maxY = -1;
  for (let y = 0; y < height; y += 1) {
    let left = -1;
    let right = -1;
    for (let x = 0; x < width; x += 1) {
      if (!inside(x, y)) continue;
      if (left < 0) left = x;
      right = x;
      sumX += x + 0.5;
      sumY += y + 0.5;
      const edges =
        (inside(x - 1, y) ? 0 : 1) +
        (inside(x + 1, y) ? 0 : 1) +
        (inside(x, y - 1) ? 0 : 1) +
        (inside(x, y + 1) ? 0 : 1);
      if (edges > 0) boundary.push({ x: x + 0.5, y: y + 0.5 });
      crossings += edges;
    }
    if (left >= 0) {
      corners.push(
        { x: left, y },
        { x: left, y: y + 1 },
        { x: right + 1, y },
        { x: right + 1, y: y + 1 },
      );
      minX = Math.min(minX, left);
      maxX = Math.max(maxX, right);
      minY = Math.min(minY, y);
      maxY = y;
    }
  }
  const hull = convexHull(corners);
  const { area: hullArea, perimeter: hullPerimeter } = polygonAreaAndPerimeter(hull);
  // counting the pixel edges on the outline overstates its length by 4/pi on average over
  // directions (Cauchy-Crofton), hence the pi/4
  const perimeter = (crossings * Math.PI) / 4;
  const centre = { x: sumX / area, y: sumY / area };
  const radius = new Float64Array(RADIAL_BINS);
  for (const point of boundary) {
    const angle = Math.atan2(point.y - centre.y, point.x - centre.x);
    const bin = Math.min(
      RADIAL_BINS - 1,
      Math.floor(((angle + Math.PI) / (2 * Math.PI)) * RADIAL_BINS),
    );
    radius[bin] = Math.max(radius[bin]!, Math.hypot(point.x - centre.x, point.y - centre.y));
  }
  // bins no boundary point fell in (tiny masks) take the previous bin's radius
  for (let pass = 0; pass < 2; pass += 1)
    for (let bin = 0; bin < RADIAL_BINS; bin += 1)
      if (radius[bin] === 0) radius[bin] = radius[(bin + RADIAL_BINS - 1) % RADIAL_BINS]!;
  const smoothed = circularSmooth(radius, 9);
  let meanRadius = 0;
  let squaredDeviation = 0;
  for (let bin = 0; bin < RADIAL_BINS; bin += 1) {
    meanRadius += radius[bin]! / RADIAL_BINS;
    squaredDeviation += (radius[bin]! - smoothed[bin]!) ** 2 / RADIAL_BINS;
  }
  let deepest = 0;
  for (const point of boundary) {
    let nearest = Infinity;
    for (let index = 0; index < hull.length; index += 1)
      nearest = Math.min(
        nearest,
        distanceToSegment(point, hull[index]!, hull[(index + 1) % hull.length]!),
      );
    deepest = Math.max(deepest, nearest);
  }
  return [
    area / (width * height),
    (maxY - minY + 1) / (maxX - minX + 1),
    hullArea > 0 ? area / hullArea : 1,
    hullPerimeter > 0 ? perimeter / hullPerimeter : 1,
    (perimeter * perimeter) / (4 * Math.PI * area),
    meanRadius > 0 ? Math.sqrt(squaredDeviation) / meanRadius : 0,
    deepest / Math.sqrt(area),
  ];
}
