/**
 * An SMTP sink on 127.0.0.1 (smtp-server): accepts any login and every mail, keeps nothing but a count,
 * so that the acknowledgements Switchboard sends for new e-mail requests go somewhere instead of
 * failing and retrying in the background during the measurements.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  port: number;
  /** Mails accepted so far. */
  readonly received: number;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  let received = 0;
  const server = new SMTPServer({
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      cb(null, { user: auth.username });
    },
    onData(stream, _session, cb) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        cb();
      });
    },
  });
  server.on('error', () => undefined); // a client dropping its connection is not the bench's business
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  let closed: Promise<void> | undefined;
  return {
    port: (server.server.address() as AddressInfo).port,
    get received() {
      return received;
    },
    close: () => (closed ??= new Promise<void>((resolve) => server.close(() => resolve()))),
  };
}
