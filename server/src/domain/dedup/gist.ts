/** What a request is about, read from its text: equipment, symptoms, rooms, places and cues; and an incident's, merged. Pure. */
import {
  ANOTHER_PROBLEM,
  AGAIN,
  ANOTHER_PROBLEM_WEAK,
  ANOTHER_PROBLEM_AT_END,
  ARRIVED,
  BESIDES,
  CHANNEL_WORDS,
  FOLLOW_UP,
  NEGATIONS,
  REFERS_BACK,
  REPAIRED,
  RESOLVED,
  ROOMS,
  SYMPTOMS,
  VISIT_BOOKED,
  VISITOR,
  WORKING,
  type Vocabulary,
} from './vocabulary.js';
import { EQUIPMENT, FAMILIES, INCIDENTAL_EQUIPMENT, SUPPLIES } from './equipment.js';
import { blocksIn, equipmentUnits, numberedIn } from './units.js';
import { isBilling } from './billing.js';
import { newPartOf, unquoted } from './quoted.js';
import { matchTable, normalizeText, says, wordsOf, type Words } from './match.js';
import { lexiconOf, spellChecked } from './spelling.js';
import { clausesOf, placesInClause } from './text.js';
import { trigramsOf } from './similarity.js';
import { otherThanStarts, setsApart } from './contrast.js';
import { landmarkStarts } from './landmark.js';
import { causePositions } from './cause.js';

export interface RequestGist {
  equipment: Set<string>;
  /** The families of its equipment (thermal, network …). */
  families: Set<string>;
  /** Places it names: 'site:betis', 'floor:3', 'unit:b2' (see placesOf). */
  places: Set<string>;
  /** Rooms it names ('kitchen', 'hall', 'serverroom'). */
  rooms: Set<string>;
  /** Equipment it says works ("la calefacción funciona bien", "hot water fine"): not the problem. */
  working: Set<string>;
  symptoms: Set<string>;
  billing: boolean;
  followUp: boolean;
  /** It asks after the technician ("has the engineer left yet?") or says they came ("ya ha llegado el técnico"). */
  asksVisit: boolean;
  /** It brings up a second problem ("also, while your engineer is here"). */
  anotherProblem: boolean;
  /** The other problem's equipment, named in a "besides" clause ("además de lo del aire"): not what it is about. */
  aside: Set<string>;
  /** It says the problem was reported already ("my wife emailed you last night", "sigue sin…"). */
  refersBack: boolean;
  /** It says the problem is over ("ya funciona, gracias"); for an incident: its latest request did. */
  resolved: boolean;
  /** A visit was booked or announced ("Programat 11-12", "engineer booked 13:00"). */
  visitBooked: boolean;
  /** Units of its equipment ('lift:2', 'lift:small', see units.ts). */
  units: Set<string>;
  /** Numbered things the vocabulary does not know ('masin:3', 'bazin:3', see numberedIn). */
  numbered: Set<string>;
  /** It says the fault is back ("otra vez", "iar", "again"). */
  again: boolean;
  /** How many words it has (a chaser is short). */
  length: number;
  /** Character trigrams of its words, for a plain text similarity (similarity.ts); an incident's: of all its requests. */
  trigrams: Set<string>;
}

/**
 * What a request is about. Clauses that say something works ("West wing OK", "Internet va bien", "heating
 * OK", "Gazul merge la aragaz") are left out of its equipment, symptoms, rooms and places: they name what
 * is not the problem. When every equipment it names is in such a clause ("Ya funciona el aerotermo") it is
 * a resolution, and those clauses are what it is about.
 */
export function gistOf(text: string): RequestGist {
  const fresh = newPartOf(text);
  if (fresh === text) return readGist(text);
  // A reply or forward is about its new part; one that names no equipment ("see below", "any news on
  // this?") is about the message it quotes, read as part of it.
  const mine = readGist(fresh);
  return mine.equipment.size > 0 || mine.billing || mine.resolved ? mine : readGist(unquoted(text));
}

