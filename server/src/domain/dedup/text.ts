/** Text as the duplicate rules read it: its clauses and the places it names (the gist of a request: gist.ts). Pure. */
import { COMPASS, PLACE_AFTER_NAME, PLACE_BEFORE_NAME, PLACE_FILLERS, ROLE_WORDS, ROOMS } from './vocabulary.js';
import { EQUIPMENT } from './equipment.js';
import { normalizeText, stem, stripMarks } from './match.js';

export { normalizeText, says, stem, type Words } from './match.js';

/** Abbreviations that end with a dot inside a clause ("Av. Primado Reig", "Str. Prundului nr. 27", "bl. G4"). */
const ABBREVIATIONS = new Set(['av', 'avda', 'str', 'nr', 'no', 'bl', 'sc', 'ap', 'apt', 'et', 'dl', 'dna', 'sr', 'sra', 'st', 'rd', 'c', 'hab', 'pta', 'tel', 'dr', 'dra', 'mr', 'mrs', 'ms', 'bd', 'pol', 'hnos', 'ref', 'approx', 'aprox', 'vs', 'etc', 'ca']);

/**
 * Clauses: sentences and their parts, split at sentence punctuation (not after an abbreviation or inside a
 * number), line breaks, commas followed by a space, dashes between words, and "but" / "pero" / "dar".
 * Brackets do not split ("nave del polígono (Cogullada)" keeps the marker with its name). A clause is the
 * span in which "OK" or "no funciona" applies.
 */
export function clausesOf(text: string): string[] {
  const t = stripMarks(text)
    .replace(/\b([cC])\/(?=\S)/g, '$1/ ')
    .replace(/[()[\]]/g, ' ')
    .replace(/\s(?:but|pero|dar|however|aunque|although)\s/gi, '\n');
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= t.length; i++) {
    const ch = t[i] ?? '\n';
    let cut = '\n;!?|•–—'.includes(ch);
    if (ch === ':') cut = !/\d/.test(t[i + 1] ?? '');
    else if (ch === ',') cut = /\s/.test(t[i + 1] ?? '');
    else if (ch === '-') cut = t[i - 1] === ' ' && t[i + 1] === ' ';
    else if (ch === '.') {
      const before = t.slice(Math.max(0, i - 8), i).match(/([A-Za-z]+)$/)?.[1]?.toLowerCase();
      // "8 °C." ends a sentence: after a degree sign 'c' is Celsius, not an abbreviation ("c. Mayor").
      const degrees = /[°º]\s?[CcFf]$/.test(t.slice(Math.max(0, i - 3), i));
      cut = !(/\d/.test(t[i - 1] ?? '') && /\d/.test(t[i + 1] ?? '')) && (degrees || !(before && ABBREVIATIONS.has(before)));
    }
    if (!cut) continue;
    const c = t.slice(start, i).trim();
    if (c) out.push(c);
    start = i + 1;
  }
  return out;
}

/** Capitalised words next to a marker that name no place (a greeting opening a line, "Main hall"). */
const NOT_A_NAME = new Set(['buenos', 'buenas', 'hola', 'good', 'hello', 'hi', 'dear', 'morning', 'buna', 'va', 'multumesc', 'thanks', 'gracias', 'main', 'the', 'el', 'la', 'our', 'my', 'this', 'that', 'sr', 'sra', 'dl', 'dna', 'head', 'whole', 'new']);
/** Ordinal words a floor is named by ("third floor", "planta baja", "parter"). */
const ORDINALS: Record<string, string> = {
  ground: '0', first: '1', second: '2', third: '3', fourth: '4', fifth: '5', sixth: '6', baja: '0', bajo: '0', primera: '1', primer: '1', primero: '1', segunda: '2', segundo: '2', tercera: '3', tercer: '3',
  tercero: '3', cuarta: '4', cuarto: '4', quinta: '5', quinto: '5', parter: '0', parterul: '0', primul: '1', doilea: '2', treilea: '3',
};
/** Floors are their own level: "et 4" and "ap. 12" are not two places of one kind. */
const FLOOR_MARKERS = ['planta', 'etaj', 'et', 'piso', 'floor'];
type Level = 'site' | 'floor' | 'unit';
/**
 * Markers are words, not stems: 'sala' must not find 'sale' (Spanish "comes out"), nor 'ave' (avenue)
 * find 'avea' (Romanian "to have"), nor 'taller' the company name "Talleres Mecánicos". Romanian writes the
 * article onto the word: 'etajul', 'biroul', 'blocul', 'depozitul' are the marker too.
 */
