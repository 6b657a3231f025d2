// Job bodies for job-worker.test.ts: CPU work of a set length (a stand-in for the minutes-long
// nightly scan, so the test can tell whether the starting thread is blocked) and work that never
// ends (for cancellation).
import type { ToolContext } from '../../tools/tool-context';
import type { Store } from '../store/store';

/** Spins the CPU for `ms` without yielding, then counts the store's products. */
export function spinBody(context: ToolContext, store: Store, input: { ms: number }): number {
  const until = performance.now() + input.ms;
  let turns = 0;
  while (performance.now() < until) turns += 1;
  context.logger.info({ turns: turns > 0 }, 'spun');
  return store.products.count();
}

export function endlessBody(): never {
  for (;;) {
    // never yields: only terminating the thread stops it
  }
}
