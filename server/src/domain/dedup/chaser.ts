/**
 * A chaser names no problem ("¿vienen hoy?", "what time is the plumber coming?", "mai durează?"): it
 * belongs to an open incident of the sender or the customer, and which one is decided among them, not by
 * its words. Pure.
 */
import type { DedupIncident, DedupPolicy, DedupScore } from './score.js';
import type { RequestGist } from './text.js';

/** Short, about nothing but the wait: no equipment, symptom beyond "no", room, place, second problem or bill. */
export function isChaser(g: RequestGist): boolean {
  return g.followUp && g.length <= 30 && g.equipment.size === 0 && [...g.symptoms].every((s) => s === 'nofunction') && g.rooms.size === 0 && g.places.size === 0 && !g.anotherProblem && !g.billing;
}

export interface Scored {
  score: DedupScore;
  incident: DedupIncident;
  policy: DedupPolicy;
}

/**
 * Among the plausible candidates (scored above zero: same customer, in the window): the only one; else the
 * only one a visit was booked for; else the latest when it is clearly the only one active (the others
 * quiet a day longer). That one is joined; with no such one, a chaser is at most a suggestion.
 */
export function settleChaser(scored: readonly Scored[]): void {
  const plausible = scored.filter((s) => s.score.score > 0);
  if (plausible.length === 0) return;
  const raise = (s: Scored, reason: string) => {
    s.score.score = Math.max(s.score.score, s.policy.joinAt);
    s.score.reasons.push(reason);
  };
  if (plausible.length === 1) return raise(plausible[0]!, 'the only open incident');
  const booked = plausible.filter((s) => s.incident.gist.visitBooked);
  if (booked.length === 1) return raise(booked[0]!, 'the only open incident with a visit booked');
  const byLatest = [...plausible].sort((a, b) => b.incident.lastAt.getTime() - a.incident.lastAt.getTime());
  if (byLatest[0]!.incident.lastAt.getTime() - byLatest[1]!.incident.lastAt.getTime() >= 24 * 3_600_000) return raise(byLatest[0]!, 'the only recently active incident');
  for (const s of plausible) {
    if (s.score.score > s.policy.suggestAt) {
      s.score.score = s.policy.suggestAt;
      s.score.reasons.push('several open incidents');
    }
  }
}
