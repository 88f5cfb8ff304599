/**
 * A technician answers a service order by replying: does the reply accept it, decline it, or neither?
 *
 * The first meaningful line of the visible reply decides (pass text with the quoted history stripped, see
 * visibleReplyText). Greetings ("Hola,", "Hi John,", "Bună ziua,") are skipped, and so are empty opening
 * words ("Lo siento,", "Unfortunately", "Thanks,", "I", "Hoy", an opening "pero"). Then:
 *
 * - the line must START with an accepting or declining word or phrase, otherwise it is 'unclear'
 *   ("Mañana confirmo" and "I will confirm later" are not confirmations);
 * - "sí"/"si", "da", "no", "nu" count only standing alone ("Sí, voy", "No.") - "si puedo voy" means "if I
 *   can"; "sí" written with its accent counts anyway;
 * - after an accepting start, any later decline, negation, hedge ("luego", "maybe", "poate"), contrast
 *   ("pero", "but", "dar") or question mark makes it 'unclear': "OK pero mañana no puedo", "Vale, no llego
 *   antes de las 12", "Ok, ¿a qué hora?";
 * - after a declining start, any accepting word, hedge, contrast or question makes it 'unclear': "No puedo
 *   hoy, pero mañana sí" proposes another day, which an agent should handle;
 * - "no problem" / "no hay problema" / "nicio problemă" / "no worries" are accepting phrases (the idiom
 *   means yes): "No problem, I'll go" is 'confirmed'; "No problem but I can't today" is 'unclear'.
 *
 * - days and times are not interpreted: "Sí, mañana a primera hora" is 'confirmed' (the order's window is
 *   the agent's to compare; the text is on the timeline).
 *
 * 'unclear' is the safe answer: the message still joins the timeline, flagged for an agent.
 */
import { ACCEPT, CONTRASTS, DECLINE, FILLERS, GREETINGS, HEDGES, INTERJECTIONS, NEGATORS } from './technician-vocabulary.js';

export type TechnicianDecision = 'confirmed' | 'declined' | 'unclear';

export interface TechnicianReplyReading {
  decision: TechnicianDecision;
  /** The line that decided, as written. */
  line?: string;
  reason: 'accepting start' | 'declining start' | 'no answer at the start' | 'hedged' | 'mixed' | 'empty';
}

type Kind = 'accept' | 'decline' | 'hedge' | 'contrast' | 'filler' | 'greeting';
interface Token {
  word: string;
  accented: boolean;
  capitalised: boolean;
  punct: boolean;
}

const PHRASES = new Map<string, { words: string[]; kind: Kind }[]>();
for (const [kind, list] of [
  ['accept', ACCEPT], ['decline', DECLINE], ['hedge', HEDGES], ['contrast', CONTRASTS], ['filler', FILLERS], ['greeting', GREETINGS],
] as const) {
  for (const phrase of list) {
    const words = phrase.split(' ');
    const bucket = PHRASES.get(words[0]) ?? [];
    if (!bucket.some((p) => p.words.join(' ') === phrase)) bucket.push({ words, kind });
    PHRASES.set(words[0], bucket);
  }
}
for (const bucket of PHRASES.values()) bucket.sort((a, b) => b.words.length - a.words.length);

export function readTechnicianReply(visibleText: string): TechnicianReplyReading {
  for (const raw of visibleText.replace(/\r\n?/g, '\n').split('\n')) {
    const tokens = tokenize(raw);
    const start = skipOpening(tokens);
    if (start >= tokens.length) continue; // empty, or only a greeting / a name
    return { ...decide(tokens, start), line: raw.trim() };
  }
  return { decision: 'unclear', reason: 'empty' };
}

