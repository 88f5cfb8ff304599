/** Test helpers: the hand-written .eml fixtures, as an IMAP server hands them over (CRLF line ends). */
import { readFileSync } from 'node:fs';
import type { EmailConfig, EmailEnvelope } from '../adapter.js';

export const FIXTURES = [
  'new-request-es.eml',
  'gmail-reply-en.eml',
  'outlook-reply-es.eml',
  'apple-mail-reply-ro.eml',
  'thunderbird-reply-en.eml',
  'out-of-office-ro.eml',
  'bounce-dsn.eml',
  'mailing-list.eml',
  'tech-acepto-es.eml',
  'tech-no-puedo-es.eml',
  'iso-8859-2-ro.eml',
  'inline-image-pdf.eml',
  'html-remote-image-script.eml',
] as const;
export type FixtureName = (typeof FIXTURES)[number];

export function fixture(name: FixtureName | string): Buffer {
  const bytes = readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
  return Buffer.from(bytes.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
}

export function envelopeOf(raw: Buffer | string, uid = 101, uidValidity = 1_795_000_000, mailbox = 'soporte@climatiza.example/INBOX'): EmailEnvelope {
  return { raw: (typeof raw === 'string' ? Buffer.from(raw) : raw).toString('base64'), mailbox, uidValidity, uid };
}

/** Our side of the fixtures: the support mailbox and the domain of the Message-IDs we send. */
export const config: EmailConfig = { ownAddresses: ['soporte@climatiza.example'], ownMessageIdDomains: ['sb.climatiza.example'] };

/** Builds a small raw message for one-off cases. */
export function rawMessage(headers: Record<string, string>, body = 'Hola.\n'): Buffer {
  const all = { From: 'Ana Gómez <ana@example.es>', To: 'soporte@climatiza.example', Subject: 'Consulta', Date: 'Fri, 20 Nov 2026 10:00:00 +0100', 'Message-ID': '<one-off@example.es>', 'MIME-Version': '1.0', 'Content-Type': 'text/plain; charset=utf-8', ...headers };
  const lines = Object.entries(all).filter(([, v]) => v !== '').map(([k, v]) => `${k}: ${v}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}`);
}
