/**
 * SMS and WhatsApp channel settings (Twilio), as stored in channels.config (auth token encrypted) and shown
 * (token write-only). Pure.
 */
import { z } from 'zod';
import type { TwilioChannelConfig } from '../../../channels/twilio-sms/index.js';
import type { TwilioChannelSettingsDto, WhatsAppTemplateDto } from '../contracts/api.js';
import { templateVariables, type WhatsAppTemplate } from '../domain/whatsapp-template.js';

export interface StoredTwilioConfig {
  accountSid: string;
  /** Secrets.encrypt(...) */
  authToken: string;
  phoneNumber: string | null;
  messagingServiceSid: string | null;
  defaultCountry: string;
  /** WhatsApp: approved templates (absent on channels made before templates existed). */
  templates?: WhatsAppTemplate[];
}

const Template = z
  .object({
    name: z.string().trim().min(1, 'required').max(100),
    contentSid: z.string().trim().regex(/^HX[0-9a-f]{32}$/, 'must be a Content SID (HX followed by 32 hex digits)'),
    language: z.string().trim().regex(/^[a-z]{2}([_-][A-Za-z]{2})?$/, 'must be a language code, e.g. es or es_ES'),
    body: z.string().trim().min(1, 'required').max(1024, 'at most 1024 characters'),
  })
  .strict();
/** The approved templates of a WhatsApp channel: each content SID once. */
export const Templates = z
  .array(Template)
  .max(100)
  .refine((list) => new Set(list.map((t) => t.contentSid)).size === list.length, { message: 'each template (content SID) once' });

export const toTemplateDto = (t: WhatsAppTemplate): WhatsAppTemplateDto => ({ ...t, variables: templateVariables(t.body) });

export const CreateTwilioChannel = z
  .object({
    kind: z.enum(['sms', 'whatsapp']),
    name: z.string().trim().min(1, 'required').max(200),
    accountSid: z.string().trim().regex(/^AC[0-9a-f]{32}$/, 'must be an Account SID (AC followed by 32 hex digits)'),
    authToken: z.string().trim().regex(/^[0-9a-f]{32}$/, 'must be the 32-character auth token'),
    phoneNumber: z.string().trim().regex(/^\+[1-9]\d{6,14}$/, 'must be a number in E.164, e.g. +34910000001').optional(),
    messagingServiceSid: z.string().trim().regex(/^MG[0-9a-f]{32}$/, 'must be a Messaging Service SID (MG…)').optional(),
    defaultCountry: z.string().trim().regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code').optional(),
    templates: Templates.optional(),
  })
  .strict()
  .refine((v) => v.phoneNumber || v.messagingServiceSid, { message: 'a phone number or a Messaging Service is required', path: ['phoneNumber'] })
  .refine((v) => v.kind === 'whatsapp' || !v.templates, { message: 'only WhatsApp channels have templates', path: ['templates'] });
export type CreateTwilioChannelInput = z.infer<typeof CreateTwilioChannel>;

export function newTwilioConfig(input: CreateTwilioChannelInput, encrypt: (plain: string) => string, defaultCountry: string): StoredTwilioConfig {
  return {
    accountSid: input.accountSid,
    authToken: encrypt(input.authToken),
    phoneNumber: input.phoneNumber ?? null,
    messagingServiceSid: input.messagingServiceSid ?? null,
    defaultCountry: (input.defaultCountry ?? defaultCountry).toUpperCase(),
    ...(input.kind === 'whatsapp' ? { templates: input.templates ?? [] } : {}),
  };
}

/** What the adapter needs (the token only where signatures are checked). */
export function adapterConfig(c: StoredTwilioConfig, authToken = ''): TwilioChannelConfig {
  return { accountSid: c.accountSid, authToken, phoneNumber: c.phoneNumber ?? undefined, messagingServiceSid: c.messagingServiceSid ?? undefined, defaultCountry: c.defaultCountry };
}

export function toTwilioSettingsDto(c: StoredTwilioConfig, channelId: string, publicBase: string): TwilioChannelSettingsDto {
  const base = `${publicBase.replace(/\/+$/, '')}/api/channels/twilio/${channelId}`;
  return {
    accountSid: c.accountSid,
    phoneNumber: c.phoneNumber,
    messagingServiceSid: c.messagingServiceSid,
    defaultCountry: c.defaultCountry,
    hasAuthToken: Boolean(c.authToken),
    webhooks: { inbound: `${base}/inbound`, status: `${base}/status` },
    templates: (c.templates ?? []).map(toTemplateDto),
  };
}
