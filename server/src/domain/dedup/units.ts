/**
 * Units of one customer told apart: the block or staircase of a building ("scara A", "escalera 2", "Block
 * B", "portal 3", "bl. G4") and the unit of a kind of equipment ("lift 2", "the small lift", "ascensorul din
 * stânga"). Two requests about the same kind of equipment in different units are two problems. Pure.
 */
import type { Words } from './match.js';
import { isPlaceMarker } from './text.js';

const BUILDING = new Set(['bloc', 'blocul', 'bl', 'bloque', 'block', 'torre', 'tower', 'edificio', 'building', 'cladirea', 'corp', 'corpul']);
const STAIRCASE = new Set(['scara', 'scarii', 'sc', 'escalera', 'stair', 'staircase', 'stairwell', 'portal', 'portalul']);
const NUMBER_WORDS = new Set(['nr', 'no', 'numero', 'num', 'n']);
/** A block or staircase name: a capital letter with an optional digit ("A", "G4"), or a number ("2", "3B"). */
const UNIT_NAME = /^(?:[A-Z]{1,2}\d{0,2}|\d{1,3}[A-Za-z]?)$/;

/** 'building:g4', 'staircase:a' for the blocks and staircases a clause names (case matters: "scara a doua" is no name). */
export function blocksIn(clause: string): string[] {
  const tokens = clause.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const lower = tokens[i]!.toLowerCase();
    const level = BUILDING.has(lower) ? 'building' : STAIRCASE.has(lower) ? 'staircase' : null;
    if (!level) continue;
    let j = i + 1;
    if (NUMBER_WORDS.has(tokens[j]?.toLowerCase() ?? '')) j++;
    const name = tokens[j];
    if (name && UNIT_NAME.test(name) && !/^(?:I|Y|O|E)$/.test(name)) out.push(`${level}:${name.toLowerCase()}`);
  }
  return out;
}

/** Words that tell one unit of a kind of equipment from another, by what they mean. */
const QUALIFIERS: Record<string, readonly string[]> = {
  small: ['small', 'little', 'pequeno', 'pequena', 'chico', 'mic', 'mica', 'micul'],
  // The main one is the big one, next to a small or service one ("ascensor principal", "the main sink").
  big: ['big', 'large', 'grande', 'mare', 'marele', 'main', 'principal', 'principala', 'principalul'],
  left: ['left', 'izquierda', 'izquierdo', 'izq', 'stanga'],
  right: ['right', 'derecha', 'derecho', 'dcha', 'dreapta'],
  front: ['front', 'delantera', 'delantero', 'fata'],
  rear: ['rear', 'trasera', 'trasero', 'spate'],
  service: ['service', 'servicio', 'serviciu', 'goods', 'carga', 'marfa'],
};
const QUALIFIER_OF = new Map(Object.entries(QUALIFIERS).flatMap(([q, ws]) => ws.map((w) => [w, q] as const)));
/**
 * What a pump serves, when the request says ("la bomba del pozo", "the pool pump", "pompa de la put", "la bomba
 * de calefacción"): a customer's well pump and pool pump are two pumps, two problems. Rooms and floors are
 * placesOf's.
 */
const PUMP_SERVES: Record<string, readonly string[]> = {
  well: ['pozo', 'well', 'borehole', 'sondeo', 'put', 'putul', 'putului', 'fantana', 'fantanii', 'aljibe', 'cistern'],
  pool: ['piscina', 'pool', 'piscinei', 'piscine', 'depuradora'],
  heating: ['calefaccion', 'heating', 'incalzire', 'incalzirii', 'circulador', 'circulating', 'circulation', 'recirculacion', 'radiadores', 'radiators', 'calorifere'],
  sewage: ['fecales', 'residuales', 'sewage', 'sump', 'achique', 'drenaje', 'drainage', 'drenaj', 'fecale', 'dejectii', 'canalizare', 'uzate'],
  irrigation: ['riego', 'irrigation', 'sprinkler', 'sprinklers', 'aspersores', 'irigatie', 'irigare', 'irigat'],
};
const SERVES_OF = new Map(Object.entries(PUMP_SERVES).flatMap(([q, ws]) => ws.map((w) => [w, q] as const)));
/** After the pump, what it serves follows a preposition ("del pozo", "din puț", "de la piscină", "for the pool"): not "working well", "we put in". */
const SERVES_PREPOSITIONS = new Set(['de', 'del', 'din', 'la', 'al', 'of', 'for', 'from', 'pentru', 'para']);
const SERVES_ARTICLES = new Set(['the', 'el', 'la', 'our', 'nuestro', 'nuestra']);
/**
 * Equipment that comes in numbered units ("lift 2", "TPV 3", "dock 4", "silo 2", "lavadora 3"), not measured
 * ("boiler 24 kW") nor single on a site (the pool, the roof, the alarm). Meters are not here: the number
 * after a meter is its serial or its reading, not which one of several.
 */
