// Guaranteed-service model (GSM) of a serial supply chain: choose each stage's committed
// service time so that the total safety-stock holding cost is least, by the exact dynamic
// program over integer service times (Inderfurth 1991; Graves & Willems 2000; as in Snyder &
// Shen, Fundamentals of Supply Chain Theory, 2nd ed., section 6.3, equations (6.42)-(6.44)).
//
// Stages are numbered 1..N with stage 1 downstream (it serves the external customer) and stage N
// upstream (it is served by the external supplier). Every per-stage array is listed from stage 1
// to stage N. Stage k holds safety stock z * sigma * sqrt(net lead time) where the net lead time
// is its inbound service time plus its processing time minus its outbound committed service time.

export interface SerialGsmInput {
  /** Local holding cost per unit per period at stages 1..N (stage 1 first). */
  localHoldingCost: readonly number[];
  /** Processing time (periods, a non-negative integer) at stages 1..N (stage 1 first). */
  processingTime: readonly number[];
  /** Safety factor z: the demand bound over tau periods is z * sigma * sqrt(tau). */
  demandBoundConstant: number;
  /** Service time the external supplier quotes to stage N (a non-negative integer). */
  externalInboundServiceTime: number;
  /** Service time stage 1 must quote to the external customer (a non-negative integer). */
  externalOutboundServiceTime: number;
  /** Standard deviation of demand per period at stage 1. */
  demandStandardDeviation: number;
}

export interface SerialGsmResult {
  /** Optimal committed (outbound) service time of stages 1..N (index 0 = stage 1). */
  committedServiceTime: number[];
  /** Inbound service time each stage sees (index 0 = stage 1). */
  inboundServiceTime: number[];
  /** Net lead time each stage covers with safety stock (index 0 = stage 1). */
  netLeadTime: number[];
  /** Safety stock z * sigma * sqrt(net lead time) at each stage (index 0 = stage 1). */
  safetyStock: number[];
  /** Total expected safety-stock holding cost per period. */
  cost: number;
}

function requireStageArray(name: string, values: readonly number[], count?: number): void {
  if (!Array.isArray(values) || values.length === 0) {
    throw new TypeError(`${name}: expected a non-empty array with one value per stage`);
  }
  if (count !== undefined && values.length !== count) {
    throw new RangeError(
      `${name}: has ${values.length} values but there are ${count} stages; give one per stage, stage 1 (downstream) first`,
    );
  }
}

function requireNonNegativeInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(
      `${name}: ${String(value)} is not a non-negative integer number of periods`,
    );
  }
}

function validate(input: SerialGsmInput): void {
  requireStageArray('localHoldingCost', input.localHoldingCost);
  const stageCount = input.localHoldingCost.length;
  requireStageArray('processingTime', input.processingTime, stageCount);
  input.localHoldingCost.forEach((cost, index) => {
    if (!Number.isFinite(cost) || cost < 0) {
      throw new RangeError(
        `localHoldingCost[${index}] (stage ${index + 1}): ${String(cost)} must be a finite non-negative cost`,
      );
    }
  });
  input.processingTime.forEach((time, index) =>
    requireNonNegativeInteger(`processingTime[${index}] (stage ${index + 1})`, time),
  );
  if (!Number.isFinite(input.demandBoundConstant) || input.demandBoundConstant < 0) {
    throw new RangeError(
      `demandBoundConstant: ${String(input.demandBoundConstant)} must be a finite non-negative safety factor`,
    );
  }
  requireNonNegativeInteger('externalInboundServiceTime', input.externalInboundServiceTime);
  requireNonNegativeInteger('externalOutboundServiceTime', input.externalOutboundServiceTime);
  if (!Number.isFinite(input.demandStandardDeviation) || input.demandStandardDeviation <= 0) {
    throw new RangeError(
      `demandStandardDeviation: ${String(input.demandStandardDeviation)} must be a finite positive number`,
    );
  }
}

/**
 * Optimal committed service times of a serial system under the guaranteed-service model.
 *
 * theta_k(SI) is the least cost of stages 1..k when stage k's inbound service time is SI:
 * theta_1(SI) = h_1 z sigma sqrt(max(0, SI + T_1 - s_out)) and, for k >= 2,
 * theta_k(SI) = min over 0 <= S <= SI + T_k of h_k z sigma sqrt(SI + T_k - S) + theta_{k-1}(S).
 * The answer is theta_N(s_in). Ties keep the smallest service time.
 */
export function serialGsm(input: SerialGsmInput): SerialGsmResult {
  validate(input);
  const stageCount = input.localHoldingCost.length;
  const scale = input.demandBoundConstant * input.demandStandardDeviation;
  const holding = input.localHoldingCost;
  const processing = input.processingTime;

  // The largest inbound service time stage k can see: s_in plus the processing times upstream.
  const maxInbound: number[] = new Array<number>(stageCount).fill(0);
  maxInbound[stageCount - 1] = input.externalInboundServiceTime;
  for (let stage = stageCount - 2; stage >= 0; stage -= 1) {
    maxInbound[stage] = maxInbound[stage + 1]! + processing[stage + 1]!;
  }

  // theta[k][SI] and the minimising outbound service time, for SI = 0..maxInbound[k].
  const theta: Float64Array[] = [];
  const bestOutbound: Int32Array[] = [];
  for (let stage = 0; stage < stageCount; stage += 1) {
    const values = new Float64Array(maxInbound[stage]! + 1);
    const choices = new Int32Array(maxInbound[stage]! + 1);
    for (let inbound = 0; inbound <= maxInbound[stage]!; inbound += 1) {
      const replenishment = inbound + processing[stage]!;
      if (stage === 0) {
        const outbound = input.externalOutboundServiceTime;
        values[inbound] = holding[0]! * scale * Math.sqrt(Math.max(0, replenishment - outbound));
        choices[inbound] = outbound;
        continue;
      }
      const downstream = theta[stage - 1]!;
      let best = Number.POSITIVE_INFINITY;
      let bestChoice = 0;
      for (let outbound = 0; outbound <= replenishment; outbound += 1) {
        const cost =
          holding[stage]! * scale * Math.sqrt(replenishment - outbound) + downstream[outbound]!;
        if (cost < best) {
          best = cost;
          bestChoice = outbound;
        }
      }
      values[inbound] = best;
      choices[inbound] = bestChoice;
    }
    theta.push(values);
    bestOutbound.push(choices);
  }

  const committedServiceTime = new Array<number>(stageCount).fill(0);
  const inboundServiceTime = new Array<number>(stageCount).fill(0);
  let inbound = input.externalInboundServiceTime;
  for (let stage = stageCount - 1; stage >= 0; stage -= 1) {
    inboundServiceTime[stage] = inbound;
    committedServiceTime[stage] = bestOutbound[stage]![inbound]!;
    inbound = committedServiceTime[stage]!;
  }
  const netLeadTime = committedServiceTime.map((outbound, stage) =>
    Math.max(0, inboundServiceTime[stage]! + processing[stage]! - outbound),
  );
  const safetyStock = netLeadTime.map((time) => scale * Math.sqrt(time));
  return {
    committedServiceTime,
    inboundServiceTime,
    netLeadTime,
    safetyStock,
    cost: theta[stageCount - 1]![input.externalInboundServiceTime]!,
  };
}
