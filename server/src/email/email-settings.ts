/**
 * E-mail channel settings as stored in channels.config (passwords encrypted) and as the API takes and
 * shows them (passwords write-only). Pure: validation with zod, no I/O.
 */
import { z } from 'zod';
import { Templates } from '../channels/twilio-settings.js';
import type { EmailConfig } from '../../../channels/email/index.js';
import type { EmailChannelSettingsDto } from '../contracts/api.js';

export interface StoredServer {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  /** Secrets.encrypt(...) of the password. */
  password: string;
}

export interface EmailChannelConfig {
  address: string;
  displayName: string;
  imap: StoredServer & { folder: string };
  smtp: StoredServer;
}

const host = z.string().trim().min(1, 'required').max(253).regex(/^[A-Za-z0-9.-]+$|^\[?[0-9a-fA-F:.]+\]?$/, 'must be a host name or address');
const port = z.number({ error: 'must be a number' }).int().min(1, 'must be 1..65535').max(65535, 'must be 1..65535');
const user = z.string().trim().min(1, 'required').max(254);
const password = z.string().min(1, 'required').max(1024);
const address = z.string().trim().toLowerCase().max(254).pipe(z.email('must be an e-mail address'));
const folder = z.string().trim().min(1).max(200);

const server = { host, port, secure: z.boolean({ error: 'must be true or false' }), user };

export const CreateEmailChannel = z
  .object({
    kind: z.literal('email'),
    name: z.string().trim().min(1, 'required').max(200),
    address,
    displayName: z.string().trim().max(200).optional(),
    imap: z.object({ ...server, password, folder: folder.optional() }).strict(),
    smtp: z.object({ ...server, password }).strict(),
  })
  .strict();
export type CreateEmailChannelInput = z.infer<typeof CreateEmailChannel>;

export const UpdateChannel = z
  .object({
    name: z.string().trim().min(1, 'required').max(200).optional(),
    active: z.boolean().optional(),
    address: address.optional(),
    displayName: z.string().trim().max(200).optional(),
    imap: z.object({ host, port, secure: z.boolean(), user, password, folder }).partial().strict().optional(),
    smtp: z.object({ host, port, secure: z.boolean(), user, password }).partial().strict().optional(),
    templates: Templates.optional(),
  })
  .strict();
export type UpdateChannelInput = z.infer<typeof UpdateChannel>;

type Encrypt = (plain: string) => string;

export function newEmailConfig(input: CreateEmailChannelInput, encrypt: Encrypt): EmailChannelConfig {
  return {
    address: input.address,
    displayName: input.displayName || input.name,
    imap: { host: input.imap.host, port: input.imap.port, secure: input.imap.secure, user: input.imap.user, password: encrypt(input.imap.password), folder: input.imap.folder ?? 'INBOX' },
    smtp: { host: input.smtp.host, port: input.smtp.port, secure: input.smtp.secure, user: input.smtp.user, password: encrypt(input.smtp.password) },
  };
}

/** The settings after a PATCH: what is given replaces what was; a password left out is kept. */
export function updatedEmailConfig(current: EmailChannelConfig, patch: UpdateChannelInput, encrypt: Encrypt): EmailChannelConfig {
  const { password: imapPassword, ...imap } = patch.imap ?? {};
  const { password: smtpPassword, ...smtp } = patch.smtp ?? {};
  return {
    address: patch.address ?? current.address,
    displayName: patch.displayName ?? current.displayName,
    imap: { ...current.imap, ...imap, password: imapPassword ? encrypt(imapPassword) : current.imap.password },
    smtp: { ...current.smtp, ...smtp, password: smtpPassword ? encrypt(smtpPassword) : current.smtp.password },
  };
}

export function toEmailSettingsDto(c: EmailChannelConfig, sync: EmailChannelSettingsDto['sync']): EmailChannelSettingsDto {
  const { password: _ip, ...imap } = c.imap;
  const { password: _sp, ...smtp } = c.smtp;
  return { address: c.address, displayName: c.displayName, imap: { ...imap, hasPassword: Boolean(_ip) }, smtp: { ...smtp, hasPassword: Boolean(_sp) }, sync };
}

/** The domain of the channel's address (reply tokens are recognised at it). */
export const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * The domain of the Message-IDs we generate for a mailbox: a subdomain of its own, so that a colleague
 * writing from the company's domain is never taken for our own mail coming back.
 */
export const messageIdDomain = (address: string) => `switchboard.${domainOf(address)}`;

/** What the e-mail adapter needs to know about a channel. */
export function emailAdapterConfig(c: EmailChannelConfig, maxBytes: number): EmailConfig {
  return { ownAddresses: [c.address], ownMessageIdDomains: [messageIdDomain(c.address)], maxBytes };
}