const RO_ARTICLES = ['', 'ul', 'ului', 'l', 'lui', 'a', 'ei'];
const markerLevels = (() => {
  const before = new Map<string, Level>();
  const after = new Map<string, Level>();
  for (const level of ['site', 'unit'] as const) {
    for (const [table, into] of [[PLACE_BEFORE_NAME[level], before], [PLACE_AFTER_NAME[level], after]] as const)
      for (const m of table) for (const a of RO_ARTICLES) if (!into.has(m + a)) into.set(m + a, FLOOR_MARKERS.includes(m) ? 'floor' : level);
  }
  // Spanish also puts the floor after its number: "4º piso", "3ª planta".
  after.set('piso', 'floor');
  after.set('planta', 'floor');
  return { before, after };
})();
/** A word that names a place by what follows it ("planta 3", "nave 2", "blocul A"): placesOf reads it. */
export const isPlaceMarker = (word: string) => markerLevels.before.has(word) || markerLevels.after.has(word);
/** Words of the vocabulary are not names: "Server room", "room AC" name no place. */
const VOCABULARY_WORDS = new Set(
  [EQUIPMENT, ROOMS].flatMap((t) => Object.values(t).flat()).flatMap((p) => (p.includes(' ') || p.endsWith('*') ? [] : [p.startsWith('=') ? p.slice(1) : stem(normalizeText(p).trim())])),
);
const FILLERS = new Set(PLACE_FILLERS);
const ROLES = new Set(ROLE_WORDS);
const COMPASS_WORDS = new Set(COMPASS);

/**
 * The places a text names: the word a place marker points at, when it is a name (Capitalised in the text,
 * or a compass word such as "east"), a number or an ordinal ("planta 3", "3rd floor", "et 4", "third
 * floor" -> '3', '3', '4', '3'), lower-cased: 'site:betis', 'floor:3', 'unit:b2'. Filler words between the
 * marker and the name are skipped ("nave de Escoriaza"); a marker followed by a job title is no place
 * ("Office Manager").
 */
export function placesOf(text: string): Set<string> {
  const places = new Set<string>();
  for (const clause of clausesOf(text)) for (const p of placesInClause(clause)) places.add(p);
  return places;
}

export function placesInClause(clause: string): string[] {
  const words = clause.replace(/[’']/g, '').split(/[^A-Za-z0-9/]+/).filter(Boolean);
  const lower = words.map((w) => w.toLowerCase());
  const isMarker = (i: number) => markerLevels.before.has(lower[i]!) || markerLevels.after.has(lower[i]!);
  const name = (i: number, level: Level): string | null => {
    const w = words[i];
    if (!w || isMarker(i) || NOT_A_NAME.has(lower[i]!) || VOCABULARY_WORDS.has(lower[i]!) || VOCABULARY_WORDS.has(stem(lower[i]!))) return null;
    const number = w.match(/^(\d+)(st|nd|rd|th|a|o|er|ra|lea|ea)?$/i);
    // A unit or floor is numbered in hundreds at most ("hab. 207"); "AP-2291" is a purchase order.
    if (number) return level !== 'site' && number[1]!.length > 3 ? null : number[1]!;
    if (level === 'floor') return ORDINALS[lower[i]!] ?? null;
    if (COMPASS_WORDS.has(lower[i]!)) return lower[i]!;
    return /^[A-Z]/.test(w) && w.length >= 2 ? lower[i]! : null;
  };
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (ROLES.has(lower[i + 1] ?? '')) continue;
    const before = markerLevels.before.get(lower[i]!);
    if (before) {
      let j = i + 1;
      while (j < words.length && FILLERS.has(lower[j]!)) j++;
      const place = name(j, before);
      if (place) out.push(`${before}:${place}`);
    }
    const after = markerLevels.after.get(lower[i]!);
    if (after && i > 0) {
      let j = i - 1;
      while (j > 0 && after === 'floor' && FILLERS.has(lower[j]!)) j--;
      const place = name(j, after);
      // A floor named after its marker is a number or an ordinal, not a name ("Sala Mediterráneo, ground floor").
      if (place && (after !== 'floor' || /^\d+$/.test(place))) out.push(`${after}:${place}`);
    }
  }
  return out;
}
