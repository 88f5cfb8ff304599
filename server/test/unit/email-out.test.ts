import { describe, expect, it } from 'vitest';
import { Secrets } from '../../src/common/secrets.js';
import { extractTokenFromAddresses, verifyReplyToken } from '../../src/domain/reply-token.js';
import { referencedMessageIds, subjectReference, taggedSubject, tokenAddresses } from '../../src/domain/threading.js';
import { imapOptions, isLoopback, smtpOptions } from '../../src/email/mail-servers.js';
import { newEmailConfig, toEmailSettingsDto, updatedEmailConfig, UpdateChannel } from '../../src/email/email-settings.js';
import { composeIncidentMail, smtpFailureKind } from '../../src/email/outbound-mail.js';
import { acknowledgement, localeOr } from '../../src/email/templates.js';

const secrets = new Secrets(Buffer.from('unit-test-secret-0123456789abcdefghijkl'));
const INCIDENT = '7d3f8a2e-4b1c-4e9a-8f00-123456789abc';

describe('threading rules', () => {
  it('reads the incident tag as we write it and as mail clients mangle it', () => {
    expect(subjectReference('Re: Avería [SB-1042]')).toBe('SB-1042');
    expect(subjectReference('RE: [#1043] Revisión')).toBe('SB-1043');
    expect(subjectReference('Fwd: (SB-7)')).toBe('SB-7');
    expect(subjectReference('Invoice 2026 [draft]')).toBeNull();
    expect(subjectReference('Quote [2024] for unit (2)')).toBeNull();
    expect(subjectReference(undefined)).toBeNull();
  });

  it('tags a subject once, with one prefix', () => {
    expect(taggedSubject('Avería', 'SB-1', 'Re:')).toBe('Re: Avería [SB-1]');
    expect(taggedSubject('Re: Avería [SB-1]', 'SB-1', 'Re:')).toBe('Re: Avería [SB-1]');
    expect(taggedSubject('Avería [#SB-1]', 'SB-1')).toBe('Avería [SB-1]');
  });

  it('looks for tokens only in addresses of the receiving mailbox, Delivered-To first', () => {
    const found = tokenAddresses('soporte@climatiza.example', {
      deliveredTo: ['soporte+aaa@climatiza.example'],
      to: ['ventas+bbb@climatiza.example', 'Soporte+CCC@Climatiza.Example', 'soporte+ddd@other.example'],
      cc: ['soporte@climatiza.example'],
    });
    expect(found).toEqual(['soporte+aaa@climatiza.example', 'Soporte+CCC@Climatiza.Example', 'soporte@climatiza.example']);
  });

  it('orders referenced Message-IDs from the most telling', () => {
    expect(referencedMessageIds({ inReplyTo: ['<c@x>'], references: ['<a@x>', '<b@x>', '<c@x>'] })).toEqual(['<c@x>', '<b@x>', '<a@x>']);
    expect(referencedMessageIds(undefined)).toEqual([]);
  });
});

