// @vitest-environment jsdom
// jsdom: the answer's Markdown goes through DOMPurify, which does not sanitise under happy-dom.
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { applyEvents, beginSend } from '../../lib/chat/reducer';
import { emptyChat, type AssistantTurn, type SocketEvent } from '../../lib/chat/types';
import { i18n } from '../../lib/i18n/i18n.svelte';
import AssistantMessage from './AssistantMessage.svelte';

function answerAfter(events: SocketEvent[]): AssistantTurn {
  const state = applyEvents(beginSend(emptyChat(), { text: 'q' }, 0), [
    { type: 'run-start', conversationId: 'c', runId: 'r' },
    ...events,
  ]);
  return state.turns.at(-1) as AssistantTurn;
}

function show(turn: AssistantTurn) {
  i18n.set('en');
  return render(AssistantMessage, {
    props: { turn, isLast: true, canRegenerate: true, onRegenerate() {} },
  });
}

const end = (message: string, extra: Partial<Extract<SocketEvent, { type: 'run-end' }>> = {}) =>
  ({
    type: 'run-end',
    message,
    usage: {
      inputTokens: 1,
      outputTokens: 1,
      steps: 1,
      model: 'qwen3:8b',
      promptVersion: null,
      ms: 5,
    },
    outcome: 'answered',
    ungrounded: [],
    citations: [],
    ...extra,
  }) as SocketEvent;

describe('AssistantMessage', () => {
  it('shows the error with its fix and the slash-command hint (else a missing model leaves the user stuck)', () => {
    show(
      answerAfter([
        { type: 'error', code: 'model_missing', message: 'run `ollama pull qwen3:8b`' },
      ]),
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('ollama pull qwen3:8b');
    expect(alert.textContent).toContain('Slash commands still work');
  });

  it('marks ungrounded figures with the title and lists sources and warnings', () => {
    const { container } = show(
      answerAfter([
        { type: 'warning', code: 'truncated', message: 'older messages left out' },
        { type: 'text-delta', text: 'Se vendieron 4,321 cajas.' },
        end('Se vendieron 4,321 cajas.', {
          ungrounded: [{ text: '4,321', value: 4321 }],
          citations: [{ document: 'politicas.md', heading: 'FEFO', lineStart: 2, lineEnd: 8 }],
        }),
      ]),
    );
    const mark = container.querySelector('mark.ungrounded') as HTMLElement;
    expect(mark.textContent).toBe('4,321');
    expect(mark.title).toBe('not found in the tool results');
    expect(screen.getByRole('region', { name: 'Sources' }).textContent).toContain('politicas.md');
    expect(screen.getByRole('list', { name: 'Notices' }).textContent).toContain(
      'older messages left out',
    );
  });

  it('shows a running tool card, then the error with candidates (else an ambiguous product gives no choice)', () => {
    const running = show(
      answerAfter([
        { type: 'tool-call', id: 'a', name: 'forecast_demand', args: { product: 'quinua' } },
      ]),
    );
    expect(running.container.querySelector('.tool-card')?.getAttribute('data-status')).toBe(
      'running',
    );
    running.unmount();
    const { container } = show(
      answerAfter([
        { type: 'tool-call', id: 'a', name: 'forecast_demand', args: { product: 'quinua' } },
        {
          type: 'tool-error',
          id: 'a',
          name: 'forecast_demand',
          error: {
            kind: 'ambiguous',
            message: 'two products match',
            candidates: [{ code: 'QUI-500', name: 'Quinoa 500 g' }],
          },
          ms: 4,
        },
      ]),
    );
    const card = container.querySelector('.tool-card') as HTMLElement;
    expect(card.getAttribute('data-status')).toBe('error');
    expect(card.textContent).toContain('two products match');
    expect(card.textContent).toContain('QUI-500');
    expect(card.textContent).toContain('4 ms');
  });

  it('offers copy and regenerate once done, with the details (model, tools used)', () => {
    show(answerAfter([{ type: 'text-delta', text: 'Listo.' }, end('Listo.')]));
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Regenerate' })).toBeTruthy();
    expect(screen.getByText('qwen3:8b')).toBeTruthy();
  });
});
