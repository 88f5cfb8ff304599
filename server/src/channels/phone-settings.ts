/**
 * Phone channel settings, as stored in channels.config (secrets encrypted) and shown to admins. Pure.
 * The CTI token authenticates the PBX's webhook; Twilio Voice, when configured, signs its status callbacks
 * with the account's auth token.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { PhoneChannelSettingsDto } from '../contracts/api.js';

export interface StoredPhoneConfig {
  /** Secrets.encrypt(token): the PBX sends it with every event. */
  token: string;
  defaultCountry: string;
  twilio: { accountSid: string; authToken: string } | null;
}

export const CreatePhoneChannel = z
  .object({
    kind: z.literal('phone'),
    name: z.string().trim().min(1, 'required').max(200),
    defaultCountry: z.string().trim().regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code').optional(),
    twilioAccountSid: z.string().trim().regex(/^AC[0-9a-f]{32}$/, 'must be an Account SID (AC followed by 32 hex digits)').optional(),
    twilioAuthToken: z.string().trim().regex(/^[0-9a-f]{32}$/, 'must be the 32-character auth token').optional(),
  })
  .strict()
  .refine((v) => Boolean(v.twilioAccountSid) === Boolean(v.twilioAuthToken), { message: 'Twilio Voice needs both the Account SID and the auth token', path: ['twilioAuthToken'] });
export type CreatePhoneChannelInput = z.infer<typeof CreatePhoneChannel>;

export function newPhoneConfig(input: CreatePhoneChannelInput, encrypt: (plain: string) => string, defaultCountry: string): StoredPhoneConfig {
  return {
    token: encrypt(randomBytes(24).toString('base64url')),
    defaultCountry: (input.defaultCountry ?? defaultCountry).toUpperCase(),
    twilio: input.twilioAccountSid && input.twilioAuthToken ? { accountSid: input.twilioAccountSid, authToken: encrypt(input.twilioAuthToken) } : null,
  };
}

export function toPhoneSettingsDto(c: StoredPhoneConfig, channelId: string, publicBase: string, token: string): PhoneChannelSettingsDto {
  const base = `${publicBase.replace(/\/+$/, '')}/api/channels/phone/${channelId}`;
  return {
    defaultCountry: c.defaultCountry,
    twilioAccountSid: c.twilio?.accountSid ?? null,
    webhooks: { events: `${base}/events?token=${encodeURIComponent(token)}`, twilioVoice: c.twilio ? `${base}/twilio` : null },
  };
}
