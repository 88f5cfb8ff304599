import { describe, expect, it } from 'vitest';
import { likelySameContacts, mailboxOf, nameKey, normalizeEmail, normalizeIdentity, normalizePhone, type ContactFacts } from '../../src/domain/identity.js';

describe('identity normalisation', () => {
  it.each([
    [' Ana.Ruiz@Example.COM ', 'ana.ruiz@example.com'],
    ['mailto:ana@example.com', 'ana@example.com'],
    ['<ana@example.com>', 'ana@example.com'],
    ['ana@example', null],
    ['not an address', null],
    ['a b@example.com', null],
  ])('e-mail %j -> %j', (raw, expected) => expect(normalizeEmail(raw)).toBe(expected));

  it.each([
    ['611 22 33 44', 'ES', '+34611223344'],
    ['+34 611-22-33-44', 'ES', '+34611223344'],
    ['0034611223344', 'ES', '+34611223344'],
    ['whatsapp:+40721234567', 'ES', '+40721234567'],
    ['0721 234 567', 'RO', '+40721234567'],
    ['(212) 555-0142', 'US', '+12125550142'],
    ['llámame', 'ES', null],
    ['12', 'ES', null],
  ])('phone %j in %s -> %j', (raw, country, expected) => expect(normalizePhone(raw, country)).toBe(expected));

  it('says what is wrong with an identity', () => {
    expect(normalizeIdentity('phone', 'abc', 'ES')).toEqual({ ok: false, error: expect.stringMatching(/not a phone number/) });
    expect(normalizeIdentity('email', 'x', 'ES')).toEqual({ ok: false, error: expect.stringMatching(/not an e-mail address/) });
    expect(normalizeIdentity('email', 'X@Y.es', 'ES')).toEqual({ ok: true, identity: { kind: 'email', value: 'x@y.es' } });
  });

  it('keys names without accents, case or extra spaces', () => {
    expect(nameKey('  Ána   RUIZ-Gómez ')).toBe('ana ruiz gomez');
    expect(nameKey('Ștefan Ionescu')).toBe('stefan ionescu');
  });

  it('sees one mailbox behind plus-tags and gmail dots', () => {
    expect(mailboxOf('Ana.Ruiz+work@gmail.com')).toBe('anaruiz@gmail.com');
    expect(mailboxOf('ana.ruiz+x@empresa.es')).toBe('ana.ruiz@empresa.es');
    expect(mailboxOf('a.b@googlemail.com')).toBe('ab@gmail.com');
  });
});

describe('likely-same contacts', () => {
  const c = (id: string, name: string, customerId: string | null, ...ids: string[]): ContactFacts => ({
    id,
    name,
    customerId,
    identities: ids.map((v) => ({ kind: v.includes('@') ? ('email' as const) : ('phone' as const), value: v })),
  });
  const ana = c('a', 'Ana Ruiz', 'k1', 'ana.ruiz@hotelsol.es', '+34611223344');

  it.each([
    ['same name, same customer', c('b', 'ANA RUIZ', 'k1', 'ana@gmail.com'), ['same name, same customer']],
    ['same name, company mail domain', c('b', 'Ána Ruiz', null, 'aruiz@hotelsol.es'), ['same name, same mail domain (hotelsol.es)']],
    ['same name, number with another prefix', c('b', 'Ana Ruiz', null, '+40611223344'), ['same name, same number but for its country prefix']],
    ['the same mailbox written another way', c('b', 'A. R.', null, 'ana.ruiz+urgent@hotelsol.es'), ['same mailbox written another way']],
  ])('%s', (_, other, reasons) => {
    const [found] = likelySameContacts(ana, [other]);
    expect(found).toMatchObject({ contactId: 'b', reasons });
  });

  it.each([
    ['a name alone', c('b', 'Ana Ruiz', 'k2', 'ana@gmail.com')],
    ['a public mail domain', c('b', 'Ana Ruiz', null, 'ana.r@gmail.com')],
    ['a first name alone', c('b', 'Ana', 'k1')],
    ['itself', c('a', 'Ana Ruiz', 'k1')],
  ])('is not suggested on %s', (_, other) => {
    expect(likelySameContacts({ ...ana, identities: [{ kind: 'email', value: 'ana.ruiz@hotelsol.es' }] }, [other])).toEqual([]);
  });

  it('orders the surest first', () => {
    const found = likelySameContacts(ana, [c('b', 'Ana Ruiz', 'k1'), c('d', 'Ana Ruiz', 'k1', 'aruiz@hotelsol.es')]);
    expect(found.map((f) => f.contactId)).toEqual(['d', 'b']);
  });
});
