import { describe, expect, it } from 'vitest';
import { InvalidPayloadError } from '../../core/index.js';
import { MessageTooLargeError, parseEmail, UnparsableEmailError } from '../parse.js';
import { sanitizeEmailHtml } from '../sanitize.js';
import { fixture, rawMessage } from './fixtures.js';

describe('parseEmail: addresses, ids, dates', () => {
  it('reads a new Spanish request: lower-cased sender, decoded name and subject, language', async () => {
    const p = await parseEmail(fixture('new-request-es.eml'));
    expect(p.from).toEqual({ address: 'mj.fernandez@example.es', name: 'María José Fernández' });
    expect(p.to).toEqual([{ address: 'soporte@climatiza.example', name: 'Climatiza Soporte' }]);
    expect(p.deliveredTo).toEqual(['soporte@climatiza.example']);
    expect(p.subject).toBe('La caldera no enciende desde el sábado');
    expect(p.date?.toISOString()).toBe('2026-11-20T07:01:57.000Z');
    expect(p.messageId).toBe('<CAF3b9qN7x+Qk2r1vYd0@mail.example.es>');
    expect(p.language).toBe('es');
    expect(p.text).toContain('¿Pueden enviar a un técnico esta semana?');
    expect(p.html).toBeUndefined();
    expect(p.attachments).toEqual([]);
  });

  it('gives In-Reply-To and References as arrays of <id> and keeps the token address of Delivered-To', async () => {
    const p = await parseEmail(fixture('gmail-reply-en.eml'));
    expect(p.inReplyTo).toEqual(['<20261120091400.5f3a9c1e@sb.climatiza.example>']);
    expect(p.references).toEqual(['<CAJx8mK1aQw7Zr2@mail.gmail.com>', '<20261120091400.5f3a9c1e@sb.climatiza.example>']);
    expect(p.deliveredTo).toEqual(['soporte+ea7ryku6pngu4im4kufi43jlt5axyuo6hq5ibhq2w2cq@climatiza.example']);
    expect(p.to[0].address).toBe('soporte+ea7ryku6pngu4im4kufi43jlt5axyuo6hq5ibhq2w2cq@climatiza.example');
    expect(p.contentType).toBe('multipart/alternative');
    expect(p.text).toContain('On Fri, Nov 20, 2026 at 9:14 AM Climatiza Support <'); // the full text keeps the history
  });

  it('normalises odd Message-ID spellings (no brackets, whitespace, upper-case domain, several in In-Reply-To)', async () => {
    const p = await parseEmail(
      rawMessage({ 'Message-ID': ' abc.123@MAIL.Example.ES ', 'In-Reply-To': '<a@SB.climatiza.example> (comment) <b@x.example>', References: '<a@sb.climatiza.example>\r\n <a@sb.climatiza.example>' }),
    );
    expect(p.messageId).toBe('<abc.123@mail.example.es>');
    expect(p.inReplyTo).toEqual(['<a@sb.climatiza.example>', '<b@x.example>']);
    expect(p.references).toEqual(['<a@sb.climatiza.example>']);
  });

  it('has no date (rather than "now") when the Date header is missing or unreadable', async () => {
    expect((await parseEmail(rawMessage({ Date: '' }))).date).toBeUndefined();
    expect((await parseEmail(rawMessage({ Date: 'mañana por la tarde' }))).date).toBeUndefined();
  });
});

describe('parseEmail: charsets', () => {
  it('decodes ISO-8859-2 Romanian in headers and body (cedilla ş/ţ as that charset writes them)', async () => {
    const p = await parseEmail(fixture('iso-8859-2-ro.eml'));
    expect(p.from).toEqual({ address: 'stefan.turcanu@example.ro', name: 'Ştefan Ţurcanu' });
    expect(p.subject).toBe('Cerere intervenţie - pompă de căldură Braşov');
    expect(p.text).toContain('Pompa de căldură de la sediul nostru din Braşov nu mai porneşte de ieri dimineaţă.');
    expect(p.text).toContain('Întreţinere clădiri');
    expect(p.language).toBe('ro');
  });

  it('decodes windows-1252 Spanish, including the euro sign and the en dash that latin-1 lacks', async () => {
    const p = await parseEmail(fixture('outlook-reply-es.eml'));
    expect(p.from?.name).toBe('Íñigo Zubizarreta');
    expect(p.subject).toBe('RE: [#1043] Revisión anual de la bomba de calor');
    expect(p.text).toContain('Los 85 € del desplazamiento los abonamos por transferencia, ¿verdad?');
    expect(p.text).toContain('Gerente – Talleres Zubizarreta S.L.');
    expect(p.html).toContain('Los 85 € del desplazamiento');
  });
});

