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
  plan(...b: FakeBehaviour[]): void;
  close(): Promise<void>;
}

export async function startTwilioFake(accounts: Record<string, string>): Promise<TwilioFake> {
  const requests: FakeRequest[] = [];
  const planned: FakeBehaviour[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const m = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/.exec(req.url ?? '');
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (!m || req.method !== 'POST') return json(404, { code: 20404, message: 'The requested resource was not found', status: 404 });
      const [user, pass] = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString().split(':');
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
    plan: (...b) => planned.push(...b),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
