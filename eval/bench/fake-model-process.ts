// The benchmark's model: the Ollama-protocol test server in its own process, so its timers (the
// fixed model latency) are not delayed by the runner's work. Started with the settings as JSON in
// argv[2]; sends { type: 'listening', url }; answers { type: 'stats' } with the model time it
// scheduled; exits on { type: 'close' }.
import { startFakeOllama, type ChatBody } from '../../test/support/fake-ollama';

export interface FakeModelSettings {
  firstTokenMs: number;
  tokensPerSecond: number;
  words: number;
  products: string[];
}

const settings = JSON.parse(process.argv[2] ?? '{}') as FakeModelSettings;
const answer = Array.from({ length: settings.words }, (_, index) =>
  index === 0 ? 'Vendimos' : index === 1 ? 'unidades' : `palabra${index}`,
).join(' ');
let scheduledModelMs = 0;
let turns = 0;

const server = await startFakeOllama({
  kind: 'models',
  models: [
    { name: 'bench-a', capabilities: ['completion', 'tools'] },
    { name: 'bench-b', capabilities: ['completion', 'tools'] },
  ],
});
server.onChat((body: ChatBody) => {
  const last = body.messages?.at(-1);
  const chunkDelayMs = 1000 / settings.tokensPerSecond;
  turns += 1;
  if (last?.role === 'tool') {
    scheduledModelMs += settings.firstTokenMs + (settings.words - 1) * chunkDelayMs;
    return {
      kind: 'chat',
      content: answer,
      firstChunkDelayMs: settings.firstTokenMs,
      chunkDelayMs,
      evalCount: settings.words,
    };
  }
  const product = settings.products.find((name) => last?.content?.includes(name)) ?? 'quinoa';
  scheduledModelMs += settings.firstTokenMs;
  return {
    kind: 'chat',
    toolCalls: [{ name: 'query_sales', arguments: { product } }],
    firstChunkDelayMs: settings.firstTokenMs,
    evalCount: 12,
  };
});

process.on('message', (message: { type: string }) => {
  if (message.type === 'stats') process.send!({ type: 'stats', scheduledModelMs, turns });
  if (message.type === 'close') void server.close().then(() => process.disconnect());
});
process.send!({ type: 'listening', url: server.url });
