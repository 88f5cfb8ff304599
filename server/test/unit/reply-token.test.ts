import { describe, expect, it } from 'vitest';
import { parseEmail } from '../../../channels/email/parse.js';
import {
  extractTokenFromAddresses,
  extractTokensFromAddresses,
  MAX_LOCAL_PART,
  replyAddress,
  replyTokenIsForTechnician,
  signReplyToken,
  verifyReplyToken,
} from '../../src/domain/reply-token.js';

const SECRET = 'test-reply-token-secret-0123456789';
const INCIDENT = '3f1c2a9e-7b4d-4e21-9c55-0a8e6d2b9f41';
const TECH = '8b2e4c61-0d3f-4a7e-b1c9-5e6f7a8b9c0d';
const NOW = new Date('2026-11-20T09:00:00Z');
const DOMAIN = 'climatiza.example';

describe('signing and verifying', () => {
  it('round-trips a customer reply token', () => {
    const token = signReplyToken({ incidentId: INCIDENT, purpose: 'reply' }, SECRET);
    expect(verifyReplyToken(token, SECRET, { now: NOW })).toEqual({ ok: true, payload: { incidentId: INCIDENT, purpose: 'reply' } });
  });

  it('round-trips a service-order token bound to a technician, with an expiry', () => {
    const token = signReplyToken({ incidentId: INCIDENT, technicianId: TECH, purpose: 'service-order', expiresAt: new Date('2026-12-20T10:30:00Z') }, SECRET);
    const r = verifyReplyToken(token, SECRET, { now: NOW });
    expect(r).toMatchObject({ ok: true, payload: { incidentId: INCIDENT, purpose: 'service-order', expiresAt: new Date('2026-12-21T00:00:00Z') } });
    if (!r.ok) throw new Error('unreachable');
    expect(replyTokenIsForTechnician(r.payload, TECH)).toBe(true);
    expect(replyTokenIsForTechnician(r.payload, TECH.toUpperCase())).toBe(true);
    expect(replyTokenIsForTechnician(r.payload, '00000000-0000-4000-8000-000000000000')).toBe(false);
  });

  it('a token without a technician is for no technician', () => {
    const r = verifyReplyToken(signReplyToken({ incidentId: INCIDENT, purpose: 'service-order' }, SECRET), SECRET);
    expect(r.ok && replyTokenIsForTechnician(r.payload, TECH)).toBe(false);
  });

  it('is short, lower-case base32 (survives mail systems that change the case of local parts) and ≥ 80 bits of MAC', () => {
    const plain = signReplyToken({ incidentId: INCIDENT, purpose: 'reply' }, SECRET);
    const full = signReplyToken({ incidentId: INCIDENT, technicianId: TECH, purpose: 'service-order', expiresAt: NOW }, SECRET);
    expect(plain).toMatch(/^[a-z2-7]{44}$/);
    expect(full).toMatch(/^[a-z2-7]{53}$/);
    expect(verifyReplyToken(full.toUpperCase(), SECRET, { now: NOW }).ok).toBe(true);
    expect(encodeURIComponent(full)).toBe(full);
  });

  it('fits, with the mailbox name, in the 64 octets of a local part', () => {
    const full = signReplyToken({ incidentId: INCIDENT, technicianId: TECH, purpose: 'service-order', expiresAt: NOW }, SECRET);
    expect(replyAddress('soporte@climatiza.example', full)).toBe(`soporte+${full}@climatiza.example`);
    expect(replyAddress('soporte+old@climatiza.example', full)).toBe(`soporte+${full}@climatiza.example`);
    expect(() => replyAddress('atencion.al.cliente.madrid@climatiza.example', full)).toThrow(RangeError);
    expect(`soporte+${full}`.length).toBeLessThanOrEqual(MAX_LOCAL_PART);
  });
});

