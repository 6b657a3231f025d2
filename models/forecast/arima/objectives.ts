// The two objectives R's arima() minimises for a given order, over the differenced series with
// the regression term (mean or drift) subtracted: the CSS objective 0.5 log(mean square) and the
// concentrated exact likelihood 0.5 (log(ssq / n) + sum log F / n) of R's `armafn`.
import { armaCount, expandArma, expandedArLength, expandedMaLength } from './arma-parameters';
import type { ArmaLayout } from './arma-parameters';
import { ArCrossProducts } from './ar-moments';
import { conditionalSumOfSquares, createSparseLags, sparsify } from './css';
import type { SparseLags } from './css';
import { NonFiniteObjectiveError } from './bfgs';
import { DENSE_AR_LAGS, DENSE_MA_LAGS, derivativeProducts } from './dense-recursion';
import { ArmaLikelihood } from './kalman';

/** Preallocated buffers and objectives for one model order on one differenced series. */
export class ArimaObjectives {
  readonly layout: ArmaLayout;
  readonly armaCount: number;
  readonly arLength: number;
  readonly maLength: number;
  /** Differenced series. */
  readonly differenced: Float64Array;
  /** Differenced regressor (a constant column), or null without a constant. */
  readonly regressor: number | null;
  readonly phi: Float64Array;
  readonly theta: Float64Array;
  readonly adjusted: Float64Array;
  readonly residuals: Float64Array;
  readonly likelihood: ArmaLikelihood;
  private readonly work: Float64Array;
  private readonly conditioning: number;
  private readonly arTerms: SparseLags;
  private readonly maTerms: SparseLags;
  private readonly hasMissing: boolean;
  /** Cross-products for pure AR models, where they make CSS evaluations cheaper. */
  private readonly crossProducts: ArCrossProducts | null;
  /** Non-seasonal ARMA on complete data: CSS residuals are affine in each AR coefficient and the mean. */
  private readonly affineGradient: boolean;
  /** Parameters and mean square of the last CSS evaluation whose residuals are still stored. */
  private readonly lastParameters: Float64Array;
  private lastMeanSquare = Number.NaN;
  private lastStored = false;
  private readonly point: Float64Array;
  private readonly denseMa = new Float64Array(DENSE_MA_LAGS);
  private readonly products = new Float64Array(2);

  constructor(layout: ArmaLayout, differenced: Float64Array, regressor: number | null) {
    this.layout = layout;
    this.armaCount = armaCount(layout);
    this.arLength = expandedArLength(layout);
    this.maLength = expandedMaLength(layout);
    this.differenced = differenced;
    this.regressor = regressor;
    this.phi = new Float64Array(Math.max(1, this.arLength));
    this.theta = new Float64Array(Math.max(1, this.maLength));
    this.adjusted = new Float64Array(differenced.length);
    this.residuals = new Float64Array(differenced.length);
    this.work = new Float64Array(Math.max(1, this.armaCount));
    this.likelihood = new ArmaLikelihood(Math.max(this.arLength, this.maLength + 1));
    this.conditioning = this.arLength;
    this.arTerms = createSparseLags(Math.max(1, this.arLength));
    this.maTerms = createSparseLags(Math.max(1, this.maLength));
    this.hasMissing = differenced.some((value) => Number.isNaN(value));
    const span = differenced.length - this.conditioning;
    const size = this.arLength + 2;
    this.crossProducts =
      this.maLength === 0 &&
      !this.hasMissing &&
      span > 0 &&
      (this.arLength <= 5 || size * size <= span)
        ? new ArCrossProducts(differenced, this.arLength, this.conditioning)
        : null;
    this.affineGradient =
      layout.seasonalP === 0 &&
      layout.seasonalQ === 0 &&
      this.crossProducts === null &&
      !this.hasMissing &&
      this.arLength <= DENSE_AR_LAGS &&
      this.maLength <= DENSE_MA_LAGS &&
      span > 0;
    this.lastParameters = new Float64Array(this.armaCount + 1);
    this.point = new Float64Array(this.armaCount + 1);
  }

  /** Sets phi, theta and the adjusted series from a full parameter vector. */
  load(parameters: ArrayLike<number>, transform: boolean): void {
    expandArma(parameters, this.layout, transform, this.phi, this.theta, this.work);
    const w = this.differenced;
    const adjusted = this.adjusted;
    if (this.regressor === null) {
      adjusted.set(w);
    } else {
      const shift = parameters[this.armaCount]! * this.regressor;
      for (let t = 0; t < w.length; t += 1) adjusted[t] = w[t]! - shift;
    }
  }

