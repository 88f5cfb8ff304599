/**
 * Duplicate detection quality on the labelled set (dataset.json, see DATASET.md): the desk's rule
 * (server/src/domain/dedup) next to a baseline measured in the same run — "the same customer within
 * 72 hours is the same problem". Prints precision, recall and F1 (targets: precision >= 0.98, F1 >= 0.95)
 * and, for the desk's rule, how many requests would have been offered to an agent as a possible duplicate (and how
 * many of those offers were of the right incident), the figures with an agent who merges the right offers with one
 * click and dismisses the wrong ones (what the inbox makes of the band between suggestAt and joinAt), and an
 * operating curve: the figures at other join thresholds, to show what a department's threshold trades.
 * Then the same figures on the unseen sets used for tuning (holdout.json, see HOLDOUT.md; holdout2.json, see
 * HOLDOUT2.md; holdout3.json, see HOLDOUT3.md) and on the judging sets (holdout4.json, see HOLDOUT4.md, and
 * sealed.json, see SEALED.md), for information; all sets' figures go to bench/results/dedup-latest.json.
 *
 *   npx tsc -p tsconfig.bench.json && node dist-bench/bench/dedup/run.js [--verbose] [--errors] [--errors-unseen] [--no-sealed]
 *
 * --verbose    every decision with a score on the main set: request, action, incident, score, reasons.
 * --errors     after the report, the desk rule's mistakes on the whole main set (not the per-language runs):
 *              false joins (a request joined an incident made of another true incident's requests) and
 *              missed joins (a request that did not join the incident holding its true incident's earlier
 *              requests), each with its text, the incident's texts, and the score and reasons against both.
 * --errors-unseen  the same list for the unseen sets used for tuning too (holdout, holdout2, holdout3), each after its report.
 *              Read them for kinds of mistakes, not for wordings: the sealed set judges whether a fix generalises.
 * --no-sealed  skip the judging sets (holdout4, sealed) entirely: not read, not scored, not printed, not in the
 *              results JSON. For whoever tunes the rule, so that they never see their figures.
 * --no-sites   leave the requests' service addresses out, as the bench did before it passed them: the rule
 *              then sees no siteKey. By default a request's `siteAddress` is its siteKey (siteKeyOf) and an
 *              incident's is that of its first request carrying one, as the desk does.
 *
 * The judging sets' decisions never go to --verbose or any error list, and they have no operating curve: a set
 * that judges the rule must not help choose its thresholds.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { DEFAULT_DEDUP_POLICY, decide, gistOf, scoreAgainst, type DedupIncident, type DedupPolicy } from '../../server/src/domain/dedup/index.js';
import { environment } from '../lib/results.js';
import { resultsPath } from '../lib/paths.js';
import { candidatesOf, grow, loadDataset, pairScores, replay, requestOf, textOf, type Cluster, type Dataset, type Rule, type Scores } from './evaluate.js';

const TARGETS = { precisionMin: 0.98, f1Min: 0.95 };
const root = process.cwd();
const data = loadDataset(join(root, 'bench/dedup/dataset.json'));
const verbose = process.argv.includes('--verbose');
const listErrors = process.argv.includes('--errors');
const listUnseenErrors = process.argv.includes('--errors-unseen');
const withSites = !process.argv.includes('--no-sites');

const baseline: Rule = (req, open) => {
  const at = new Date(req.at).getTime();
  const mine = open.filter((c) => c.customerId === req.customer && at - c.lastAt.getTime() <= 72 * 3_600_000);
  return mine.sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime())[0] ?? null;
};

/** What a rule offered to an agent: suggestions, and those of the incident holding the request's true incident (an agent would accept them). */
interface Offers {
  suggestions: number;
  right: number;
}
const errors: string[] = [];
/** Whether the run in progress may print its decisions (--verbose) and record its mistakes (--errors): only the main set's. */
let loud = false;
let recording = false;
/**
 * The desk's rule under a policy. With `agent`, a suggestion is what the inbox makes of it: an agent who knows
 * the answer merges a right one with one click and dismisses a wrong one (the request stays a new incident).
 */
