import { describe, expect, it } from 'vitest';
import { isReadiness, type Readiness } from '../../lib/api/readiness';
import { bannerItems, chatModelDown } from './readiness';

function readiness(overrides: Partial<Readiness['checks']> = {}): Readiness {
  return {
    status: 'ready',
    checks: {
      store: { ok: true, message: 'the SQLite store answers' },
      ollama: {
        ok: true,
        reachable: true,
        host: 'http://127.0.0.1:11434',
        message: 'ok',
        models: {
          chat: { name: 'qwen3:8b', present: true, capable: true },
          vision: { name: 'qwen2.5vl:7b', present: true, capable: true },
          embed: { name: 'bge-m3', present: true, capable: true },
        },
      },
      knowledge: { mode: 'hybrid' },
      ...overrides,
    },
  };
}

// what /readyz answered on the demo server with Ollama down
const unreachable = {
  status: 'degraded',
  checkedAt: '2026-11-26T13:29:48.181Z',
  checks: {
    store: { ok: true, message: 'the SQLite store answers' },
    ollama: {
      ok: false,
      reachable: false,
      host: 'http://127.0.0.1:1',
      message: 'Ollama is not reachable at http://127.0.0.1:1',
      models: {
        chat: { name: 'qwen3:8b', present: null },
        vision: { name: 'qwen2.5vl:7b', present: null },
        embed: { name: 'bge-m3', present: null },
      },
    },
    knowledge: {
      documents: 13,
      chunks: 255,
      mode: 'lexical',
      message: 'the embedding model bge-m3 is not available; run "ollama pull bge-m3"',
    },
  },
};

describe('bannerItems', () => {
  it('shows nothing when everything is ready (else the banner would nag for no reason)', () => {
    expect(bannerItems(readiness())).toEqual([]);
  });

  it('reports Ollama unreachable and lexical-only knowledge from a real /readyz body (else users would not know why chat fails)', () => {
    expect(isReadiness(unreachable)).toBe(true);
    if (!isReadiness(unreachable)) return;
    const items = bannerItems(unreachable);
    expect(items.map((item) => item.kind)).toEqual(['unreachable', 'knowledge']);
    expect(chatModelDown(items)).toBe(true);
  });

  it('gives the exact ollama pull for a missing model (else users would have to guess the command)', () => {
    const base = readiness();
    const items = bannerItems(
      readiness({
        ollama: {
          ...base.checks.ollama,
          ok: false,
          models: {
            ...base.checks.ollama.models,
            chat: { name: 'qwen3:8b', present: false, fix: 'ollama pull qwen3:8b' },
          },
        },
      }),
    );
    expect(items).toEqual([
      { kind: 'missing', role: 'chat', model: 'qwen3:8b', command: 'ollama pull qwen3:8b' },
    ]);
    expect(chatModelDown(items)).toBe(true);
  });

  it('reports a model lacking its capability with the fix, and a vision problem does not block chat (else the slash-command hint would show wrongly)', () => {
    const base = readiness();
    const fix = 'llama3 lacks the vision capability: set AYNI_VISION_MODEL to a model that has it';
    const items = bannerItems(
      readiness({
        ollama: {
          ...base.checks.ollama,
          models: {
            ...base.checks.ollama.models,
            vision: { name: 'llama3', present: true, capable: false, needs: 'vision', fix },
          },
        },
      }),
    );
    expect(items).toEqual([{ kind: 'incapable', role: 'vision', model: 'llama3', detail: fix }]);
    expect(chatModelDown(items)).toBe(false);
  });

  it('reports a failing store first (else the most severe problem would be buried)', () => {
    const items = bannerItems(
      readiness({
        store: { ok: false, message: 'disk I/O error' },
        knowledge: { mode: 'lexical' },
      }),
    );
    expect(items[0]).toEqual({ kind: 'store', detail: 'disk I/O error' });
  });
});
