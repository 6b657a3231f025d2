// CIEDE2000 colour difference, implemented from G. Sharma, W. Wu & E. N. Dalal (2005), "The CIEDE2000
// color-difference formula: implementation notes, supplementary test data, and mathematical
// observations", Color Research & Application 30(1):21-30, equations (1)-(22), with kL = kC = kH = 1.
import type { Lab } from './lab';

const degrees = 180 / Math.PI;
const radians = Math.PI / 180;
const twentyFiveToSeventh = 6103515625; // 25^7

/** Hue angle in degrees in [0, 360) of (a', b'); 0 for the achromatic case a' = b' = 0 (eq. 4). */
function hueDegrees(b: number, aPrime: number): number {
  if (aPrime === 0 && b === 0) return 0;
  const angle = Math.atan2(b, aPrime) * degrees;
  return angle < 0 ? angle + 360 : angle;
}

/** ΔE00 between two CIELAB colours. */
export function ciede2000(first: Lab, second: Lab): number {
  const { l: l1, a: a1, b: b1 } = first;
  const { l: l2, a: a2, b: b2 } = second;
  const c1 = Math.hypot(a1, b1);
  const c2 = Math.hypot(a2, b2);
  const meanC = (c1 + c2) / 2;
  const meanC7 = Math.pow(meanC, 7);
  const g = 0.5 * (1 - Math.sqrt(meanC7 / (meanC7 + twentyFiveToSeventh)));
  const a1Prime = (1 + g) * a1;
  const a2Prime = (1 + g) * a2;
  const c1Prime = Math.hypot(a1Prime, b1);
  const c2Prime = Math.hypot(a2Prime, b2);
  const h1Prime = hueDegrees(b1, a1Prime);
  const h2Prime = hueDegrees(b2, a2Prime);

  const deltaLPrime = l2 - l1;
  const deltaCPrime = c2Prime - c1Prime;
  let deltaHuePrime = 0;
  if (c1Prime * c2Prime !== 0) {
    deltaHuePrime = h2Prime - h1Prime;
    if (deltaHuePrime > 180) deltaHuePrime -= 360;
    else if (deltaHuePrime < -180) deltaHuePrime += 360;
  }
  const deltaBigHPrime = 2 * Math.sqrt(c1Prime * c2Prime) * Math.sin((deltaHuePrime / 2) * radians);

  const meanLPrime = (l1 + l2) / 2;
  const meanCPrime = (c1Prime + c2Prime) / 2;
  let meanHPrime = h1Prime + h2Prime;
  if (c1Prime * c2Prime !== 0) {
    if (Math.abs(h1Prime - h2Prime) <= 180) meanHPrime /= 2;
    else if (h1Prime + h2Prime < 360) meanHPrime = (meanHPrime + 360) / 2;
    else meanHPrime = (meanHPrime - 360) / 2;
  }
  const t =
    1 -
    0.17 * Math.cos((meanHPrime - 30) * radians) +
    0.24 * Math.cos(2 * meanHPrime * radians) +
    0.32 * Math.cos((3 * meanHPrime + 6) * radians) -
    0.2 * Math.cos((4 * meanHPrime - 63) * radians);
  const deltaTheta = 30 * Math.exp(-Math.pow((meanHPrime - 275) / 25, 2));
  const meanCPrime7 = Math.pow(meanCPrime, 7);
  const rC = 2 * Math.sqrt(meanCPrime7 / (meanCPrime7 + twentyFiveToSeventh));
  const lOffset = Math.pow(meanLPrime - 50, 2);
  const sL = 1 + (0.015 * lOffset) / Math.sqrt(20 + lOffset);
  const sC = 1 + 0.045 * meanCPrime;
  const sH = 1 + 0.015 * meanCPrime * t;
  const rT = -Math.sin(2 * deltaTheta * radians) * rC;
  const termL = deltaLPrime / sL;
  const termC = deltaCPrime / sC;
  const termH = deltaBigHPrime / sH;
  return Math.sqrt(termL * termL + termC * termC + termH * termH + rT * termC * termH);
}
