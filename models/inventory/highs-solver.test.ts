import { describe, expect, it } from 'vitest';
import { solveLinearProgram } from './highs-solver';

// The workshop LP of the highs-js README and the dual of a hand-solved two-row LP.
describe('solveLinearProgram', () => {
  it('solves the integer workshop model to 20 chairs and 10 tables (else MIP results are misread)', async () => {
    const solution = await solveLinearProgram(`Maximize
 profit: 30 chairs + 50 tables
Subject To
 carpentry: chairs + 2 tables <= 40
 finishing: 2 chairs + tables <= 50
Generals
 chairs tables
End`);
    expect(solution.status).toBe('optimal');
    expect(solution.objective).toBeCloseTo(1100, 9);
    expect(solution.columns.get('chairs')).toBeCloseTo(20, 9);
    expect(solution.columns.get('tables')).toBeCloseTo(10, 9);
    expect(solution.hasDuals).toBe(false);
    expect(solution.rows.map((row) => row.name)).toEqual(['carpentry', 'finishing']);
    expect(solution.rows[0]?.activity).toBeCloseTo(40, 9);
  });

  it('gives the budget row of an LP the dual -0.5 computed by hand (else shadow prices have the wrong sign or scale)', async () => {
    // Each S/ 1 of budget buys 0.1 unit (S/ 10 each), which cuts the shortage by 0.1 at S/ 5 a unit.
    const solution = await solveLinearProgram(`Minimize
 cost: 5 short + 1 excess
Subject To
 balance: short - excess + order = 100
 budget: 10 order <= 500
End`);
    expect(solution.status).toBe('optimal');
    expect(solution.objective).toBeCloseTo(250, 9);
    expect(solution.hasDuals).toBe(true);
    const budget = solution.rows.find((row) => row.name === 'budget');
    expect(budget?.dual).toBeCloseTo(-0.5, 9);
    expect(budget?.activity).toBeCloseTo(500, 9);
  });

  it('reports an infeasible model as a status with no values (else callers read garbage as a plan)', async () => {
    const solution = await solveLinearProgram(`Minimize
 obj: x
Subject To
 atLeast: x >= 5
 atMost: x <= 3
End`);
    expect(solution.status).toBe('infeasible');
    expect(solution.columns.size).toBe(0);
    expect(Number.isNaN(solution.objective)).toBe(true);
  });

  it('rejects empty text and bad options naming the argument (else misuse fails silently)', async () => {
    await expect(solveLinearProgram('  ')).rejects.toThrow(TypeError);
    await expect(
      solveLinearProgram('Minimize\n obj: x\nEnd', { timeLimitSeconds: 0 }),
    ).rejects.toThrow(/timeLimitSeconds/);
    await expect(
      solveLinearProgram('Minimize\n obj: x\nEnd', { mipRelativeGap: 2 }),
    ).rejects.toThrow(/mipRelativeGap/);
  });

  it('gives text that holds no model the status error, not optimal (else a typo in generated text looks like a plan)', async () => {
    const solution = await solveLinearProgram('this is not a model');
    expect(solution.status).toBe('error');
    expect(solution.highsStatus).toBe('Empty');
  });
});
