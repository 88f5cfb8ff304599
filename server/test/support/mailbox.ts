/** An e-mail channel on a throwaway Dovecot, for integration tests. */
import type { ChannelDto } from '../../src/contracts/api.js';
import type { ApiClient } from './api-client.js';
import type { Dovecot } from './dovecot.js';

export const MAILBOX = { address: 'soporte@climatiza.example', user: 'soporte', password: 'imap-secret' };
/** A second mailbox on the same Dovecot (see mail-desk.ts). */
export const SECOND_MAILBOX = { address: 'ventas@climatiza.example', user: 'ventas', password: 'ventas-secret' };

export function createEmailChannel(admin: ApiClient, dovecot: Dovecot, smtp: { port: number } = { port: 1 }, box = MAILBOX): Promise<ChannelDto> {
  return admin.ok<ChannelDto>(
    admin.post('/api/channels', {
      kind: 'email',
      name: box === MAILBOX ? 'Soporte' : 'Ventas',
      address: box.address,
      displayName: box === MAILBOX ? 'Climatiza Soporte' : 'Climatiza Ventas',
      imap: { host: '127.0.0.1', port: dovecot.port, secure: false, user: box.user, password: box.password },
      smtp: { host: '127.0.0.1', port: smtp.port, secure: false, user: 'soporte', password: 'smtp-secret' },
    }),
  );
}

/** A small message to the support mailbox. */
export function mail(n: number | string, headers: Record<string, string> = {}, body = `Mensaje número ${n}.`): Buffer {
  const all: Record<string, string> = {
    From: `Cliente ${n} <cliente${n}@example.es>`,
    To: MAILBOX.address,
    Subject: `Avería ${n}`,
    Date: 'Mon, 23 Nov 2026 10:00:00 +0100',
    'Message-ID': `<msg-${n}@example.es>`,
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
    ...headers,
  };
  const lines = Object.entries(all).filter(([, v]) => v !== '').map(([k, v]) => `${k}: ${v}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}\r\n`);
}
