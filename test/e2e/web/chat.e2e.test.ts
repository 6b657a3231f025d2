// The chat page in real headless Chromium against the whole server and an Ollama-protocol test
// server: streaming with a forecast card and its chart, Stop, a photo for the vision model,
// regenerate (the model is asked again without the first answer), a reloaded photo, and
// the composer at 360 px. Screenshots of each state go to test-artifacts/web/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatBody } from '../../support/fake-ollama';
import {
  canvasInkScript,
  numberedWords,
  renderRecorderScript,
  samplePhoto,
  sendMessage,
  snap,
  startWebStack,
  type WebStack,
} from '../../support/browser';

let stack: WebStack;
beforeAll(async () => {
  stack = await startWebStack();
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

const hasToolResult = (body: ChatBody) =>
  (body.messages ?? []).some((message) => message.role === 'tool');

describe('the chat page in Chromium', () => {
  it('streams the answer in word by word and shows the forecast card with a drawn chart', async () => {
    const answer = numberedWords('alfa', 40);
    stack.ollama.onChat((body) =>
      hasToolResult(body)
        ? { kind: 'chat', content: answer, chunkDelayMs: 25 }
        : {
            kind: 'chat',
            toolCalls: [
              {
                name: 'forecast_demand',
                arguments: { product: 'QUI-500', location: 'LIM-DC1', grain: 'day', horizon: 28 },
              },
            ],
          },
    );
    const page = await stack.open({ initScript: renderRecorderScript('alfa') });
    await sendMessage(page, '¿Cuánta quinua venderemos en Lima el próximo mes?');
    await expect
      .poll(() => page.getByRole('main').getByText('alfa40').count(), { timeout: 20_000 })
      .toBe(1);
    const renders = await page.evaluate<number[]>('window.__renders');
    // a UI that showed the answer only at the end would have seen 0 then 40
    expect(renders.filter((count) => count > 0 && count < 40).length).toBeGreaterThanOrEqual(3);
    expect(renders.at(-1)).toBe(40);

    const card = page.locator('details[data-tool="forecast_demand"]');
    await expect.poll(() => card.locator('canvas').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await card.locator('canvas').first().scrollIntoViewIfNeeded();
    const ink = await page.evaluate<number>(
      canvasInkScript('details[data-tool="forecast_demand"] canvas'),
    );
    expect(ink).toBeGreaterThan(500);
    await snap(page, 'chat-forecast-card', true);
    expect(stack.pageErrors).toEqual([]);
  });

  it('Stop cancels the run at the model and keeps the partial answer on screen', async () => {
    stack.ollama.onChat(() => ({
      kind: 'chat',
      content: numberedWords('beta', 200),
      chunkDelayMs: 60,
    }));
    const page = await stack.open();
    await sendMessage(page, 'Resume el plan de yogurt');
    await expect
      .poll(
        () =>
          page
            .getByRole('main')
            .getByText(/beta5\b/)
            .count(),
        { timeout: 10_000 },
      )
      .toBe(1);
    const disconnected = stack.ollama.nextDisconnect();
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(disconnected).resolves.toBe('/api/chat');
    // the run ended: Stop went away
    await expect
      .poll(() => page.getByRole('button', { name: 'Stop', exact: true }).count(), {
        timeout: 5_000,
      })
      .toBe(0);
    await page.waitForTimeout(500);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('beta5');
    expect(text).not.toContain('beta200');
    await snap(page, 'chat-stopped');
    expect(stack.pageErrors).toEqual([]);
  });

  it('sends an attached photo: preview shown, the chat model calls inspect_packaging, the vision model gets the image, the verdict card and the answer shown', async () => {
    const photo = await samplePhoto(stack.browser);
    const visionAnswer = {
      defects: [],
      legibleText: 'Yogurt natural 1 L',
      bestBefore: null,
      lotCode: 'L42',
      confidence: 0.8,
    };
    stack.ollama.onChat((body) => {
      if (body.model === 'qwen2.5vl:7b')
        return { kind: 'chat', content: JSON.stringify(visionAnswer), chunks: 1 };
      if (hasToolResult(body))
        return { kind: 'chat', content: 'El sello del yogurt se ve completo.' };
      return { kind: 'chat', toolCalls: [{ name: 'inspect_packaging', arguments: {} }] };
    });
    const page = await stack.open();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach image', exact: true }).click();
    await (await chooser).setFiles({ name: 'lote-42.png', mimeType: 'image/png', buffer: photo });
    const preview = page.getByRole('img', { name: 'lote-42.png' });
    await expect.poll(() => preview.isVisible(), { timeout: 5_000 }).toBe(true);
    await snap(page, 'chat-photo-preview');
    const earlier = stack.ollama.bodies('/api/chat').length;
    await sendMessage(page, '¿El sellado está bien?');
    await expect
      .poll(() => page.getByRole('main').getByText('El sello del yogurt se ve completo.').count(), {
        timeout: 20_000,
      })
      .toBe(1);
    const bodies = stack.ollama.bodies('/api/chat').slice(earlier) as ChatBody[];
    // The chat model reads a note about the photo, never the pixels; the vision model gets them.
    const chat = bodies.filter((body) => body.model !== 'qwen2.5vl:7b');
    expect(chat.flatMap((body) => (body.messages ?? []).flatMap((m) => m.images ?? []))).toEqual(
      [],
    );
    expect(JSON.stringify(chat[0]?.messages?.at(-1))).toContain('inspect_packaging');
    const vision = bodies.filter((body) => body.model === 'qwen2.5vl:7b');
    const images = vision.flatMap((body) => (body.messages ?? []).flatMap((m) => m.images ?? []));
    expect(images).toHaveLength(1);
    const sent = Buffer.from(images[0]!, 'base64');
    // PNG or JPEG (the tool sends a 1024-px JPEG copy), never the data: URL prefix
    expect(images[0]!.startsWith('data:')).toBe(false);
    expect(
      sent.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47])) ||
        sent.subarray(0, 2).equals(Buffer.from([0xff, 0xd8])),
    ).toBe(true);
    await snap(page, 'chat-photo-answer', true);
    expect(stack.pageErrors).toEqual([]);
  });

  it('Regenerate replaces the last exchange: the model is asked again without the first answer, and only the new one is shown', async () => {
    const question = '¿Cuánto yogurt vendimos ayer?';
    const asks = (body: ChatBody) => body.messages?.at(-1)?.content === question;
    // keyed by the question, so a request left over from an earlier test cannot take an answer
    let answers = 0;
    stack.ollama.onChat((body) => {
      if (!asks(body)) return { kind: 'chat', content: 'otra cosa' };
      answers += 1;
      return { kind: 'chat', content: answers === 1 ? 'primera respuesta' : 'segunda respuesta' };
    });
    const page = await stack.open();
    const earlier = stack.ollama.bodies('/api/chat').length;
    await sendMessage(page, question);
    const main = page.getByRole('main');
    await expect
      .poll(() => main.getByText('primera respuesta').count(), { timeout: 20_000 })
      .toBe(1);
    await main.getByRole('button', { name: 'Regenerate', exact: true }).click();
    await expect
      .poll(() => main.getByText('segunda respuesta').count(), { timeout: 20_000 })
      .toBe(1);
    expect(await main.getByText('primera respuesta').count()).toBe(0);
    const bodies = (stack.ollama.bodies('/api/chat').slice(earlier) as ChatBody[]).filter(asks);
    expect(bodies).toHaveLength(2);
    const second = (bodies[1]?.messages ?? []).map((message) => message.content ?? '');
    expect(second.some((content) => content.includes('primera respuesta'))).toBe(false);
    expect(second.filter((content) => content === question)).toHaveLength(1);
    // the stored conversation holds only the new exchange: a reload shows the same
    await page.reload();
    await expect
      .poll(() => page.getByRole('main').getByText('segunda respuesta').count(), {
        timeout: 10_000,
      })
      .toBe(1);
    expect(await page.getByRole('main').getByText('primera respuesta').count()).toBe(0);
    await snap(page, 'chat-regenerated');
    expect(stack.pageErrors).toEqual([]);
  });

  it('a reloaded conversation shows the photo sent in it (fetched from the server, drawn on screen)', async () => {
    const photo = await samplePhoto(stack.browser);
    stack.ollama.onChat(() => ({ kind: 'chat', content: 'Foto recibida.' }));
    const page = await stack.open();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach image', exact: true }).click();
    await (await chooser).setFiles({ name: 'lata-7.png', mimeType: 'image/png', buffer: photo });
    await sendMessage(page, 'Revisa esta lata');
    await expect
      .poll(() => page.getByRole('main').getByText('Foto recibida.').count(), { timeout: 20_000 })
      .toBe(1);
    await expect.poll(() => page.url()).toContain('#');
    await page.reload();
    const stored = page.getByRole('main').getByRole('img', { name: 'Photo 1', exact: true });
    await expect.poll(() => stored.isVisible(), { timeout: 10_000 }).toBe(true);
    const drawnWidth = await stored.evaluate(
      (image) => (image as unknown as { naturalWidth: number }).naturalWidth,
    );
    expect(drawnWidth).toBeGreaterThan(0);
    expect(await stored.getAttribute('src')).toMatch(/^blob:/);
    await snap(page, 'chat-reloaded-photo');
    // regenerate after the reload sends the stored photo again (the chat model is told of 1 photo)
    const before = stack.ollama.bodies('/api/chat').length;
    await page.getByRole('main').getByRole('button', { name: 'Regenerate', exact: true }).click();
    await expect
      .poll(() => stack.ollama.bodies('/api/chat').length, { timeout: 20_000 })
      .toBeGreaterThan(before);
    const resent = stack.ollama.bodies('/api/chat')[before] as ChatBody;
    expect(JSON.stringify(resent.messages?.at(-1))).toContain('The user attached 1 photo');
    expect(
      (resent.messages ?? []).filter((message) => message.content?.startsWith('Revisa esta lata')),
    ).toHaveLength(1);
    expect(stack.pageErrors).toEqual([]);
  });

  it('at 360 px the message box, Send and Attach image are on screen and reachable by keyboard', async () => {
    const page = await stack.open({ width: 360, height: 740 });
    // a message typed, so that Send is enabled (a disabled button takes no focus)
    await page
      .getByRole('textbox', { name: 'Message', exact: true })
      .fill('Stock de yogurt en Arequipa');
    const controls = [
      page.getByRole('textbox', { name: 'Message', exact: true }),
      page.getByRole('button', { name: 'Send', exact: true }),
      page.getByRole('button', { name: 'Attach image', exact: true }),
    ];
    for (const control of controls) {
      await expect.poll(() => control.isVisible()).toBe(true);
      const box = await control.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(360);
      expect(box!.y + box!.height).toBeLessThanOrEqual(740);
    }
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      360,
    );
    // Tab through the page: each control takes the focus at some point
    const reached = new Set<string>();
    for (let step = 0; step < 40 && reached.size < 3; step += 1) {
      await page.keyboard.press('Tab');
      for (const [index, control] of controls.entries())
        if (await control.evaluate((element) => element === element.ownerDocument.activeElement))
          reached.add(String(index));
    }
    expect([...reached].sort()).toEqual(['0', '1', '2']);
    await page.getByRole('textbox', { name: 'Message', exact: true }).focus();
    await snap(page, 'phone-360');
    expect(stack.pageErrors).toEqual([]);
  });

  it('at 360 px a forecast card (slash command) fits the width: no sideways scrolling of the page', async () => {
    const page = await stack.open({ width: 360, height: 740 });
    await sendMessage(page, '/forecast YOG-1L 6 week');
    const card = page.locator('details[data-tool="forecast_demand"]');
    await expect.poll(() => card.locator('canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const box = await card.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      360,
    );
    await card.locator('canvas').first().scrollIntoViewIfNeeded();
    await snap(page, 'phone-360-forecast');
    expect(stack.pageErrors).toEqual([]);
  });

  it('speaks Spanish to a Spanish browser and switches to English: the controls keep their names', async () => {
    const page = await stack.open({ locale: 'es-PE' });
    const spanish = [
      page.getByRole('textbox', { name: 'Mensaje', exact: true }),
      page.getByRole('button', { name: 'Enviar', exact: true }),
      page.getByRole('button', { name: 'Adjuntar imagen', exact: true }),
    ];
    for (const control of spanish) await expect.poll(() => control.count()).toBe(1);
    await snap(page, 'spanish');
    await page.getByRole('combobox').filter({ hasText: 'English' }).selectOption('en');
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Message', exact: true }).count())
      .toBe(1);
    expect(await page.getByRole('button', { name: 'Attach image', exact: true }).count()).toBe(1);
    expect(stack.pageErrors).toEqual([]);
  });
});
