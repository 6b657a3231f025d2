import { describe, expect, it } from 'vitest';
import { caseOutput, score, toolCall } from './case-output-fixture';

const forecastResult = {
  product: 'GRA-005',
  total: 1240,
  periods: [{ period: '2026-12-01', units: 1240 }],
  wape: 0.113,
};

describe('grounded', () => {
  it('passes when every figure is in a tool result, otherwise correct answers are flagged', async () => {
    const run = caseOutput({
      userMessage: '¿Cuánto venderemos de quinoa 500 g?',
      output: 'Se esperan 1,240 unidades en diciembre (error WAPE 11.3%).',
      toolCalls: [toolCall('forecast_demand', { product: 'quinoa 500 g' }, forecastResult)],
    });
    const result = await score({ type: 'grounded' }, run);
    expect(result.reason).toContain('every figure');
    expect(result.pass).toBe(true);
  });

  it('fails an invented number naming it, even when the recorded run has no ungrounded list', async () => {
    const run = caseOutput({
      userMessage: '¿Cuánto venderemos?',
      output: 'Se esperan 1,240 unidades, un 18% más que el año pasado.',
      toolCalls: [toolCall('forecast_demand', { product: 'GRA-005' }, forecastResult)],
      ungrounded: [],
    });
    const result = await score({ type: 'grounded' }, run);
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('"18%"');
    expect(result.reason).not.toContain('1,240');
  });

  it('reads Spanish "más" and "millón" after a figure as words, otherwise true answers in Spanish fail', async () => {
    const run = caseOutput({
      output: 'Son 1,240 más que el mes pasado; en el año, 1 millón de unidades.',
      toolCalls: [toolCall('query_sales', {}, { delta: 1240, yearUnits: 1_000_000 })],
    });
    const result = await score({ type: 'grounded' }, run);
    expect(result.reason).toContain('every figure');
  });

  it("fails on the agent's recorded ungrounded figures too, otherwise a recorded failure is lost", async () => {
    const run = caseOutput({
      output: 'Sin cifras aquí.',
      ungrounded: [{ text: '3,500', value: 3500 }],
    });
    const result = await score({ type: 'grounded' }, run);
    expect(result.pass).toBe(false);
    expect(result.reason).toContain('"3,500"');
  });

  it("accepts figures the user gave earlier in the conversation's history", async () => {
    const run = caseOutput({
      userMessage: '¿y en Lima?',
      output: 'Con un stock de 870 unidades alcanza.',
    });
    const context = {
      caseVars: {
        message: '¿y en Lima?',
        history: [{ role: 'user', content: 'Tenemos 870 unidades' }],
      },
    };
    expect((await score({ type: 'grounded' }, run, context)).pass).toBe(true);
    expect((await score({ type: 'grounded' }, run)).pass).toBe(false);
  });

  it('ignores the arguments and results of calls that failed only for results, not for arguments', async () => {
    const failed = caseOutput({
      output: 'Pedí 4,400 unidades.',
      toolCalls: [
        {
          id: 'c1',
          name: 'optimize_inventory',
          args: { quantity: 4400 },
          error: { kind: 'failed', message: 'x' },
          ms: 1,
        },
      ],
    });
    // A failed call produced no data: a figure only in its arguments is the model's own.
    expect((await score({ type: 'grounded' }, failed)).pass).toBe(false);
  });
});

const passages = {
  passages: [
    {
      document: 'politica-inventario.md',
      heading: 'Stock de seguridad',
      lineStart: 10,
      lineEnd: 20,
      text: '...',
    },
  ],
};

describe('cites', () => {
  it('passes with a citation and checks the document when named, otherwise uncited knowledge answers pass', async () => {
    const run = caseOutput({
      output: 'Según la política [politica-inventario.md#L10-L20], ...',
      toolCalls: [toolCall('search_knowledge', { query: 'stock de seguridad' }, passages)],
      citations: [
        {
          document: 'politica-inventario.md',
          heading: 'Stock de seguridad',
          lineStart: 10,
          lineEnd: 20,
        },
      ],
    });
    expect((await score({ type: 'cites' }, run)).pass).toBe(true);
    expect((await score({ type: 'cites', value: 'politica-inventario' }, run)).pass).toBe(true);
    const other = await score({ type: 'cites', value: 'estandar-qc.md' }, run);
    expect(other.pass).toBe(false);
    expect(other.reason).toBe('the answer cites politica-inventario.md, not estandar-qc.md');
  });

  it('fails when there is no citation, saying whether the knowledge base was searched', async () => {
    const unsearched = await score(
      { type: 'cites' },
      caseOutput({ output: 'El stock de seguridad es...' }),
    );
    expect(unsearched.pass).toBe(false);
    expect(unsearched.reason).toBe('the answer cites no source: search_knowledge was not called');
    const empty = caseOutput({
      toolCalls: [toolCall('search_knowledge', { query: 'x' }, { passages: [] })],
    });
    expect((await score({ type: 'cites' }, empty)).reason).toContain('returned no passage');
  });

  it('rebuilds citations from search_knowledge results when the run recorded none', async () => {
    const run = caseOutput({
      toolCalls: [toolCall('search_knowledge', { query: 'stock' }, passages)],
      citations: [],
    });
    expect((await score({ type: 'cites', value: 'politica-inventario.md' }, run)).pass).toBe(true);
  });
});
