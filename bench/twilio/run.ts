/**
 * Twilio SMS benchmark: signed inbound-SMS webhooks (POST /api/channels/twilio/<channel>/inbound) ->
 * messages (a number's first opens an incident, the next join it) -> the agent's live inbox.
 *   (a) webhook answer latency at a fixed rate (open loop), (b) throughput at fixed concurrency (closed
 *   loop), (c) PostgreSQL single-row INSERT commits at the same concurrency in the same database, as the
 *   floor to compare with; 5% of the webhooks redeliver an already-sent MessageSid, and at the end the
 *   database must hold exactly one message per distinct MessageSid.
 * Reports; it is not a test: exit 0 whether or not targets are met, non-zero only if the bench failed.
 *
 *   npx tsc -p tsconfig.bench.json && node dist-bench/bench/twilio/run.js [--help]
 */
import { randomBytes } from 'node:crypto';
import { assertAlive } from '../lib/bench-server.js';
import type { Cleanup } from '../lib/cleanup.js';
import { HttpClient } from '../lib/http.js';
import { baselineRatio, measureInsertBaseline } from '../lib/insert-baseline.js';
import { latencyMet, loadSettings, measureIntake, type IntakePhase } from '../lib/phases.js';
import { commonResults } from '../lib/results.js';
import { runBench } from '../lib/run.js';
import { PUBLIC_URL, deploySmsDesk, SERVER_NAME } from './deployment.js';
import { checkExactlyOnce } from './exactly-once.js';
import { parseOptions, USAGE, type BenchOptions } from './options.js';
import { formatReport, TARGETS, type TwilioBenchResult } from './report.js';
import { sampleParams, spanishMobiles, Webhooks, type PhaseTally } from './webhooks.js';

const log = (msg: string) => console.log(`[bench] ${msg}`);

async function measure(root: string, options: BenchOptions, cleanup: Cleanup): Promise<TwilioBenchResult> {
  const startedAt = new Date().toISOString();
  const desk = await deploySmsDesk(root, options, cleanup, log);

  const client = new HttpClient(desk.server.url, { maxSockets: Math.max(options.maxInFlight, options.concurrency), useCookies: false });
  cleanup.add('close the webhook client', () => client.close());
  const senders = spanishMobiles(options.senders);
  log(`${senders.length} distinct sender numbers (${senders[0]} ...), ${options.redeliveryPercent}% redeliveries`);
  const webhooks = new Webhooks(
    client,
    { path: desk.inboundPath, publicUrl: desk.inboundUrl },
    desk.account,
    senders,
    options.redeliveryPercent / 100,
    desk.runId,
    desk.inbox,
    options.eventWaitMs,
  );

  const byKind = {} as Record<IntakePhase, PhaseTally>;
  const { warmup, latency, throughput } = await measureIntake(webhooks, options, log, (phase) => (byKind[phase] = webhooks.takeTally()));
  assertAlive(desk.server, 'during the measurements');
  const { exactlyOnce, conversations } = await checkExactlyOnce(desk.db, desk.channelId, webhooks);
  log(`exactly once: ${exactlyOnce.pass ? 'PASS' : 'FAIL'} (${exactlyOnce.answeredMessageSids} MessageSids answered, ${exactlyOnce.storedMessages} messages stored)`);

  // The raw payload the server stores for a webhook: its parameters.
  const payload = () => JSON.stringify(sampleParams(desk.account, senders[0], `SM${randomBytes(16).toString('hex')}`, 'Hola, desde esta mañana no tenemos luz en el local.'));
  const baseline = await measureInsertBaseline(desk.databaseUrl, { ...options, payload }, log);
  const ratio = baselineRatio(Math.min(throughput.ratePerSecond, throughput.processedPerSecond), baseline);
  return {
    bench: 'twilio',
    ...commonResults(root, startedAt, desk.inbox, desk.server),
    settings: { ...loadSettings(options), senders: options.senders, redeliveryPercent: options.redeliveryPercent, publicUrl: PUBLIC_URL },
    warmup: { ...warmup, byKind: byKind.warmup },
    latency: { ...latency, byKind: byKind.latency },
    throughput: { ...throughput, byKind: byKind.throughput },
    baseline,
    ratio,
    exactlyOnce,
    conversations,
    twilioApi: { requests: desk.twilioApi.count, first: [...desk.twilioApi.requests] },
    targets: TARGETS,
    met: { p99: latencyMet(latency, latency.httpMs, TARGETS.p99MaxMs), exactlyOnce: exactlyOnce.pass },
  };
}

await runBench({
  usage: USAGE,
  parseOptions,
  run: measure,
  formatReport,
  serverName: () => SERVER_NAME,
  resultsName: () => 'twilio-latest.json',
});
