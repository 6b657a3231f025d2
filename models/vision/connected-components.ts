// Connected components of a binary mask by flood fill with an explicit stack (each pixel is pushed
// at most once), giving every component its area, bounding box and centroid.
import type { PixelBox } from './image';

export interface ConnectedComponent {
  /** 1-based label, as written in `labels` */
  label: number;
  /** number of pixels */
  area: number;
  box: PixelBox;
  centroidX: number;
  centroidY: number;
}

export interface ConnectedComponents {
  /** per pixel: 0 for background, else the component's label */
  labels: Int32Array;
  components: ConnectedComponent[];
}

export interface ConnectedComponentOptions {
  /** 4 (edges) or 8 (edges and corners); default 8 */
  connectivity?: 4 | 8;
  /** components smaller than this many pixels are dropped (their labels reset to 0); default 1 */
  minArea?: number;
}

/** Labels the non-zero pixels of `mask` (width x height, row by row) into connected components. */
export function connectedComponents(
  mask: Uint8Array,
  width: number,
  height: number,
  options: ConnectedComponentOptions = {},
): ConnectedComponents {
  if (!(mask instanceof Uint8Array)) throw new TypeError('mask: expected a Uint8Array');
  if (!Number.isInteger(width) || width < 1)
    throw new RangeError(`width: expected a positive integer, got ${width}`);
  if (!Number.isInteger(height) || height < 1) {
    throw new RangeError(`height: expected a positive integer, got ${height}`);
  }
  if (mask.length !== width * height) {
    throw new RangeError(
      `mask: length ${mask.length} does not match ${width}x${height} = ${width * height}`,
    );
  }
  const connectivity = options.connectivity ?? 8;
  if (connectivity !== 4 && connectivity !== 8) {
    throw new RangeError(`options.connectivity: must be 4 or 8, got ${String(connectivity)}`);
  }
  const minArea = options.minArea ?? 1;
  if (!(minArea >= 1)) throw new RangeError(`options.minArea: must be >= 1, got ${minArea}`);

  const labels = new Int32Array(width * height);
  const visited = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const members = new Int32Array(width * height);
  const components: ConnectedComponent[] = [];
  let nextLabel = 1;
  for (let start = 0; start < mask.length; start += 1) {
    if (mask[start] === 0 || visited[start] !== 0) continue;
    const label = nextLabel;
    let top = 0;
    stack[top++] = start;
    visited[start] = 1;
    let area = 0;
    let sumX = 0;
    let sumY = 0;
    let minX = width;
    let minY = height;
    let maxX = -1;
    let maxY = -1;
    while (top > 0) {
      const index = stack[--top]!;
      members[area] = index;
      labels[index] = label;
      const y = (index / width) | 0;
      const x = index - y * width;
      area += 1;
      sumX += x;
      sumY += y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      for (let dy = -1; dy <= 1; dy += 1) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx += 1) {
          if (dx === 0 && dy === 0) continue;
          if (connectivity === 4 && dx !== 0 && dy !== 0) continue;
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const neighbour = ny * width + nx;
          if (mask[neighbour] !== 0 && visited[neighbour] === 0) {
            visited[neighbour] = 1;
            stack[top++] = neighbour;
          }
        }
      }
    }
    if (area < minArea) {
      for (let member = 0; member < area; member += 1) labels[members[member]!] = 0;
      continue;
    }
    components.push({
      label,
      area,
      box: { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 },
      centroidX: sumX / area,
      centroidY: sumY / area,
    });
    nextLabel += 1;
  }
  return { labels, components };
}
