// Entry of every batch worker thread: a worker starts as plain Node (neither the CLI's tsx loader
// nor vitest's transform reach it), so it registers tsx itself before loading the TypeScript host.
import { register } from 'tsx/esm/api';

register();
await import('./worker-host.ts');
