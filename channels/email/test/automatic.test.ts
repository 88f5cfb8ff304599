import { describe, expect, it } from 'vitest';
import { classifyAutomatic, isAutomatic, type AutomaticKind } from '../automatic.js';
import { parseEmail } from '../parse.js';
import { config, fixture, rawMessage } from './fixtures.js';

const opts = { ownAddresses: config.ownAddresses, ownMessageIdDomains: config.ownMessageIdDomains };
const classify = async (raw: Buffer) => classifyAutomatic(await parseEmail(raw), opts);

describe('recorded messages', () => {
  it.each([
    ['new-request-es.eml', 'human'],
    ['gmail-reply-en.eml', 'human'],
    ['outlook-reply-es.eml', 'human'],
    ['apple-mail-reply-ro.eml', 'human'],
    ['thunderbird-reply-en.eml', 'human'],
    ['tech-acepto-es.eml', 'human'],
    ['tech-no-puedo-es.eml', 'human'],
    ['iso-8859-2-ro.eml', 'human'],
    ['inline-image-pdf.eml', 'human'],
    ['html-remote-image-script.eml', 'human'],
    ['out-of-office-ro.eml', 'auto-reply'],
    ['bounce-dsn.eml', 'bounce'],
    ['mailing-list.eml', 'mailing-list'],
  ] as [string, AutomaticKind][])('%s is %s', async (name, kind) => {
    const c = await classify(fixture(name));
    expect(c.kind).toBe(kind);
    expect(isAutomatic(c)).toBe(kind !== 'human');
  });

  it('reads the Romanian out-of-office as one', async () => {
    expect(await classify(fixture('out-of-office-ro.eml'))).toEqual({ kind: 'auto-reply', outOfOffice: true, reason: 'auto-submitted: auto-replied' });
  });

  it('extracts the failed recipient, the status and our original Message-ID from a delivery-status report', async () => {
    expect(await classify(fixture('bounce-dsn.eml'))).toEqual({
      kind: 'bounce',
      report: true,
      recipients: [
        {
          address: 'pablo.ruiz@example.net',
          action: 'failed',
          status: '5.1.1',
          diagnostic: '550 5.1.1 <pablo.ruiz@example.net>: Recipient address rejected: User unknown in virtual mailbox table',
          failed: true,
          permanent: true,
        },
      ],
      failedRecipients: ['pablo.ruiz@example.net'],
      permanent: true,
      originalMessageId: '<20261120094658.7c2e1d4b@sb.climatiza.example>',
    });
  });

  it('names the list of a mailing-list message', async () => {
    expect(await classify(fixture('mailing-list.eml'))).toEqual({ kind: 'mailing-list', listId: '8f2c1377a0b94e3d.list-id.example-esp.net', reason: 'list-id' });
  });
});

