import { describe, expect, it } from 'vitest';
import { channelConformance } from '../../core/conformance.js';
import { IgnoredPayloadError, InvalidPayloadError } from '../../core/index.js';
import { jsonRo, phoneOnlyEn, plainFormEs, receivedAt } from '../fixtures/submissions.js';
import { normalizeWebform, webformAdapter } from '../index.js';

const config = { defaultCountry: 'ES' as const };

channelConformance({ describe, it, expect }, {
  adapter: webformAdapter,
  config,
  valid: [
    { name: 'a plain urlencoded form (es)', raw: plainFormEs },
    { name: 'a JSON post with submission id (ro)', raw: jsonRo },
    { name: 'a phone-only submission (en)', raw: phoneOnlyEn },
  ],
  invalid: [
    { name: 'an empty body', raw: { fields: {}, receivedAt } },
    { name: 'a missing envelope', raw: null },
    { name: 'fields that are objects', raw: { fields: { name: { a: 1 }, email: 'a@b.co', subject: 's', message: 'm' }, receivedAt } },
  ],
});

describe('webform normalisation', () => {
  it('lower-cases the e-mail, puts the phone in E.164 and keeps line breaks', () => {
    const m = normalizeWebform(plainFormEs, config);
    expect(m.from).toEqual({ name: 'María José Fernández', email: 'mj.fernandez@example.es', phone: '+34612345678' });
    expect(m.text).toBe('Hola,\ndesde ayer por la tarde el router parpadea en rojo y no tenemos internet.\nGracias.');
    expect(m.locale).toBe('es');
  });

  it('keeps the service address on one line, and leaves it out when there is none', () => {
    const m = normalizeWebform({ fields: { name: 'A', email: 'a@b.co', subject: 's', message: 'm', address: '  C/ Mayor 12,\n 3º B  ' }, receivedAt }, config);
    expect(m.siteAddress).toBe('C/ Mayor 12, 3º B');
    expect(normalizeWebform({ fields: { name: 'A', email: 'a@b.co', subject: 's', message: 'm', address: ' ' }, receivedAt }, config)).not.toHaveProperty('siteAddress');
  });

  it('keys by the client submission id and the content when there is an id', () => {
    const key = normalizeWebform(jsonRo, config).idempotencyKey;
    expect(key).toMatch(/^sub:7c0a1f52-3a8e-4c1e-9a57-5b1f8d1d2b11:[0-9a-f]{16}$/);
    const later = { ...jsonRo, receivedAt: '2026-11-21T10:00:00.000Z' }; // a retry a day later is still the same
    expect(normalizeWebform(later, config).idempotencyKey).toBe(key);
    const reused = { ...jsonRo, fields: { ...jsonRo.fields, message: 'Alt mesaj, alt client' } }; // id reused by mistake
    expect(normalizeWebform(reused, config).idempotencyKey).not.toBe(key);
  });

  it('treats the same content posted again a moment later as the same submission', () => {
    const later = { ...plainFormEs, receivedAt: '2026-11-20T09:14:09.000Z' };
    expect(normalizeWebform(later, config).idempotencyKey).toBe(normalizeWebform(plainFormEs, config).idempotencyKey);
    const other = { ...plainFormEs, fields: { ...plainFormEs.fields, message: 'Otra cosa' } };
    expect(normalizeWebform(other, config).idempotencyKey).not.toBe(normalizeWebform(plainFormEs, config).idempotencyKey);
  });

  it('keeps HTML as text, unchanged', () => {
    expect(normalizeWebform(phoneOnlyEn, config).text).toContain('<script>alert(1)</script>');
  });

  it.each([
    [{ name: '', email: 'a@b.co', subject: 's', message: 'm' }, 'name', 'required'],
    [{ name: 'A', email: 'not-an-address', subject: 's', message: 'm' }, 'email', 'is not a valid e-mail address'],
    [{ name: 'A', subject: 's', message: 'm' }, 'email', 'an e-mail address or a phone number is required'],
    [{ name: 'A', phone: '123', subject: 's', message: 'm' }, 'phone', 'is not a valid phone number'],
    [{ name: 'A', email: 'a@b.co', subject: 's', message: 'x'.repeat(10_001) }, 'message', 'at most 10000'],
    [{ name: 'A', email: 'a@b.co', subject: 's', message: 'm', submissionId: 'a b' }, 'submissionId', 'letters'],
    [{ name: 'A', email: 'a@b.co', subject: 's', message: 'm', locale: 'fr' }, 'locale', 'es, en or ro'],
    [{ name: 'A', email: 'a@b.co', subject: 's', message: 'm', address: 'x'.repeat(301) }, 'address', 'at most 300'],
  ])('names the field that is wrong: %j', (fields, field, text) => {
    try {
      normalizeWebform({ fields, receivedAt }, config);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidPayloadError);
      expect((e as InvalidPayloadError).fields[field]).toContain(text);
    }
  });

  it('drops a submission whose honeypot is filled', () => {
    expect(() => normalizeWebform({ fields: { ...jsonRo.fields, website: 'http://spam' }, receivedAt }, config)).toThrow(IgnoredPayloadError);
  });
});
