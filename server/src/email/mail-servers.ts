/**
 * Connections to a channel's mail servers, built from its stored settings (passwords decrypted only
 * here, only when connecting), and the admin's "test connection".
 */
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { ChannelTestResult } from '../contracts/api.js';
import type { Secrets } from '../common/secrets.js';
import type { EmailChannelConfig } from './email-settings.js';

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * `secure: true` is TLS from the first byte. `secure: false` is STARTTLS, required: the offer of STARTTLS
 * arrives in cleartext and can be stripped on the way, and the password must never cross the network
 * unencrypted. Only a server on this machine (loopback) may be spoken to in cleartext.
 */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

export function imapOptions(c: EmailChannelConfig, secrets: Secrets, extra: Partial<ImapFlowOptions> = {}): ImapFlowOptions {
  return {
    host: c.imap.host,
    port: c.imap.port,
    secure: c.imap.secure,
    doSTARTTLS: c.imap.secure || isLoopback(c.imap.host) ? undefined : true,
    auth: { user: c.imap.user, pass: secrets.decrypt(c.imap.password) },
    logger: false,
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: CONNECT_TIMEOUT_MS,
    clientInfo: { name: 'Switchboard' },
    ...extra,
  };
}

export function smtpOptions(c: EmailChannelConfig, secrets: Secrets): SMTPTransport.Options {
  return {
    host: c.smtp.host,
    port: c.smtp.port,
    secure: c.smtp.secure,
    requireTLS: !c.smtp.secure && !isLoopback(c.smtp.host),
    auth: { user: c.smtp.user, pass: secrets.decrypt(c.smtp.password) },
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: CONNECT_TIMEOUT_MS,
    socketTimeout: 60_000,
  };
}

/** What a connection error means to an admin. */
export function describeMailError(err: unknown): string {
  const e = err as { code?: string; message?: string; authenticationFailed?: boolean; responseText?: string; response?: string };
  if (e.authenticationFailed || e.code === 'EAUTH') return `the server refused the user name or password${e.responseText || e.response ? ` (${e.responseText ?? e.response})` : ''}`;
  // nodemailer wraps socket errors (code ESOCKET, "connect ECONNREFUSED ..."): look at the system code too.
  const code = /\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH)\b/.exec(e.message ?? '')?.[1] ?? e.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'nothing answers at that host and port (connection refused)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'EHOSTUNREACH':
      return 'the host cannot be reached';
    case 'ECONNRESET':
      return 'the server dropped the connection';
    case 'ETIMEDOUT':
    case 'ETIMEOUT':
    case 'CONNECT_TIMEOUT':
    case 'GREETING_TIMEOUT':
      return 'the server did not answer in time';
    case 'NoConnection':
    case 'ClosedAfterConnectTLS':
    case 'ClosedAfterConnectText':
      return 'the server closed the connection (check the port and the TLS setting)';
  }
  if (/certificate|self[- ]signed|wrong version number|SSL routines/i.test(e.message ?? '')) return `TLS failed: ${e.message}`;
  return e.message || String(err);
}

export async function testImap(c: EmailChannelConfig, secrets: Secrets): Promise<{ ok: boolean; message: string }> {
  let client: ImapFlow | undefined;
  try {
    client = new ImapFlow(imapOptions(c, secrets, { disableAutoIdle: true }));
    client.on('error', () => undefined); // reported through connect()'s rejection
    await client.connect();
    const status = await client.status(c.imap.folder, { messages: true, uidValidity: true });
    return { ok: true, message: `connected; folder ${c.imap.folder} holds ${(status && status.messages) ?? 0} message(s)` };
  } catch (err) {
    const notFolder = /NONEXISTENT|doesn't exist|does not exist|Mailbox doesn't exist/i.test(String((err as { responseText?: string }).responseText ?? (err as Error).message));
    return { ok: false, message: notFolder ? `the folder ${c.imap.folder} does not exist` : describeMailError(err) };
  } finally {
    await client?.logout().catch(() => client?.close());
  }
}

export async function testSmtp(c: EmailChannelConfig, secrets: Secrets): Promise<{ ok: boolean; message: string }> {
  const transport = nodemailer.createTransport(smtpOptions(c, secrets));
  try {
    await transport.verify();
    return { ok: true, message: 'connected and logged in' };
  } catch (err) {
    return { ok: false, message: describeMailError(err) };
  } finally {
    transport.close();
  }
}

export async function testMailServers(c: EmailChannelConfig, secrets: Secrets): Promise<ChannelTestResult> {
  const [imap, smtp] = await Promise.all([testImap(c, secrets), testSmtp(c, secrets)]);
  return { imap, smtp };
}
