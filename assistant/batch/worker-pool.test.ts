import { describe, expect, it } from 'vitest';
import type { FixtureJob } from './worker-pool.fixture';
import { runPool, type PoolOutcome } from './worker-pool';

const fixture = new URL('./worker-pool.fixture.ts', import.meta.url);
type Outcome = PoolOutcome<FixtureJob, { square: number; threadId: number }>;

async function collect(iterable: AsyncIterable<Outcome>): Promise<Outcome[]> {
  const all: Outcome[] = [];
  for await (const outcome of iterable) all.push(outcome);
  return all;
}

describe('runPool', () => {
  it('returns every result in input order even when later jobs finish first, over more jobs than threads', async () => {
    // the first jobs spin longest, so results arrive out of order
    const jobs = Array.from({ length: 24 }, (_, index) => ({
      value: index,
      spinMs: index < 4 ? 60 - index * 10 : 0,
    }));
    const outcomes = await collect(
      runPool(jobs, { jobModule: fixture, jobOptions: { offset: 1 }, threads: 2, maxInFlight: 6 }),
    );
    expect(outcomes.map((outcome) => outcome.index)).toEqual(jobs.map((_, index) => index));
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.value.square : -1))).toEqual(
      jobs.map((job) => job.value ** 2 + 1),
    );
    expect(new Set(outcomes.map((outcome) => (outcome.ok ? outcome.value.threadId : 0))).size).toBe(
      2,
    );
  });

  it('reports an error in one job as that job’s outcome and goes on with the others', async () => {
    const jobs = [{ value: 1 }, { value: -2 }, { value: 3 }];
    const outcomes = await collect(
      runPool(jobs, { jobModule: fixture, jobOptions: { offset: 0 }, threads: 2 }),
    );
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, true]);
    expect(outcomes[1]).toMatchObject({
      ok: false,
      job: { value: -2 },
      error: 'value: -2 is negative',
    });
  });

  it('fails only the job that killed its worker; the jobs queued behind it run on a new worker', async () => {
    const jobs = [
      { value: 1 },
      { value: 2, exitCode: 7 },
      ...Array.from({ length: 6 }, (_, index) => ({ value: index + 3 })),
    ];
    const outcomes = await collect(
      runPool(jobs, { jobModule: fixture, jobOptions: { offset: 0 }, threads: 1, maxInFlight: 4 }),
    );
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([
      true,
      false,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(outcomes[1]).toMatchObject({ error: 'the worker thread died: it exited with code 7' });
  });

  it('pulls jobs lazily: never more than maxInFlight ahead of the consumer (memory stays flat)', async () => {
    let produced = 0;
    let consumed = 0;
    let widest = 0;
    function* jobs() {
      for (let index = 0; index < 40; index += 1) {
        produced += 1;
        widest = Math.max(widest, produced - consumed);
        yield { value: index };
      }
    }
    for await (const outcome of runPool(jobs(), {
      jobModule: fixture,
      jobOptions: { offset: 0 },
      threads: 2,
      maxInFlight: 5,
    })) {
      expect(outcome.ok).toBe(true);
      consumed += 1;
    }
    expect(consumed).toBe(40);
    expect(widest).toBeLessThanOrEqual(5);
  });

  it('stops on abort: rejects with the reason and terminates every worker although jobs are still spinning', async () => {
    const controller = new AbortController();
    const exits: number[] = [];
    const jobs = Array.from({ length: 10 }, (_, index) => ({
      value: index,
      spinMs: index === 0 ? 0 : 20_000,
    }));
    const started = Date.now();
    const run = (async () => {
      for await (const outcome of runPool(jobs, {
        jobModule: fixture,
        jobOptions: { offset: 0 },
        threads: 2,
        signal: controller.signal,
        onWorkerExit: (code) => exits.push(code),
      })) {
        if (outcome.index === 0) controller.abort(new Error('stop now'));
      }
    })();
    await expect(run).rejects.toThrow('stop now');
    expect(Date.now() - started).toBeLessThan(15_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(exits).toHaveLength(2);
  });

  it('fails the whole run when the workers cannot start (a job module without createJobHandler)', async () => {
    const broken = new URL('./worker-protocol.ts', import.meta.url);
    await expect(
      collect(runPool([{ value: 1 }], { jobModule: broken, threads: 1 })),
    ).rejects.toThrow(/failed to start.*createJobHandler/);
  });

  it('refuses a thread count that is not a whole number >= 1', async () => {
    await expect(
      collect(runPool([{ value: 1 }], { jobModule: fixture, threads: 0 })),
    ).rejects.toThrow(/threads/);
  });
});
