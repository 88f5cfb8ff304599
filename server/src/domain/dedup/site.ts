/**
 * A service address as the duplicate rules compare it: "C/ Emilio Baró 41 (obrador)", "Calle Emilio Baró,
 * 41 - 46020 Valencia" and "emilio baro 41" are one site; "Str. Baba Novac 15, bl. C2, ap. 18, București"
 * and "Baba Novac nr. 15 bl C2 ap 18" are one flat. Pure.
 *
 * The key is `<street> <number>[ bl <block>][ @<postcode>][ #<unit>]`, all lower case without diacritics:
 *   - the street without its type, in any language or abbreviation (calle, c/, avenida, av., plaza,
 *     strada, str., bulevardul, bd., calea, street, st, road, rd, lane, avenue...), so "Wilmslow Road" and
 *     "Wilmslow Rd" meet, and customers who leave the type out ("Vallehermoso 64") too;
 *   - the house number without its marker (nº, no., nr., número); a Romanian block (bl. G4) belongs to the
 *     building;
 *   - the postcode when there is one (Spanish 5 digits, Romanian 6, a UK postcode as `b5_5sl` or its
 *     outward code `b5`, which siteRelation takes for the same area);
 *   - the unit inside the building in a fixed order: staircase, floor (piso, planta, etaj, et., floor,
 *     "3º", "bajo"), door (puerta, pta, "B", izq/dcha), flat (ap., apt., flat), unit (unit, nave, hala,
 *     local): "3ºB" is `fl 3 door b`, "ap. 18" is `apt 18`.
 * The town, the district, a building's name when there is a street, and descriptions in brackets
 * ("(obrador)") are left out: they are written one way and another for one place. `null` when no street or
 * building is left (an empty field, a town alone, "n/a").
 */

const STREET_TYPES = new Set([
  'calle', 'c', 'cl', 'avenida', 'avda', 'av', 'plaza', 'pl', 'pza', 'paseo', 'camino', 'carretera', 'ctra', 'ronda', 'travesia', 'glorieta', 'poligono', 'pol', 'urbanizacion', 'urb',
  'street', 'st', 'road', 'rd', 'lane', 'ln', 'avenue', 'ave', 'drive', 'close', 'way', 'place', 'square', 'sq', 'crescent', 'terrace', 'grove', 'gardens', 'parade', 'row',
  'strada', 'str', 'bulevardul', 'bulevard', 'bd', 'bdul', 'blvd', 'boulevard', 'calea', 'soseaua', 'sos', 'aleea', 'piata', 'splaiul', 'intrarea', 'parc', 'parcul',
]);
/** Words that only say "number" (nº, no., nr., número). */
const NUMBER_MARKERS = new Set(['n', 'no', 'nr', 'num', 'numero', 'number', 'nro', 'nº']);
/** Words of a name that carry nothing for comparison ("Parc Industrial Tetarom", "Calle de Alcalá"). */
const NAME_FILLERS = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'the', 'of', 'industrial', 'empresarial', 'comercial']);
/** Unit markers by kind, in the order the key lists them. */
const UNIT_KINDS: [string, string[]][] = [
  ['sc', ['sc', 'scara', 'escalera', 'esc', 'staircase', 'portal']],
  ['fl', ['piso', 'planta', 'pl', 'etaj', 'etajul', 'et', 'floor', 'fl']],
  ['door', ['puerta', 'pta', 'pt', 'door']],
  ['apt', ['ap', 'apt', 'apartament', 'apartamentul', 'apartment', 'flat', 'depto', 'departamento']],
  ['unit', ['unit', 'unidad', 'nave', 'hala', 'lot', 'parcela', 'suite']],
  ['local', ['local']],
];
const UNIT_MARKER = new Map(UNIT_KINDS.flatMap(([kind, words]) => words.map((w): [string, string] => [w, kind])));
const KIND_ORDER = UNIT_KINDS.map(([k]) => k);
const BLOCK_MARKERS = new Set(['bl', 'bloc', 'blocul', 'block', 'blk']);
/** Door sides and floor names written as words. */
const DOOR_WORDS: Record<string, string> = { izq: 'izq', izquierda: 'izq', izda: 'izq', dcha: 'dcha', dch: 'dcha', derecha: 'dcha', dr: 'dcha', drcha: 'dcha', centro: 'ctr', ctro: 'ctr', int: 'int', interior: 'int', ext: 'ext', exterior: 'ext' };
const FLOOR_WORDS: Record<string, string> = { bajo: '0', baja: '0', ground: '0', parter: '0', entresuelo: 'en', entreplanta: 'en', atico: 'at', mansarda: 'at', sotano: 's', demisol: 's', basement: 's' };
const ORDINAL_SUFFIX = /^(\d+)(st|nd|rd|th|o|a|er|ra|lea|ea)$/;
const UK_POSTCODE = /^([a-z]{1,2}\d[a-z\d]?)(?:\s+(\d[a-z]{2}))?$/;