describe('parseEmail: HTML is sanitised and remote images are blocked', () => {
  it('drops scripts, handlers, iframes, forms and javascript: links; keeps text and safe links', async () => {
    const p = await parseEmail(fixture('html-remote-image-script.eml'));
    const html = p.html ?? '';
    for (const bad of ['<script', 'document.cookie', 'onload', 'onclick', 'onerror', '<iframe', '<form', '<input', 'javascript:', '<style', 'track.example/bg.gif', 'position:fixed']) {
      expect(html).not.toContain(bad);
    }
    expect(html).toContain('The chiller serving <b>room 214</b> shows alarm <i>HP-02</i> again.');
    expect(html).toContain('<a href="https://harbourview.example/alarms/214" target="_blank" rel="noopener noreferrer nofollow">alarm log</a>');
    expect(html).toContain('style="color:#c00"');
  });

  it('replaces remote images by a placeholder that keeps the URL in data-blocked-src, and says so', async () => {
    const p = await parseEmail(fixture('html-remote-image-script.eml'));
    expect(p.hasBlockedImages).toBe(true);
    expect(p.blockedImages).toEqual(['https://track.example/open.gif?u=42', 'https://cdn.example/logo.png']);
    expect(p.html).toContain('<img width="1" height="1" alt="" data-blocked-src="https://track.example/open.gif?u=42" />');
    expect(p.html).toContain('<img alt="Harbour View" data-blocked-src="https://cdn.example/logo.png" />');
    expect(p.html).not.toMatch(/\ssrc="(https?:)?\/\//);
    expect(p.html).not.toContain('data-blocked-src="javascript'); // a data-blocked-src written by the sender is dropped
  });

  it('keeps cid: and data:image sources, drops other schemes', () => {
    const { html, blockedImages } = sanitizeEmailHtml(
      '<img src="cid:a@b"><img src="data:image/png;base64,iVBORw0KGgo="><img src="data:text/html;base64,PHNjcmlwdD4="><img src="file:///etc/passwd"><img src="HTTP://X.example/a.png">',
    );
    expect(html).toContain('src="cid:a@b"');
    expect(html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(html).not.toContain('text/html');
    expect(html).not.toContain('file:');
    expect(blockedImages).toEqual(['HTTP://X.example/a.png']);
  });

  it('leaves out (and says why) HTML nested deep enough to stall the parser, keeping the text', async () => {
    const raw = rawMessage({ 'Content-Type': 'multipart/alternative; boundary=b' }, `--b\nContent-Type: text/plain\n\nLa alarma salta.\n--b\nContent-Type: text/html\n\n${'<div>'.repeat(25_000)}La alarma salta.\n--b--\n`);
    const p = await parseEmail(raw);
    expect(p.html).toBeUndefined();
    expect(p.htmlOmitted).toBe('too deeply nested');
    expect(p.text).toBe('La alarma salta.');
  });

  it('has no blocked images when there are none', async () => {
    const p = await parseEmail(fixture('inline-image-pdf.eml'));
    expect(p.hasBlockedImages).toBe(false);
  });
});

describe('parseEmail: attachments', () => {
  it('gives an inline image with its cid (the HTML keeps cid:) and a PDF with its decoded RFC 2231 name', async () => {
    const p = await parseEmail(fixture('inline-image-pdf.eml'));
    expect(p.attachments.map(({ content: _c, sha256: _s, ...a }) => a)).toEqual([
      { filename: 'placa.png', contentType: 'image/png', size: 70, cid: 'placa.5f1e@example.es', inline: true },
      { filename: 'Factura nº 2024-118.pdf', contentType: 'application/pdf', size: 218, cid: undefined, inline: false },
    ]);
    expect(p.attachments[0].content.subarray(1, 4).toString()).toBe('PNG');
    expect(p.attachments[1].content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(p.attachments[1].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(p.html).toContain('<img alt="placa.png" width="320" src="cid:placa.5f1e@example.es" />');
  });

  it('reads a delivery-status report: the DSN part becomes report data, the returned original stays an attachment', async () => {
    const p = await parseEmail(fixture('bounce-dsn.eml'));
    expect(p.contentType).toBe('multipart/report');
    expect(p.report?.type).toBe('delivery-status');
    expect(p.report?.deliveryStatus).toContain('Final-Recipient: rfc822; pablo.ruiz@example.net');
    expect(p.report?.originalHeaders).toContain('Message-ID: <20261120094658.7c2e1d4b@sb.climatiza.example>');
    expect(p.attachments.map((a) => a.contentType)).toEqual(['message/rfc822']);
  });
});

describe('parseEmail: limits and garbage', () => {
  it('throws MessageTooLargeError (an InvalidPayloadError, so the caller quarantines it) over the limit', async () => {
    const raw = rawMessage({}, 'x'.repeat(2_000));
    const err = await parseEmail(raw, { maxBytes: 1_000 }).catch((e) => e);
    expect(err).toBeInstanceOf(MessageTooLargeError);
    expect(err).toBeInstanceOf(InvalidPayloadError);
    expect(err).toMatchObject({ size: raw.length, limit: 1_000 });
    await expect(parseEmail(raw, { maxBytes: raw.length })).resolves.toBeTruthy();
  });

  it('has a 25 MB default limit', async () => {
    const big = Buffer.alloc(25 * 1024 * 1024 + 1, 0x61);
    await expect(parseEmail(big)).rejects.toThrow(MessageTooLargeError);
  });

  it('refuses an empty message and one without headers', async () => {
    await expect(parseEmail(Buffer.alloc(0))).rejects.toThrow(UnparsableEmailError);
    await expect(parseEmail(Buffer.from('\r\n\r\njust a body'))).rejects.toThrow(UnparsableEmailError);
  });
});
