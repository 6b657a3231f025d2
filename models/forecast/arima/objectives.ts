// The two objectives R's arima() minimises for a given order, over the differenced series with
// the regression term (mean or drift) subtracted: the CSS objective 0.5 log(mean square) and the
// concentrated exact likelihood 0.5 (log(ssq / n) + sum log F / n) of R's `armafn`.
import { armaCount, expandArma, expandedArLength, expandedMaLength } from './arma-parameters';
import type { ArmaLayout } from './arma-parameters';
import { ArCrossProducts } from './ar-moments';
import { conditionalSumOfSquares, createSparseLags, sparsify } from './css';
import type { SparseLags } from './css';
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
    return conditionalSumOfSquares(
      this.differenced,
      this.differenced.length,
      mean,
      this.arTerms,
      this.maTerms,
      this.conditioning,
      this.residuals,
      this.hasMissing,
    );
  }

  /** R's armaCSS: 0.5 log of the CSS mean square. */
  readonly cssObjective = (parameters: Float64Array): number =>
    0.5 * Math.log(this.conditionalMeanSquare(parameters));

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
