/**
 * A chaser names no problem ("¿vienen hoy?", "what time is the plumber coming?", "mai durează?"): it
 * belongs to an open incident of the sender or the customer, and which one is decided among them, not by
 * its words. Pure.
 */
import type { DedupIncident, DedupPolicy, DedupScore } from './score.js';
import type { RequestGist } from './gist.js';

/**
 * Short, and nothing in it tells it from an open incident: no equipment, symptom beyond "no", room,
 * place, numbered thing ("masina 3"), second problem or bill. Whether it asks after the wait in words the vocabulary knows ("any
 * news?") or not ("seguimos igual", "hello??", "still nothing here"): what it is about is decided among
 * the open incidents, not by its words.
 */
export function isChaser(g: RequestGist): boolean {
  return g.length <= 30 && g.equipment.size === 0 && [...g.symptoms].every((s) => s === 'nofunction') && g.rooms.size === 0 && g.places.size === 0 && g.numbered.size === 0 && !g.anotherProblem && !g.billing && !freshFault(g);
}

/**
 * "El dosificador no va", "the hatch won't shut": it says something does not work, in words the vocabulary
 * does not know, and nothing in it asks after a report or says it goes on ("still", "any news?", "again",
 * "has the plumber arrived?"). That is a report, not a chaser: which open incident, if any, it belongs to
 * is for an agent, however few incidents are open.
 */
function freshFault(g: RequestGist): boolean {
  return g.symptoms.has('nofunction') && !g.followUp && !g.refersBack && !g.again && !g.visitBooked && !g.resolved;
}

/** A visit is on for the incident: its texts announced one, or the desk sent a technician who confirmed. */
export const visitOn = (incident: DedupIncident) => incident.gist.visitBooked || incident.technicianConfirmed === true;

export interface Scored {
  score: DedupScore;
  incident: DedupIncident;
  policy: DedupPolicy;
  /** Chosen among the open incidents by what the request is (a chaser, a report in unknown words), not by its words. */
  settled?: boolean;
}

/**
 * Among the plausible candidates (scored above zero: same customer, in the window): the only one; else the
 * only one a visit was booked for (in its texts; for a chaser about the technician, also by the desk: one
 * confirmed its service order); else, for a chaser that asks after the wait in words the vocabulary knows
 * (gist.followUp), the sender's only one; else the latest when it is clearly the only one active (the
 * others quiet a day longer). That one is joined; with no such one, a chaser is at most a suggestion.
 */
export function settleChaser(scored: readonly Scored[], chaser: RequestGist, senderId: string): void {
  const plausible = scored.filter((s) => s.score.score > 0);
  if (plausible.length === 0) return;
  const raise = (s: Scored, reason: string) => {
    s.score.score = Math.max(s.score.score, s.policy.joinAt);
    s.score.reasons.push(reason);
    s.settled = true;
  };
  if (plausible.length === 1) return raise(plausible[0]!, 'the only open incident');
  // "Any news?" says nothing of a visit: only one the texts announced counts for it. "Is your engineer on his
  // way?" asks after the one the desk sent.
  const booked = plausible.filter((s) => (chaser.asksVisit ? visitOn(s.incident) : s.incident.gist.visitBooked));
  if (booked.length === 1) {
    raise(booked[0]!, 'the only open incident with a visit booked');
    // A chaser about the technician is about the visit, whatever the others scored by its words.
    if (chaser.asksVisit) for (const o of plausible) if (o !== booked[0]) o.score.score = Math.min(o.score.score, o.policy.suggestAt);
    return;
  }
  const own = ownOf(plausible, senderId);
  // One that asks after the wait in so many words ("any news?") asks after the sender's own report.
  if (chaser.followUp && own.length === 1) return raise(own[0]!, 'the sender’s only open incident');
  const byLatest = [...plausible].sort((a, b) => b.incident.lastAt.getTime() - a.incident.lastAt.getTime());
  if (byLatest[0]!.incident.lastAt.getTime() - byLatest[1]!.incident.lastAt.getTime() >= 24 * 3_600_000) return raise(byLatest[0]!, 'the only recently active incident');
  for (const s of plausible) {
    if (s.score.score > s.policy.suggestAt) {
      s.score.score = s.policy.suggestAt;
      s.score.reasons.push('several open incidents');
    }
  }
}

/** The candidates the sender wrote to themselves. */
const ownOf = (scored: readonly Scored[], senderId: string) => scored.filter((s) => s.incident.contactIds.includes(senderId));


/**
 * A request that names no equipment the vocabulary knows, is no chaser, and says it continues a report
 * ("the unit by the door is still warm, customers are complaining"; the caller checks gist.refersBack or
 * followUp): with one plausible open incident of the customer and nothing said against it, that is the one
 * it is about. Otherwise its score stands: with several open, which one its unknown words are about is for
 * an agent (the sender's own one is no better a guess than a colleague's), and so is a fresh report in
 * unknown words ("se oye un ruido raro en el pasillo").
 */
export function settleUnnamed(scored: readonly Scored[]): void {
  const plausible = scored.filter((s) => s.score.score > 0);
  const only = plausible.length === 1 ? plausible[0]! : null;
  if (!only || only.score.against) return;
  only.score.score = Math.max(only.score.score, only.policy.joinAt);
  only.score.reasons.push('names no known equipment, the only open incident');
  only.settled = true;
}