const deskRule = (policy: DedupPolicy = DEFAULT_DEDUP_POLICY, agent = false, offers: Offers = { suggestions: 0, right: 0 }): Rule => (req, open) => {
  const candidates = candidatesOf(open, withSites);
  const request = requestOf(req, withSites);
  const d = decide(request, candidates, policy);
  const best = d.best ? (open.find((c) => c.id === d.best!.incidentId) ?? null) : null;
  // A suggestion offers the best incident and those that fit it alike (rivals): the agent takes the right one.
  const offered = d.action === 'suggest' ? [d.best, ...d.rivals].map((s) => open.find((c) => c.id === s.incidentId)!) : [];
  const right = offered.find((c) => truthOf(c) === req.incident) ?? null;
  if (d.action === 'suggest') {
    offers.suggestions++;
    if (right) offers.right++;
  }
  if (loud && verbose && d.best && d.best.score > 0) console.log(`${req.id} ${d.action} ${d.best.incidentId} ${d.best.score} ${d.best.reasons.join('; ')}`);
  const joined = d.action === 'join' ? best : agent ? right : null;
  if (recording) recordError(req, request, joined, open, candidates, d.action);
  return joined;
};

/** --errors: what went wrong with one request, against the labels (see the header). The set being scored's requests. */
let byId = new Map(data.requests.map((r) => [r.id, r]));
const oneLine = (t: string, max = 220) => (t.replace(/\s+/g, ' ').trim().slice(0, max) + (t.length > max ? '…' : ''));
const clusterTexts = (c: Cluster) => c.requestIds.map((id) => `      ${id} [${byId.get(id)!.incident} ${byId.get(id)!.contact}] ${oneLine(textOf(byId.get(id)!))}`).join('\n');
/** The true incident a cluster holds most requests of. */
const truthOf = (c: Cluster) => {
  const n = new Map<string, number>();
  for (const id of c.requestIds) n.set(byId.get(id)!.incident, (n.get(byId.get(id)!.incident) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0]![0];
};
function recordError(req: Dataset['requests'][number], request: Parameters<typeof decide>[0], joined: Cluster | null, open: readonly Cluster[], candidates: DedupIncident[], action: string) {
  const home = open.filter((c) => c.requestIds.some((id) => byId.get(id)!.incident === req.incident)).sort((a, b) => b.requestIds.filter((id) => byId.get(id)!.incident === req.incident).length - a.requestIds.filter((id) => byId.get(id)!.incident === req.incident).length)[0];
  const gist = gistOf(request.text);
  const against = (c: Cluster) => {
    const s = scoreAgainst(request, gist, candidates.find((x) => x.id === c.id)!);
    return `${s.score} (${s.reasons.join('; ')})`;
  };
  const head = `${req.id} [${req.incident} ${req.customer} ${req.contact} ${req.locale} ${req.channel} ${req.at}] ${oneLine(textOf(req), 400)}`;
  if (joined && truthOf(joined) !== req.incident) {
    errors.push(`FALSE JOIN ${head}\n    joined ${joined.id} (${truthOf(joined)}) ${against(joined)}\n${clusterTexts(joined)}` + (home ? `\n    its own ${home.id}: ${against(home)}` : ''));
  } else if (home && joined !== home) {
    errors.push(`MISSED (${action}) ${head}\n    should join ${home.id} (${req.incident}) ${against(home)}\n${clusterTexts(home)}`);
  }
}

/** One set's figures: the desk rule on the whole set and on each language alone, the baseline, suggestions, time. */
interface Figures {
  file: string;
  set: Dataset;
  desk: Scores;
  byLocale: { locale: string; scores: Scores }[];
  base: Scores;
  offered: number;
  /** Of the offered, those of the right incident. */
  offeredRight: number;
  /** With an agent who merges the right suggestions and dismisses the wrong ones. */
  assisted: Scores;
  /** The rule's figures at other join thresholds (suggestAt unchanged); not for the sealed set. */
  curve: { joinAt: number; scores: Scores }[];
  ms: number;
  met: boolean;
}
/** The join thresholds of the operating curve: the default among them. */
const CURVE = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];
/**
 * Scores a set; `main` lets its decisions go to --verbose (all its runs) and --errors (the whole-set run). The
 * operating curve only where `curve`: a set that judges the rule (the sealed one) must not help choose its thresholds.
 */
