/**
 * Twilio's inbound-SMS webhooks as the bench sends them: the parameters Twilio POSTs (form-encoded) for
 * a message from one of a set of distinct, valid Spanish mobile numbers, each with its own MessageSid
 * (SM + 32 hex), signed the way Twilio signs them — the twilio library's own
 * getExpectedTwilioSignature(authToken, url, params) over the PUBLIC webhook URL. A share of them are
 * redeliveries: the same parameters (and MessageSid) as a webhook already sent, as Twilio does when it got
 * no answer in time. What was sent and answered is kept for the exactly-once check.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import twilio from 'twilio';
import type { HttpClient } from '../lib/http.js';
import type { InboxWatcher } from '../lib/inbox.js';
import type { IntakeTarget } from '../lib/phases.js';
import { summarize, type Summary } from '../lib/stats.js';

export interface TwilioAccount {
  accountSid: string;
  authToken: string;
  /** The channel's number: the `To` of every webhook. */
  phoneNumber: string;
}

export type TwilioParams = Record<string, string>;

/** A fresh account for one run: AC + 32 hex, a 32-hex auth token, the desk's number. */
export function benchAccount(): TwilioAccount {
  return { accountSid: `AC${randomBytes(16).toString('hex')}`, authToken: randomBytes(16).toString('hex'), phoneNumber: '+34910000001' };
}

/** `count` distinct Spanish mobile numbers (+346 and 8 digits), each valid and a mobile by libphonenumber-js's full metadata. */
export function spanishMobiles(count: number): string[] {
  const numbers = new Set<string>();
  for (let tries = 0; numbers.size < count; tries++) {
    if (tries > count * 20 + 1000) throw new Error(`could not make ${count} distinct valid Spanish mobile numbers`);
    const candidate = `+346${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
    const parsed = parsePhoneNumberFromString(candidate);
    if (parsed?.isValid() && parsed.getType() === 'MOBILE' && parsed.number === candidate) numbers.add(candidate);
  }
  return [...numbers];
}

const TEXTS = [
  'Hola, desde esta mañana no tenemos luz en el local. El diferencial no salta. ¿Pueden mandar a alguien?',
  'Buenas tardes, la caldera marca error E119 y no hay agua caliente. Ya he revisado la presión (1,2 bar).',
  'Sigue sin funcionar el router, las luces parpadean en rojo. Lo he reiniciado dos veces.',
  'El aire acondicionado de la sala 2 gotea agua por la parte de abajo desde ayer.',
  'Confirmo que estaré en casa mañana por la tarde a partir de las 15:00. Gracias.',
  'Perdonen, ¿a qué hora viene el técnico? Tengo que salir a las 13:00.',
];

/** How a sent webhook relates to what the bench sent before. */
export type WebhookKind = 'opens' | 'joins' | 'redelivery';

/** One phase's webhooks by kind: how many were answered 200 and how long the answers took. */
export interface PhaseTally {
  answered: Record<WebhookKind, number>;
  /** Webhook start -> 200, by kind. */
  answerMs: Record<WebhookKind, Summary | null>;
}

export class Webhooks implements IntakeTarget {
  private count = 0;
  /** Every new (not redelivered) webhook sent so far, for redeliveries to pick from. */
  private readonly originals: TwilioParams[] = [];
  private readonly usedSenders = new Set<string>();
  /** MessageSid -> its sender, for every new webhook sent. */
  readonly sent = new Map<string, string>();
  /** MessageSids some delivery of which was answered 200. */
  readonly answered = new Set<string>();
  redeliveriesAnswered = 0;
  private times: Record<WebhookKind, number[]> = { opens: [], joins: [], redelivery: [] };

  constructor(
    private readonly client: HttpClient,
    private readonly webhook: { path: string; publicUrl: string },
    private readonly account: TwilioAccount,
    private readonly senders: readonly string[],
    /** 0..1: the share of webhooks that redeliver one already sent. */
    private readonly redeliveryShare: number,
    private readonly runId: string,
    readonly inbox: InboxWatcher,
    readonly eventWaitMs: number,
  ) {}

  /** Posts one webhook; resolves the key of its event on the agent's socket (its Body; null for a redelivery). */
  async send(): Promise<string | null> {
    const start = performance.now();
    const redelivery = this.originals.length > 0 && Math.random() < this.redeliveryShare;
    const params = redelivery ? this.originals[randomInt(this.originals.length)] : this.newMessage();
    const kind: WebhookKind = redelivery ? 'redelivery' : this.usedSenders.has(params.From) ? 'joins' : 'opens';
    if (!redelivery) {
      this.usedSenders.add(params.From);
      this.originals.push(params);
      this.sent.set(params.MessageSid, params.From);
    }
    const signature = twilio.getExpectedTwilioSignature(this.account.authToken, this.webhook.publicUrl, params);
    let res;
    try {
      res = await this.client.postForm(this.webhook.path, params, { headers: { 'x-twilio-signature': signature, 'user-agent': 'TwilioProxy/1.1', accept: '*/*' } });
    } catch (err) {
      throw new Error(`network: ${(err as Error).message}`);
    }
    if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.text.slice(0, 240)}`);
    if (!String(res.headers['content-type']).includes('xml') || !res.text.includes('<Response></Response>')) throw new Error(`HTTP 200 without empty TwiML: ${res.text.slice(0, 240)}`);
    this.times[kind].push(performance.now() - start);
    this.answered.add(params.MessageSid);
    if (redelivery) this.redeliveriesAnswered++;
    return redelivery ? null : params.Body;
  }

  /** What was answered since the last call, by kind (and starts afresh). */
  takeTally(): PhaseTally {
    const t = this.times;
    this.times = { opens: [], joins: [], redelivery: [] };
    return {
      answered: { opens: t.opens.length, joins: t.joins.length, redelivery: t.redelivery.length },
      answerMs: { opens: summarize(t.opens), joins: summarize(t.joins), redelivery: summarize(t.redelivery) },
    };
  }

  /** Distinct numbers the bench has sent from. */
  get sendersUsed(): number {
    return this.usedSenders.size;
  }

  private newMessage(): TwilioParams {
    const n = ++this.count;
    const sid = `SM${randomBytes(16).toString('hex')}`;
    // The body is unique (it keys the message's event on the agent's socket), like a customer quoting their contract.
    return sampleParams(this.account, this.senders[randomInt(this.senders.length)], sid, `${TEXTS[n % TEXTS.length]} Contrato ${this.runId}-${n}.`);
  }
}

/** The parameters Twilio POSTs for an inbound SMS (empty geographic fields as for Spanish numbers). */
export function sampleParams(account: TwilioAccount, from: string, sid: string, body: string): TwilioParams {
  return {
    ToCountry: 'ES',
    ToState: '',
    SmsMessageSid: sid,
    NumMedia: '0',
    ToCity: '',
    FromZip: '',
    SmsSid: sid,
    FromState: '',
    SmsStatus: 'received',
    FromCity: '',
    Body: body,
    FromCountry: 'ES',
    To: account.phoneNumber,
    ToZip: '',
    NumSegments: '1',
    MessageSid: sid,
    AccountSid: account.accountSid,
    From: from,
    ApiVersion: '2010-04-01',
  };
}
