/**
 * Is a new request about a problem the desk already has open? A score in [0, 1] against each open incident
 * of the same customer (or contact) within the policy's window, and a decision: join the best above
 * `joinAt`, suggest it to the agent above `suggestAt`, else a new incident. Explainable: each score comes
 * with its reasons. Pure.
 *
 * The rules, strongest first: never across customers; never a bill or quote with a fault; never two
 * different pieces of equipment; the same equipment counts most, then the same symptom, the same sender,
 * time close together and plain text similarity. A follow-up that names no problem ("any news?") belongs
 * to the sender's latest open request.
 */
import { gistOf, jaccard, overlaps, type RequestGist } from './text.js';

export interface DedupPolicy {
  /** How far back an open incident is compared (hours since its last request). */
  windowHours: number;
  joinAt: number;
  suggestAt: number;
}

export const DEFAULT_DEDUP_POLICY: DedupPolicy = { windowHours: 120, joinAt: 0.6, suggestAt: 0.45 };

export interface DedupRequest {
  contactId: string;
  customerId: string | null;
  at: Date;
  text: string;
}

/** An open incident as the rules see it: who wrote, when, and what its requests were about (merged). */
export interface DedupIncident {
  id: string;
  contactIds: readonly string[];
  customerId: string | null;
  lastAt: Date;
  gist: RequestGist;
}

export interface DedupScore {
  incidentId: string;
  score: number;
  reasons: string[];
}

export type DedupDecision = { action: 'join' | 'suggest'; best: DedupScore } | { action: 'new'; best: DedupScore | null };

export function scoreAgainst(req: DedupRequest, gist: RequestGist, incident: DedupIncident, policy: DedupPolicy = DEFAULT_DEDUP_POLICY): DedupScore {
  const out = (reason: string): DedupScore => ({ incidentId: incident.id, score: 0, reasons: [reason] });
  const sameContact = incident.contactIds.includes(req.contactId);
  if (!sameContact && (req.customerId === null || req.customerId !== incident.customerId)) return out('another customer');
  const hours = (req.at.getTime() - incident.lastAt.getTime()) / 3_600_000;
  if (hours > policy.windowHours || hours < -policy.windowHours) return out('outside the window');
  if (gist.billing !== incident.gist.billing) return out(gist.billing ? 'a bill or quote, not a fault' : 'a fault, not a bill or quote');
  const known = gist.equipment.size > 0 && incident.gist.equipment.size > 0;
  if (known && !overlaps(gist.families, incident.gist.families)) return out(`other equipment (${[...gist.equipment].join(', ')} vs ${[...incident.gist.equipment].join(', ')})`);

  const reasons: string[] = [];
  let score = 0;
  if (known && overlaps(gist.equipment, incident.gist.equipment)) {
    score += 0.45;
    reasons.push(`same equipment (${[...gist.equipment].filter((e) => incident.gist.equipment.has(e)).join(', ')})`);
  } else if (known) {
    score += 0.3;
    reasons.push(`related equipment (${[...gist.families].filter((f) => incident.gist.families.has(f)).join(', ')})`);
  } else if (gist.followUp && gist.equipment.size === 0) {
    score += 0.4;
    reasons.push('a follow-up naming no equipment');
  } else score += 0.15;
  if (overlaps(gist.symptoms, incident.gist.symptoms)) {
    score += 0.15;
    reasons.push('same symptom');
  }
  if (sameContact) {
    score += 0.15;
    reasons.push('same sender');
  } else reasons.push('same customer');
  for (const level of ['site', 'unit']) {
    const mine = new Set([...gist.places].filter((p) => p.startsWith(`${level}:`)));
    const theirs = new Set([...incident.gist.places].filter((p) => p.startsWith(`${level}:`)));
    if (mine.size === 0 || theirs.size === 0) continue;
    if (overlaps(mine, theirs)) {
      score += 0.05;
      reasons.push(`same ${level}`);
    } else {
      score -= 0.3;
      reasons.push(`another ${level} (${[...mine].join(', ')} vs ${[...theirs].join(', ')})`);
    }
  }
  if (gist.refersBack) {
    score += 0.1;
    reasons.push('says it was reported before');
  }
  if (gist.anotherProblem) {
    score -= 0.35;
    reasons.push('brings up another problem');
  }
  const closeness = Math.max(0, 1 - Math.abs(hours) / policy.windowHours);
  score += 0.1 * closeness;
  const text = Math.min(1, 2.5 * jaccard(gist.trigrams, incident.gist.trigrams));
  score += 0.15 * text;
  if (text > 0.5) reasons.push('similar wording');
  return { incidentId: incident.id, score: Math.max(0, Math.round(score * 1000) / 1000), reasons };
}

/**
 * The best open incident for a request, and what to do with it. `policy` may differ per candidate (each
 * department sets its own window and thresholds): a candidate is scored and judged by its own.
 */
export function decide(req: DedupRequest, candidates: readonly DedupIncident[], policy: DedupPolicy | ((c: DedupIncident) => DedupPolicy) = DEFAULT_DEDUP_POLICY): DedupDecision {
  const gist = gistOf(req.text);
  const policyOf = typeof policy === 'function' ? policy : () => policy;
  let best: { score: DedupScore; at: number; policy: DedupPolicy } | null = null;
  for (const c of candidates) {
    const p = policyOf(c);
    const s = scoreAgainst(req, gist, c, p);
    // Equal scores: the most recently active incident.
    if (!best || s.score > best.score.score || (s.score === best.score.score && c.lastAt.getTime() > best.at)) best = { score: s, at: c.lastAt.getTime(), policy: p };
  }
  if (best && best.score.score >= best.policy.joinAt) return { action: 'join', best: best.score };
  if (best && best.score.score >= best.policy.suggestAt) return { action: 'suggest', best: best.score };
  return { action: 'new', best: best && best.score.score > 0 ? best.score : null };
}

/** An incident's gist grows with each request that joins it. */
export function mergeGist(a: RequestGist, b: RequestGist): RequestGist {
  return {
    equipment: new Set([...a.equipment, ...b.equipment]),
    families: new Set([...a.families, ...b.families]),
    places: new Set([...a.places, ...b.places]),
    symptoms: new Set([...a.symptoms, ...b.symptoms]),
    billing: a.billing || b.billing,
    followUp: a.followUp && b.followUp,
    anotherProblem: a.anotherProblem && b.anotherProblem,
    refersBack: a.refersBack && b.refersBack,
    trigrams: new Set([...a.trigrams, ...b.trigrams]),
  };
}