function measure(file: string, set: Dataset, main: boolean, record = main && listErrors, curve = true): Figures {
  loud = main;
  byId = new Map(set.requests.map((r) => [r.id, r]));
  errors.length = 0;
  recording = record;
  const offers: Offers = { suggestions: 0, right: 0 };
  const started = performance.now();
  const deskScores = pairScores(set, replay(set, deskRule(DEFAULT_DEDUP_POLICY, false, offers), grow));
  const ms = performance.now() - started;
  recording = false;
  // The same rule on each language alone (requests of the other languages left out).
  const byLocale = ['es', 'en', 'ro'].map((locale) => {
    const part: Dataset = { ...set, requests: set.requests.filter((r) => r.locale === locale) };
    return { locale, scores: pairScores(part, replay(part, deskRule(), grow)) };
  });
  loud = false;
  const assisted = pairScores(set, replay(set, deskRule(DEFAULT_DEDUP_POLICY, true), grow));
  // The default threshold's point is the run above.
  const at = (joinAt: number) => (joinAt === DEFAULT_DEDUP_POLICY.joinAt ? deskScores : pairScores(set, replay(set, deskRule({ ...DEFAULT_DEDUP_POLICY, joinAt }), grow)));
  const points = curve ? CURVE.map((joinAt) => ({ joinAt, scores: at(joinAt) })) : [];
  const base = pairScores(set, replay(set, baseline));
  const met = deskScores.precision >= TARGETS.precisionMin && deskScores.f1 >= TARGETS.f1Min;
  return { file, set, desk: deskScores, byLocale, base, offered: offers.suggestions, offeredRight: offers.right, assisted, curve: points, ms, met };
}

const f = (n: number) => n.toFixed(3);
const line = (name: string, s: Scores) => `  ${name.padEnd(34)} precision ${f(s.precision)}  recall ${f(s.recall)}  F1 ${f(s.f1)}  (${s.correctPairs}/${s.predictedPairs} pairs right, ${s.incidents} incidents)`;
const incidentsOf = (set: Dataset) => new Set(set.requests.map((r) => r.incident)).size;
const size = (set: Dataset, s: Scores) => `${set.requests.length} labelled requests, ${incidentsOf(set)} incidents, ${s.truePairs} duplicate pairs`;
function report(head: string, x: Figures, verdict: string) {
  console.log(head);
  console.log(line('desk rule (domain/dedup)', x.desk));
  for (const { locale, scores } of x.byLocale) console.log(line(`  ${locale} requests only`, scores));
  console.log(line('baseline: same customer within 72 h', x.base));
  console.log(`  targets                            precision >= ${TARGETS.precisionMin}, F1 >= ${TARGETS.f1Min}: ${verdict}`);
  console.log(`  offered to an agent                ${x.offered} request(s) between suggestAt ${DEFAULT_DEDUP_POLICY.suggestAt} and joinAt ${DEFAULT_DEDUP_POLICY.joinAt}, or fitting two incidents alike (counted as not joined), ${x.offeredRight} of them offering the right incident`);
  console.log(line('with the agent\'s one-click merges', x.assisted));
  if (x.curve.length > 0) {
    const row = (name: string, pick: (s: Scores) => string) => `    ${name.padEnd(10)}${x.curve.map((p) => pick(p.scores).padStart(7)).join('')}`;
    console.log(`  operating curve (join threshold; suggestAt ${DEFAULT_DEDUP_POLICY.suggestAt}, no agent)`);
    console.log(`    ${'joinAt'.padEnd(10)}${x.curve.map((p) => `${p.joinAt === DEFAULT_DEDUP_POLICY.joinAt ? '*' : ''}${p.joinAt.toFixed(2)}`.padStart(7)).join('')}`);
    console.log(row('precision', (s) => f(s.precision)));
    console.log(row('recall', (s) => f(s.recall)));
    console.log(row('F1', (s) => f(s.f1)));
  }
  console.log(`  decision time                      ${(x.ms / x.set.requests.length).toFixed(3)} ms per request (in memory, all candidates scored)`);
}

