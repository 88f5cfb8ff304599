/**
 * A clause that sets the request apart from another problem, one already reported: "Not the showers job",
 * "No es el compresor de esta mañana", "Nu este cuptorul reparat ieri", "this is a different unit", "not
 * related to the door entry". What such a clause names (its equipment, unit, room or place) is the other
 * problem, not this one; and the request says it is another problem. Pure.
 */
import { DIFFERENT, NOT_THE, NOT_THE_FIRST } from './vocabulary.js';
import { matchTable, says, type Words } from './match.js';

/** How far into a clause a negated identity may open ("this is not the …", "el problema no es el …"). */
const OPENING = 3;

const slice = (w: Words, from: number, to: number): Words => ({ words: w.words.slice(from, to), stems: w.stems.slice(from, to), keys: w.keys.slice(from, to) });

/**
 * Does the clause (its words `w`, its raw text `raw`) set the request apart from another problem? It says so
 * ("different", "diferit", "distinto", "not related", "nu are legătură"), or it opens with a negated
 * identity: "not the X", "no es el X", "no son los X", "nu e vorba de X", Romanian "nu este" before a noun with
 * its definite article ("nu este liftul", "nu e compresorul"), or English "not" before a place's name ("not
 * Adelaide Court", `namesPlace`). Not "not the first time" / "no es la primera vez": that says the fault is back.
 */
export function setsApart(w: Words, raw: string, namesPlace: boolean): boolean {
  if (says(w, DIFFERENT)) return true;
  const opening = slice(w, 0, OPENING + 3);
  if (says(opening, NOT_THE_FIRST)) return false;
  if (matchTable(opening, NOT_THE).some((m) => m.at < OPENING)) return true;
  // Romanian writes the article onto the noun: "nu este cuptorul" (it is not the oven), while "nu este apă"
  // says there is none. Only the masculine/neuter article (-ul, -ului) tells the two apart in plain letters
  // (not the adverb "destul": "nu e destul de cald" is a fault).
  for (let i = 0; i < Math.min(OPENING, w.words.length); i++) {
    if (w.words[i] === 'nu' && (w.words[i + 1] === 'e' || w.words[i + 1] === 'este') && /.{3,}(?:ul|ului)$/.test(w.words[i + 2] ?? '') && w.words[i + 2] !== 'destul') return true;
  }
  // "…, not Adelaide Court": an English "not" before a named place.
  return namesPlace && /^\s*not\s+[A-Z]/.test(raw);
}
