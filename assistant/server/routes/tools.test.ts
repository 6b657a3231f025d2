import { describe, expect, it } from 'vitest';
import { testDeps } from '../../../test/support/app-deps';
import { createApp } from '../create-app';
import type { ErrorBody } from '../error-handler';

function post(
  app: ReturnType<typeof createApp>,
  name: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return app.request(`/api/tools/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function errorOf(response: Response) {
  return ((await response.json()) as ErrorBody).error;
}

describe('GET /api/tools', () => {
  it('lists each tool with its description and input JSON Schema', async () => {
    const response = await createApp(testDeps()).request('/api/tools');
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      tools: { name: string; description: string; inputSchema: { type: string } }[];
    };
    expect(body.tools.map((tool) => tool.name)).toEqual([
      'query_sales',
      'forecast_demand',
      'detect_anomalies',
      'optimize_inventory',
      'search_knowledge',
      'sop_summary',
      'inspect_packaging',
    ]);
    expect(body.tools[1]?.inputSchema.type).toBe('object');
    expect(body.tools[1]?.description).toContain('Forecast');
  });
});

describe('POST /api/tools/:name', () => {
  it('answers the structured forecast for a product given by name', async () => {
    const response = await post(createApp(testDeps()), 'forecast_demand', {
      product: 'quinoa blanca',
      location: 'LIM-DC1',
      grain: 'day',
      horizon: 3,
      method: 'naive',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      scope: { label: string };
      forecast: { start: string; mean: number }[];
    };
    expect(body.scope.label).toBe('Quinoa blanca 500 g (QUI-500) at Lima DC Callao (LIM-DC1)');
    expect(body.forecast.map((point) => [point.start, point.mean])).toEqual([
      ['2024-01-15', 10],
      ['2024-01-16', 10],
      ['2024-01-17', 10],
    ]);
  });

  it('answers query_sales totals', async () => {
    const response = await post(createApp(testDeps()), 'query_sales', {
      category: 'dairy',
      grain: 'week',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { totals: { units: number } };
    expect(body.totals.units).toBe(5 * 14);
  });

  it('rejects invalid input with 400 and the zod issues by path', async () => {
    const response = await post(createApp(testDeps()), 'forecast_demand', {
      product: 'QUI-500',
      horizon: 0,
      colour: 'red',
    });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_input');
    const paths = (error.details as { path: string }[]).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['horizon', '']));
  });

  it('rejects a horizon beyond the history with 400 naming the field', async () => {
    const response = await post(createApp(testDeps()), 'forecast_demand', {
      product: 'QUI-500',
      grain: 'week',
      horizon: 5,
      method: 'naive',
    });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.message).toMatch(/^horizon: 5 weeks ahead is more than the 2 complete weeks/);
    expect(error.details).toEqual([expect.objectContaining({ path: 'horizon' })]);
  });

  it('answers an unknown product with 404 and an ambiguous location with 400, listing candidates', async () => {
    const app = createApp(testDeps());
    const unknown = await post(app, 'forecast_demand', { product: 'quinoa roja' });
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).details).toEqual({
      field: 'product',
      candidates: [{ code: 'QUI-500', name: 'Quinoa blanca 500 g' }],
    });
    const ambiguous = await post(app, 'query_sales', { location: 'DC' });
    expect(ambiguous.status).toBe(400);
    const error = await errorOf(ambiguous);
    expect(error.details).toMatchObject({ field: 'location' });
    expect(
      (error.details as { candidates: { code: string }[] }).candidates
        .map((item) => item.code)
        .sort(),
    ).toEqual(['AQP-DC', 'LIM-DC1']);
  });

  it('answers an unknown tool with 404 listing the tools', async () => {
    const response = await post(createApp(testDeps()), 'forecast', {});
    expect(response.status).toBe(404);
    expect((await errorOf(response)).details).toEqual({
      tools: [
        'query_sales',
        'forecast_demand',
        'detect_anomalies',
        'optimize_inventory',
        'search_knowledge',
        'sop_summary',
        'inspect_packaging',
      ],
    });
  });

  it('rejects a body that is not JSON with 400', async () => {
    const response = await post(createApp(testDeps()), 'query_sales', '{"grain": ');
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain('not valid JSON');
  });

  it('keeps the API token and the JSON body limit in force', async () => {
    const guarded = createApp(testDeps({ environment: { AYNI_API_TOKEN: 'secret-token' } }));
    expect((await post(guarded, 'query_sales', {})).status).toBe(401);
    expect(
      (await post(guarded, 'query_sales', {}, { authorization: 'Bearer secret-token' })).status,
    ).toBe(200);
    const small = createApp(testDeps({ limits: { jsonBodyBytes: 64 } }));
    const large = await post(small, 'query_sales', { product: 'x'.repeat(200) });
    expect(large.status).toBe(413);
  });
});
