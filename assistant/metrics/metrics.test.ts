import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics';

describe('createMetrics', () => {
  it('registers the HTTP histogram and the default process metrics on the given registry only', async () => {
    const registry = new Registry();
    const metrics = createMetrics(registry);
    metrics.httpRequestDuration.observe(
      { method: 'GET', route: '/api/sales', status: '200' },
      0.03,
    );
    const text = await registry.metrics();
    expect(text).toContain(
      'ayni_http_request_duration_seconds_bucket{le="0.05",method="GET",route="/api/sales",status="200"} 1',
    );
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('keeps two apps in one process apart: no duplicate-name error, no shared observations', async () => {
    const first = createMetrics(new Registry());
    const second = createMetrics(new Registry());
    first.httpRequestDuration.observe({ method: 'GET', route: '/healthz', status: '200' }, 0.001);
    expect(await first.registry.metrics()).toContain('route="/healthz"');
    expect(await second.registry.metrics()).not.toContain('route="/healthz"');
  });
});
