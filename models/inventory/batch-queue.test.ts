import { describe, expect, it } from 'vitest';
import { BatchQueue } from './batch-queue';

describe('BatchQueue', () => {
  it('issues oldest first across batches and discards only what is past its day, else FIFO or expiry is wrong', () => {
    const queue = new BatchQueue(3);
    queue.add(4, 1);
    queue.add(6, 3);
    expect(queue.issue(5)).toBe(5);
    expect(queue.onHand).toBe(5);
    expect(queue.expire(1)).toBe(0);
    expect(queue.expire(3)).toBe(5);
    expect(queue.onHand).toBe(0);
  });

  it('merges batches with the same expiry day, so the ring never needs more slots than expiry days, else long horizons overflow', () => {
    const queue = new BatchQueue(1);
    queue.add(2, Infinity);
    queue.add(3, Infinity);
    expect(queue.onHand).toBe(5);
    expect(() => queue.add(1, 7)).toThrow(RangeError);
  });

  it('issues only what it holds when asked for more, else lost sales are undercounted', () => {
    const queue = new BatchQueue(2);
    queue.add(2.5, 0);
    expect(queue.issue(10)).toBe(2.5);
    expect(queue.onHand).toBe(0);
    expect(queue.issue(1)).toBe(0);
  });
});
