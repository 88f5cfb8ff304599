import { describe, expect, it } from 'vitest';
import { channelConformance } from '../../core/conformance.js';
import { InvalidPayloadError } from '../../core/index.js';
import { decodeEnvelope, emailAdapter, keyFromHeader, normalizeEmail, type EmailConfig, type EmailEnvelope, type EmailMeta } from '../adapter.js';
import { MessageTooLargeError } from '../parse.js';
import { config, envelopeOf, fixture, FIXTURES, rawMessage } from './fixtures.js';

channelConformance({ describe, it, expect }, {
  adapter: emailAdapter,
  config,
  valid: FIXTURES.map((name) => ({ name, raw: envelopeOf(fixture(name)) })),
  invalid: [
    { name: 'a missing envelope', raw: null },
    { name: 'a raw that is not base64', raw: { ...envelopeOf(fixture('new-request-es.eml')), raw: 'not base64!' } },
    { name: 'a missing mailbox', raw: { ...envelopeOf(fixture('new-request-es.eml')), mailbox: '' } },
    { name: 'a UID of 0', raw: { ...envelopeOf(fixture('new-request-es.eml')), uid: 0 } },
  ],
});

const normalize = async (raw: Buffer, env: Partial<EmailEnvelope> = {}, cfg: EmailConfig = config) =>
  (await normalizeEmail({ ...envelopeOf(raw), ...env }, cfg)).message;

