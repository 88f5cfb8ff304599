/**
 * Customer e-mail for the bench: each message from its own sender, with its own Message-ID and a
 * unique Subject (the agent's socket event is matched by subject: the sender cannot know the
 * reference), realistic in size (a couple of KB), CRLF line ends as on the wire.
 */

const BODY = [
  'Good morning,',
  '',
  'since yesterday evening the boiler in our flat shows error E119 and there is no hot water.',
  'We already checked the pressure (1.2 bar) and restarted it twice, without any change.',
  'The model is a Vaillant ecoTEC plus, installed in 2019; the last service was in March.',
  '',
  'Could a technician come this week? We are at home every afternoon after 15:00, and on',
  'Saturday morning. The building has an intercom; please ring flat 3B.',
  '',
  'Thank you in advance,',
].join('\r\n');

export interface BenchMail {
  subject: string;
  from: string;
  raw: Buffer;
  date: Date;
}

export class Mails {
  constructor(
    private readonly runId: string,
    /** The channel's address (To:). */
    private readonly to: string,
  ) {}

  /** Message `tag` (unique within the run), dated `date`. */
  make(tag: string, date = new Date()): BenchMail {
    const name = `Customer ${tag}`;
    const from = `customer.${this.runId}.${tag.toLowerCase()}@example.com`;
    const subject = `Boiler E119, no hot water [bench ${this.runId} ${tag}]`;
    const headers = [
      `Return-Path: <${from}>`,
      `Received: from mail.example.com (mail.example.com [192.0.2.25])\r\n\tby mx.example.net with ESMTPS id ${this.runId}${tag}\r\n\tfor <${this.to}>; ${date.toUTCString().replace('GMT', '+0000')}`,
      `From: ${name} <${from}>`,
      `To: Support <${this.to}>`,
      `Subject: ${subject}`,
      `Date: ${date.toUTCString().replace('GMT', '+0000')}`,
      `Message-ID: <${tag}.${this.runId}@mail.example.com>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      'User-Agent: Bench Mail 1.0',
    ];
    const raw = Buffer.from(`${headers.join('\r\n')}\r\n\r\n${BODY}\r\n${name}\r\n+34 600 000 123\r\n`);
    return { subject, from, raw, date };
  }
}
