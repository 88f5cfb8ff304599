/**
 * How people write on a phone keyboard, read as the words they stand for: chat and SMS abbreviations in
 * es/en/ro ("q" que, "x" por, "tb" también, "pt" pentru, "wen" when, "pls", "thx"), and letters held down
 * for emphasis ("nooo", "friooo", "urgenteee"). Applied to normalised words (lower case, no diacritics),
 * to texts and vocabulary alike, so a table entry and a text meet whichever way either is spelled. Only
 * abbreviations that stand for one thing whatever the language are listed: "ta" (thanks in English,
 * "your" in Romanian), "r", "d" or "f" are left alone. Pure.
 */

/** Abbreviation -> the words it stands for (normalised). */
export const SHORTHAND: Readonly<Record<string, string>> = {
  // Spanish
  q: 'que', k: 'que', ke: 'que', xq: 'porque', pq: 'porque', porq: 'porque', x: 'por', xa: 'para', pa: 'para', xfa: 'por favor', xfavor: 'por favor', porfa: 'por favor', pf: 'por favor',
  tb: 'tambien', tmb: 'tambien', tbn: 'tambien', tamb: 'tambien', msj: 'mensaje', mje: 'mensaje', dnd: 'donde', cdo: 'cuando', qdo: 'cuando', aki: 'aqui', dsd: 'desde', tdv: 'todavia', tdvia: 'todavia',
  grax: 'gracias', grcs: 'gracias', mnn: 'manana', nd: 'nada', ns: 'no se', salu2: 'saludos',
  xk: 'porque', porfi: 'por favor', porfis: 'por favor', porfavor: 'por favor', plis: 'please', tdo: 'todo', tds: 'todos', tmbn: 'tambien', tambn: 'tambien', dsp: 'despues', dps: 'despues', tpc: 'tampoco',
  tmpc: 'tampoco', muxas: 'muchas', mxas: 'muchas', kiero: 'quiero', qnd: 'cuando', cndo: 'cuando', stoy: 'estoy', aver: 'a ver', wasap: 'whatsapp', guasap: 'whatsapp', wassap: 'whatsapp', watsap: 'whatsapp',
  // English
  wen: 'when', wn: 'when', u: 'you', ur: 'your', pls: 'please', plz: 'please', pliz: 'please', thx: 'thanks', thnx: 'thanks', tnx: 'thanks', ty: 'thank you', msg: 'message', '2day': 'today', tmrw: 'tomorrow',
  tmr: 'tomorrow', '2moro': 'tomorrow', b4: 'before', ppl: 'people', cuz: 'because', coz: 'because', bc: 'because', engr: 'engineer', tech: 'technician', techs: 'technicians', 'w/': 'with', 'w/o': 'without',
  'c/h': 'central heating', nite: 'night', '2nite': 'tonight', asap: 'as soon as possible', pkd: 'packed',
  thanx: 'thanks', thankyou: 'thank you', thnks: 'thanks', thks: 'thanks', tks: 'thanks', yday: 'yesterday', yest: 'yesterday', tmw: 'tomorrow', tomoz: 'tomorrow', '2morrow': 'tomorrow', tmoro: 'tomorrow',
  l8r: 'later', some1: 'someone', sum1: 'someone', any1: 'anyone', ne1: 'anyone', every1: 'everyone', wot: 'what', wat: 'what', wots: 'whats', wats: 'whats', cud: 'could', wud: 'would', shud: 'should',
  appt: 'appointment', cust: 'customer', txt: 'text', abt: 'about', thru: 'through', btw: 'by the way', fyi: 'for your information', rn: 'right now', hrs: 'hours', mins: 'minutes',
  // Romanian
  pt: 'pentru', ptr: 'pentru', pnt: 'pentru', ms: 'mersi', msi: 'mersi', dc: 'de ce', nush: 'nu stiu', nuj: 'nu stiu', nustiu: 'nu stiu', vb: 'vorbim', tehn: 'tehnician',
  mltm: 'multumesc', mls: 'multumesc', mersii: 'mersi', mrc: 'mersi', slt: 'salut', trb: 'trebuie', tre: 'trebuie', nmk: 'nimic', nmc: 'nimic', nimik: 'nimic', cva: 'ceva', vrg: 'va rog',
};

/** Three or more of one letter are one ("nooo", "helloooo"); doubled letters are spelling ("hello", "coffee", "carro"). */
const HELD = /([a-z])\1{2,}/g;

/** A normalised word as its words: the abbreviation expanded, held letters let go. */
export function expandWord(word: string): string {
  const w = word.replace(HELD, '$1');
  return SHORTHAND[w] ?? w;
}

/** Normalised text (words separated by single spaces) with every word expanded. */
export function expandShorthand(normalised: string): string {
  return normalised
    .split(' ')
    .map((w) => (w ? expandWord(w) : w))
    .join(' ');
}