describe('outbound mail', () => {
  const thread = { incidentId: INCIDENT, reference: 'SB-1042', subject: 'Fuga de agua', threadIds: ['<a@example.es>', '<b@switchboard.climatiza.example>'], inReplyTo: '<a@example.es>' };

  it('carries the thread, the tag and a Reply-To whose token verifies for the incident', () => {
    const mail = composeIncidentMail({ mailbox: { address: 'soporte@climatiza.example', displayName: 'Climatiza' }, to: 'ana@example.es', text: 'Hola', thread }, secrets.replyTokenKey);
    expect(mail.subject).toBe('Re: Fuga de agua [SB-1042]');
    expect(mail.inReplyTo).toBe('<a@example.es>');
    expect(mail.references).toEqual(thread.threadIds);
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@switchboard\.climatiza\.example>$/);
    expect(mail.headers).toEqual({});
    const token = extractTokenFromAddresses([mail.replyTo], 'climatiza.example')!;
    expect(verifyReplyToken(token, secrets.replyTokenKey)).toMatchObject({ ok: true, payload: { incidentId: INCIDENT, purpose: 'reply' } });
  });

  it('marks automatic mail so that auto-responders stay quiet', () => {
    const mail = composeIncidentMail({ mailbox: { address: 'soporte@climatiza.example', displayName: 'C' }, to: 'a@b.es', text: '', thread, automatic: 'auto-replied', subjectPrefix: 'Recibido:' }, secrets.replyTokenKey);
    expect(mail.headers).toEqual({ 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' });
    expect(mail.subject).toBe('Recibido: Fuga de agua [SB-1042]');
  });

  it('retries what was never handed over, gives up on refusals, and never repeats an unknown outcome', () => {
    expect(smtpFailureKind({ responseCode: 451 })).toBe('retry');
    expect(smtpFailureKind({ responseCode: 550, smtpPhase: 'transaction' })).toBe('permanent');
    expect(smtpFailureKind(Object.assign(new Error('connect ECONNREFUSED'), { smtpPhase: 'connect' }))).toBe('retry');
    expect(smtpFailureKind(Object.assign(new Error('Connection closed unexpectedly'), { smtpPhase: 'transaction' }))).toBe('unknown');
  });

  it('acknowledges in the customer language', () => {
    expect(acknowledgement('ro', { name: 'Ioana', reference: 'SB-1', mailbox: 'Climatiza' }).text).toContain('referința SB-1');
    expect(localeOr('fr')).toBe('es');
    expect(localeOr('en')).toBe('en');
  });
});

describe('e-mail channel settings', () => {
  const input = {
    kind: 'email' as const,
    name: 'Soporte',
    address: 'soporte@climatiza.example',
    imap: { host: 'imap.example', port: 993, secure: true, user: 'u', password: 'imap-pass' },
    smtp: { host: 'smtp.example', port: 465, secure: true, user: 'u', password: 'smtp-pass' },
  };

  it('stores passwords encrypted, shows only that they are set, and keeps them when a change leaves them out', () => {
    const stored = newEmailConfig(input, (p) => secrets.encrypt(p));
    expect(JSON.stringify(stored)).not.toContain('pass"');
    expect(secrets.decrypt(stored.imap.password)).toBe('imap-pass');
    expect(JSON.stringify(toEmailSettingsDto(stored, { lastSyncAt: null, lastError: null, lastUid: null }))).not.toContain(stored.imap.password);
    const patch = UpdateChannel.parse({ imap: { port: 143, secure: false } });
    const changed = updatedEmailConfig(stored, patch, (p) => secrets.encrypt(p));
    expect(changed.imap).toMatchObject({ port: 143, secure: false, password: stored.imap.password, folder: 'INBOX' });
    const withTls = imapOptions(changed, secrets);
    expect(withTls).toMatchObject({ host: 'imap.example', secure: false, doSTARTTLS: true, auth: { pass: 'imap-pass' } });
    expect(smtpOptions({ ...changed, smtp: { ...changed.smtp, secure: false } }, secrets).requireTLS).toBe(true);
    expect(imapOptions({ ...changed, imap: { ...changed.imap, host: '127.0.0.1' } }, secrets).doSTARTTLS).toBeUndefined();
    expect(isLoopback('[::1]')).toBe(true);
    expect(isLoopback('127.0.0.1.example.com')).toBe(false);
  });

  it('refuses a credential encrypted with another secret, saying what to do', () => {
    const other = new Secrets(Buffer.from('another-secret-0123456789abcdefghijklmn'));
    expect(() => other.decrypt(secrets.encrypt('x'))).toThrow(/SECRET_KEY/);
    expect(() => secrets.decrypt('garbage')).toThrow(/not in a known format/);
  });
});

describe('service order links and text', () => {
  const subject = { assignmentId: '0b6f2a51-7c1d-4e2a-9d3b-5a8e1f2c3d4e', incidentId: INCIDENT, technicianId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d' };

  it('verifies only for the assignment, incident and technician it was made for', async () => {
    const { signServiceOrderLink, verifyServiceOrderLink, linkAssignmentId } = await import('../../src/domain/service-order-link.js');
    const link = signServiceOrderLink(subject, secrets.linkKey);
    expect(linkAssignmentId(link)).toBe(subject.assignmentId);
    expect(verifyServiceOrderLink(link, subject, secrets.linkKey)).toBe(true);
    expect(verifyServiceOrderLink(link, { ...subject, technicianId: INCIDENT }, secrets.linkKey)).toBe(false);
    expect(verifyServiceOrderLink(link, subject, secrets.replyTokenKey)).toBe(false);
    expect(linkAssignmentId('not-a-link')).toBeNull();
  });

  it('writes the order in the technician language, with a dash for what is not known', async () => {
    const { serviceOrder } = await import('../../src/email/templates.js');
    const facts = { reference: 'SB-7', subject: 'Fuga', customer: 'Ana', siteAddress: null, contactName: 'Ana', contactPhone: '+34600111222', asset: null, serviceType: null, priority: 'urgent', requestedWindow: null, lastMessages: [], links: null };
    const ro = serviceOrder('ro', facts);
    expect(ro.subjectPrefix).toBe('Comandă de service:');
    expect(ro.text).toContain('Prioritate: urgentă');
    expect(ro.text).toContain('Adresă: —');
    expect(serviceOrder('en', facts).text).toContain('Contact person: Ana, phone +34600111222');
  });
});