describe('refusing tokens', () => {
  const good = signReplyToken({ incidentId: INCIDENT, technicianId: TECH, purpose: 'service-order', expiresAt: new Date('2026-11-25T00:00:00Z') }, SECRET);

  it.each([
    ['another secret', () => verifyReplyToken(good, 'another-secret-of-enough-length'), 'bad-signature'],
    ['one character changed', () => verifyReplyToken(good.slice(0, 10) + (good[10] === 'a' ? 'b' : 'a') + good.slice(11), SECRET, { now: NOW }), 'bad-signature'],
    ['truncated', () => verifyReplyToken(good.slice(0, 44), SECRET, { now: NOW }), 'malformed'],
    ['truncated to a whole number of bytes', () => verifyReplyToken(good.slice(0, 48), SECRET, { now: NOW }), 'bad-signature'],
    ['a character outside the alphabet', () => verifyReplyToken(good.slice(0, 20) + '1' + good.slice(21), SECRET), 'malformed'],
    ['too short', () => verifyReplyToken('abc', SECRET), 'malformed'],
    ['empty', () => verifyReplyToken('', SECRET), 'malformed'],
    ['not a string', () => verifyReplyToken(undefined as unknown as string, SECRET), 'malformed'],
    ['expired (the day after its last day)', () => verifyReplyToken(good, SECRET, { now: new Date('2026-11-26T00:00:00Z') }), 'expired'],
  ])('%s', (_name, run, reason) => {
    expect(run()).toEqual({ ok: false, reason });
  });

  it('is still good on the last day of its validity', () => {
    expect(verifyReplyToken(good, SECRET, { now: new Date('2026-11-25T23:59:59Z') }).ok).toBe(true);
  });

  it('rejects a token signed for another incident even though the layout is the same', () => {
    const other = signReplyToken({ incidentId: '11111111-2222-4333-8444-555555555555', purpose: 'reply' }, SECRET);
    const spliced = signReplyToken({ incidentId: INCIDENT, purpose: 'reply' }, SECRET).slice(0, 27) + other.slice(27);
    expect(verifyReplyToken(spliced, SECRET).ok).toBe(false);
  });

  it('refuses to sign what it cannot encode, and a weak secret', () => {
    expect(() => signReplyToken({ incidentId: '1042', purpose: 'reply' }, SECRET)).toThrow(TypeError);
    expect(() => signReplyToken({ incidentId: INCIDENT, purpose: 'spam' as 'reply' }, SECRET)).toThrow(TypeError);
    expect(() => signReplyToken({ incidentId: INCIDENT, purpose: 'reply', expiresAt: new Date('2019-01-01') }, SECRET)).toThrow(RangeError);
    expect(() => signReplyToken({ incidentId: INCIDENT, purpose: 'reply' }, 'short')).toThrow(RangeError);
  });
});

describe('finding tokens in addresses', () => {
  const t1 = signReplyToken({ incidentId: INCIDENT, purpose: 'reply' }, SECRET);
  const t2 = signReplyToken({ incidentId: INCIDENT, technicianId: TECH, purpose: 'service-order' }, SECRET);

  it('takes the part after + of addresses at our domain only, in order, lower-cased, without repeats', () => {
    const found = extractTokensFromAddresses(
      [`soporte+${t1.toUpperCase()}@CLIMATIZA.example`, 'soporte@climatiza.example', `x+${t2}@evil.example`, `soporte+${t2}@climatiza.example`, `soporte+${t1}@climatiza.example`, 'soporte+short@climatiza.example', 'no-at-sign'],
      DOMAIN,
    );
    expect(found).toEqual([t1, t2]);
    expect(extractTokenFromAddresses(['a@b.example', `soporte+${t2}@climatiza.example`], [DOMAIN, 'mail.climatiza.example'])).toBe(t2);
    expect(extractTokenFromAddresses(['soporte@climatiza.example'], DOMAIN)).toBeUndefined();
  });

  it('finds and verifies the token of a recorded Gmail reply (Delivered-To, then To)', async () => {
    const raw = await import('node:fs').then((fs) => fs.readFileSync(new URL('../../../channels/email/fixtures/gmail-reply-en.eml', import.meta.url)));
    const p = await parseEmail(raw);
    const token = extractTokenFromAddresses([...p.deliveredTo, ...p.to.map((a) => a.address), ...p.cc.map((a) => a.address)], DOMAIN);
    expect(verifyReplyToken(token!, SECRET)).toEqual({ ok: true, payload: { incidentId: INCIDENT, purpose: 'reply' } });
  });

  it('finds the technician token of a recorded service-order reply', async () => {
    const raw = await import('node:fs').then((fs) => fs.readFileSync(new URL('../../../channels/email/fixtures/tech-no-puedo-es.eml', import.meta.url)));
    const p = await parseEmail(raw);
    const r = verifyReplyToken(extractTokenFromAddresses([...p.deliveredTo, ...p.to.map((a) => a.address)], DOMAIN)!, SECRET);
    expect(r.ok && r.payload.purpose === 'service-order' && replyTokenIsForTechnician(r.payload, TECH)).toBe(true);
  });
});
