/**
 * Typing slips read as the word meant: a word the vocabulary does not know, one slip away from one of its
 * equipment or room words ("calefacion", "centarla", "radiadorr", "frigiderl"), is read as that word. A
 * slip is what thumbs do: a letter left out, one typed twice or an extra one, two neighbours swapped. A
 * changed letter is not taken for a slip: it is how real words differ ("hearing" / "heating", "contado" /
 * "cortado"). Only long words are corrected (six letters or more, on both sides) and only to a word of the
 * same first letter, with one answer: short words are too close to each other to guess. Pure (a bounded
 * memo of answers in the lexicon aside).
 */
import { stem, type Words } from './match.js';

export interface Lexicon {
  /** Whole words of the vocabulary, by first letter. */
  byInitial: Map<string, string[]>;
  known: Set<string>;
  /** Stems of the vocabulary's words: a word with one of them is known. */
  stems: Set<string>;
  prefixes: string[];
  /** Answers given so far (bounded). */
  memo: Map<string, string>;
}

const MIN = 6;

/** The lexicon of vocabulary words (normalised, as match.ts reads entries: '=x' exact, 'x*' a prefix). */
export function lexiconOf(words: Iterable<string>): Lexicon {
  const lexicon: Lexicon = { byInitial: new Map(), known: new Set(), stems: new Set(), prefixes: [], memo: new Map() };
  for (const raw of words) {
    if (raw.endsWith('*')) {
      lexicon.prefixes.push(raw.slice(0, -1));
      continue;
    }
    const w = raw.replace(/^=/, '');
    if (lexicon.known.has(w)) continue;
    lexicon.known.add(w);
    lexicon.stems.add(stem(w));
    if (w.length >= MIN && /^[a-z]+$/.test(w)) lexicon.byInitial.set(w[0]!, [...(lexicon.byInitial.get(w[0]!) ?? []), w]);
  }
  return lexicon;
}

/** Is `a` (as typed) one slip away from `b` (as meant)? A letter left out or added, or two neighbours swapped; not equal. */
export function oneSlip(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  // A letter left out or added.
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The vocabulary word a word was meant to be, or the word itself. */
export function corrected(word: string, lexicon: Lexicon): string {
  if (word.length < MIN || !/^[a-z]+$/.test(word) || lexicon.known.has(word) || lexicon.stems.has(stem(word)) || lexicon.prefixes.some((p) => word.startsWith(p))) return word;
  const seen = lexicon.memo.get(word);
  if (seen !== undefined) return seen;
  // The word as typed, else its stem ("frigidreul" is "frigidre" + the article, one slip from "frigider").
  const candidates = lexicon.byInitial.get(word[0]!) ?? [];
  let near = candidates.filter((w) => oneSlip(word, w));
  const root = stem(word);
  if (near.length === 0 && root.length >= MIN) near = candidates.filter((w) => oneSlip(root, stem(w)) || oneSlip(root, w));
  // One answer (or several of one stem: 'radiador' / 'radiadores').
  const answer = near.length > 0 && near.every((w) => stem(w) === stem(near[0]!)) ? near[0]! : word;
  if (lexicon.memo.size > 50_000) lexicon.memo.clear();
  lexicon.memo.set(word, answer);
  return answer;
}

/** A run of words with its slips corrected (stems and index keys recomputed for the words that changed). */
export function spellChecked(w: Words, lexicon: Lexicon): Words {
  const words = w.words.map((x) => corrected(x, lexicon));
  if (words.every((x, i) => x === w.words[i])) return w;
  const stems = words.map((x, i) => (x === w.words[i] ? w.stems[i]! : stem(x)));
  return { words, stems, keys: words.map((x, i) => (x === w.words[i] ? w.keys[i]! : { stem: `stem:${stems[i]}`, exact: `exact:${x}`, prefix: x.slice(0, 3) })) };
}
