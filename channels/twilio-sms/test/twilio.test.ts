import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { channelConformance } from '../../core/conformance.js';
import { IgnoredPayloadError } from '../../core/index.js';
import { twilioWhatsAppAdapter } from '../../twilio-whatsapp/index.js';
import { twilioSmsAdapter } from '../adapter.js';
import { belongsToChannel, e164, verifyTwilioSignature, type TwilioChannelConfig } from '../twilio-webhook.js';

const config: TwilioChannelConfig = { accountSid: 'AC1c9f2a3b4c5d6e7f8091a2b3c4d5e6f7', authToken: '5f4dcc3b5aa765d61d8327deb882cf99', phoneNumber: '+34910000001', defaultCountry: 'ES' };

/** As Twilio posts an inbound SMS (form fields, all strings). */
const sms = {
  ToCountry: 'ES',
  SmsMessageSid: 'SM8f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c',
  NumMedia: '0',
  FromCountry: 'ES',
  SmsSid: 'SM8f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c',
  SmsStatus: 'received',
  Body: 'Hola, sigo sin luz en el local de la calle Mayor.',
  To: '+34910000001',
  NumSegments: '1',
  MessageSid: 'SM8f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c',
  AccountSid: config.accountSid,
  From: '+34612345678',
  ApiVersion: '2010-04-01',
};
const whatsapp = {
  ...sms,
  MessageSid: 'SMa1b2c3d4e5f60718293a4b5c6d7e8f90',
  SmsMessageSid: 'SMa1b2c3d4e5f60718293a4b5c6d7e8f90',
  From: 'whatsapp:+40722123456',
  To: 'whatsapp:+34910000001',
  ProfileName: 'Ioana P.',
  WaId: '40722123456',
  Body: 'Bună ziua, centrala nu pornește.',
};
const location = { ...whatsapp, MessageSid: 'SMf0e1d2c3b4a5968778695a4b3c2d1e0f', Body: '', Latitude: '40.4168', Longitude: '-3.7038', Address: 'Calle Mayor 3, Madrid', Label: 'Local' };
const status = { MessageSid: 'SM0123456789abcdef0123456789abcdef', MessageStatus: 'delivered', AccountSid: config.accountSid, From: '+34910000001', To: '+34612345678' };

channelConformance({ describe, it, expect }, {
  adapter: twilioSmsAdapter,
  config,
  valid: [{ name: 'an inbound SMS', raw: sms }],
  invalid: [
    { name: 'a payload without MessageSid', raw: { ...sms, MessageSid: '', SmsMessageSid: '' } },
    { name: 'a payload from no number', raw: { ...sms, From: 'not-a-number' } },
  ],
});

describe('Twilio messaging webhooks', () => {
  const url = 'https://desk.climatiza.example/api/channels/twilio/5d8c1e2a-0000-4000-8000-000000000001/inbound';

  it('accepts Twilio own signature over the public URL, and nothing else', () => {
    const signature = twilio.getExpectedTwilioSignature(config.authToken, url, sms);
    expect(verifyTwilioSignature(signature, url, sms, config.authToken)).toEqual({ ok: true });
    expect(verifyTwilioSignature(signature, url, { ...sms, Body: 'tampered' }, config.authToken).ok).toBe(false);
    expect(verifyTwilioSignature(signature, url.replace('https://desk.climatiza.example', 'http://10.0.0.5:3000'), sms, config.authToken).ok).toBe(false);
    expect(verifyTwilioSignature(undefined, url, sms, config.authToken)).toEqual({ ok: false, reason: 'missing X-Twilio-Signature' });
  });

  it('takes a message to any number of the channel pool, but not another account', () => {
    const pooled = { ...config, phoneNumber: undefined, messagingServiceSid: 'MG11112222333344445555666677778888' };
    expect(belongsToChannel({ ...sms, To: '+34910000099', MessagingServiceSid: pooled.messagingServiceSid! }, pooled)).toEqual({ ok: true });
    expect(belongsToChannel({ ...sms, To: '+34910000099' }, config).ok).toBe(false);
    expect(belongsToChannel({ ...sms, AccountSid: 'ACffffffffffffffffffffffffffffffff' }, config).ok).toBe(false);
  });

  it('writes numbers in E.164 and WhatsApp identities as whatsapp:+E164, keeping the profile name', async () => {
    expect(e164('612 345 678', 'ES')).toBe('+34612345678');
    const [m] = await twilioWhatsAppAdapter.normalize(whatsapp, config);
    expect(m).toMatchObject({ kind: 'whatsapp', idempotencyKey: `sid:${whatsapp.MessageSid}`, from: { phone: '+40722123456', name: 'Ioana P.' }, meta: { identity: 'whatsapp:+40722123456', profileName: 'Ioana P.' } });
  });

  it('handles a shared location and ignores a status-only payload', async () => {
    const [m] = await twilioWhatsAppAdapter.normalize(location, config);
    expect(m.text).toBe('📍 Local');
    expect(m.meta?.location).toEqual({ latitude: 40.4168, longitude: -3.7038, address: 'Calle Mayor 3, Madrid', label: 'Local' });
    expect(() => twilioSmsAdapter.normalize(status, config)).toThrow(IgnoredPayloadError);
  });

  it('lists media to download', async () => {
    const mms = { ...sms, MessageSid: 'MM0123456789abcdef0123456789abcdef', Body: '', NumMedia: '2', MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1', MediaContentType0: 'image/jpeg', MediaUrl1: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2', MediaContentType1: 'application/pdf' };
    const [m] = await twilioSmsAdapter.normalize(mms, config);
    expect(m.text).toBe('(2 attachments)');
    expect(m.meta?.media).toHaveLength(2);
  });
});

describe('Twilio status callbacks', () => {
  it('reads the state and a readable reason, and only ever moves forward', async () => {
    const { readTwilioStatus, movesForward } = await import('../twilio-webhook.js');
    expect(readTwilioStatus({ MessageSid: 'SM1', MessageStatus: 'undelivered', ErrorCode: '30003' })).toEqual({ providerId: 'SM1', status: 'undelivered', error: '30003: the phone is unreachable (off or out of coverage)' });
    expect(readTwilioStatus({ MessageSid: 'SM1', MessageStatus: 'accepted' })?.status).toBe('queued');
    expect(readTwilioStatus({ MessageSid: 'SM1', MessageStatus: 'weird' })).toBeNull();
    expect(movesForward('queued', 'sent')).toBe(true);
    expect(movesForward('delivered', 'sent')).toBe(false);
    expect(movesForward('read', 'delivered')).toBe(false);
    expect(movesForward('sent', 'undelivered')).toBe(true);
    expect(movesForward(null, 'queued')).toBe(true);
  });
});

describe('technician SMS answers', () => {
  it('reads "1" and "2" and the accept/decline words', async () => {
    const { readSmsAnswer } = await import('../technician-sms.js');
    expect(readSmsAnswer('1')).toBe('confirmed');
    expect(readSmsAnswer(' 2. ')).toBe('declined');
    expect(readSmsAnswer('Acepto')).toBe('confirmed');
    expect(readSmsAnswer('Nu pot azi')).toBe('declined');
    expect(readSmsAnswer('12')).toBe('unclear');
    expect(readSmsAnswer('1 SB-1042')).toBe('confirmed');
    expect(readSmsAnswer('sb1042: 2')).toBe('declined');
    expect(readSmsAnswer('SB-1042')).toBe('unclear');
  });
});
