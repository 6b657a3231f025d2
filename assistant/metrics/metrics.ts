// The Prometheus metrics of ARCHITECTURE.md 3.6, as one typed object over a registry that the
// caller owns (so tests and several apps in one process never share state). Labels are bounded:
// operation, model (configured names), tool (registry names), outcome, route pattern; never user text.
import { collectDefaultMetrics, Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type HttpLabel = 'method' | 'route' | 'status';
export type LlmOperation = 'chat' | 'embeddings' | 'vision';
export type ToolOutcomeLabel = 'ok' | 'error';

export interface Metrics {
  registry: Registry;
  /** ayni_http_request_duration_seconds{method, route, status}; route is a pattern, never a raw path */
  httpRequestDuration: Histogram<HttpLabel>;
  /** gen_ai_client_operation_duration_seconds{operation, model} */
  llmOperationDuration: Histogram<'operation' | 'model'>;
  /** gen_ai_client_token_usage{type, model}: tokens per call */
  llmTokenUsage: Histogram<'type' | 'model'>;
  /** gen_ai_server_time_to_first_token_seconds{model} */
  llmTimeToFirstToken: Histogram<'model'>;
  /** ayni_tool_duration_seconds{tool, outcome} */
  toolDuration: Histogram<'tool' | 'outcome'>;
  /** ayni_tool_calls_total{tool, outcome} */
  toolCalls: Counter<'tool' | 'outcome'>;
  /** ayni_agent_steps{outcome}: model turns per run */
  agentSteps: Histogram<'outcome'>;
  /** ayni_agent_run_duration_seconds{outcome} */
  agentRunDuration: Histogram<'outcome'>;
  /** ayni_ws_connections */
  wsConnections: Gauge;
  /** ayni_job_last_success_timestamp_seconds{job}: Unix time of each scheduled job's last success */
  jobLastSuccess: Gauge<'job'>;
  /** ayni_job_duration_seconds{job, outcome}: outcome succeeded | failed */
  jobDuration: Histogram<'job' | 'outcome'>;
  /** ayni_job_failures_total{job} */
  jobFailures: Counter<'job'>;
}

// Local models on a CPU or a small GPU: an operation may take over a minute.
const llmOperationBuckets = [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 50, 80];
const agentRunBuckets = [0.1, 0.5, 1, 2, 5, 10, 20, 40, 80, 150, 250, 400];

export function createMetrics(registry: Registry): Metrics {
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequestDuration: new Histogram<HttpLabel>({
      name: 'ayni_http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by method, matched route pattern and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 80, 400],
      registers,
    }),
    llmOperationDuration: new Histogram({
      name: 'gen_ai_client_operation_duration_seconds',
      help: 'Duration of one model operation (a chat turn, an embedding batch, a vision call) in seconds',
      labelNames: ['operation', 'model'],
      buckets: llmOperationBuckets,
      registers,
    }),
    llmTokenUsage: new Histogram({
      name: 'gen_ai_client_token_usage',
      help: 'Tokens per model call, by type (input = prompt_eval_count, output = eval_count)',
      labelNames: ['type', 'model'],
      buckets: [16, 64, 256, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072],
      registers,
    }),
    llmTimeToFirstToken: new Histogram({
      name: 'gen_ai_server_time_to_first_token_seconds',
      help: 'Seconds from sending a chat request to its first streamed token or tool call',
      labelNames: ['model'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
      registers,
    }),
    toolDuration: new Histogram({
      name: 'ayni_tool_duration_seconds',
      help: 'Duration of one tool call in seconds, by tool and outcome',
      labelNames: ['tool', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    toolCalls: new Counter({
      name: 'ayni_tool_calls_total',
      help: 'Tool calls, by tool and outcome',
      labelNames: ['tool', 'outcome'],
      registers,
    }),
    agentSteps: new Histogram({
      name: 'ayni_agent_steps',
      help: 'Model turns per agent run, by outcome',
      labelNames: ['outcome'],
      buckets: [0, 1, 2, 3, 4, 5, 6, 8, 10, 15],
      registers,
    }),
    agentRunDuration: new Histogram({
      name: 'ayni_agent_run_duration_seconds',
      help: 'Duration of one agent run (a user message to the final answer) in seconds',
      labelNames: ['outcome'],
      buckets: agentRunBuckets,
      registers,
    }),
    wsConnections: new Gauge({
      name: 'ayni_ws_connections',
      help: 'Open WebSocket connections',
      registers,
    }),
    jobLastSuccess: new Gauge({
      name: 'ayni_job_last_success_timestamp_seconds',
      help: 'Unix time of the last successful run of each scheduled job',
      labelNames: ['job'],
      registers,
    }),
    jobDuration: new Histogram({
      name: 'ayni_job_duration_seconds',
      help: 'Duration of one scheduled job run in seconds, by job and outcome',
      labelNames: ['job', 'outcome'],
      buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
      registers,
    }),
    jobFailures: new Counter({
      name: 'ayni_job_failures_total',
      help: 'Failed runs of each scheduled job',
      labelNames: ['job'],
      registers,
    }),
  };
}
