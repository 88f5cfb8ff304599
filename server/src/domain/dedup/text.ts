/** Text as the duplicate rules compare it: lower case, no diacritics, punctuation as spaces. Pure. */
import { ANOTHER_PROBLEM, BILLING, REFERS_BACK, EQUIPMENT, FAMILIES, FOLLOW_UP, PLACE_AFTER_NAME, PLACE_BEFORE_NAME, SYMPTOMS, type PlaceLevel } from './vocabulary.js';

export function normalizeText(text: string): string {
  return ` ${text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9/']+/g, ' ')
    .trim()} `;
}

/** The vocabulary entries a text mentions (a stem matches at the start of a word). */
function mentions(text: string, table: Record<string, readonly string[]>): Set<string> {
  const found = new Set<string>();
  for (const [concept, stems] of Object.entries(table)) if (stems.some((s) => text.includes(` ${s}`))) found.add(concept);
  return found;
}

/**
 * The places a text names: the word a place marker points at, when it is a name (Capitalised in the text)
 * or a number ("planta 3", "3rd floor", "et 4" -> '3', '3', '4'), lower-cased.
 */
/** Capitalised words next to a marker that name no place (a greeting opening a line, "Main hall"). */
const NOT_A_NAME = new Set(['buenos', 'buenas', 'hola', 'good', 'hello', 'hi', 'dear', 'morning', 'buna', 'va', 'multumesc', 'thanks', 'gracias', 'main', 'the', 'el', 'la', 'our', 'my', 'this', 'that', 'sr', 'sra', 'dl', 'dna']);

export function placesOf(text: string): Set<string> {
  const words = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z0-9/]+/).filter(Boolean);
  const places = new Set<string>();
  const markers = new Set([...Object.values(PLACE_BEFORE_NAME).flat(), ...Object.values(PLACE_AFTER_NAME).flat()]);
  const name = (w: string | undefined) => {
    if (!w || markers.has(w.toLowerCase()) || NOT_A_NAME.has(w.toLowerCase())) return null;
    const number = w.match(/^(\d+)(st|nd|rd|th|a|o|er|ra|lea)?$/i);
    if (number) return number[1]!;
    return /^[A-Z]/.test(w) && w.length >= 2 ? w.toLowerCase() : null;
  };
  words.forEach((w, i) => {
    const marker = w.toLowerCase();
    for (const level of ['site', 'unit'] as PlaceLevel[]) {
      const place = PLACE_BEFORE_NAME[level].includes(marker) ? name(words[i + 1]) : PLACE_AFTER_NAME[level].includes(marker) ? name(words[i - 1]) : null;
      if (place) places.add(`${level}:${place}`);
    }
  });
  return places;
}

export interface RequestGist {
  equipment: Set<string>;
  /** The families of its equipment (thermal, network …). */
  families: Set<string>;
  /** Places it names: the word after a street, unit or room marker ('betis', '7', 'lounge'). */
  places: Set<string>;
  symptoms: Set<string>;
  billing: boolean;
  followUp: boolean;
  /** It brings up a second problem ("also, while your engineer is here"). */
  anotherProblem: boolean;
  /** It says the problem was reported already ("my wife emailed you last night", "sigue sin…"). */
  refersBack: boolean;
  /** Character trigrams of its words, for a plain text similarity. */
  trigrams: Set<string>;
}

export function gistOf(text: string): RequestGist {
  const t = normalizeText(text);
  const trigrams = new Set<string>();
  for (const w of t.split(' ').filter((x) => x.length >= 4)) for (let i = 0; i + 3 <= w.length + 2; i++) trigrams.add(` ${w} `.slice(i, i + 3));
  const equipment = mentions(t, EQUIPMENT);
  const symptoms = mentions(t, SYMPTOMS);
  const places = placesOf(text);
  return {
    equipment,
    families: new Set(Object.entries(FAMILIES).filter(([, members]) => members.some((m) => equipment.has(m))).map(([f]) => f)),
    places,
    symptoms,
    // About money or paper: a bill word up front (the subject, the first line), or anywhere when no fault
    // is described (a fault report may mention its contract further down).
    billing: BILLING.some((s) => t.slice(0, 100).includes(` ${s}`)) || (BILLING.some((s) => t.includes(` ${s}`)) && symptoms.size === 0),
    followUp: FOLLOW_UP.some((s) => t.includes(` ${s}`) || t.includes(s)),
    anotherProblem: ANOTHER_PROBLEM.some((s) => t.includes(` ${s} `)),
    refersBack: REFERS_BACK.some((s) => t.includes(` ${s}`)),
    trigrams,
  };
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
}

export function overlaps(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}
