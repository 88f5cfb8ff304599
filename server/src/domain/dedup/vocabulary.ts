/**
 * What a field-service request is about, in the words customers use in Spanish, English and Romanian:
 * the equipment (what broke) and the symptom (how). Stems are matched against normalised words (lower
 * case, no diacritics) by prefix, so 'calefaccion', 'calentador' and 'radiadores' each find theirs.
 * Two requests about different equipment are never the same problem; the same equipment and symptom
 * usually are, for one customer within days. Pure data.
 */
export const EQUIPMENT: Record<string, readonly string[]> = {
  boiler: ['boiler', 'combi', 'caldera', 'centrala', 'centralei', 'centralii', 'calentador', 'termo', 'cylinder', 'ariston', 'junkers', 'vaillant', 'baxi', 'worcester', 'ideal'],
  heating: ['heating', 'heater', 'aeroterm', 'radiator', 'calefac', 'radiador', 'suelo radiante', 'calorifer', 'incalzir', 'caldur', 'underfloor'],
  hotwater: ['hot water', 'acs', 'agua caliente', 'apa calda', 'apa cald', 'ducha', 'shower', 'dus'],
  aircon: ['aer ', 'hvac', 'fancoil', 'fan coil', 'vrv', 'vrf', 'unitatea exterioara', 'aire', 'air con', 'aircon', 'air conditioning', 'a/c', 'split', 'climatiz', 'aer conditionat', 'aerul conditionat', 'aparatul de aer', 'clima', 'daikin', 'gree', 'mitsubishi', 'fujitsu', 'bomba de calor', 'heat pump', 'pompa de caldura'],
  internet: ['internet', 'fibra', 'fibre', 'fiber', 'wifi', 'wi-fi', 'router', 'broadband', 'conexion', 'conexiune', 'netul', 'net ', 'ont', 'modem', 'online'],
  tv: ['tv', 'television', 'televizor', 'decodificador', 'decoder', 'canale', 'canales', 'channels'],
  phoneline: ['telefono fijo', 'landline', 'phone line', 'linia telefon', 'centralita', 'voip'],
  power: ['sin luz', 'no hay luz', 'electric', 'corriente', 'power', 'curent', 'lumina', 'apagon', 'cuadro', 'fuse', 'sigurant', 'diferencial', 'trip', 'enchufe', 'socket', 'priza'],
  water: ['agua', 'water', 'apa', 'grifo', 'tap', 'robinet', 'tuberia', 'pipe', 'teava', 'desague', 'drain', 'canalizar'],
  refrigeration: ['camara', 'frigor', 'nevera', 'fridge', 'freezer', 'congelador', 'frigider', 'chiller', 'cold room', 'vitrina'],
  lift: ['ascensor', 'lift', 'elevator'],
  door: ['persiana', 'puerta', 'door', 'shutter', 'rulou', 'poarta', 'garaj'],
  alarm: ['alarma', 'alarm', 'camaras de seguridad', 'cctv', 'sensor'],
  solar: ['solar', 'placas', 'panou', 'panel', 'inverter', 'invertor', 'inversor'],
  gas: ['gas', 'gaz'],
  printer: ['impresora', 'printer', 'imprimanta'],
  server: ['servidor', 'server', 'nas'],
};

export const SYMPTOMS: Record<string, readonly string[]> = {
  nofunction: ['no funciona', 'not working', 'nu functioneaza', 'nu merge', 'no va', 'stopped', 'dead', 'no enciende', 'no arranca', 'nu porneste', 'won t start', "won't", 'down', 'caido', 'cortad', 'sin ', 'without', 'fara ', 'lipsa', 'no hay', 'no tenemos', 'nu avem', 'no '],
  cold: ['cold', 'frio', 'fria', 'rece', 'frig', 'no calienta', 'not heating', 'nu incalzeste', 'nu face cald', 'sufla rece'],
  leak: ['fuga', 'gotea', 'gotera', 'goteo', 'leak', 'drip', 'picur', 'curge', 'scurg', 'pierde agua', 'charco', 'puddle', 'balta', 'inund', 'flood'],
  pressure: ['presion', 'pressure', 'presiune', 'bar '],
  noise: ['ruido', 'noise', 'noisy', 'zgomot', 'banging', 'golpe', 'pita', 'beep'],
  smell: ['olor', 'smell', 'miros', 'huele', 'smells'],
  error: ['error', 'eroare', 'fault code', 'codigo', 'cod ', 'led', 'parpade', 'clipeste', 'flashing', 'blinking', 'luz roja', 'red light'],
  slow: ['lento', 'lenta', 'slow', 'incet', 'intermit', 'se corta', 'drops', 'cade', 'cortes', 'pica'],
  hot: ['calor', 'too hot', 'prea cald', 'no enfria', 'not cooling', 'nu raceste'],
};

