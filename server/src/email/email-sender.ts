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
    const connection = new SMTPConnection({ host: options.host, port: options.port, secure: options.secure, connectionTimeout: options.connectionTimeout, greetingTimeout: options.greetingTimeout, socketTimeout: options.socketTimeout });
    let phase: 'connect' | 'transaction' = 'connect';
    const failed = (err: Error) => Object.assign(err, { smtpPhase: phase });
    try {
      await new Promise<void>((resolve, reject) => {
        connection.once('error', reject);
        connection.connect(() => resolve());
      });
      const auth = options.auth as { user: string; pass: string };
      await new Promise<void>((resolve, reject) => connection.login({ user: auth.user, pass: auth.pass }, (err) => (err ? reject(err) : resolve())));
      phase = 'transaction';
      await new Promise<void>((resolve, reject) => {
        connection.removeAllListeners('error');
        connection.once('error', reject);
        connection.send({ from: mail.from.address, to: [mail.to] }, raw, (err) => (err ? reject(err) : resolve()));
      });
      connection.quit();
    } catch (err) {
      connection.close();
      throw failed(err as Error);
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
