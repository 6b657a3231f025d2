// The stored photo of an inspection (GET /api/inspections/:id/photo) as an object URL: fetched
// with the API token (an <img src> cannot send the Authorization header).
import { authHeaders } from '../../lib/auth-token';

export function inspectionPhotoPath(inspectionId: string): string {
  return `/api/inspections/${encodeURIComponent(inspectionId)}/photo`;
}

/** Fetches the photo; the caller revokes the URL when done. Throws with the HTTP status. */
export async function loadInspectionPhoto(
  inspectionId: string,
  options: { signal?: AbortSignal; fetch?: typeof fetch } = {},
): Promise<string> {
  const fetchFunction = options.fetch ?? globalThis.fetch.bind(globalThis);
  const response = await fetchFunction(inspectionPhotoPath(inspectionId), {
    headers: authHeaders(),
    signal: options.signal,
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return URL.createObjectURL(await response.blob());
}
