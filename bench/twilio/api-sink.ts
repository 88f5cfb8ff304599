/**
 * Where the server's TWILIO_API_URL points during the bench: an HTTP server on 127.0.0.1 that answers
 * every request 404 (Twilio's error shape) and notes it. Inbound SMS without media make the server call
 * nothing; should it ever try (a reply, a media download), the call stays on this machine and shows in
 * the report instead of going to api.twilio.com.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TwilioApiSink {
  url: string;
  /** "METHOD path" of the requests received (the first 20). */
  readonly requests: string[];
  readonly count: number;
  close(): Promise<void>;
}

export async function startTwilioApiSink(): Promise<TwilioApiSink> {
  const requests: string[] = [];
  let count = 0;
  const server = http.createServer((req, res) => {
    count++;
    if (requests.length < 20) requests.push(`${req.method} ${req.url}`);
    req.resume();
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: 20404, message: 'bench: there is no Twilio API here', status: 404 }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get count() {
      return count;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
