/**
 * Replays the labelled requests in time order through a duplicate rule, as the desk would meet them, and
 * scores the incidents it made against the labels: pairwise precision (of the pairs it put together, how
 * many belong together), recall (of the pairs that belong together, how many it put together) and F1.
 */
import type { RequestGist } from '../../server/src/domain/dedup/index.js';

export interface Dataset {
  customers: { id: string; contacts: { id: string }[] }[];
  requests: { id: string; incident: string; customer: string; contact: string; channel: string; locale: string; at: string; subject?: string; text: string }[];
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  incidents: number;
}

/** A rule: the incident (of those made so far) a request joins, or null for a new one. */
export type Rule = (req: Dataset['requests'][number], open: readonly Cluster[]) => Cluster | null;

export interface Cluster {
  id: string;
  customerId: string;
  contactIds: string[];
  lastAt: Date;
  requestIds: string[];
  gist?: RequestGist;
}

export function replay(data: Dataset, rule: Rule, onJoin: (c: Cluster, req: Dataset['requests'][number]) => void = () => {}): Map<string, string> {
  const clusters: Cluster[] = [];
  const assigned = new Map<string, string>();
  for (const req of [...data.requests].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))) {
    const target = rule(req, clusters);
    const at = new Date(req.at);
    if (target) {
      target.requestIds.push(req.id);
      if (!target.contactIds.includes(req.contact)) target.contactIds.push(req.contact);
      target.lastAt = at > target.lastAt ? at : target.lastAt;
      onJoin(target, req);
      assigned.set(req.id, target.id);
    } else {
      const c: Cluster = { id: `p${clusters.length + 1}`, customerId: req.customer, contactIds: [req.contact], lastAt: at, requestIds: [req.id] };
      clusters.push(c);
      onJoin(c, req);
      assigned.set(req.id, c.id);
    }
  }
  return assigned;
}

export function pairScores(data: Dataset, assigned: Map<string, string>): Scores {
  const truth = new Map(data.requests.map((r) => [r.id, r.incident]));
  const ids = data.requests.map((r) => r.id);
  let truePairs = 0;
  let predictedPairs = 0;
  let correctPairs = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const same = truth.get(ids[i]!) === truth.get(ids[j]!);
      const together = assigned.get(ids[i]!) === assigned.get(ids[j]!);
      if (same) truePairs++;
      if (together) predictedPairs++;
      if (same && together) correctPairs++;
    }
  }
  const precision = predictedPairs ? correctPairs / predictedPairs : 1;
  const recall = truePairs ? correctPairs / truePairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, truePairs, predictedPairs, correctPairs, incidents: new Set(assigned.values()).size };
}