const NUMBERED = new Set([
  'lift', 'escalator', 'door', 'gate', 'barrier', 'shutter', 'aircon', 'freezer', 'fridge', 'chiller', 'coldroom', 'display', 'oven', 'pump', 'compressor', 'evcharger', 'payment', 'extractor', 'hood', 'printer',
  // Laundries and kitchens run rows of machines; shops rows of tills, scales, vending and cash machines.
  'washer', 'dryer', 'ironer', 'blastchiller', 'icecream', 'scale', 'vending', 'atm',
  // Loading docks, refrigerated trucks of a fleet, standby plant in pairs, workstations; fans, dehumidifiers,
  // cooling towers and transformers of a plant.
  'dock', 'reefer', 'generator', 'ups', 'computer', 'fan', 'dehumidifier', 'coolingtower', 'transformer',
  // Surgeries and wards: chairs, autoclaves and beds are numbered.
  'dentalchair', 'autoclave', 'medicalbed',
  // Farms and food plants: milking units, silos, incubators, lines' conveyors and packers.
  'milking', 'silo', 'incubator', 'conveyor', 'packer',
  // Workshops, garages and forecourts: forklifts, cranes, presses and machines of a shop floor, lifts and bays of a
  // garage, fuel dispensers, booths, compactors and balers of a yard.
  'forklift', 'crane', 'press', 'moulding', 'machinetool', 'welder', 'vehiclelift', 'tyrechanger', 'carwash', 'pressurewasher', 'fueldispenser', 'paintbooth', 'compactor', 'baler',
  // Rooms of projectors and boards, rows of gym machines, lodges' hot tubs, lanes, a lab's cabinets and centrifuges.
  'projector', 'whiteboard', 'treadmill', 'crosstrainer', 'exercisebike', 'rower', 'gymmachine', 'hottub', 'bowling', 'arcade', 'fumecupboard', 'biosafety', 'centrifuge', 'dryingoven',
]);
const MEASURES = new Set([
  'kw', 'kva', 'kwh', 'kg', 'l', 'litros', 'litres', 'liters', 'bar', 'grados', 'degrees', 'grade', 'c', 'years', 'anos', 'ani', 'h', 'horas', 'hours', 'ore', 'min', 'minutos', 'minutes', 'minute',
  'm', 'metros', 'personas', 'persoane', 'people',
  // A time or a count, not a unit ("the lift 2 days ago", "el ascensor 3 veces").
  'hora', 'hour', 'dia', 'day', 'zi', 'dias', 'days', 'zile', 'semana', 'week', 'saptamana', 'semanas', 'weeks', 'saptamani', 'vez', 'veces', 'times', 'ori', 'inch', 'pulgadas', 'inchi',
  'mins', 'hr', 'hrs', 'sec', 'secs', 'seconds', 'segundos', 'secunde', 'minute', 'month', 'months', 'mes', 'meses', 'luna', 'luni', 'year', 'ano', 'an',
  // Money and readings: "20 euros", "3 bar", "15 amps".
  'eur', 'euro', 'euros', 'lei', 'ron', 'pounds', 'quid', 'gbp', 'percent', 'kpa', 'psi', 'mbar', 'amp', 'amps', 'amperios', 'v', 'volts', 'voltios', 'w', 'watts', 'cv', 'hp',
]);

/** 'lift:2', 'lift:small' for each equipment match (concept, first word, word count) of a run of words. */
export function equipmentUnits(w: Words, matches: readonly { concept: string; at: number; length: number }[]): string[] {
  const out: string[] = [];
  for (const { concept, at, length } of matches) {
    if (concept === '-') continue;
    const end = at + length;
    let j = end;
    if (NUMBER_WORDS.has(w.words[j] ?? '')) j++;
    const n = w.words[j];
    if (NUMBERED.has(concept) && n && /^\d{1,2}$/.test(n) && !MEASURES.has(w.words[j + 1] ?? '')) out.push(`${concept}:${n}`);
    const after = w.words.slice(end, end + 3);
    const cut = after.indexOf('§');
    // Within the clause: the word before and up to three after ("el ascensor de la izquierda").
    for (const word of [w.words[at - 1], ...(cut < 0 ? after : after.slice(0, cut))]) {
      if (!word || word === '§') continue;
      const q = QUALIFIER_OF.get(word);
      if (q) out.push(`${concept}:${q}`);
    }
    if (concept === 'pump') {
      // In the words matched ("well pump", "bomba de pozo"), the one before ("pool pump"), or up to four after
      // within the clause after a preposition ("la bomba de agua del pozo", "the pump for the pool").
      const serving = (k: number) => {
        const before = w.words[k - 1] ?? '';
        return SERVES_PREPOSITIONS.has(before) || (SERVES_ARTICLES.has(before) && SERVES_PREPOSITIONS.has(w.words[k - 2] ?? ''));
      };
      for (let k = Math.max(0, at - 1); k < Math.min(w.words.length, end + 4); k++) {
        if (w.words[k] === '§' && k >= at) break;
        const serves = SERVES_OF.get(w.words[k]!);
        if (serves && (k < end || serving(k)) && !out.includes(`pump:${serves}`)) out.push(`pump:${serves}`);
      }
    }
  }
  return out;
}

