// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { showStoredImage, type ObjectUrls } from './stored-image';

function urls(): ObjectUrls & { revoked: string[] } {
  const revoked: string[] = [];
  return { revoked, create: () => 'blob:photo-1', revoke: (url) => revoked.push(url) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('showStoredImage', () => {
  it('fetches the photo of that conversation with the token and shows it by object URL, revoked on cleanup (else photos leak memory or fail with a token)', async () => {
    localStorage.setItem('ayni.apiToken', 'secreto');
    const fetchMock = vi.fn(async () => new Response(new Uint8Array([1, 2]), { status: 200 }));
    const objectUrls = urls();
    const shown: string[] = [];
    const cleanup = showStoredImage('c 1', 'ab12', (url) => shown.push(url), vi.fn(), {
      fetch: fetchMock as unknown as typeof fetch,
      urls: objectUrls,
    });
    await settle();
    expect(fetchMock).toHaveBeenCalledWith('/api/conversations/c%201/images/ab12', {
      headers: { Authorization: 'Bearer secreto' },
    });
    expect(shown).toEqual(['blob:photo-1']);
    cleanup();
    expect(objectUrls.revoked).toEqual(['blob:photo-1']);
    localStorage.removeItem('ayni.apiToken');
  });

  it("reports a 404 with the server's message and creates no URL (else a broken image shows silently)", async () => {
    const fetchMock = vi.fn(async () =>
      Response.json({ error: { code: 'not_found', message: 'no image' } }, { status: 404 }),
    );
    const objectUrls = urls();
    const failures: string[] = [];
    const show = vi.fn();
    showStoredImage('c1', 'ab', show, (reason) => failures.push(reason), {
      fetch: fetchMock as unknown as typeof fetch,
      urls: objectUrls,
    });
    await settle();
    expect(failures).toEqual(['no image']);
    expect(show).not.toHaveBeenCalled();
  });

  it('shows nothing when cleaned up before the photo arrives (else a URL is created for a gone image and never revoked)', async () => {
    const fetchMock = vi.fn(async () => new Response(new Uint8Array([1]), { status: 200 }));
    const objectUrls = urls();
    const show = vi.fn();
    const cleanup = showStoredImage('c1', 'ab', show, vi.fn(), {
      fetch: fetchMock as unknown as typeof fetch,
      urls: objectUrls,
    });
    cleanup();
    await settle();
    expect(show).not.toHaveBeenCalled();
    expect(objectUrls.revoked).toEqual([]);
  });
});