describe('email adapter', () => {
  it('normalizes a Gmail reply: visible text, threading, sender, meta', async () => {
    const m = await normalize(fixture('gmail-reply-en.eml'));
    expect(m.kind).toBe('email');
    expect(m.from).toEqual({ email: 'john.carter@example.com', name: 'John Carter' });
    expect(m.subject).toBe('Re: [#1042] Air conditioning unit leaking water');
    expect(m.sentAt.toISOString()).toBe('2026-11-20T10:42:17.000Z');
    expect(m.text).toBe('Hi,\n\nTuesday morning works for us. The gate code is 4471, please ring flat 3B\nwhen you arrive.\n\nThanks,\nJohn');
    expect(m.threading).toEqual({
      messageId: '<CAJx8mK2pV0r9W=Tn1XqL3e5uYv7b@mail.gmail.com>',
      inReplyTo: ['<20261120091400.5f3a9c1e@sb.climatiza.example>'],
      references: ['<CAJx8mK1aQw7Zr2@mail.gmail.com>', '<20261120091400.5f3a9c1e@sb.climatiza.example>'],
    });
    const meta = m.meta as unknown as EmailMeta;
    expect(meta).toMatchObject({ mailbox: 'soporte@climatiza.example/INBOX', uidValidity: 1_795_000_000, uid: 101, quotedHistoryStripped: true, hasBlockedImages: false });
    expect(meta.automatic).toEqual({ kind: 'human' });
    expect(meta.to).toEqual(['soporte+ea7ryku6pngu4im4kufi43jlt5axyuo6hq5ibhq2w2cq@climatiza.example']);
    expect(meta.fullText).toContain('> A technician can visit on Tuesday 24 November');
    expect(meta.html).toContain('Tuesday morning works for us.');
  });

  it('keys by Message-ID, so a UIDVALIDITY change (new UIDs for everything) imports nothing twice', async () => {
    const raw = fixture('outlook-reply-es.eml');
    const before = await normalize(raw, { uidValidity: 1_795_000_000, uid: 17 });
    const after = await normalize(raw, { uidValidity: 1_800_000_000, uid: 3 });
    expect(after.idempotencyKey).toBe(before.idempotencyKey);
    expect(before.idempotencyKey).toMatch(/^mid:[0-9a-f]{64}$/);
  });

  it('keeps the same message in two mailboxes apart, and a reused Message-ID with other content apart', async () => {
    const raw = fixture('new-request-es.eml');
    const a = await normalize(raw);
    expect((await normalize(raw, { mailbox: 'facturacion@climatiza.example/INBOX' })).idempotencyKey).not.toBe(a.idempotencyKey);
    const reused = rawMessage({ 'Message-ID': '<CAF3b9qN7x+Qk2r1vYd0@mail.example.es>', From: 'otro@example.es', Date: 'Sat, 21 Nov 2026 10:00:00 +0100' });
    expect((await normalize(reused)).idempotencyKey).not.toBe(a.idempotencyKey);
  });

  it('keys a message without Message-ID by a hash of its bytes, stable across UIDVALIDITY changes', async () => {
    const raw = rawMessage({ 'Message-ID': '' });
    const a = await normalize(raw, { uid: 5 });
    const b = await normalize(raw, { uid: 9, uidValidity: 42 });
    expect(a.idempotencyKey).toMatch(/^raw:[0-9a-f]{64}$/);
    expect(b.idempotencyKey).toBe(a.idempotencyKey);
    expect((await normalize(rawMessage({ 'Message-ID': '' }, 'Otro texto.\n'))).idempotencyKey).not.toBe(a.idempotencyKey);
  });

  it('gives from the header alone the key the whole message gets (a message too large to fetch), or null without a Message-ID', async () => {
    const headerOf = (raw: Buffer) => {
      const crlf = raw.indexOf('\r\n\r\n');
      const end = crlf >= 0 ? crlf + 4 : raw.indexOf('\n\n') + 2;
      expect(end).toBeGreaterThan(100); // a real header, not an empty slice
      return raw.subarray(0, end);
    };
    for (const name of ['outlook-reply-es.eml', 'gmail-reply-en.eml', 'new-request-es.eml']) {
      const raw = fixture(name);
      const header = headerOf(raw);
      expect(header.length).toBeLessThan(raw.length);
      const mailbox = envelopeOf(raw).mailbox;
      expect(await keyFromHeader(header, mailbox)).toBe((await normalize(raw)).idempotencyKey);
    }
    const noId = rawMessage({ 'Message-ID': '' });
    expect(await keyFromHeader(headerOf(noId), 'm')).toBeNull();
  });

  it('shows only the visible reply of a technician, and the full text one click away', async () => {
    const m = await normalize(fixture('tech-acepto-es.eml'));
    expect(m.text).toBe('Acepto. Estaré allí a las 9:30.');
    expect((m.meta as unknown as EmailMeta).fullText).toContain('> Responda "Acepto" o "No puedo" a este mensaje.');
    expect(m.from).toEqual({ email: 'andres.molina@example.es', name: 'Andrés Molina' });
  });

  it('classifies automatic mail into meta.automatic', async () => {
    expect(((await normalize(fixture('out-of-office-ro.eml'))).meta as unknown as EmailMeta).automatic.kind).toBe('auto-reply');
    expect(((await normalize(fixture('bounce-dsn.eml'))).meta as unknown as EmailMeta).automatic).toMatchObject({ kind: 'bounce', failedRecipients: ['pablo.ruiz@example.net'] });
  });

  it('lists attachments without their bytes in meta, and gives the bytes in `parsed`', async () => {
    const { message, parsed } = await normalizeEmail(envelopeOf(fixture('inline-image-pdf.eml')), config);
    const meta = message.meta as unknown as EmailMeta;
    expect(meta.attachments.map((a) => [a.filename, a.contentType, a.size, a.inline, a.cid])).toEqual([
      ['placa.png', 'image/png', 70, true, 'placa.5f1e@example.es'],
      ['Factura nº 2024-118.pdf', 'application/pdf', 218, false, undefined],
    ]);
    expect(JSON.stringify(meta)).not.toContain('JVBERi0'); // no base64 of the PDF in the meta
    expect(parsed.attachments[1].content.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps the remote-image flag and sanitised HTML in meta', async () => {
    const meta = (await normalize(fixture('html-remote-image-script.eml'))).meta as unknown as EmailMeta;
    expect(meta.hasBlockedImages).toBe(true);
    expect(meta.html).not.toContain('<script');
  });

  it('takes the locale from Content-Language when it is one of ours', async () => {
    expect((await normalize(fixture('iso-8859-2-ro.eml'))).locale).toBe('ro');
    expect((await normalize(fixture('new-request-es.eml'))).locale).toBe('es');
    expect((await normalize(rawMessage({ 'Content-Language': 'de-DE' }))).locale).toBeUndefined();
  });

  it('falls back to the Received date, then the envelope receivedAt, when Date is missing', async () => {
    const received = 'from mail.example.es by mx.climatiza.example; Fri, 20 Nov 2026 08:02:11 +0100 (CET)';
    expect((await normalize(rawMessage({ Date: '', Received: received }))).sentAt.toISOString()).toBe('2026-11-20T07:02:11.000Z');
    expect((await normalize(rawMessage({ Date: '' }), { receivedAt: '2026-11-20T07:05:00Z' })).sentAt.toISOString()).toBe('2026-11-20T07:05:00.000Z');
    await expect(normalize(rawMessage({ Date: '' }))).rejects.toThrow(InvalidPayloadError);
  });

  it('refuses a message without a sender, naming the field', async () => {
    const err = await normalize(rawMessage({ From: '' })).catch((e) => e);
    expect(err).toBeInstanceOf(InvalidPayloadError);
    expect(err.fields).toEqual({ from: 'required' });
  });

  it('refuses an oversized message before decoding it', () => {
    const env = envelopeOf(Buffer.alloc(3_000, 0x61));
    expect(() => decodeEnvelope(env, 1_000)).toThrow(MessageTooLargeError);
  });

  it('does not mutate the envelope and gives the same message for the same envelope', async () => {
    const env = envelopeOf(fixture('apple-mail-reply-ro.eml'));
    const copy = structuredClone(env);
    const a = await emailAdapter.normalize(env, config);
    expect(env).toEqual(copy);
    expect(await emailAdapter.normalize(copy, config)).toEqual(a);
  });
});
