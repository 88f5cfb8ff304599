/** Evidence from where a request and an incident are: their service addresses, and the places and rooms their texts name. Pure. */
import type { SiteRelation } from './site.js';
import { overlaps, type RequestGist } from './gist.js';

/**
 * What the evidence of where says: its score; whether it speaks `against` (another place, room, unit or
 * address); whether it told `where` at all finer than one address (a building, a floor, a room, a unit).
 */
export interface WhereEvidence {
  score: number;
  against: boolean;
  where: boolean;
}

/** The structured service addresses: the same one counts for, another one (of the same customer) against. */
export function siteScore(site: SiteRelation | null, sameCustomer: boolean, reasons: string[], mine?: string | null, theirs?: string | null): WhereEvidence {
  switch (site) {
    case 'same':
      reasons.push('same service address');
      return { score: 0.1, against: false, where: false };
    case 'building':
      reasons.push('same building');
      return { score: 0.05, against: false, where: true };
    case 'other-unit':
      reasons.push(`another unit at the address (${mine} vs ${theirs})`);
      return { score: sameCustomer ? -0.3 : 0, against: true, where: true };
    case 'other':
      reasons.push(`another service address (${mine} vs ${theirs})`);
      return { score: -0.4, against: true, where: true };
    default:
      return { score: 0, against: false, where: false };
  }
}

/** Equipment that serves every floor: the floor named with it is where it stopped or who called, not which one it is. */
const FLOORLESS = ['lift', 'escalator'];
/**
 * Places and rooms named in the texts: the same one counts for, only different ones against. Another
 * building or staircase of the customer (`otherUnit`) leaves the decision to an agent.
 */
export function placeScore(mine: RequestGist, theirs: RequestGist, reasons: string[], common: readonly string[]): WhereEvidence & { otherUnit: boolean } {
  let score = 0;
  let otherUnit = false;
  let against = false;
  let where = false;
  for (const level of ['site', 'building', 'staircase', 'floor', 'unit']) {
    if (level === 'floor' && common.some((e) => FLOORLESS.includes(e))) continue;
    const a = new Set([...mine.places].filter((p) => p.startsWith(`${level}:`)));
    const b = new Set([...theirs.places].filter((p) => p.startsWith(`${level}:`)));
    if (a.size === 0 || b.size === 0) continue;
    where = true;
    if (overlaps(a, b)) {
      score += 0.05;
      reasons.push(`same ${level}`);
    } else {
      score -= 0.3;
      against = true;
      if (level === 'building' || level === 'staircase') otherUnit = true;
      reasons.push(`another ${level} (${[...a].join(', ')} vs ${[...b].join(', ')})`);
    }
  }
  if (mine.rooms.size > 0 && theirs.rooms.size > 0) {
    where = true;
    const same = [...mine.rooms].filter((r) => theirs.rooms.has(r));
    if (same.length > 0) {
      score += 0.1;
      reasons.push(`same room (${same.join(', ')})`);
    } else {
      score -= 0.1;
      against = true;
      reasons.push(`another room (${[...mine.rooms].join(', ')} vs ${[...theirs.rooms].join(', ')})`);
    }
  }
  return { score, otherUnit, against, where };
}
