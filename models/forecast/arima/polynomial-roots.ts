// Complex roots of a real polynomial by the Durand-Kerner (Weierstrass) iteration (Kerner 1966),
// and the Schur-Cohn step-down test for "all roots outside a circle" (Jury 1964), which needs
// no roots: run the Durbin-Levinson recursion backwards and check every reflection |k| < 1.

export interface ComplexNumber {
  re: number;
  im: number;
}

/**
 * Roots of c[0] + c[1] z + ... + c[k] z^k (c[k] != 0). Meant for the small degrees of
 * non-seasonal or seasonal MA polynomials (<= 10); accurate to about 1e-12 for simple roots.
 */
export function polynomialRoots(coefficients: ArrayLike<number>): ComplexNumber[] {
  let degree = coefficients.length - 1;
  while (degree > 0 && coefficients[degree] === 0) degree -= 1;
  if (degree < 1) return [];
  const lead = coefficients[degree]!;
  const monic = new Float64Array(degree + 1);
  for (let i = 0; i <= degree; i += 1) monic[i] = coefficients[i]! / lead;
  // Starting points on a circle of the Cauchy bound radius, rotated off the real axis.
  let radius = 0;
  for (let i = 0; i < degree; i += 1) radius = Math.max(radius, Math.abs(monic[i]!));
  radius = 1 + radius;
  const re = new Float64Array(degree);
  const im = new Float64Array(degree);
  for (let i = 0; i < degree; i += 1) {
    const angle = (2 * Math.PI * i) / degree + 0.4;
    re[i] = radius * 0.5 * Math.cos(angle);
    im[i] = radius * 0.5 * Math.sin(angle);
  }
  for (let iteration = 0; iteration < 1000; iteration += 1) {
    let largestStep = 0;
    for (let i = 0; i < degree; i += 1) {
      // Horner evaluation of the monic polynomial at z_i.
      let valueRe = 1;
      let valueIm = 0;
      for (let k = degree - 1; k >= 0; k -= 1) {
        const nextRe = valueRe * re[i]! - valueIm * im[i]! + monic[k]!;
        valueIm = valueRe * im[i]! + valueIm * re[i]!;
        valueRe = nextRe;
      }
      let denominatorRe = 1;
      let denominatorIm = 0;
      for (let j = 0; j < degree; j += 1) {
        if (j === i) continue;
        const differenceRe = re[i]! - re[j]!;
        const differenceIm = im[i]! - im[j]!;
        const nextRe = denominatorRe * differenceRe - denominatorIm * differenceIm;
        denominatorIm = denominatorRe * differenceIm + denominatorIm * differenceRe;
        denominatorRe = nextRe;
      }
      const scale = denominatorRe * denominatorRe + denominatorIm * denominatorIm;
      if (scale === 0) continue;
      const stepRe = (valueRe * denominatorRe + valueIm * denominatorIm) / scale;
      const stepIm = (valueIm * denominatorRe - valueRe * denominatorIm) / scale;
      re[i]! -= stepRe;
      im[i]! -= stepIm;
      largestStep = Math.max(
        largestStep,
        Math.hypot(stepRe, stepIm) / (1 + Math.hypot(re[i]!, im[i]!)),
      );
    }
    if (largestStep < 1e-15) break;
  }
  const roots: ComplexNumber[] = [];
  for (let i = 0; i < degree; i += 1) roots.push({ re: re[i]!, im: im[i]! });
  return roots;
}

/**
 * True when every root of 1 - a[0] z - ... - a[k-1] z^k has modulus > radius (coefficients
 * with |a| <= `negligible` at the end are dropped first, as forecast's root check does).
 */
export function rootsOutsideCircle(ar: ArrayLike<number>, radius = 1, negligible = 0): boolean {
  let order = ar.length;
  while (order > 0 && Math.abs(ar[order - 1]!) <= negligible) order -= 1;
  if (order === 0) return true;
  // Roots of f(z) outside radius <=> roots of f(radius w) outside the unit circle.
  const work = new Float64Array(order);
  let power = 1;
  for (let i = 0; i < order; i += 1) {
    power *= radius;
    work[i] = ar[i]! * power;
  }
  const scratch = new Float64Array(order);
  for (let j = order - 1; j >= 0; j -= 1) {
    const reflection = work[j]!;
    if (!(Math.abs(reflection) < 1)) return false;
    if (j === 0) break;
    const denominator = 1 - reflection * reflection;
    for (let k = 0; k < j; k += 1)
      scratch[k] = (work[k]! + reflection * work[j - k - 1]!) / denominator;
    for (let k = 0; k < j; k += 1) work[k] = scratch[k]!;
  }
  return true;
}