  /** Mean square of the conditional residuals at the parameters (R's ARIMA_CSS value). */
  conditionalMeanSquare(parameters: ArrayLike<number>): number {
    expandArma(parameters, this.layout, false, this.phi, this.theta, this.work);
    const mean = this.regressor === null ? 0 : parameters[this.armaCount]! * this.regressor;
    if (this.crossProducts !== null) return this.crossProducts.meanSquare(this.phi, mean);
    sparsify(this.phi, this.arLength, this.arTerms);
    sparsify(this.theta, this.maLength, this.maTerms);
    const meanSquare = conditionalSumOfSquares(
      this.differenced,
      this.differenced.length,
      mean,
      this.arTerms,
      this.maTerms,
      this.conditioning,
      this.residuals,
      this.hasMissing,
    );
    if (this.affineGradient) {
      for (let i = 0; i < parameters.length; i += 1) this.lastParameters[i] = parameters[i]!;
      this.lastMeanSquare = meanSquare;
      this.lastStored = true;
    }
    return meanSquare;
  }

  /** R's armaCSS: 0.5 log of the CSS mean square. */
  readonly cssObjective = (parameters: Float64Array): number =>
    0.5 * Math.log(this.conditionalMeanSquare(parameters));

  /**
   * R's central-difference gradient of cssObjective (see GradientFunction). Along an AR
   * coefficient or the mean of a non-seasonal model the residuals move exactly as e + delta D,
   * so both sums of squares follow from one derivative chain instead of two full passes.
   */
  readonly cssGradient = (
    scaled: Float64Array,
    parscale: Float64Array,
    step: number,
    gradient: Float64Array,
  ): void => {
    const size = scaled.length;
    const point = this.point;
    for (let i = 0; i < size; i += 1) point[i] = scaled[i]! * parscale[i]!;
    const p = this.layout.p;
    const affineCount = this.affineGradient ? p : 0;
    if (this.affineGradient) {
      let cached = this.lastStored;
      for (let i = 0; cached && i < size; i += 1) cached = this.lastParameters[i] === point[i];
      if (!cached) this.conditionalMeanSquare(point.subarray(0, size));
      const count = this.differenced.length - this.conditioning;
      const total = this.lastMeanSquare * count;
      const mean = this.regressor === null ? 0 : point[this.armaCount]! * this.regressor;
      this.denseMa.fill(0);
      for (let j = 0; j < this.maLength; j += 1) this.denseMa[j] = this.theta[j]!;
      const fromProducts = (index: number): void => {
        const delta = step * parscale[index]!;
        const linear = (2 * delta * this.products[0]!) / total;
        const quadratic = (delta * delta * this.products[1]!) / total;
        const value =
          (0.5 * (Math.log1p(linear + quadratic) - Math.log1p(quadratic - linear))) / (2 * step);
        if (!Number.isFinite(value))
          throw new NonFiniteObjectiveError(`non-finite finite-difference value [${index + 1}]`);
        gradient[index] = value;
      };
      for (let j = 0; j < p; j += 1) {
        derivativeProducts(
          this.differenced,
          j + 1,
          mean,
          0,
          this.conditioning,
          this.differenced.length,
          this.denseMa,
          this.residuals,
          this.products,
        );
        fromProducts(j);
      }
      if (this.regressor !== null) {
        let arSum = 0;
        for (let j = 0; j < p; j += 1) arSum += this.phi[j]!;
        const drive = -this.regressor * (1 - arSum);
        derivativeProducts(
          this.differenced,
          0,
          0,
          drive,
          this.conditioning,
          this.differenced.length,
          this.denseMa,
          this.residuals,
          this.products,
        );
        fromProducts(this.armaCount);
      }
    }
    const last = this.affineGradient && this.regressor !== null ? this.armaCount : size;
    for (let i = affineCount; i < last; i += 1) {
      point[i] = (scaled[i]! + step) * parscale[i]!;
      const upper = this.cssObjective(point.subarray(0, size));
      point[i] = (scaled[i]! - step) * parscale[i]!;
      const lower = this.cssObjective(point.subarray(0, size));
      point[i] = scaled[i]! * parscale[i]!;
      const value = (upper - lower) / (2 * step);
      if (!Number.isFinite(value))
        throw new NonFiniteObjectiveError(`non-finite finite-difference value [${i + 1}]`);
      gradient[i] = value;
    }
  };

  /** Runs the exact filter; false when the AR part is not stationary. */
  filter(parameters: ArrayLike<number>, transform: boolean): boolean {
    this.load(parameters, transform);
    return this.likelihood.run(
      this.adjusted,
      this.adjusted.length,
      this.phi,
      this.arLength,
      this.theta,
      this.maLength,
    );
  }

  /** R's armafn with transform.pars = TRUE; NaN where the model is not stationary. */
  readonly likelihoodObjective = (parameters: Float64Array): number =>
    this.filter(parameters, true) ? this.likelihood.objective() : Number.NaN;
}