/** The words a slip is corrected to (spelling.ts): the one-word names of equipment and rooms. */
const LEXICON = lexiconOf(
  [EQUIPMENT, ROOMS]
    .flatMap((t) => Object.values(t).flat())
    .filter((entry) => !entry.includes(' '))
    .flatMap((token) => normalizeText(token.replace(/^=|\*$/g, '')).trim().split(' ').filter(Boolean).map((w) => (token.startsWith('=') ? `=${w}` : token.endsWith('*') ? `${w}*` : w))),
);

function readGist(text: string): RequestGist {
  const clauses = clausesOf(text);
  // One run of words for the whole text, clauses separated by a token no entry matches, so each table is
  // matched once and a phrase never spans two clauses; clauseAt tells where each word is.
  const parts = clauses.map((c) => spellChecked(wordsOf(c), LEXICON));
  const all: Words = { words: [], stems: [], keys: [] };
  const clauseAt: number[] = [];
  parts.forEach((w, c) => {
    if (c > 0) {
      all.words.push('§');
      all.stems.push('§');
      all.keys.push(BOUNDARY);
      clauseAt.push(-1);
    }
    all.words.push(...w.words);
    all.stems.push(...w.stems);
    all.keys.push(...w.keys);
    for (let i = 0; i < w.words.length; i++) clauseAt.push(c);
  });
  const byClause = (matches: readonly { concept: string; at: number }[], skip: ReadonlySet<number> = new Set()) => {
    const by = clauses.map(() => new Set<string>());
    for (const m of matches) if (!skip.has(m.at)) by[clauseAt[m.at]!]!.add(m.concept);
    return by;
  };
  const inClauses = (table: Vocabulary | readonly string[], skip?: ReadonlySet<number>) => byClause(matchTable(all, table), skip);
  // A clause says something works with working words ("va bien", "OK") or with a resolution ("ya va", "back on",
  // "a revenit"; read with the "again" words, longest first: "ha vuelto a pararse" is no resolution).
  const overOrAgain = inClauses(OVER_OR_AGAIN);
  const over = overOrAgain.map((s) => s.has('over'));
  // "Working again" is over, "stopped again" the fault back: the again words read with the resolutions.
  const againBy = overOrAgain.map((s) => s.has('again'));
  const working = inClauses(WORKING).map((s, c) => s.size > 0 || over[c]!);
  // "Ya funciona, era el calderín sin aire": in a message telling of a fix (or a visit), the cause found is a
  // part of what broke, and its state ("sin aire", "faulty", "spart") no fault of the request (cause.ts).
  // Working words negated ("no funciona", "nu merge") tell of no fix.
  const negatedAll = inClauses(NEGATIONS).map((s) => s.size > 0);
  const afterFix = says(all, REPAIRED) || says(all, ARRIVED) || working.some((w, c) => w && !negatedAll[c]!);
  const causes = afterFix ? causePositions(all) : new Set<number>();
  const symptomsBy = inClauses(SYMPTOMS, causes);
  // "The chest freezer by the till": the till says where, the freezer what (landmark.ts).
  const landmarks = landmarkStarts(all);
  // "Alta decât chillerul sălii mari", "other than the one in the house": the other problem's equipment (contrast.ts).
  const notNamed = new Set([...landmarks, ...otherThanStarts(all), ...causes]);
  const equipmentMatches = matchTable(all, EQUIPMENT);
  const equipmentBy = byClause(equipmentMatches, notNamed);
  const roomsBy = inClauses(ROOMS);
  const negated = inClauses(NEGATIONS, causes).map((s) => s.size > 0);
  // "Either" and "as well" only as a clause's last words ("not cooling either"; not "either morning or afternoon").
  // A trailing "though" is no more words ("blowing warm as well though").
  const endsAt = (i: number) => (all.words[i] ?? '§') === '§' || (['though', 'tho'].includes(all.words[i]!) && (all.words[i + 1] ?? '§') === '§');
  const atEnd = matchTable(all, ANOTHER_PROBLEM_AT_END).filter((m) => endsAt(m.at + m.length));
  const weakAnother = byClause([...matchTable(all, ANOTHER_PROBLEM_WEAK), ...atEnd]).map((s) => s.size > 0);
  const channel = inClauses(CHANNEL_WORDS).map((s) => s.size > 0);
  const judged = clauses.map((text, c) => {
    const isWorking = working[c]! && !negated[c]!;
    // "Otra vez el ascensor!!!": the fault is back, though no symptom is named.
    const fault = !isWorking && (symptomsBy[c]!.size > 0 || negated[c]! || againBy[c]!);
    // Equipment mentioned in passing (the door to use, the lift in the address) counts only where a fault is
    // described, or said to work ("el ascensor ya va", "lift OK now": a resolution is about it).
    // A light named with an appliance is its indicator ("no lights on the router", "the heater has no
    // light on"), not the lighting; with the electrics (a breaker, a socket) it is the lighting circuit.
    const named = [...equipmentBy[c]!];
    const indicator = named.some((e) => !SUPPLIES.includes(e) && !FAMILIES.electrical!.includes(e));
    const equipment = named.filter((e) => (fault || isWorking || !INCIDENTAL_EQUIPMENT.includes(e)) && !(indicator && e === 'lighting'));
    return { text, c, working: isWorking, fault, equipment };
  });
  // "Not the showers job", "this is a different unit": a clause that sets the request apart from another
  // problem names that one (contrast.ts); the rest of the request is what it is about.
  const apart = clauses.map((text, c) => setsApart(parts[c]!, text, placesInClause(text).length > 0));
  const own = judged.filter((c) => !apart[c.c]);
  const faulty = own.filter((c) => !c.working);
  // "Engineer visited, replaced the PCB fuse, heating back on": in a message telling of a fix, a clause that
  // neither describes a fault nor says something works tells of the job, and names a part of what now works.
  const worksNamed = own.some((c) => c.working && c.equipment.length > 0);
  const job = (c: (typeof judged)[number]) => afterFix && worksNamed && !c.working && !c.fault;
  const fallback = !faulty.some((c) => c.equipment.length > 0 && !job(c)) && own.some((c) => c.working);
  const about = fallback ? own.filter((c) => !job(c)) : faulty;
  // "Además de lo del aire, ahora sin internet": what a "besides" clause names is the other, earlier problem.
  const besides = inClauses(BESIDES).map((x) => x.size > 0);
  const named = new Set(about.filter((c) => !besides[c.c]).flatMap((c) => c.equipment));
  const aside = new Set([
    ...(named.size === 0 ? [] : about.filter((c) => besides[c.c]).flatMap((c) => c.equipment.filter((e) => !named.has(e)))),
    ...judged.filter((c) => apart[c.c]).flatMap((c) => c.equipment.filter((e) => !named.has(e))),
  ]);
  const equipment = new Set(about.flatMap((c) => c.equipment).filter((e) => !aside.has(e)));
  const workingEquipment = new Set(fallback ? [] : own.filter((c) => c.working).flatMap((c) => c.equipment.filter((e) => !equipment.has(e))));
  const symptoms = new Set(faulty.flatMap((c) => [...symptomsBy[c.c]!]));
  // Where the other problem is ("în plus față de cabinetul 2") is not where this one is.
  const here = about.filter((c) => !(besides[c.c] && named.size > 0));
  const rooms = new Set(here.flatMap((c) => [...roomsBy[c.c]!]));
  const places = new Set(here.flatMap((c) => [...placesInClause(c.text), ...blocksIn(c.text)]));
  const hereClauses = new Set(here.map((c) => c.c));
  const units = new Set(equipmentUnits(all, equipmentMatches.filter((m) => hereClauses.has(clauseAt[m.at]!) && !notNamed.has(m.at) && equipment.has(m.concept))));
  // "Masina 3", "bazinul 3": numbered things the vocabulary does not know, where the request's problem is.
  const known = new Set(equipmentMatches.flatMap((m) => Array.from({ length: m.length }, (_, k) => m.at + k)));
  const numbered = new Set(numberedIn(all, known, (at) => hereClauses.has(clauseAt[at]!)));
  const followUp = says(all, FOLLOW_UP);
  // "Ya ha llegado el técnico": the visit is on, the fault is not over.
  const arrived = says(all, ARRIVED) && says(all, VISITOR);
  // A repair told of with the fault "again" ("otra vez, la arreglaron el viernes") is the fault back, not over.
  const repaired = says(all, REPAIRED) && !againBy.some(Boolean);
  // Over: it says so, or says what works and nothing else, or tells of the repair and no fault.
  const resolved = !arrived && symptoms.size === 0 && (over.some(Boolean) || repaired || (fallback && judged.some((c) => c.working && c.equipment.length > 0)));
  return {
    equipment,
    families: new Set(Object.entries(FAMILIES).filter(([, members]) => members.some((m) => equipment.has(m))).map(([f]) => f)),
    places,
    rooms,
    working: workingEquipment,
    symptoms,
    billing: isBilling(text, all, symptoms, clauses.map(wordsOf)),
    followUp,
    asksVisit: arrived || (followUp && says(all, VISITOR)),
    anotherProblem: says(all, ANOTHER_PROBLEM) || clauses.some((_, c) => weakAnother[c]! && !channel[c]!) || apart.some(Boolean),
    aside,
    refersBack: says(all, REFERS_BACK) || clauses.some((_, c) => weakAnother[c]! && channel[c]!),
    resolved,
    visitBooked: says(all, VISIT_BOOKED) || arrived,
    units,
    numbered,
    again: againBy.some(Boolean),
    length: all.words.filter((w) => w !== '§').length,
    trigrams: trigramsOf(all.words.filter((w) => w !== '§')),
  };
}
const BOUNDARY = { stem: '§', exact: '§', prefix: '§' };
/** Resolution and "again" words matched together, longest first: "ha vuelto a pararse" is the fault again, "ha vuelto la luz" over. */
const OVER_OR_AGAIN = { over: RESOLVED, again: AGAIN };