export function siteKeyOf(address: string | null | undefined): string | null {
  if (!address) return null;
  const text = address
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b([a-z]{1,2}\d[a-z\d]?)\s+(\d[a-z]{2})\b/g, '$1_$2') // a full UK postcode stays one token
    .replace(/\bn\s*[ºª°o]\s*\.?\s*(?=\d)/g, 'nr ') // "nº 64", "n° 64", "no. 64"
    .replace(/(\d)\s*[ºª°]\s*/g, '$1º ') // "3ºB", "3 º B" -> "3º b"
    .replace(/\bc\//g, 'calle ')
    .replace(/\bb-dul\b/g, 'bdul');
  const segments = text
    .split(/[,;()\n]|\s-\s|\s–\s/)
    .map((s) => s.replace(/[^a-z0-9º_]+/g, ' ').trim().split(' ').filter(Boolean))
    .filter((s) => s.length > 0);
  let postcode: string | null = null;
  let street: string[] | null = null;
  let number: string | null = null;
  let block: string | null = null;
  const units = new Map<string, string>();
  const names: string[][] = [];
  let pendingFloor = false;

  for (const [si, seg] of segments.entries()) {
    const rest: string[] = [];
    for (let i = 0; i < seg.length; i++) {
      const w = seg[i]!;
      const next = seg[i + 1];
      if (/^\d{5,6}$/.test(w)) {
        postcode = w;
        continue;
      }
      const uk = w.replace('_', ' ').match(UK_POSTCODE);
      // A UK postcode: the last word of a segment after the town ("Manchester M21") or alone at the end.
      if (uk && i === seg.length - 1 && (si === segments.length - 1 || i > 0) && !(i > 0 && (UNIT_MARKER.has(seg[i - 1]!) || BLOCK_MARKERS.has(seg[i - 1]!))) && /\d/.test(w) && (i > 0 || si > 0)) {
        postcode = uk[2] ? `${uk[1]}_${uk[2]}` : uk[1]!;
        continue;
      }
      if (BLOCK_MARKERS.has(w) && next) {
        block = next;
        i++;
        continue;
      }
      const kind = UNIT_MARKER.get(w);
      if (kind && (next || kind === 'local')) {
        if (kind === 'local' && (!next || !/\d/.test(next))) units.set('local', '');
        else if (next) {
          units.set(kind, FLOOR_WORDS[next] ?? (next.match(ORDINAL_SUFFIX)?.[1] ?? next.replace('º', '')));
          i++;
        }
        continue;
      }
      // "4º piso", "2nd floor": the number before its marker.
      const ordinal = w.match(/^(\d+)º$/) ?? w.match(ORDINAL_SUFFIX);
      if (ordinal && next && UNIT_MARKER.get(next) === 'fl') {
        units.set('fl', ordinal[1]!);
        i++;
        continue;
      }
      if (/^\d+º$/.test(w)) {
        units.set('fl', w.slice(0, -1));
        pendingFloor = true;
        continue;
      }
      if (FLOOR_WORDS[w] && (number || street)) {
        units.set('fl', FLOOR_WORDS[w]!);
        pendingFloor = true;
        continue;
      }
      if (pendingFloor && (DOOR_WORDS[w] || /^[a-z]$/.test(w) || /^\d{1,2}$/.test(w))) {
        units.set('door', DOOR_WORDS[w] ?? w);
        pendingFloor = false;
        continue;
      }
      pendingFloor = false;
      rest.push(w);
    }
    if (rest.length === 0) continue;
    const typed = rest.some((w) => STREET_TYPES.has(w));
    // "Bd. 16 Decembrie 1989 nr. 11": the number after its marker is the house; numbers before it are the street's name.
    const marked = rest.findIndex((w, i) => NUMBER_MARKERS.has(w) && /^\d+[a-z]?$/.test(rest[i + 1] ?? ''));
    const isNumber = (w: string, i: number) => /^\d+[a-z]?$/.test(w) && (marked < 0 || i > marked);
    const digits = rest.filter(isNumber);
    const words = rest.filter((w, i) => !STREET_TYPES.has(w) && !NUMBER_MARKERS.has(w) && !isNumber(w, i) && !NAME_FILLERS.has(w));
    if (!street && (typed || (digits.length > 0 && words.length > 0))) {
      street = words;
      // "Vallehermoso 64 3b": the first number is the house, a second one with a letter the floor and door.
      if (digits[0]) number = digits[0];
      const more = digits[1]?.match(/^(\d+)([a-z])?$/);
      if (more && !units.has('fl')) {
        units.set('fl', more[1]!);
        if (more[2]) units.set('door', more[2]);
      }
    } else if (street && !number && digits.length > 0 && words.length === 0) {
      number = digits[0]!; // "Calle Emilio Baró, 41 - 46020 Valencia"
    } else if (street && typed) {
      street = [...street, ...words]; // "Polígono Cogullada, Calle E": the estate and its street
    } else if (!street) names.push(words); // a building's name before the street, or a town
  }
  // No street: a town, a building's name alone, "n/a": nothing to tell one site from another by.
  if (!street || street.length === 0) return null;
  const building = [...(number ? [] : (names[0] ?? [])), ...street];
  const unit = KIND_ORDER.filter((k) => units.has(k)).map((k) => (units.get(k) ? `${k} ${units.get(k)}` : k));
  return [building.join(' '), number, block ? `bl ${block}` : null, postcode ? `@${postcode}` : null, unit.length ? `#${unit.join(' ')}` : null].filter(Boolean).join(' ');
}

