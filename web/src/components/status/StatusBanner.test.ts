// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import StatusBanner from './StatusBanner.svelte';

function body(chatPresent: boolean) {
  return {
    status: chatPresent ? 'ready' : 'degraded',
    checks: {
      store: { ok: true, message: 'ok' },
      ollama: {
        ok: chatPresent,
        reachable: true,
        host: 'http://127.0.0.1:11434',
        message: 'm',
        models: {
          chat: chatPresent
            ? { name: 'qwen3:8b', present: true }
            : { name: 'qwen3:8b', present: false, fix: 'ollama pull qwen3:8b' },
        },
      },
      knowledge: { mode: 'hybrid' },
    },
  };
}

function serve(answers: unknown[]) {
  const calls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      calls.push(url);
      const next = answers.length > 1 ? answers.shift() : answers[0];
      return new Response(JSON.stringify(next), { status: 200 });
    }),
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('StatusBanner', () => {
  it('shows the exact ollama pull with a copy button and says slash commands still work (else the user is stuck)', async () => {
    serve([body(false)]);
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(StatusBanner);
    expect(await screen.findByText('ollama pull qwen3:8b')).toBeTruthy();
    expect(screen.getByText(/Slash commands still work/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Copy command' }));
    expect(writeText).toHaveBeenCalledWith('ollama pull qwen3:8b');
  });

  it('renders nothing when ready (else a healthy install would show a banner)', async () => {
    const calls = serve([body(true)]);
    const { container } = render(StatusBanner);
    await vi.waitFor(() => expect(calls.length).toBe(1));
    await Promise.resolve();
    expect(container.querySelector('.status-banner')).toBeNull();
  });

  it('checks again when the window regains focus and clears the banner once fixed (else it would stay stale for 30 s)', async () => {
    const calls = serve([body(false), body(true)]);
    const { container } = render(StatusBanner);
    await screen.findByText('ollama pull qwen3:8b');
    window.dispatchEvent(new Event('focus'));
    await vi.waitFor(() => expect(calls.length).toBe(2));
    await vi.waitFor(() => expect(container.querySelector('.status-banner')).toBeNull());
  });

  it('says the server cannot be reached when /readyz fails (else a dead server would look healthy)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    render(StatusBanner);
    expect(await screen.findByText(/The Ayni server cannot be reached/)).toBeTruthy();
  });

  it('polls /readyz every 30 s (else a model pulled meanwhile would keep the banner up)', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const calls = serve([body(false)]);
      render(StatusBanner);
      await vi.waitFor(() => expect(calls.length).toBe(1));
      vi.advanceTimersByTime(29_000);
      expect(calls.length).toBe(1);
      vi.advanceTimersByTime(1_000);
      await vi.waitFor(() => expect(calls.length).toBe(2));
    } finally {
      vi.useRealTimers();
    }
  });
});
