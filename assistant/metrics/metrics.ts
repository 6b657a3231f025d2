// The Prometheus metrics of ARCHITECTURE.md 3.6, as one typed object over a registry that the
// caller owns (so tests and several apps in one process never share state).
import { collectDefaultMetrics, Histogram, type Registry } from 'prom-client';

export type HttpLabel = 'method' | 'route' | 'status';

export interface Metrics {
  registry: Registry;
  /** ayni_http_request_duration_seconds{method, route, status}; route is a pattern, never a raw path */
  httpRequestDuration: Histogram<HttpLabel>;
}

export function createMetrics(registry: Registry): Metrics {
  collectDefaultMetrics({ register: registry });
  const httpRequestDuration = new Histogram<HttpLabel>({
    name: 'ayni_http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, matched route pattern and status code',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  return { registry, httpRequestDuration };
}