/**
 * Words after which a number is no unit's: articles and prepositions, times and dates ("desde las 9", "pe 3
 * iulie", "since 8"), counts and amounts ("unos 3", "about 20").
 */
const NOT_A_THING = new Set([
  'las', 'los', 'del', 'una', 'uno', 'unos', 'unas', 'por', 'para', 'desde', 'hasta', 'sobre', 'hace', 'cada', 'entre', 'aprox', 'son', 'eran',
  'the', 'and', 'for', 'from', 'since', 'until', 'till', 'about', 'around', 'after', 'before', 'only', 'last', 'next', 'every', 'over', 'under', 'than', 'with', 'approx', 'number', 'page', 'top', 'half',
  'ora', 'orele', 'pana', 'dupa', 'din', 'pentru', 'peste', 'sub', 'catre', 'inca', 'cele', 'doar', 'circa', 'vreo', 'aproximativ', 'numarul', 'numar',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'ianuarie', 'februarie', 'martie', 'aprilie', 'mai', 'iunie', 'iulie', 'septembrie', 'octombrie', 'noiembrie', 'decembrie',
  'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'luni', 'marti', 'miercuri', 'joi', 'vineri', 'sambata', 'duminica', 'version', 'model', 'serie', 'series', 'code', 'codigo', 'codul', 'cod', 'error', 'eroare', 'fallo',
  // A day of the month, a reference or a phone ("desde el dia 10", "ticket 45", "ref 12").
  'dia', 'day', 'zi', 'ziua', 'ticket', 'ref', 'reference', 'referencia', 'referinta', 'tel', 'telefono', 'phone', 'pedido', 'order', 'comanda', 'factura', 'invoice', 'aviso', 'incidencia', 'case', 'caso',
  // Verbs before a count ("we have 3 guests", "its been 2 months", "llevo esperando 20").
  'have', 'has', 'had', 'been', 'are', 'were', 'was', 'got', 'hay', 'tengo', 'tenemos', 'tiene', 'tienen', 'llevo', 'llevamos', 'lleva', 'avem', 'sunt', 'este',
]);
/** A verb form ("waited 45", "esperando 20", "asteptam 2"): the number after it is a count. */
const VERB_FORM = /^[a-z]{3,}(?:ed|ing|ando|iendo)$/;
/** Street words: the number after the next word or two is a house number ("calle Mayor 3", "Str. Mărășești 18"). */
const STREETS = new Set([
  'calle', 'c', 'avda', 'avenida', 'av', 'paseo', 'plaza', 'camino', 'ctra', 'carretera', 'carrer', 'rua', 'travesia', 'ronda', 'pol', 'poligono',
  'street', 'st', 'road', 'rd', 'lane', 'avenue', 'ave', 'close', 'way', 'drive', 'court', 'terrace', 'square', 'crescent', 'place',
  'str', 'strada', 'strazii', 'bd', 'bulevardul', 'bulevard', 'calea', 'soseaua', 'sos', 'aleea', 'piata', 'splaiul', 'intrarea',
]);

/**
 * Numbered things the vocabulary does not know (not floors, units, buildings or rooms: placesOf reads those): "masina 3", "bazinul 3", "sera 4", "paddock 3", "nave 2", as
 * 'stem:number'; not at the positions `skip` (the equipment matched, whose units equipmentUnits reads), only at
 * those `where` allows, not a time, date, count, code or measure, not a house number.
 */
export function numberedIn(w: Words, skip: ReadonlySet<number>, where: (at: number) => boolean = () => true): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < w.words.length; i++) {
    // A number before a measure or before equipment is a count ("tenemos 2 neveras"), not which one.
    if (!/^\d{1,2}$/.test(w.words[i + 1]!) || MEASURES.has(w.words[i + 2] ?? '') || skip.has(i + 2)) continue;
    // "Cabina nr 3": the thing is the word before the number word.
    const at = NUMBER_WORDS.has(w.words[i]!) ? i - 1 : i;
    const word = w.words[at];
    if (!word || skip.has(at) || !where(at) || !/^[a-z]{3,}$/.test(word) || NOT_A_THING.has(word) || NUMBER_WORDS.has(word) || VERB_FORM.test(word) || isPlaceMarker(word)) continue;
    if (w.words.slice(Math.max(0, at - 3), at).some((x) => STREETS.has(x))) continue;
    out.push(`${w.stems[at]}:${w.words[i + 1]}`);
  }
  return out;
}