function decide(tokens: Token[], start: number): Omit<TechnicianReplyReading, 'line'> {
  const lead = match(tokens, start);
  if (!lead || (lead.kind !== 'accept' && lead.kind !== 'decline')) {
    return { decision: 'unclear', reason: lead?.kind === 'hedge' ? 'hedged' : 'no answer at the start' };
  }
  for (let i = start + lead.length; i < tokens.length; ) {
    const t = tokens[i];
    if (t.punct) {
      if (t.word === '?' || t.word === '¿') return { decision: 'unclear', reason: 'hedged' };
      i++;
      continue;
    }
    const m = match(tokens, i);
    if (m?.kind === 'hedge' || m?.kind === 'contrast') return { decision: 'unclear', reason: 'hedged' };
    if (m && (m.kind === 'accept' || m.kind === 'decline') && m.kind !== lead.kind) return { decision: 'unclear', reason: 'mixed' };
    if (!m && lead.kind === 'accept' && isNegator(t.word)) return { decision: 'unclear', reason: 'mixed' };
    i += m?.length ?? 1;
  }
  return lead.kind === 'accept' ? { decision: 'confirmed', reason: 'accepting start' } : { decision: 'declined', reason: 'declining start' };
}

/** Index of the first token after greetings, names that follow them, and empty opening words. */
function skipOpening(tokens: Token[]): number {
  let i = 0;
  const skipPunct = () => {
    while (i < tokens.length && tokens[i].punct && tokens[i].word !== '?' && tokens[i].word !== '¿') i++;
  };
  skipPunct();
  const greeting = match(tokens, i);
  if (greeting?.kind === 'greeting') {
    i += greeting.length;
    // "Hola Ana," / "Hi John -": up to three words of a name, when a punctuation mark closes them;
    // without punctuation ("Hola Ana acepto"), up to two capitalised words.
    const close = tokens.slice(i, i + 4).findIndex((t) => t.punct);
    if (close > 0 && tokens.slice(i, i + close).every((_, k) => !match(tokens, i + k))) i += close;
    else if (close < 0) for (let n = 0; n < 2 && tokens[i]?.capitalised && !match(tokens, i); n++) i++;
  } else if (tokens.length - i <= 2 && tokens[i]?.capitalised && !match(tokens, i) && (tokens[i + 1]?.punct ?? true)) {
    return tokens.length; // "Marta:" / "Andrés," - a name on its own line
  }
  for (;;) {
    skipPunct();
    const m = match(tokens, i);
    // An opening "pero"/"but"/"dar" turns nothing yet: "Lo siento, pero no puedo".
    if (m?.kind !== 'filler' && m?.kind !== 'contrast') return i;
    i += m.length;
  }
}

/** The longest phrase starting at tokens[i] (punctuation ends a phrase), with interjections handled. */
function match(tokens: Token[], i: number): { kind: Kind; length: number } | undefined {
  const t = tokens[i];
  if (!t || t.punct) return undefined;
  for (const { words, kind } of PHRASES.get(t.word) ?? []) {
    if (words.every((w, k) => tokens[i + k] && !tokens[i + k].punct && tokens[i + k].word === w)) return { kind, length: words.length };
  }
  const interjection = INTERJECTIONS[t.word];
  const alone = !tokens[i + 1] || tokens[i + 1].punct;
  if (interjection && (alone || (t.word === 'si' && t.accented))) return { kind: interjection, length: 1 };
  return undefined;
}

function isNegator(word: string): boolean {
  return NEGATORS.has(word) || word.endsWith("n't");
}

const TOKEN = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|\p{Extended_Pictographic}|[,.;:!?…¡¿()–—-]/gu;

function tokenize(line: string): Token[] {
  if (/^\s*>/.test(line)) return []; // quoted history never answers
  const text = line.replace(/[’‘`´]/g, "'");
  return [...text.matchAll(TOKEN)].map(([raw]) => {
    const word = fold(raw);
    return { word, accented: word !== raw.toLowerCase(), capitalised: /^\p{Lu}/u.test(raw), punct: /^[,.;:!?…¡¿()–—-]$/.test(raw) };
  });
}

/** Lower case without accents; ş/ș and ţ/ț fold alike. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
