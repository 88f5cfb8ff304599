/**
 * Words and phrases for reading a technician's reply, in es / en / ro. Written without accents and in lower
 * case: the reader folds what it reads the same way (sí -> si, mâine -> maine, can’t -> can't).
 * Longer phrases win over shorter ones ("no problem" is not "no", "no se puede" is not "no se").
 */

/** Accepting the service order. */
export const ACCEPT = [
  // es
  'acepto', 'aceptado', 'aceptada', 'confirmo', 'confirmado', 'confirmada', 'te confirmo', 'le confirmo', 'les confirmo',
  'os confirmo', 'ok', 'okay', 'okey', 'oki', 'vale', 'de acuerdo', 'perfecto', 'perfecta', 'claro', 'claro que si',
  'por supuesto', 'sin problema', 'sin problemas', 'no hay problema', 'ningun problema', 'no te preocupes',
  'no se preocupe', 'alli estare', 'ahi estare', 'cuenta conmigo', 'si si', 'hecho',
  // en
  'yes', 'yep', 'yeah', 'yup', 'sure', 'confirm', 'confirmed', 'accept', 'accepted', 'agreed', 'will do', 'on my way',
  'no problem', 'no problems', 'no worries', 'sounds good', 'got it', 'fine', 'count me in', 'alright', 'all right',
  "i'll be there", 'i will be there', "i'll go", 'i will go', "i'll do it", 'i will do it', 'of course',
  // ro
  'accept', 'acceptat', 'confirm', 'confirmat', 'va confirm', 'iti confirm', 'bine', 'in regula', 'de acord', 'sigur',
  'desigur', 'da sigur', 'da desigur', 'perfect', 'nicio problema', 'nici o problema', 'nu e nicio problema',
  'nu e problema', 'nu este nicio problema', 'nu-i problema', 'ma ocup', 'preiau', 'am preluat',
  // emoji
  '👍', '👌', '✅',
] as const;

/** Declining it. */
export const DECLINE = [
  // es
  'rechazo', 'rechazado', 'rechazada', 'no puedo', 'no podre', 'no podemos', 'no me es posible', 'no es posible',
  'no se puede', 'imposible', 'no voy', 'no ire', 'no llego', 'no llegare', 'no acepto', 'no confirmo',
  'no me da tiempo', 'no estoy disponible', 'no disponible', 'nop', 'no no',
  // en
  'decline', 'declined', 'i decline', 'reject', 'rejected', "can't", 'cant', 'cannot', 'can not', 'unable',
  'not possible', 'impossible', 'not available', 'unavailable', "won't", 'wont', 'will not', "don't accept",
  'do not accept', 'nope', 'no can do', 'no way', 'not today', "couldn't", 'could not',
  // ro
  'refuz', 'refuzat', 'nu pot', 'nu putem', 'nu accept', 'nu confirm', 'nu ajung', 'nu sunt disponibil',
  'nu sunt disponibila', 'indisponibil', 'imposibil', 'nu se poate', 'nu e posibil', 'nu este posibil', 'nu reusesc',
  'nu voi putea', 'nu o sa pot',
  // emoji
  '👎', '❌',
] as const;

/** Yes / no words that only count standing alone ("No." / "Sí, voy"), not inside a clause ("si puedo" = if I can). */
export const INTERJECTIONS: Readonly<Record<string, 'accept' | 'decline'>> = { si: 'accept', da: 'accept', no: 'decline', nu: 'decline' };

/** Doubt, postponement or a condition: never an answer. */
export const HEDGES = [
  'quizas', 'quiza', 'tal vez', 'a lo mejor', 'puede que', 'igual', 'luego', 'mas tarde', 'despues', 'no se',
  'no estoy seguro', 'no estoy segura', 'depende', 'te digo', 'te aviso', 'le aviso', 'ya te digo', 'dejame ver',
  'lo miro', 'maybe', 'perhaps', 'probably', 'later', 'not sure', "don't know", 'dont know', 'do not know',
  "i'll confirm", 'i will confirm', 'will confirm', "i'll let you know", 'let you know', 'let me check', 'depends',
  'poate', 'probabil', 'mai tarziu', 'nu stiu', 'nu sunt sigur', 'nu sunt sigura', 'revin', 'o sa confirm',
  'va anunt', 'depinde', 'verific',
] as const;

/** A turn in the sentence: what comes after it changes the answer ("OK, pero mañana"). */
export const CONTRASTS = [
  'pero', 'aunque', 'sin embargo', 'excepto', 'salvo', 'solo si', 'a menos que', 'but', 'although', 'though', 'however',
  'except', 'unless', 'only if', 'dar', 'insa', 'totusi', 'doar daca', 'cu exceptia', 'numai daca',
] as const;

/** Negation words, for spotting a "yes" that is taken back later in the line. */
export const NEGATORS = new Set(['no', 'nu', 'not', 'never', 'nunca', 'jamas', 'niciodata', 'nimic', 'cant', 'cannot', 'wont', 'dont', 'didnt', 'isnt']);

/** Opening words that carry no answer and are skipped at the start of a line ("Lo siento, no puedo"). */
export const FILLERS = [
  'lo siento', 'sorry', "i'm sorry", 'im sorry', 'i am sorry', 'perdon', 'perdona', 'disculpa', 'disculpe', 'disculpas',
  'lo lamento', 'lamentablemente', 'desafortunadamente', 'por desgracia', 'me temo que', 'unfortunately', "i'm afraid",
  'im afraid', 'i am afraid', 'imi pare rau', 'scuze', 'ma scuzati', 'din pacate', 'gracias', 'muchas gracias', 'thanks',
  'thank you', 'multumesc', 'mersi', 'va multumesc', 'yo', 'i', "i'm", 'im', 'i am', 'eu', 'pues', 'bueno', 'well',
  'hoy', 'today', 'azi', 'astazi', 'ahora', 'now', 'acum',
] as const;

/** Greetings that open a reply. */
export const GREETINGS = [
  'hola', 'buenas', 'buenos dias', 'buenas tardes', 'buenas noches', 'buen dia', 'saludos', 'estimado', 'estimada',
  'estimados', 'hi', 'hello', 'hey', 'dear', 'good morning', 'good afternoon', 'good evening', 'morning', 'buna ziua',
  'buna', 'buna dimineata', 'buna seara', 'salut', 'salutare', 'servus', 'stimate', 'stimata', 'stimati',
] as const;