/** A full UK postcode and its outward code are one area ("b5_5sl" and "b5"); otherwise postcodes are equal or not. */
function samePostcode(a: string, b: string): boolean {
  const [ao, ai] = a.split('_');
  const [bo, bi] = b.split('_');
  return ao === bo && (!ai || !bi || ai === bi);
}

/** A site key taken apart: the building (street, number, block), its postcode and the unit inside. */
function partsOfKey(key: string): { building: string; postcode: string | null; unit: string | null } {
  const [head, unit] = key.split(' #');
  const m = head!.match(/^(.*?)(?: @(\S+))?$/)!;
  return { building: m[1]!, postcode: m[2] ?? null, unit: unit ?? null };
}

/**
 * How two service addresses relate: 'same' (the same building and unit, or neither names a unit),
 * 'building' (the same building, only one names its unit), 'other-unit' (the same building, two units) or
 * 'other'. Postcodes only tell buildings apart when both are known (one is often left out).
 */
export type SiteRelation = 'same' | 'building' | 'other-unit' | 'other';
export function siteRelation(a: string, b: string): SiteRelation {
  const x = partsOfKey(a);
  const y = partsOfKey(b);
  if (x.building !== y.building || (x.postcode && y.postcode && !samePostcode(x.postcode, y.postcode))) return 'other';
  if (x.unit && y.unit) return x.unit === y.unit ? 'same' : 'other-unit';
  return x.unit || y.unit ? 'building' : 'same';
}
