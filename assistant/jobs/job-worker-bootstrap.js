// Entry of a job worker thread (job-worker.ts): a worker starts as plain Node (neither the CLI's
// tsx loader nor vitest's transform reach it), so it registers tsx itself before loading the host.
import { register } from 'tsx/esm/api';

register();
await import('./job-worker-host.ts');
