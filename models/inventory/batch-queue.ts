// The stock on hand as batches ordered by expiry day (oldest first) in a fixed ring buffer: issued
// first-in-first-out, discarded when past their last day. Batches with the same expiry day merge,
// so a queue never holds more batches than distinct expiry days; non-perishable stock is one batch
// with expiry Infinity. Fields rather than closures keep the simulator's day loop allocation-free.

export class BatchQueue {
  private readonly quantity: Float64Array;
  private readonly expiry: Float64Array;
  private head = 0;
  private count = 0;
  /** Units on hand (the sum of the batches). */
  onHand = 0;

  /** `capacity`: the most batches alive at once (distinct expiry days), >= 1. */
  constructor(capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity: must be a whole number >= 1, got ${capacity}`);
    }
    this.quantity = new Float64Array(capacity);
    this.expiry = new Float64Array(capacity);
  }

  clear(): void {
    this.head = 0;
    this.count = 0;
    this.onHand = 0;
  }

  /** Adds a batch whose last sellable day is `expiryDay` (>= every batch already held). */
  add(quantity: number, expiryDay: number): void {
    if (quantity <= 0) return;
    const capacity = this.quantity.length;
    if (this.count > 0) {
      const tail = (this.head + this.count - 1) % capacity;
      if (this.expiry[tail] === expiryDay) {
        this.quantity[tail] = (this.quantity[tail] as number) + quantity;
        this.onHand += quantity;
        return;
      }
    }
    if (this.count === capacity)
      throw new RangeError('capacity: more batches than the queue holds');
    const slot = (this.head + this.count) % capacity;
    this.quantity[slot] = quantity;
    this.expiry[slot] = expiryDay;
    this.count += 1;
    this.onHand += quantity;
  }

  /** Issues up to `wanted` units oldest first; returns the units issued. */
  issue(wanted: number): number {
    if (wanted >= this.onHand) {
      const issued = this.onHand;
      this.count = 0;
      this.onHand = 0;
      return issued;
    }
    const capacity = this.quantity.length;
    let remaining = wanted;
    while (remaining > 0 && this.count > 0) {
      const available = this.quantity[this.head] as number;
      if (available > remaining) {
        this.quantity[this.head] = available - remaining;
        remaining = 0;
      } else {
        remaining -= available;
        this.head = (this.head + 1) % capacity;
        this.count -= 1;
      }
    }
    this.onHand -= wanted;
    return wanted;
  }

  /** Discards the batches whose last day is <= `day`; returns the units discarded. */
  expire(day: number): number {
    if (this.count === 0 || (this.expiry[this.head] as number) > day) return 0;
    const capacity = this.quantity.length;
    let expired = 0;
    while (this.count > 0 && (this.expiry[this.head] as number) <= day) {
      expired += this.quantity[this.head] as number;
      this.head = (this.head + 1) % capacity;
      this.count -= 1;
    }
    this.onHand = this.count === 0 ? 0 : this.onHand - expired;
    return expired;
  }
}
