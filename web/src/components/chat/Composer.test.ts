// @vitest-environment happy-dom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n/i18n.svelte';
import Composer from './Composer.svelte';

function setup(props: Partial<{ value: string; running: boolean; tools: Set<string> }> = {}) {
  i18n.set('en');
  const onSend = vi.fn();
  const onStop = vi.fn();
  const onFiles = vi.fn();
  render(Composer, {
    props: {
      value: props.value ?? '',
      problems: [],
      running: props.running ?? false,
      tools: props.tools,
      onSend,
      onStop,
      onFiles,
    },
  });
  return { onSend, onStop, onFiles, box: screen.getByRole('textbox', { name: 'Message' }) };
}

describe('Composer', () => {
  it('sends on Enter and not on Shift+Enter (else multi-line messages go out half-written)', async () => {
    const { onSend, box } = setup({ value: 'hola' });
    await fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
    await fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledTimes(1);
  });

  it('has the labelled controls: Message, Send, Attach image; an image-only camera input (else screen readers and tests cannot find them)', () => {
    setup();
    expect(screen.getByRole('button', { name: 'Send' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Attach image' })).toBeTruthy();
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    expect(input.accept).toBe('image/*');
    expect(input.getAttribute('capture')).toBe('environment');
    expect(input.multiple).toBe(true);
  });

  it('shows Stop while running and disables Send (else a second message races the first)', async () => {
    const { onStop, onSend, box } = setup({ value: 'hola', running: true });
    await fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    expect(onStop).toHaveBeenCalledTimes(1);
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.keyDown(box, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('shows slash hints for "/" limited to the server tools, and a hint fills the box (else commands are undiscoverable)', async () => {
    setup({ value: '/', tools: new Set(['forecast_demand']) });
    const hints = screen.getByRole('list', { name: 'Commands' });
    expect(hints.textContent).toContain('/forecast');
    expect(hints.textContent).not.toContain('/inventory');
    await fireEvent.click(screen.getByRole('button', { name: /\/forecast/ }));
    expect((screen.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe(
      '/forecast ',
    );
  });

  it('passes pasted image files on (else photos cannot be pasted)', async () => {
    const { onFiles, box } = setup();
    const file = new File(['x'], 'foto.png', { type: 'image/png' });
    await fireEvent.paste(box, { clipboardData: { files: [file] } });
    expect(onFiles).toHaveBeenCalledWith([file]);
  });

  it('speaks Spanish when switched: Mensaje, Enviar', () => {
    i18n.set('es');
    render(Composer, {
      props: {
        problems: [],
        running: false,
        tools: undefined,
        onSend() {},
        onStop() {},
        onFiles() {},
      },
    });
    expect(screen.getByRole('textbox', { name: 'Mensaje' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Enviar' })).toBeTruthy();
    i18n.set('en');
  });
});
