/**
 * A local fake of Twilio's REST API (Messages resource) on 127.0.0.1: checks the account's basic auth,
 * records each request, answers like Twilio, and fails on demand (an error status with Twilio's error
 * body, or a connection cut after the request arrived).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeBehaviour = 'ok' | { status: number; code: number; message: string } | 'drop';

export interface FakeRequest {
  accountSid: string;
  params: Record<string, string>;
  sid?: string;
}

export interface TwilioFake {
  url: string;
  requests: FakeRequest[];
  /** Media served at /2010-04-01/Accounts/{sid}/Messages/{MM}/Media/{ME} (path -> content), with basic auth. */
  media: Map<string, { type: string; body: Buffer }>;
  /** Media downloads answered, by path. */
  mediaFetches: string[];
  plan(...b: FakeBehaviour[]): void;
  close(): Promise<void>;
}

export async function startTwilioFake(accounts: Record<string, string>): Promise<TwilioFake> {
  const requests: FakeRequest[] = [];
  const planned: FakeBehaviour[] = [];
  const media = new Map<string, { type: string; body: Buffer }>();
  const mediaFetches: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const [user, pass] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':');
      const file = req.method === 'GET' ? media.get(req.url ?? '') : undefined;
      if (file) {
        if (!req.url?.includes(`/Accounts/${user}/`) || accounts[user] !== pass) return json(401, { code: 20003, message: 'Authenticate', status: 401 });
        mediaFetches.push(req.url!);
        return res.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length }).end(file.body);
      }
      const m = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/.exec(req.url ?? '');
      if (!m || req.method !== 'POST') return json(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      if (user !== m[1] || accounts[user] !== pass) return json(401, { code: 20003, message: 'Authenticate', status: 401 });
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString()));
      const record: FakeRequest = { accountSid: m[1], params };
      requests.push(record);
      const behaviour = planned.shift() ?? 'ok';
      if (behaviour === 'drop') return req.socket.destroy();
      if (behaviour !== 'ok') return json(behaviour.status, { code: behaviour.code, message: behaviour.message, more_info: `https://www.twilio.com/docs/errors/${behaviour.code}`, status: behaviour.status });
      record.sid = `SM${randomBytes(16).toString('hex')}`;
      json(201, { sid: record.sid, account_sid: m[1], to: params.To, from: params.From ?? null, messaging_service_sid: params.MessagingServiceSid ?? null, body: params.Body, status: 'queued', num_segments: '1', direction: 'outbound-api', api_version: '2010-04-01', date_created: new Date().toUTCString(), error_code: null, error_message: null });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    media,
    mediaFetches,
    plan: (...b) => planned.push(...b),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
