/** A channel created by the bench's admin (POST /api/channels), its answer checked. */
import type { HttpClient } from './http.js';

/** Creates the channel `body` describes; resolves the created channel (at least its id), throws on anything but 200/201. */
export async function createChannel<T extends object>(admin: HttpClient, body: { kind: string; name: string } & Record<string, unknown>): Promise<T & { id: string }> {
  const res = await admin.post<T & { id?: unknown }>('/api/channels', body);
  const created = res.body && typeof res.body === 'object' ? res.body : null;
  if ((res.status !== 201 && res.status !== 200) || typeof created?.id !== 'string') {
    throw new Error(`creating the ${body.kind} channel "${body.name}" failed: HTTP ${res.status} ${res.text.slice(0, 300)}`);
  }
  return created as T & { id: string };
}
