import { Injectable, type OnModuleInit } from '@nestjs/common';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import SMTPConnection from 'nodemailer/lib/smtp-connection/index.js';
import type { Channel } from '../channels/channel.entity.js';
import { Secrets } from '../common/secrets.js';
import { OutboxService, type OutboxSender } from '../outbox/outbox.service.js';
import type { EmailChannelConfig } from './email-settings.js';
import { describeMailError, smtpOptions } from './mail-servers.js';
import { smtpFailureKind, toNodemailer, type OutboundMail } from './outbound-mail.js';

/**
 * Sends the outbox's e-mail over each channel's SMTP server, one connection per mail, in two phases the
 * outbox must tell apart: connecting and logging in (a failure there handed nothing over: retry), then
 * the mail transaction (a dropped connection there may have delivered the mail: never retried by itself).
 */
@Injectable()
export class EmailSender implements OutboxSender, OnModuleInit {
  constructor(
    private readonly outbox: OutboxService,
    private readonly secrets: Secrets,
  ) {}

  onModuleInit(): void {
    this.outbox.register('email', this);
  }

  async send(channel: Channel, stored: unknown): Promise<void> {
    const mail = stored as OutboundMail;
    const raw = await new MailComposer(toNodemailer(mail)).compile().build();
    const options = smtpOptions(channel.config as unknown as EmailChannelConfig, this.secrets);
    const connection = new SMTPConnection({
      host: options.host,
      port: options.port,
      secure: options.secure,
      requireTLS: options.requireTLS,
      connectionTimeout: options.connectionTimeout,
      greetingTimeout: options.greetingTimeout,
      socketTimeout: options.socketTimeout,
    });
    let phase: 'connect' | 'transaction' = 'connect';
    // One handler for the whole session: an error or a dropped connection fails whichever step is running
    // (nodemailer drops a pending callback when the connection closes).
    let fail: (err: Error) => void = () => undefined;
    const broken = new Promise<never>((_resolve, reject) => {
      fail = (err) => reject(Object.assign(err, { smtpPhase: phase }));
    });
    broken.catch(() => undefined);
    connection.on('error', (err: Error) => fail(err));
    connection.on('end', () => fail(Object.assign(new Error('the mail server closed the connection'), { code: 'ECONNECTION' })));
    const step = <T>(run: (done: (err?: Error | null, value?: T) => void) => void) =>
      Promise.race([broken, new Promise<T>((resolve, reject) => run((err, value) => (err ? reject(Object.assign(err, { smtpPhase: phase })) : resolve(value as T))))]);
    try {
      await step<void>((done) => connection.connect((err?: Error) => done(err)));
      const auth = options.auth as { user: string; pass: string };
      await step<void>((done) => connection.login({ user: auth.user, pass: auth.pass }, (err) => done(err)));
      phase = 'transaction';
      await step<void>((done) => connection.send({ from: mail.from.address, to: [mail.to] }, raw, (err) => done(err)));
      fail = () => undefined;
      connection.quit();
    } catch (err) {
      fail = () => undefined;
      connection.close();
      throw err;
    }
  }

  failureKind(err: unknown) {
    return smtpFailureKind(err);
  }

  describe(err: unknown): string {
    const e = err as { responseCode?: number; response?: string };
    return e.responseCode ? `the mail server answered ${e.response ?? e.responseCode}` : describeMailError(err);
  }
}
