/**
 * The shape every channel adapter speaks. Pure data: no database, no Nest, no process.env.
 */
export type ChannelKind = 'webform' | 'email' | 'sms' | 'whatsapp' | 'phone';

export interface Party {
  name?: string;
  /** lower-cased address */
  email?: string;
  /** E.164, e.g. +34600111222 */
  phone?: string;
}

export interface InboundMessage {
  kind: ChannelKind;
  /**
   * Unique per channel and per real-world message: a second delivery of the same message carries the
   * same key (Twilio MessageSid, IMAP mailbox+UIDVALIDITY+UID, form submission id ...).
   */
  idempotencyKey: string;
  /**
   * The same message may already be stored under another key: a web form posted twice either side of its
   * content window's boundary carries the earlier window's key too. Ingest takes `lock` (one per content),
   * then stores this message as the first event of one of `keys` received since `since`, if there is one.
   */
  sameAs?: { lock: string; keys: string[]; since: Date };
  /** When the provider says the message was sent. */
  sentAt: Date;
  from: Party;
  subject?: string;
  /** Plain text body, already stripped of markup. */
  text: string;
  /** Language hint from the channel (form locale, Content-Language ...). */
  locale?: string;
  /** Where the work is, when the sender said so in a field of its own (the web form's service address). */
  siteAddress?: string;
  /** Provider ids useful for threading (Message-ID, In-Reply-To ...). */
  threading?: { messageId?: string; inReplyTo?: string[]; references?: string[] };
  /** Anything channel-specific worth keeping, JSON-serialisable. */
  meta?: Record<string, unknown>;
  /** Files that came with it (e-mail attachments, MMS media), contents included; ingest checks and stores them. */
  attachments?: InboundAttachment[];
}

export interface InboundAttachment {
  filename?: string;
  /** What the sender says it is; ingest checks the content itself. */
  declaredType: string;
  content: Buffer;
  /** Shown in the body (e-mail: referenced as cid:<cid> from the HTML). */
  inline: boolean;
  cid?: string;
}

export interface OutboundMessage {
  kind: ChannelKind;
  idempotencyKey: string;
  to: Party;
  subject?: string;
  text: string;
  html?: string;
  threading?: { inReplyTo?: string; references?: string[] };
  headers?: Record<string, string>;
}

export interface SendResult {
  providerId: string;
  status: 'sent' | 'queued';
}

export interface DeliveryEvent {
  providerId: string;
  status: 'queued' | 'sent' | 'delivered' | 'failed' | 'undeliverable' | 'read';
  at: Date;
  error?: string;
}

/** An HTTP request as an adapter sees it (only what it needs to verify a webhook). */
export interface RawRequest {
  url: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  rawBody?: Buffer;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

export interface ChannelAdapter<Config = unknown> {
  readonly kind: ChannelKind;
  verify?(req: RawRequest, config: Config): VerifyResult;
  /**
   * Pure: throws (or rejects with) InvalidPayloadError naming what is wrong. May be async when decoding the
   * payload is (MIME parsing): callers always await it.
   */
  normalize(raw: unknown, config: Config): InboundMessage[] | Promise<InboundMessage[]>;
  send?(msg: OutboundMessage, config: Config): Promise<SendResult>;
  parseStatus?(raw: unknown): DeliveryEvent[];
}