export function overlaps(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/**
 * An incident's gist grows with each request that joins it: `a` is what it was, `b` the later request (the
 * incident is resolved when its latest request says so). The gist of an empty text changes nothing, so
 * `texts.map(gistOf).reduce(mergeGist, gistOf(''))` is the same as without the seed.
 */
export function mergeGist(a: RequestGist, b: RequestGist): RequestGist {
  if (blank(a)) return b;
  if (blank(b)) return a;
  return {
    equipment: new Set([...a.equipment, ...b.equipment]),
    families: new Set([...a.families, ...b.families]),
    places: new Set([...a.places, ...b.places]),
    rooms: new Set([...a.rooms, ...b.rooms]),
    working: new Set([...a.working, ...b.working]),
    symptoms: new Set([...a.symptoms, ...b.symptoms]),
    billing: a.billing || b.billing,
    followUp: a.followUp && b.followUp,
    asksVisit: a.asksVisit && b.asksVisit,
    anotherProblem: a.anotherProblem && b.anotherProblem,
    aside: new Set([...a.aside, ...b.aside]),
    refersBack: a.refersBack && b.refersBack,
    resolved: b.resolved,
    visitBooked: a.visitBooked || b.visitBooked,
    units: new Set([...a.units, ...b.units]),
    numbered: new Set([...a.numbered, ...b.numbered]),
    again: b.again,
    length: a.length + b.length,
    trigrams: new Set([...a.trigrams, ...b.trigrams]),
  };
}

/** Nothing read: the gist of an empty text. */
function blank(g: RequestGist): boolean {
  return g.trigrams.size === 0 && g.equipment.size === 0 && g.symptoms.size === 0 && g.places.size === 0 && g.rooms.size === 0 && g.numbered.size === 0 && !g.billing && !g.followUp && !g.anotherProblem && !g.refersBack && !g.resolved && !g.visitBooked;
}
