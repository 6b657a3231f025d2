// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, request, requestAs } from './client';
import { num, object } from './shape';

function answer(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

async function failureOf(pending: Promise<unknown>): Promise<ApiError> {
  try {
    await pending;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected the request to fail');
}

describe('request', () => {
  beforeEach(() => localStorage.clear());

  it('sends the stored bearer token (else a server with AYNI_API_TOKEN would refuse every call)', async () => {
    localStorage.setItem('ayni.apiToken', 'secret');
    const fetchMock = vi.fn(async () => answer(200, { ok: 1 }));
    await request('/api/products', { fetch: fetchMock });
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer secret');
  });

  it("throws the server's error message and code (else users would see a bare HTTP status)", async () => {
    const fetchMock = vi.fn(async () =>
      answer(404, { error: { code: 'not_found', message: 'unknown sku "X"', requestId: 'r' } }),
    );
    const failure = await failureOf(request('/api/sales?sku=X', { fetch: fetchMock }));
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure.message).toBe('unknown sku "X"');
    expect(failure.code).toBe('not_found');
    expect(failure.status).toBe(404);
  });

  it('keeps the error details (else the import report of a rejected CSV would be lost)', async () => {
    const details = { problems: [{ line: 2 }] };
    const fetchMock = vi.fn(async () =>
      answer(422, { error: { code: 'import_rejected', message: 'm', details, requestId: 'r' } }),
    );
    const failure = await failureOf(request('/api/import/sales', { fetch: fetchMock }));
    expect(failure.details).toEqual(details);
  });

  it('sends an object body as JSON with its content type (else PATCH would be rejected)', async () => {
    const fetchMock = vi.fn(async () => answer(200, {}));
    await request('/api/conversations/c1', {
      method: 'PATCH',
      body: { title: 'x' },
      fetch: fetchMock,
    });
    const init = (fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.body).toBe('{"title":"x"}');
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('reports a network failure as an ApiError (else the page would show an uncaught TypeError)', async () => {
    const fetchMock = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const failure = await failureOf(request('/readyz', { fetch: fetchMock }));
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure.code).toBe('network');
  });

  it('asks for the token once after a 401 and retries with it (else a protected server is unusable)', async () => {
    vi.stubGlobal('prompt', () => 'typed-token');
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(answer(401, { error: { code: 'unauthorized', message: 'token' } }))
      .mockResolvedValueOnce(answer(200, { n: 1 }));
    await expect(request('/api/products', { fetch: fetchMock })).resolves.toEqual({ n: 1 });
    const init = (fetchMock.mock.calls[1] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer typed-token');
    vi.unstubAllGlobals();
  });

  it('rejects an answer of the wrong shape (else views would read undefined fields)', async () => {
    const fetchMock = vi.fn(async () => answer(200, { n: 'one' }));
    await expect(requestAs('/x', object({ n: num }), { fetch: fetchMock })).rejects.toThrow(
      /unexpected shape/,
    );
  });
});
