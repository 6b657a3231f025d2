// The server going away and coming back, in Chromium: the page reconnects its WebSocket on its
// own, the conversation is still on screen, and the next message continues the same conversation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatBody } from '../../support/fake-ollama';
import { sendMessage, snap, startWebStack, type WebStack } from '../../support/browser';

let stack: WebStack;
beforeAll(async () => {
  stack = await startWebStack();
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

async function openSockets(): Promise<number> {
  try {
    const text = await (await fetch(`${stack.server.url}/metrics`)).text();
    return Number(/^ayni_ws_connections (\d+)/m.exec(text)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

describe('reconnecting in Chromium', () => {
  it('reconnects after the server restarts, keeps the conversation on screen and continues it', async () => {
    stack.ollama.onChat((body) => {
      const turns = (body.messages ?? []).filter((message) => message.role === 'user').length;
      return {
        kind: 'chat',
        content: turns === 1 ? 'Primera respuesta: quinua estable.' : 'Segunda respuesta: yogurt.',
      };
    });
    const page = await stack.open();
    await sendMessage(page, 'Primera pregunta sobre quinua');
    await expect
      .poll(() => page.getByRole('main').getByText('Primera respuesta: quinua estable.').count(), {
        timeout: 10_000,
      })
      .toBe(1);
    await expect.poll(openSockets, { timeout: 5_000 }).toBeGreaterThan(0);

    const notice = page.getByRole('status').filter({ hasText: /reconnect/i });
    await stack.server.stop();
    await expect.poll(() => notice.isVisible(), { timeout: 10_000 }).toBe(true);
    await snap(page, 'reconnect-server-down');
    await stack.server.start();
    // the page opened a new WebSocket to the restarted server by itself
    await expect.poll(openSockets, { timeout: 30_000, interval: 250 }).toBeGreaterThan(0);
    await expect.poll(() => notice.count(), { timeout: 5_000 }).toBe(0);
    await expect
      .poll(() => page.getByRole('main').getByText('Primera respuesta: quinua estable.').count(), {
        timeout: 10_000,
      })
      .toBe(1);
    expect(await page.getByRole('main').getByText('Primera pregunta sobre quinua').count()).toBe(1);

    await sendMessage(page, 'Segunda pregunta sobre yogurt');
    await expect
      .poll(() => page.getByRole('main').getByText('Segunda respuesta: yogurt.').count(), {
        timeout: 10_000,
      })
      .toBe(1);
    // the second request carried the first exchange: the same conversation went on
    const last = stack.ollama.bodies('/api/chat').at(-1) as ChatBody;
    const contents = (last.messages ?? []).map((message) => message.content ?? '');
    expect(contents.some((content) => content.includes('Primera respuesta'))).toBe(true);
    // a reload (the conversation's address) shows both exchanges from the server's store
    await page.reload();
    for (const text of ['Primera respuesta: quinua estable.', 'Segunda respuesta: yogurt.'])
      await expect
        .poll(() => page.getByRole('main').getByText(text).count(), { timeout: 10_000 })
        .toBe(1);
    await snap(page, 'reconnect-continued');
    expect(stack.pageErrors).toEqual([]);
  });
});
