// @vitest-environment happy-dom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ConversationSidebar from './ConversationSidebar.svelte';

interface Call {
  method: string;
  url: string;
  body?: string;
}

let calls: Call[];
let stored: {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  messageCount: number;
}[];

function json(body: unknown, status = 200): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status });
}

beforeEach(() => {
  const today = new Date().toISOString();
  const old = new Date(Date.now() - 30 * 86_400_000).toISOString();
  stored = [
    { id: 'c1', title: 'Forecast chicha', createdAt: today, updatedAt: today, messageCount: 2 },
    { id: 'c2', title: 'Stock Arequipa', createdAt: old, updatedAt: old, messageCount: 2 },
  ];
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      calls.push({ method, url, ...(typeof init.body === 'string' && { body: init.body }) });
      if (url.startsWith('/api/conversations?')) return json({ conversations: stored });
      const id = url.split('/').pop() as string;
      const item = stored.find((entry) => entry.id === id);
      if (!item)
        return json({ error: { code: 'not_found', message: `no conversation ${id}` } }, 404);
      if (method === 'PATCH') {
        item.title = JSON.parse(init.body as string).title;
        return json(item);
      }
      if (method === 'DELETE') return json(undefined, 204);
      const content = id === 'c2' ? 'El quiebre de stock en Arequipa' : 'Sube en diciembre';
      return json({
        ...item,
        messages: [{ seq: 1, role: 'user', content }],
        toolCalls: [],
        runs: [],
      });
    }),
  );
});

afterEach(() => vi.unstubAllGlobals());

function props(overrides: Partial<{ activeId: string; refreshKey: number }> = {}) {
  return {
    activeId: 'c1' as string | undefined,
    onSelect: vi.fn(),
    onNew: vi.fn(),
    refreshKey: 0,
    ...overrides,
  };
}

describe('ConversationSidebar', () => {
  it('lists conversations under date headings with the active one marked (else users could not find today’s work)', async () => {
    render(ConversationSidebar, props());
    const active = await screen.findByRole('button', { name: 'Forecast chicha' });
    expect(active.getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { name: 'Today' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Older' })).toBeTruthy();
  });

  it('selects a conversation and starts a new one through its callbacks (else the chat would not switch)', async () => {
    const handlers = props();
    render(ConversationSidebar, handlers);
    await fireEvent.click(await screen.findByRole('button', { name: 'Stock Arequipa' }));
    expect(handlers.onSelect).toHaveBeenCalledWith('c2');
    await fireEvent.click(screen.getByRole('button', { name: 'New conversation' }));
    expect(handlers.onNew).toHaveBeenCalled();
  });

  it('renames with PATCH {title} and shows the new title (else the rename would be lost)', async () => {
    render(ConversationSidebar, props());
    await screen.findByRole('button', { name: 'Stock Arequipa' });
    const item = screen
      .getByRole('button', { name: 'Stock Arequipa' })
      .closest('li') as HTMLElement;
    await fireEvent.click(within(item).getByRole('button', { name: 'Rename' }));
    const input = within(item).getByLabelText('New title') as HTMLInputElement;
    await fireEvent.input(input, { target: { value: 'Quiebres AQP' } });
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByRole('button', { name: 'Quiebres AQP' })).toBeTruthy();
    expect(calls).toContainEqual({
      method: 'PATCH',
      url: '/api/conversations/c2',
      body: '{"title":"Quiebres AQP"}',
    });
  });

  it('deletes only after confirmation, and starts a new chat when the open one is deleted (else one click would lose a conversation)', async () => {
    const handlers = props();
    render(ConversationSidebar, handlers);
    await screen.findByRole('button', { name: 'Forecast chicha' });
    const item = screen
      .getByRole('button', { name: 'Forecast chicha' })
      .closest('li') as HTMLElement;
    const menu = item.querySelector('details') as HTMLDetailsElement;
    menu.open = true;
    await fireEvent.click(within(item).getByRole('button', { name: 'Delete' }));
    expect(menu.open).toBe(false);
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('Delete “Forecast chicha” and all its messages?');
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await vi.waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Forecast chicha' })).toBeNull(),
    );
    expect(calls).toContainEqual({ method: 'DELETE', url: '/api/conversations/c1' });
    expect(handlers.onNew).toHaveBeenCalled();
  });

  it('finds a conversation by the text of its messages (else search would only cover titles)', async () => {
    render(ConversationSidebar, props());
    await screen.findByRole('button', { name: 'Forecast chicha' });
    await fireEvent.input(screen.getByLabelText('Search conversations'), {
      target: { value: 'quiebre' },
    });
    expect(await screen.findByRole('button', { name: 'Stock Arequipa' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Forecast chicha' })).toBeNull();
    expect(calls.filter((call) => call.url === '/api/conversations/c2')).toHaveLength(1);
  });

  it('exports a conversation as Markdown through a download (else the export button would do nothing)', async () => {
    const created: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (blob: Blob) => {
          created.push(blob);
          return 'blob:x';
        },
        revokeObjectURL: () => {},
      }),
    );
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(ConversationSidebar, props());
    await screen.findByRole('button', { name: 'Stock Arequipa' });
    const item = screen
      .getByRole('button', { name: 'Stock Arequipa' })
      .closest('li') as HTMLElement;
    await fireEvent.click(within(item).getByRole('button', { name: 'Export as Markdown' }));
    await vi.waitFor(() => expect(clicked).toHaveBeenCalled());
    expect(await created[0]?.text()).toContain('El quiebre de stock en Arequipa');
    clicked.mockRestore();
  });

  it("shows the server's message when the list cannot be loaded (else the sidebar would be silently empty)", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        json({ error: { code: 'unavailable', message: 'conversations are not stored' } }, 503),
      ),
    );
    render(ConversationSidebar, props());
    expect(await screen.findByText(/conversations are not stored/)).toBeTruthy();
  });
});
