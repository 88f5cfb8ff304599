/**
 * An experiment, not part of `npm run bench`: would a learned combination of the rule's own evidence do better
 * than its hand-set weights? Each decision's candidates are described by the rule's reasons (one feature each,
 * their parentheses dropped) and its score; a logistic regression is fitted on all tuning sets but one and judged
 * on that one (leave one set out), so no set judges weights fitted on it. Two ways to use it:
 *   - learned: join the most likely candidate when its probability reaches t;
 *   - hybrid: the rule's joins stand, and a request the rule would not join joins when the model says p >= t
 *     (what the inbox's "possible duplicate" band would become).
 * The judging sets (holdout4, sealed) are never read here.
 *
 *   npx tsc -p tsconfig.bench.json && node dist-bench/bench/dedup/learned.js
 *
 * 2026-12-03 (rule of 239052e), precision / recall / F1:
 *   holdout   rule 0.993/0.836/0.908  hybrid t0.9 0.932/0.871/0.900  t0.95 0.953/0.865/0.907
 *   holdout2  rule 0.990/0.885/0.935  hybrid t0.9 0.990/0.885/0.935  t0.95 0.990/0.885/0.935
 *   holdout3  rule 0.914/0.741/0.819  hybrid t0.9 0.931/0.783/0.851  t0.95 0.929/0.758/0.834
 * Learned alone trades precision for recall (holdout3 0.881/0.809/0.843 at t0.7, holdout 0.928/0.856/0.891).
 */
import { join } from 'node:path';
import { DEFAULT_DEDUP_POLICY, decide, gistOf, mergeGist, scoreAgainst, siteKeyOf, type DedupIncident } from '../../server/src/domain/dedup/index.js';
import { loadDataset, pairScores, replay, type Cluster, type Dataset, type Rule, type Scores } from './evaluate.js';

type Request = Dataset['requests'][number];
type Features = Record<string, number>;

const root = process.cwd();
const textOf = (r: Request) => `${r.subject ?? ''}\n${r.text}`;
const grow = (c: Cluster, req: Request) => void (c.gist = c.gist ? mergeGist(c.gist, gistOf(textOf(req))) : gistOf(textOf(req)));
const candidatesOf = (open: readonly Cluster[]): DedupIncident[] => open.map((c) => ({ id: c.id, contactIds: c.contactIds, customerId: c.customerId, siteKey: c.siteKey, lastAt: c.lastAt, gist: c.gist! }));
const requestOf = (r: Request) => ({ contactId: r.contact, customerId: r.customer, siteKey: siteKeyOf(r.siteAddress), at: new Date(r.at), text: textOf(r) });
const ruleDecision = (r: Request, open: readonly Cluster[]) => decide(requestOf(r), candidatesOf(open), DEFAULT_DEDUP_POLICY);

/** Each plausible candidate with its features: the rule's reasons (as settled by decide for its best) and score. */
function featuresOf(r: Request, open: readonly Cluster[]): { cluster: Cluster; f: Features }[] {
  const candidates = candidatesOf(open);
  const request = requestOf(r);
  const gist = gistOf(request.text);
  const d = decide(request, candidates, DEFAULT_DEDUP_POLICY);
  const out: { cluster: Cluster; f: Features }[] = [];
  candidates.forEach((c, i) => {
    const s = scoreAgainst(request, gist, c, DEFAULT_DEDUP_POLICY);
    if (s.score <= 0) return;
    const settled = d.best?.incidentId === c.id ? d.best : s;
    const f: Features = { bias: 1, score: Math.min(1.5, settled.score), candidates: Math.min(5, candidates.length) / 5 };
    for (const reason of settled.reasons) f[`r:${reason.replace(/\s*\(.*$/, '').trim()}`] = 1;
    out.push({ cluster: open[i]!, f });
  });
  return out;
}

/** The true incident a cluster holds most requests of. */
const truthIn = (set: Dataset) => {
  const incident = new Map(set.requests.map((r) => [r.id, r.incident]));
  return (c: Cluster) => {
    const n = new Map<string, number>();
    for (const id of c.requestIds) n.set(incident.get(id)!, (n.get(incident.get(id)!) ?? 0) + 1);
    return [...n].sort((a, b) => b[1] - a[1])[0]![0];
  };
};

/** Training examples: every plausible candidate of every request, as the rule builds the clusters. */
function examplesOf(set: Dataset): { f: Features; y: number }[] {
  const truth = truthIn(set);
  const out: { f: Features; y: number }[] = [];
  const rule: Rule = (r, open) => {
    for (const { cluster, f } of featuresOf(r, open)) out.push({ f, y: truth(cluster) === r.incident ? 1 : 0 });
    const d = ruleDecision(r, open);
    return d.action === 'join' ? (open.find((c) => c.id === d.best.incidentId) ?? null) : null;
  };
  replay(set, rule, grow);
  return out;
}

const probability = (w: Features, f: Features) => 1 / (1 + Math.exp(-Object.entries(f).reduce((z, [k, v]) => z + (w[k] ?? 0) * v, 0)));

/** Logistic regression by plain stochastic gradient descent with a little L2. */
function fit(examples: { f: Features; y: number }[], epochs = 300, rate = 0.1, l2 = 0.001): Features {
  const w: Features = {};
  for (let e = 0; e < epochs; e++) {
    for (const { f, y } of examples) {
      const g = probability(w, f) - y;
      for (const [k, v] of Object.entries(f)) w[k] = (w[k] ?? 0) - rate * (g * v + l2 * (w[k] ?? 0));
    }
  }
  return w;
}

function judged(set: Dataset, w: Features, t: number, hybrid: boolean): Scores {
  const rule: Rule = (r, open) => {
    if (hybrid) {
      const d = ruleDecision(r, open);
      if (d.action === 'join') return open.find((c) => c.id === d.best.incidentId) ?? null;
    }
    let best: { cluster: Cluster; p: number } | null = null;
    for (const { cluster, f } of featuresOf(r, open)) {
      const p = probability(w, f);
      if (!best || p > best.p) best = { cluster, p };
    }
    return best && best.p >= t ? best.cluster : null;
  };
  return pairScores(set, replay(set, rule, grow));
}

const fmt = (s: Scores) => `${s.precision.toFixed(3)}/${s.recall.toFixed(3)}/${s.f1.toFixed(3)}`;
const names = ['dataset', 'holdout', 'holdout2', 'holdout3'];
const sets = Object.fromEntries(names.map((n) => [n, loadDataset(join(root, `bench/dedup/${n}.json`))])) as Record<string, Dataset>;
const examples = Object.fromEntries(names.map((n) => [n, examplesOf(sets[n]!)]));
for (const held of names.slice(1)) {
  const w = fit(names.filter((n) => n !== held).flatMap((n) => examples[n]!));
  const set = sets[held]!;
  const rule = pairScores(set, replay(set, (r, open) => { const d = ruleDecision(r, open); return d.action === 'join' ? (open.find((c) => c.id === d.best.incidentId) ?? null) : null; }, grow));
  const row = (hybrid: boolean, ts: number[]) => ts.map((t) => `t${t} ${fmt(judged(set, w, t, hybrid))}`).join('  ');
  console.log(`${held.padEnd(9)} rule ${fmt(rule)}\n          learned ${row(false, [0.5, 0.7, 0.8])}\n          hybrid  ${row(true, [0.8, 0.9, 0.95])}`);
}