describe('headers and subjects', () => {
  it.each([
    [{ 'Auto-Submitted': 'auto-replied' }, 'auto-reply', 'auto-submitted: auto-replied'],
    [{ 'Auto-Submitted': 'auto-generated' }, 'auto-reply', 'auto-submitted: auto-generated'],
    [{ 'Auto-Submitted': 'auto-notified; owner-email="x@y"' }, 'auto-reply', 'auto-submitted: auto-notified'],
    [{ 'Auto-Submitted': 'no' }, 'human', undefined],
    [{ 'Auto-Submitted': 'No' }, 'human', undefined],
    [{ 'X-Autoreply': 'yes' }, 'auto-reply', 'x-autoreply'],
    [{ 'X-Autorespond': 'Vacation' }, 'auto-reply', 'x-autorespond'],
    [{ 'X-Auto-Response-Suppress': 'All' }, 'auto-reply', 'x-auto-response-suppress: All'],
    [{ 'X-Auto-Response-Suppress': 'DR, OOF, AutoReply' }, 'auto-reply', 'x-auto-response-suppress: DR, OOF, AutoReply'],
    [{ 'X-Auto-Response-Suppress': 'DR, RN, NRN' }, 'human', undefined],
    [{ Precedence: 'auto_reply' }, 'auto-reply', 'precedence: auto_reply'],
    [{ Precedence: 'bulk' }, 'bulk', 'precedence: bulk'],
    [{ Precedence: 'junk' }, 'bulk', 'precedence: junk'],
    [{ Precedence: 'list' }, 'mailing-list', 'precedence: list'],
    [{ 'List-Unsubscribe': '<mailto:u@x.example>' }, 'mailing-list', 'list-unsubscribe'],
    [{ 'List-Post': '<mailto:list@x.example>' }, 'mailing-list', 'list-post'],
    [{ From: 'Avisos <no-reply@aviso.example>' }, 'bulk', 'no-reply sender'],
    [{ Subject: 'Out of Office: [#1042] Visit' }, 'auto-reply', 'subject'],
    [{ Subject: 'Automatic reply: [#1042] Visit' }, 'auto-reply', 'subject'],
    [{ Subject: 'Respuesta automática: [#1042] Visita' }, 'auto-reply', 'subject'],
    [{ Subject: 'Fuera de la oficina' }, 'auto-reply', 'subject'],
    [{ Subject: 'Răspuns automat: [#1044] Revizie' }, 'auto-reply', 'subject'],
    [{ Subject: 'Raspuns automat: Revizie' }, 'auto-reply', 'subject'],
    [{ Subject: 'În afara biroului' }, 'auto-reply', 'subject'],
    [{ Subject: 'Ausencia de calefacción en el 3.º' }, 'human', undefined], // "absence (of heating)", a real complaint
    [{ Subject: 'Re: la respuesta automática de su web no funciona' }, 'human', undefined],
    [{ 'Content-Type': 'multipart/report; report-type=disposition-notification; boundary=x' }, 'auto-reply', 'report: disposition-notification'],
  ] as [Record<string, string>, AutomaticKind, string | undefined][])('%j -> %s', async (headers, kind, reason) => {
    const c = await classify(rawMessage(headers));
    expect(c.kind).toBe(kind);
    if (reason) expect(c).toMatchObject({ reason });
  });

  it('recognises a plain-text bounce from mailer-daemon, with the recipient from its text', async () => {
    const c = await classify(
      rawMessage(
        { From: 'Mail Delivery Subsystem <MAILER-DAEMON@mail.example.net>', Subject: 'Mail delivery failed: returning message to sender', 'Return-Path': '<>' },
        'This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered to one or more of its\nrecipients. This is a permanent error. The following address(es) failed:\n\n  <obras@example.net>: 550 5.1.1 User unknown\n',
      ),
    );
    expect(c).toMatchObject({ kind: 'bounce', report: false, failedRecipients: ['obras@example.net'], permanent: true });
  });

  it('treats a delayed-delivery report as a bounce that is not permanent', async () => {
    const raw = fixture('bounce-dsn.eml').toString('latin1').replace('Action: failed', 'Action: delayed').replace('Status: 5.1.1', 'Status: 4.4.1');
    const c = await classify(Buffer.from(raw, 'latin1'));
    expect(c).toMatchObject({ kind: 'bounce', failedRecipients: [], permanent: false, recipients: [{ action: 'delayed', status: '4.4.1', failed: false }] });
  });
});

describe('loops: our own mail coming back', () => {
  it.each([
    [{ 'X-Loop': 'soporte@climatiza.example' }, 'x-loop'],
    [{ 'X-Loop': 'Soporte <SOPORTE@climatiza.example>' }, 'x-loop'],
    [{ 'Message-ID': '<20261120091400.5f3a9c1e@sb.climatiza.example>' }, 'own-message-id'],
    [{ 'Message-ID': '<20261120091400.5f3a9c1e@SB.Climatiza.Example>' }, 'own-message-id'],
    [{ From: 'Climatiza Soporte <soporte@climatiza.example>' }, 'from-own-address'],
    [{ From: 'soporte+ea7ryku6pngu4im4kufi43jlt5axyuo6hq5ibhq2w2cq@climatiza.example' }, 'from-own-address'],
  ])('%j -> loop (%s)', async (headers, reason) => {
    expect(await classify(rawMessage(headers))).toEqual({ kind: 'loop', reason });
  });

  it('is not fooled by an X-Loop of another system, or by our id in References of a customer reply', async () => {
    expect((await classify(rawMessage({ 'X-Loop': 'helpdesk@other.example' }))).kind).toBe('human');
    expect((await classify(rawMessage({ References: '<a@sb.climatiza.example>', 'In-Reply-To': '<a@sb.climatiza.example>' }))).kind).toBe('human');
  });

  it('calls a bounce of our own message a bounce, not a loop', async () => {
    const c = classifyAutomatic(await parseEmail(fixture('bounce-dsn.eml')), { ...opts, ownMessageIdDomains: ['mx.climatiza.example'] });
    expect(c.kind).toBe('bounce');
  });
});
