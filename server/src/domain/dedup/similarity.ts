/**
 * Plain text similarity, whatever the language and whether or not the vocabulary knows the words: the
 * character trigrams of the words, as PostgreSQL's pg_trgm takes them (each word padded with two spaces
 * before and one after), compared by Jaccard. Computed over the normalised text (lower case, no
 * diacritics, chat abbreviations expanded, see match.ts), so "calefacción"/"calefaccion", "centrala" /
 * "centralei" and a typo ("calefacion") still share most of their trigrams. Only words that carry the
 * topic take part: four letters or more, or a code mixing letters and digits ("f28", "e7"); greetings,
 * closings and filler of es/en/ro are left out, since every message of a customer shares them. Pure.
 */
import { normalizeText } from './match.js';

/** Greetings, closings, pronouns and filler: in every message, about nothing. */
const FILLER = new Set([
  'hola', 'buenos', 'buenas', 'dias', 'tardes', 'noches', 'gracias', 'saludos', 'favor', 'porque', 'cuando', 'tambien', 'estamos', 'tenemos', 'tengo', 'desde', 'este', 'esta', 'esto', 'estos', 'estas', 'para', 'pero',
  'como', 'donde', 'todo', 'toda', 'todos', 'nada', 'muchas', 'mucho', 'muy', 'ahora', 'hace', 'hemos', 'sigue', 'nuestro', 'nuestra', 'usted', 'ustedes', 'vuestro', 'escribo', 'quiero', 'podeis', 'pueden', 'cordial',
  'hello', 'morning', 'afternoon', 'evening', 'thanks', 'thank', 'regards', 'best', 'kind', 'cheers', 'please', 'dear', 'there', 'have', 'this', 'that', 'with', 'from', 'your', 'will', 'would', 'could', 'just', 'still',
  'when', 'what', 'since', 'been', 'they', 'their', 'them', 'here', 'about', 'again', 'also', 'some', 'know', 'today', 'tomorrow', 'yesterday', 'need', 'sent', 'many', 'much', 'very', 'were', 'which',
  'buna', 'ziua', 'dimineata', 'seara', 'multumesc', 'multumim', 'mersi', 'salut', 'pentru', 'acum', 'avem', 'este', 'sunt', 'care', 'daca', 'foarte', 'nimic', 'inca', 'deja', 'astazi', 'mine', 'asta', 'acest',
  'aceasta', 'dupa', 'rugam', 'stimate', 'stimata', 'cele', 'bune', 'toate',
]);

const TOPICAL = (w: string) => (w.length >= 4 && !FILLER.has(w) && !/^\d+$/.test(w)) || (/\d/.test(w) && /[a-z]/.test(w) && w.length <= 5);

/** The trigrams of a text's topical words, pg_trgm style ("  ca", " ca", "cal", …, "ra "). */
export function trigramsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of normalizeText(text).trim().split(' ')) {
    if (!w || !TOPICAL(w)) continue;
    const padded = `  ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

/** pg_trgm's similarity: shared trigrams over all trigrams of the two (0 when either has none). */
export function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  return common / (a.size + b.size - common);
}

/** How alike a request is to an incident: to the most alike of its requests (an incident's texts are not one text). */
export function similarityToAny(mine: ReadonlySet<string>, theirs: readonly ReadonlySet<string>[]): number {
  let best = 0;
  for (const t of theirs) best = Math.max(best, similarity(mine, t));
  return best;
}
