/** The ingest bench's request: one web-form submission, accepted with 202 and the incident's reference. */
import type { HttpClient } from '../lib/http.js';
import type { InboxWatcher } from '../lib/inbox.js';
import type { IntakeTarget } from '../lib/phases.js';
import type { Submissions } from './submissions.js';

/** Submissions by an anonymous client (no cookies, like a customer's browser) to /api/channels/webform/<key>. */
export function webformTarget(client: HttpClient, path: string, submissions: Submissions, inbox: InboxWatcher, eventWaitMs: number): IntakeTarget {
  return { send: () => submitOne(client, path, submissions), inbox, eventWaitMs };
}

/** One submission; resolves the reference (the key of its 'incident.created'), rejects with a short description of what went wrong. */
async function submitOne(client: HttpClient, path: string, submissions: Submissions): Promise<string> {
  let res;
  try {
    res = await client.post<{ reference?: unknown }>(path, submissions.next());
  } catch (err) {
    throw new Error(`network: ${(err as Error).message}`);
  }
  if (res.status !== 202) throw new Error(`HTTP ${res.status}: ${res.text.slice(0, 240)}`);
  const ref = res.body && typeof res.body === 'object' ? res.body.reference : undefined;
  if (typeof ref !== 'string' || ref === '') throw new Error(`HTTP 202 without a reference: ${res.text.slice(0, 240)}`);
  return ref;
}
