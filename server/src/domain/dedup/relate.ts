/** How the equipment of a request and of an incident relate: the same, related (an agent decides), other. Pure. */
import { PARTS, SUPPLIES } from './equipment.js';
import type { RequestGist } from './gist.js';

export type EquipmentRelation =
  /** One of them names no equipment. */
  | { kind: 'unknown' }
  | { kind: 'same'; common: string[] }
  /** Different equipment that could be one fault: at most a suggestion. */
  | { kind: 'related'; reason: string }
  | { kind: 'other'; reason: string };

const list = (s: Iterable<string>) => [...s].join(', ');

export function relateEquipment(mine: RequestGist, theirs: RequestGist): EquipmentRelation {
  if (mine.equipment.size === 0 || theirs.equipment.size === 0) return { kind: 'unknown' };
  const common = [...mine.equipment].filter((e) => theirs.equipment.has(e));
  const specific = (g: RequestGist) => [...g.equipment].filter((e) => !SUPPLIES.includes(e));
  const [a, b] = [specific(mine), specific(theirs)];
  const vs = `${list(mine.equipment)} vs ${list(theirs.equipment)}`;
  if (common.some((e) => !SUPPLIES.includes(e))) return { kind: 'same', common };
  if (common.length > 0) {
    // Only a supply in common: two pieces of equipment on it ("the lift has no power", "the lights have no power").
    if (a.length > 0 && b.length > 0) return { kind: 'related', reason: `other equipment on one supply (${vs})` };
    // A power cut and what it stopped: related, not one fault by itself.
    if (common.includes('power') && a.length + b.length > 0) return { kind: 'related', reason: `a power cut and what it stopped (${vs})` };
    return { kind: 'same', common };
  }
  const families = [...mine.families].filter((f) => theirs.families.has(f));
  if (families.length > 0) return { kind: 'related', reason: `related equipment (${families.join(', ')})` };
  // One names only a part ("el ventilador") of a machine the other names.
  const partOf = (parts: RequestGist, whole: RequestGist) => [...parts.equipment].every((p) => PARTS[p]?.some((m) => whole.equipment.has(m)));
  if (partOf(mine, theirs) || partOf(theirs, mine)) return { kind: 'related', reason: `a part of the other's equipment (${vs})` };
  return { kind: 'other', reason: `other equipment (${vs})` };
}
