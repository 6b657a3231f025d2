// The plain sentence shown with each anomaly found in a file (no calendar or promotions are known
// for a file: the store scan adds those).
import type { DetectedAnomaly } from '../../models/anomaly/detector';

function amount(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 1 ? 1 : 3;
  return value.toLocaleString('en', { maximumFractionDigits: digits });
}

function strength(anomaly: DetectedAnomaly): string {
  const score = anomaly.score.toFixed(1);
  return anomaly.detector.includes('isolation') ? `isolation score ${score}` : `${score} robust SD`;
}

/** "unexplained spike: 4.1 robust SD above the expected 1,230 (observed 2,950)". */
export function explainAnomaly(anomaly: DetectedAnomaly): string {
  const expected = amount(anomaly.expected);
  const observed = amount(anomaly.observed);
  const steps = anomaly.end - anomaly.start + 1;
  const span = steps > 1 ? ` over ${steps} steps` : '';
  switch (anomaly.kind) {
    case 'spike':
      return `unexplained spike: ${strength(anomaly)} above the expected ${expected} (observed ${observed}${span})`;
    case 'drop':
      return `unexplained drop: ${strength(anomaly)} below the expected ${expected} (observed ${observed}${span})`;
    case 'level_shift':
      return `level shift: from about ${expected} to about ${observed} per step (${strength(anomaly)})`;
    case 'outlier':
      return `unexplained outlier: observed ${observed} where ${expected} was expected (${strength(anomaly)}${span})`;
  }
}
