// The benchmark's server process: the whole assistant as main.ts builds it (test store data),
// pointed at the bench's Ollama-protocol server, controlled over the fork IPC channel so that
// the server has its own event loop and its RSS is its own.
import { startAgentServer } from '../../test/support/agent-server';

type Command = { kind: 'memory' } | { kind: 'close' };

const ollamaUrl = process.argv[2];
if (!ollamaUrl || !process.send)
  throw new Error('usage: fork agent-bench-server.ts <ollama url> (with an IPC channel)');
const send = (message: unknown) => process.send?.(message);
const app = await startAgentServer(ollamaUrl, {
  limits: { chatRunsPerMinute: 10_000_000, apiRequestsPerMinute: 10_000_000 },
});
send({ kind: 'ready', url: app.url, wsUrl: app.wsUrl });
process.on('message', (command: Command) => {
  if (command.kind === 'memory') {
    (globalThis as { gc?: () => void }).gc?.();
    const usage = process.memoryUsage();
    send({ kind: 'memory', rss: usage.rss, heapUsed: usage.heapUsed });
  } else {
    void app.close().then(() => {
      send({ kind: 'closed' });
      process.exit(0);
    });
  }
});
