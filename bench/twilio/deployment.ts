/**
 * A throwaway SMS desk for one bench run: a fresh PostgreSQL database and Redis prefix, a loopback sink
 * as the server's Twilio REST API, the built server (processors in-process) on a free loopback port
 * with a PUBLIC_URL (the address Twilio would call, which the signatures are over, never contacted), an
 * SMS channel on a fresh Twilio account, the admin logged in with a live inbox socket watching
 * 'incident.created' or 'message.created' (the message's own event), and a database connection for the exactly-once check. Every piece registers its
 * own clean-up.
 */
import pg from 'pg';
import { startBenchServer } from '../lib/bench-server.js';
import { createChannel } from '../lib/channels.js';
import type { Cleanup } from '../lib/cleanup.js';
import type { HttpClient } from '../lib/http.js';
import { InboxWatcher, messagesCreated } from '../lib/inbox.js';
import { createRunStorage, newRunId } from '../lib/run-storage.js';
import type { RunningServer } from '../lib/server.js';
import { startTwilioApiSink, type TwilioApiSink } from './api-sink.js';
import type { BenchOptions } from './options.js';
import { benchAccount, type TwilioAccount } from './webhooks.js';

/** The server's name in bench/results/server-<name>.log and .cpuprofile. */
export const SERVER_NAME = 'twilio';
/** The desk's public address as Twilio would see it (behind a TLS-terminating proxy); only a string here. */
export const PUBLIC_URL = 'https://desk.bench.example';

export interface SmsDesk {
  runId: string;
  server: RunningServer;
  databaseUrl: string;
  admin: HttpClient;
  account: TwilioAccount;
  channelId: string;
  /** The inbound webhook as the channel shows it to paste in the Twilio Console (PUBLIC_URL-based): what is signed. */
  inboundUrl: string;
  /** Its path on the server: where the bench posts. */
  inboundPath: string;
  twilioApi: TwilioApiSink;
  /** Inbound messages on the agent's socket, keyed by body. */
  inbox: InboxWatcher;
  db: pg.Client;
}

export async function deploySmsDesk(root: string, options: BenchOptions, cleanup: Cleanup, log: (msg: string) => void): Promise<SmsDesk> {
  const runId = newRunId();
  const twilioApi = await startTwilioApiSink();
  cleanup.add('close the Twilio API sink', () => twilioApi.close());
  log(`Twilio API sink on ${twilioApi.url}`);

  const storage = await createRunStorage(runId, options, cleanup, log);
  const env = { ...storage.env, PUBLIC_URL, TWILIO_API_URL: twilioApi.url };
  const { server, admin } = await startBenchServer(root, { name: SERVER_NAME, env, profile: options.profile }, cleanup, log);

  const account = benchAccount();
  const channel = await createChannel<{ twilio?: { webhooks?: { inbound?: unknown } } }>(admin, { kind: 'sms', name: `Bench SMS ${runId}`, ...account });
  const inboundUrl = channel.twilio?.webhooks?.inbound;
  if (typeof inboundUrl !== 'string' || !inboundUrl.startsWith(`${PUBLIC_URL}/`)) throw new Error(`the SMS channel's inbound webhook is not under PUBLIC_URL: ${JSON.stringify(inboundUrl)}`);
  log(`SMS channel ${channel.id}, webhook ${inboundUrl}`);

  const db = new pg.Client({ connectionString: storage.databaseUrl });
  await db.connect();
  cleanup.add('close the database connection', () => db.end());

  const inbox = await InboxWatcher.connect(server.url, `sb_session=${admin.cookie('sb_session')}`, 10_000, messagesCreated((m) => (m.kind === 'inbound' ? m.body : undefined)));
  cleanup.add('close the inbox socket', () => inbox.close());

  return { runId, server, databaseUrl: storage.databaseUrl, admin, account, channelId: channel.id, inboundUrl, inboundPath: new URL(inboundUrl).pathname, twilioApi, inbox, db };
}