const main = measure('bench/dedup/dataset.json', data, true);
console.log(withSites ? 'service addresses: passed to the rule (siteKeyOf), as the desk does; --no-sites leaves them out\n' : 'service addresses: left out (--no-sites)\n');
report(`Switchboard duplicate detection — ${size(data, main.desk)}`, main, main.met ? 'OK' : 'MISSED');
const mainErrors = [...errors];
// The sets written without reading the rule, each checked on load like the main set: the same figures, for information
// (the targets are judged on the set above). The unseen sets are used for tuning: their mistakes are listed with
// --errors-unseen. The judging sets' decisions never are, so that they stay unseen by whoever tunes the rule;
// --no-sealed leaves them out altogether.
const judging = !process.argv.includes('--no-sealed');
const others = [
  { key: 'holdout', label: 'unseen set', file: 'bench/dedup/holdout.json', tuning: true },
  { key: 'holdout2', label: 'second unseen set', file: 'bench/dedup/holdout2.json', tuning: true },
  { key: 'holdout3', label: 'third unseen set', file: 'bench/dedup/holdout3.json', tuning: true },
  ...(judging ? [{ key: 'holdout4', label: 'fourth unseen set, judging only', file: 'bench/dedup/holdout4.json', tuning: false }] : []),
  ...(judging ? [{ key: 'sealed', label: 'sealed set, judging only', file: 'bench/dedup/sealed.json', tuning: false }] : []),
].filter(({ file }) => existsSync(join(root, file))).map(({ key, label, file, tuning }) => {
  const x = measure(file, loadDataset(join(root, file)), false, tuning && listUnseenErrors, tuning);
  report(`\n${label} (${file}) — ${size(x.set, x.desk)} (for information)`, x, `${x.met ? 'met' : 'not met'} (for information; judged on the main set)`);
  if (tuning && listUnseenErrors) printErrors(`${label}`, errors);
  return { key, x };
});

const resultsFile = resultsPath(root, 'dedup-latest.json');
const setFigures = (x: Figures) =>
  ({ file: x.file, requests: x.set.requests.length, incidents: incidentsOf(x.set), desk: x.desk, byLocale: Object.fromEntries(x.byLocale.map((p) => [p.locale, p.scores])), baseline: x.base, offered: x.offered, offeredRight: x.offeredRight, assisted: x.assisted,
    ...(x.curve.length > 0 ? { curve: x.curve.map((p) => ({ joinAt: p.joinAt, precision: p.scores.precision, recall: p.scores.recall, f1: p.scores.f1 })) } : {}) });
mkdirSync(dirname(resultsFile), { recursive: true });
writeFileSync(resultsFile, `${JSON.stringify({
  finishedAt: new Date().toISOString(), environment: environment(root), targets: TARGETS, targetsMet: main.met, policy: DEFAULT_DEDUP_POLICY, siteAddresses: withSites,
  main: setFigures(main),
  ...Object.fromEntries(others.map(({ key, x }) => [key, { ...setFigures(x), targetsMet: x.met }])),
}, null, 2)}\n`);
console.log(`\nfigures written to ${relative(root, resultsFile)}`);
if (listErrors) printErrors('the whole main set', mainErrors);
function printErrors(where: string, list: readonly string[]) {
  console.log(`\nErrors of the desk rule on ${where}: ${list.filter((e) => e.startsWith('FALSE')).length} false join(s), ${list.filter((e) => e.startsWith('MISSED')).length} missed join(s)`);
  for (const e of list) console.log(`\n${e}`);
}
