/**
 * A recording SMTP server on 127.0.0.1 for tests (smtp-server): keeps every accepted mail and can be told
 * how to answer the next ones: accept, refuse for now (4xx), refuse for good (5xx), or drop the connection
 * after the message was handed over (an unknown outcome for the sender).
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type SmtpBehaviour = 'accept' | { code: number; message: string } | 'drop-after-data';

export interface RecordedMail {
  from: string;
  to: string[];
  raw: Buffer;
  parsed: ParsedMail;
}

export interface SmtpRecorder {
  port: number;
  mails: RecordedMail[];
  /** Answers for the next messages, in order; afterwards every message is accepted. */
  plan(...behaviours: SmtpBehaviour[]): void;
  /** Messages handed over (DATA received), whatever the answer. */
  readonly received: number;
  close(): Promise<void>;
}

export async function startSmtpRecorder(credentials = { user: 'soporte', password: 'smtp-secret' }): Promise<SmtpRecorder> {
  const mails: RecordedMail[] = [];
  const planned: SmtpBehaviour[] = [];
  let received = 0;
  const server: SMTPServer = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === credentials.user && auth.password === credentials.password) cb(null, { user: auth.username });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        received++;
        const behaviour = planned.shift() ?? 'accept';
        if (behaviour === 'drop-after-data') {
          // The message is here; the sender never hears so: cut every connection.
          for (const c of (server as unknown as { connections: Set<{ _socket: { destroy(): void } }> }).connections) c._socket.destroy();
          return;
        }
        if (behaviour !== 'accept') {
          const err = new Error(behaviour.message) as Error & { responseCode: number };
          err.responseCode = behaviour.code;
          cb(err);
          return;
        }
        const raw = Buffer.concat(chunks);
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw, parsed: await simpleParser(raw) });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    mails,
    plan: (...b) => planned.push(...b),
    get received() {
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
