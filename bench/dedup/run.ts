/**
 * Duplicate detection quality on the labelled set (dataset.json, see DATASET.md): the desk's rule
 * (server/src/domain/dedup) next to a baseline measured in the same run — "the same customer within
 * 72 hours is the same problem". Prints precision, recall and F1 (targets: precision >= 0.98, F1 >= 0.95)
 * and, for the desk's rule, how many requests would have been offered to an agent as a possible duplicate.
 *
 *   npx tsc -p tsconfig.bench.json && node dist-bench/bench/dedup/run.js [--verbose]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DEDUP_POLICY, decide, gistOf, mergeGist } from '../../server/src/domain/dedup/index.js';
import { pairScores, replay, type Cluster, type Dataset, type Rule, type Scores } from './evaluate.js';

const TARGETS = { precisionMin: 0.98, f1Min: 0.95 };
const root = process.cwd();
const data = JSON.parse(readFileSync(join(root, 'bench/dedup/dataset.json'), 'utf8')) as Dataset;
const verbose = process.argv.includes('--verbose');
const textOf = (r: Dataset['requests'][number]) => `${r.subject ?? ''}\n${r.text}`;

const baseline: Rule = (req, open) => {
  const at = new Date(req.at).getTime();
  const mine = open.filter((c) => c.customerId === req.customer && at - c.lastAt.getTime() <= 72 * 3_600_000);
  return mine.sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime())[0] ?? null;
};

let suggestions = 0;
const started = performance.now();
const desk: Rule = (req, open) => {
  const candidates = open.map((c) => ({ id: c.id, contactIds: c.contactIds, customerId: c.customerId, lastAt: c.lastAt, gist: c.gist! }));
  const d = decide({ contactId: req.contact, customerId: req.customer, at: new Date(req.at), text: textOf(req) }, candidates);
  if (d.action === 'suggest') suggestions++;
  if (verbose && d.best && d.best.score > 0) console.log(`${req.id} ${d.action} ${d.best.incidentId} ${d.best.score} ${d.best.reasons.join('; ')}`);
  return d.action === 'join' ? (open.find((c) => c.id === d.best.incidentId) ?? null) : null;
};
const grow = (c: Cluster, req: Dataset['requests'][number]) => void (c.gist = c.gist ? mergeGist(c.gist, gistOf(textOf(req))) : gistOf(textOf(req)));
const deskScores = pairScores(data, replay(data, desk, grow));
const ms = performance.now() - started;
const offered = suggestions;
// The same rule on each language alone (requests of the other languages left out).
const byLocale = ['es', 'en', 'ro'].map((locale) => {
  const part: Dataset = { ...data, requests: data.requests.filter((r) => r.locale === locale) };
  return { locale, scores: pairScores(part, replay(part, desk, grow)) };
});
const baseScores = pairScores(data, replay(data, baseline));

const truth = new Set(data.requests.map((r) => r.incident)).size;
const f = (n: number) => n.toFixed(3);
const line = (name: string, s: Scores) => `  ${name.padEnd(34)} precision ${f(s.precision)}  recall ${f(s.recall)}  F1 ${f(s.f1)}  (${s.correctPairs}/${s.predictedPairs} pairs right, ${s.incidents} incidents)`;
const met = deskScores.precision >= TARGETS.precisionMin && deskScores.f1 >= TARGETS.f1Min;
console.log(`Switchboard duplicate detection — ${data.requests.length} labelled requests, ${truth} incidents, ${deskScores.truePairs} duplicate pairs`);
console.log(line('desk rule (domain/dedup)', deskScores));
for (const { locale, scores } of byLocale) console.log(line(`  ${locale} requests only`, scores));
console.log(line('baseline: same customer within 72 h', baseScores));
console.log(`  targets                            precision >= ${TARGETS.precisionMin}, F1 >= ${TARGETS.f1Min}: ${met ? 'OK' : 'MISSED'}`);
console.log(`  offered to an agent                ${offered} request(s) between suggestAt ${DEFAULT_DEDUP_POLICY.suggestAt} and joinAt ${DEFAULT_DEDUP_POLICY.joinAt} (counted as not joined)`);
console.log(`  decision time                      ${(ms / data.requests.length).toFixed(3)} ms per request (in memory, all candidates scored)`);
