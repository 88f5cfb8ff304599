/**
 * A whole desk for the e-mail tests: a throwaway Dovecot with the support mailbox, a recording SMTP server,
 * a Switchboard (production shape: PostgreSQL, Redis, processors in-process; or embedded) with an e-mail
 * channel on both,
 * and the admin logged in with a live inbox socket.
 */
import type { ChannelDto } from '../../src/contracts/api.js';
import { MailboxSyncService } from '../../src/email/mailbox-sync.service.js';
import { ApiClient, type InboxSocket } from './api-client.js';
import { startDovecot, type Dovecot } from './dovecot.js';
import { createEmailChannel, MAILBOX, SECOND_MAILBOX } from './mailbox.js';
import { startSmtpRecorder, type SmtpRecorder } from './smtp-recorder.js';
import { ADMIN, startTestServer, type TestServer } from './test-server.js';

export interface MailDesk {
  dovecot: Dovecot;
  smtp: SmtpRecorder;
  server: TestServer;
  admin: ApiClient;
  socket: InboxSocket;
  channel: ChannelDto;
  /** The server's database URL (production mode). */
  db: string;
  close(): Promise<void>;
}

export async function startMailDesk(env: Record<string, string> = {}, mode: 'production' | 'embedded' = 'production'): Promise<MailDesk> {
  // A second mailbox user ("ventas") for tests that need two mailboxes.
  const dovecot = await startDovecot({ users: [MAILBOX, SECOND_MAILBOX].map((m) => ({ name: m.user, password: m.password })) });
  const smtp = await startSmtpRecorder();
  const server = await startTestServer({ mode, env });
  // Reconnect fast after the tests restart Dovecot.
  server.app.get(MailboxSyncService).timing = { backoffMinMs: 100, backoffMaxMs: 500, leaseTtlMs: 3000 };
  const admin = new ApiClient(server.url);
  await admin.login(ADMIN.email, ADMIN.password);
  const socket = await admin.connectInbox();
  const channel = await createEmailChannel(admin, dovecot, smtp);
  return {
    dovecot,
    smtp,
    server,
    admin,
    socket,
    channel,
    db: server.databaseUrl ?? '',
    async close() {
      socket.close();
      await server.close();
      await smtp.close();
      await dovecot.stop();
    },
  };
}