/**
 * Equipment that serves one need: a boiler makes the heating and the hot water, a heat pump or HVAC heats
 * too; a router, the TV decoder and the phone line share one connection. Two requests about equipment of
 * different families are about different problems.
 */
export const FAMILIES: Record<string, readonly string[]> = {
  thermal: ['boiler', 'heating', 'hotwater', 'aircon', 'gas', 'solar'],
  network: ['internet', 'tv', 'phoneline', 'server', 'printer'],
  electrical: ['power', 'solar', 'alarm', 'door', 'lift'],
  plumbing: ['water', 'hotwater', 'boiler'],
  cold: ['refrigeration', 'aircon'],
};

/**
 * Where something is: a street, a unit, a room. Spanish and Romanian put the marker first ("calle Betis",
 * "hala B2", "planta 3"), English mostly after ("Cannon St", "east wing", "3rd floor"). Two requests that
 * name different places of one customer are usually two problems.
 */
export const PLACE_BEFORE_NAME: Record<PlaceLevel, readonly string[]> = {
  site: ['calle', 'c/', 'avenida', 'avda', 'plaza', 'strada', 'str', 'bulevardul', 'bd', 'calea', 'pensiunea', 'hotel', 'hotelul'],
  unit: ['unit', 'unidad', 'nave', 'hala', 'sala', 'planta', 'etaj', 'et', 'habitacion', 'depozit', 'depozitul', 'almacen', 'tienda', 'oficina', 'biroul', 'flat', 'piso', 'local'],
};
export const PLACE_AFTER_NAME: Record<PlaceLevel, readonly string[]> = {
  site: ['street', 'st', 'road', 'rd', 'lane', 'avenue', 'ave', 'house', 'building', 'hall'],
  unit: ['wing', 'floor', 'office', 'warehouse', 'shop', 'room', 'kitchen', 'lounge'],
};
/** A site (an address, a building) holds units (a floor, a wing, a room): names compare within a level. */
export type PlaceLevel = 'site' | 'unit';

/** Words that say someone already reported it ("my colleague has already rung you"). */
export const REFERS_BACK: readonly string[] = [
  'already contacted', 'already rung', 'already called', 'already emailed', 'already been in touch', 'already reported', 'has rung', 'have rung', 'rang you', 'emailed yesterday', 'emailed last', 'as reported', 'same problem', 'same issue', 'again',
  'ya les ha', 'ya os ha', 'ya les he', 'ya han llamado', 'ya escribi', 'ya llame', 'les acabo de llamar', 'como les dije', 'lo de ', 'sigue', 'seguimos', 'otra vez', 'de nuevo',
  'v-a scris', 'v-a sunat', 'v am scris', 'am sunat', 'am scris', 'ati reusit', 'mai dureaza', 'tot nu', 'tot e', 'iar nu', 'din nou', 'aceeasi problema',
];

/** Words that bring up a second problem while writing about a first ("also, while your engineer is here"). */
export const ANOTHER_PROBLEM: readonly string[] = [
  'also', 'one more thing', 'another thing', 'separate', 'unrelated', 'while your engineer is here', 'while you are here', 'different issue', 'new issue',
  'otra cosa', 'ademas', 'aparte', 'tambien', 'de paso', 'aprovechando', 'otro tema', 'otra averia', 'otro problema',
  'inca ceva', 'inca o problema', 'alta problema', 'separat', 'de asemenea', 'si la', 'cat timp',
];

/** Words that mark a request about money or paper, not a fault (a bill that cites a repair is its own request). */
export const BILLING: readonly string[] = ['factura', 'invoice', 'bill', 'billing', 'presupuesto', 'quote', 'oferta', 'contrato', 'contract', 'pago', 'payment', 'plata', 'recibo', 'receipt', 'abono', 'refund', 'reembolso'];

/** Words of a follow-up that names no problem ("any news?"): it belongs to the sender's latest open request. */
export const FOLLOW_UP: readonly string[] = [
  'novedad', 'noticias', 'any news', 'any update', 'update on', 'chasing', 'checking', 'still waiting', 'seguimos esperando', 'cuando viene', 'cuando vendra', 'when will', 'when is', 'vreo noutate', 'noutati', 'cand vine', 'cand ajunge', 'asteptam',
  'ya funciona', 'ya va', 'funciona ya', 'vuelve a funcionar', 'solucionado', 'arreglado', 'working now', 'back up', 'works now', 'all good', 'fixed', 'sorted', 'acum merge', 'merge acum', 'functioneaza acum', 'rezolvat', 'gracias', 'thanks', 'cheers', 'multumesc', 'mersi',
  'confirm', 'confirmo', 'confirmam', 'programat', 'cita', 'booked', 'appointment', 'visit', 'visita', 'vizita', 'tecnico', 'technician', 'engineer', 'tehnician', 'ya escribi', 'emailed', 'v-a scris', 'am scris',
];
