/**
 * A clause that sets the request apart from another problem, one already reported: "Not the showers job",
 * "No es el compresor de esta mañana", "Nu este cuptorul reparat ieri", "this is a different unit", "not
 * related to the door entry". What such a clause names (its equipment, unit, room or place) is the other
 * problem, not this one; and the request says it is another problem. Pure.
 */
import { DIFFERENT, NOT_THE, NOT_THE_FIRST, type Vocabulary } from './vocabulary.js';
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

/**
 * "Other than" inside a clause: "camera frigorifică din bucătărie (alta decât chillerul sălii mari)", "the boiler
 * in the cottage, other than the one in the house", "otra cámara distinta de la del obrador". The equipment it
 * names is the other problem's, not this one's.
 */
const OTHER_THAN: Vocabulary = {
  other: [
    'other than', 'rather than', 'not the one',
    'distinto de', 'distinto del', 'distinta de', 'distinta del', 'diferente de', 'diferente del', 'no el de', 'no la de', 'no el del', 'no la del',
    'alta decat', 'altul decat', 'alt decat', 'alte decat', 'alti decat', 'diferit de', 'diferita de', 'nu cel de', 'nu cea de', 'nu cel din', 'nu cea din',
  ],
};
/** Articles and possessives between "other than" and what it names ("other than the chiller", "distinta de la caldera"). */
const ARTICLES = new Set(['the', 'our', 'my', 'one', 'el', 'la', 'lo', 'los', 'las', 'del', 'de', 'al', 'cel', 'cea', 'din']);

/** The word positions at which equipment named after "other than" starts: right after the phrase, or after its articles. */
export function otherThanStarts(w: Words): Set<number> {
  const out = new Set<number>();
  for (const m of matchTable(w, OTHER_THAN)) {
    let at = m.at + m.length;
    out.add(at);
    while (ARTICLES.has(w.words[at] ?? '') && at < m.at + m.length + 3) out.add(++at);
  }
  return out;
}
