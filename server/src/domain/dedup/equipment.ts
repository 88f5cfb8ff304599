/**
 * The equipment a request can be about, in es/en/ro, and how two pieces of it relate. Pure data; the
 * spelling of entries is described in vocabulary.ts.
 *
 * Each concept is one kind of equipment a technician is sent to: a kitchen hood, a roller shutter, a
 * chest freezer and a dairy chiller are four, not "ventilation" or "refrigeration". Two requests about
 * different concepts are about different problems, unless they could be one fault (FAMILIES: the boiler
 * and the hot water it makes) or one depends on a supply the other is about (SUPPLIES: a power cut and
 * the lift), and even then only an agent joins them.
 */
import type { Vocabulary } from './vocabulary.js';
import type { Trade } from './equipment/trade.js';
import { HVAC } from './equipment/hvac.js';
import { HEATING } from './equipment/heating.js';
import { PLUMBING } from './equipment/plumbing.js';
import { ELECTRICAL } from './equipment/electrical.js';
import { BUILDING } from './equipment/building.js';
import { SECURITY } from './equipment/security.js';
import { TELECOM } from './equipment/telecom.js';
import { HOSPITALITY } from './equipment/hospitality.js';
import { MEDICAL } from './equipment/medical.js';
import { AGRICULTURE } from './equipment/agriculture.js';
import { INDUSTRY } from './equipment/industry.js';
import { LEISURE } from './equipment/leisure.js';
import { LAB } from './equipment/lab.js';

/** The trades' lexicons (equipment/), written from the trades: merged into the concepts and families below. */
const TRADES: readonly Trade[] = [HVAC, HEATING, PLUMBING, ELECTRICAL, BUILDING, SECURITY, TELECOM, HOSPITALITY, MEDICAL, AGRICULTURE, INDUSTRY, LEISURE, LAB];

/** Each concept (family) with the words (members) of every table that names it, each once, in order. */
function merged<T extends string>(tables: readonly Record<string, readonly T[]>[]): Record<string, readonly T[]> {
  const out: Record<string, T[]> = {};
  for (const t of tables) for (const [k, vs] of Object.entries(t)) out[k] = [...new Set([...(out[k] ?? []), ...vs])];
  return out;
}

const CORE: Vocabulary = {
  '-': [
    'aire fri*', 'aire calient*', 'aer rec*', 'aer cald*', 'cold air', 'hot air', 'warm air', 'fresh air', 'aire libre',
    'server room', 'sala de servidores', 'cuarto de servidores', 'camera serverelor', 'sala serverelor', 'camera server*',
    'placa de gas', 'placa es de gas', 'llave del gas', 'llave de paso', 'robinet* de gaz', 'red light', 'luz roja', 'lumina rosi*', 'luz de los',
    'warning light', 'flashing light', 'light flashing', 'lights flashing', 'green light', 'orange light', 'amber light', 'blue light', 'luz naranja', 'luz verde', 'lumina verde',
    // Verbs spelled like equipment: what the appliance does, not the heating, the drain or the lift ("the oven is not
    // heating up", "the dishwasher won't drain", "the barrier won't lift", "the hob won't light", "the floor is sinking").
    'heating up', 'heat up', 'heats up', 'heated up', 'not heating', 'isnt heating', 'wont heat', 'doesnt heat', 'stopped heating',
    'not draining', 'wont drain', 'doesnt drain', 'isnt draining', 'didnt drain', 'not drain', 'slow to drain', 'drains slowly', 'draining slowly', 'no desagua', 'no desaguan', 'desagua mal',
    // The tradesman, not his trade's equipment: "ya está aquí el fontanero" (not the pipes), "gas engineer on site" (a
    // boiler's or a gas supply's); who came is told by the visit words (vocabulary.ts, VISITOR).
    // "Seguimos a medio gas", "a todo gas": working at half or full speed, not the gas.
    'a medio gas', 'medio gas', 'a todo gas',
    'fontanero', 'fontaneros', 'el fontanero', 'gas engineer', 'gas engineers', 'gas safe engineer', 'gas man', 'the gas man',
    'wont lift', 'doesnt lift', 'didnt lift', 'not lifting', 'isnt lifting', 'stopped lifting', 'wont light', 'doesnt light', 'will not light', 'not lighting', '=sinking',
  ],
  boiler: [
    // Romanian 'centrală' and its forms: Spanish "la central" is a head office or a switchboard, English "central" a part of town.
    // The pilot light is the boiler's (or the gas water heater's), not the lighting.
    'pilot light', 'piloto de la caldera', 'llama piloto',
    'boiler', 'combi', 'caldera', '=centrala', '=centralei', '=centrale', '=centralele', '=centralelor', '=centralii', 'centrala termica', 'gas boiler', 'caldera de gas', 'centrala pe gaz', 'centrala de apartament', 'centrala de bloc',
    '=ariston', '=junkers', '=vaillant', '=baxi', '=worcester', '=viessmann', '=vitodens', '=potterton', '=motan', '=cointra', '=ferroli', '=immergas', '=beretta', '=saunier', '=chaffoteaux', '=protherm', '=buderus', '=cerapur',
  ],
  heating: [
    'heating', 'central heating', 'calefaccion central', 'heater', 'heat', 'radiat*', 'radiador*', 'calefac*', 'calorifer*', 'incalzir*', 'caldur*', 'aeroterm*', 'aeroterme pe gaz',
    'suelo radiante', 'underfloor', 'estufa', 'stufa', 'convector*', 'convectoare*', 'panel heater', 'storage heater', 'fan heater', 'gas heater', 'unit heater', 'air curtain', 'door heater', 'cortina de aire',
    'termoventilator*', 'emisor termico', 'furnace', '=calef', '=calefa',
  ],
  thermostat: ['thermostat', 'termostat*', 'cronotermostat*', 'room stat'],
  hotwater: [
    'hot water', 'agua caliente', 'apa calda', '=acs', '=acm', '=hw', '=dhw', 'ducha', 'shower', 'dus', 'water heater', 'gas water heater', 'calentador', 'calentador de gas', '=termo', 'termo electrico',
    'cylinder', 'hot water cylinder', 'hot water tank', 'immersion', 'boiler electric', 'boilerul electric', 'agua fria', 'recirculacion', 'acumulador*',
  ],
  aircon: [
    'aire', 'aire acondicionado', 'air con', 'aircon', 'air conditioning', 'air conditioner', '=a/c', '=ac', 'split', 'climatiz*', 'aer', 'aer conditionat', 'aparat* de aer', '=clima', 'maquina de clima',
    'hvac', '=aa', '=a/a', 'ac unit', 'mini split', 'fancoil', 'fan coil', 'ventiloconvector*', 'ventiloconvectoare*', 'vrv', 'vrf', 'unitatea exterioara', 'unidad exterior', 'maquina exterior',
    'outdoor unit', 'cassette', 'condensing unit', 'heat pump', 'bomba de calor', 'pompa de caldura', 'f gas',
    '=daikin', '=gree', '=mitsubishi', '=fujitsu', '=toshiba', '=hitachi', '=panasonic',
  ],
  compressor: ['compresor*', 'compresoare*', 'compressor', 'air compressor', 'compresor* de aer*', 'compresor de aire'],
  internet: [
    'internet', 'fibra', 'fiber', 'wifi*', 'wi fi', 'router', 'broadband', 'conexion', 'conexiune', 'connection', 'net', '=ont', 'modem', 'leased line', '=dsl', '=adsl', '=pon', '=nte', 'ethernet', 'red wifi', 'reteaua',
    '=wlan', 'repetidor', 'repeater', 'wifi extender', 'amplificador wifi', 'mesh',
  ],
  // "Till" is also "until" ("till Monday"): the cash desk is named with an article.
  payment: [
    'datafono', '=tpv', '=pos', 'card machine', 'card reader', 'card terminal', 'terminal de pago', 'cititor* de card*', '=terminal', '=terminalul', 'terminal de plata', 'caja registradora', 'cash register', 'the till', 'our till', 'a till', '=tills',
    'casa de marcat', 'pos terminal', '=tpvs', '=pdq', 'pdq machine',
  ],
  tv: ['=tv', 'television', 'televizor', '=tele', 'decodificador', 'decoder', 'canal', 'channels', 'antena', 'antenna', 'aerial', 'parabolica', 'satellite dish'],
  phoneline: ['telefono fijo', 'landline', 'phone line', 'linia telefonic*', 'telefonul fix', 'centralita', 'voip'],
  power: [
    'electricity', 'electricidad', 'electricitate', 'curent', 'corriente', 'power', 'power cut', 'apagon', 'sin luz', 'no hay luz', 'corte de luz', 'se fue la luz', 'ido la luz', 'se va la luz', 'se nos va la luz', 'se va otra vez la luz', 'se va la corriente', 'fara curent', 'pana de curent',
    'electrics', 'electrical', 'instalacion electrica', 'instalatia electrica', 'partea electrica', 'power outage', 'blackout', 'mains power', '=elec',
    // A marina's or a campsite's shore power ("the electric hook-ups on B pontoon"), not a UPS; not "hook up the new printer".
    'hook ups', 'hookups', 'electric hook up', 'electric hook ups', 'hook up bollard', 'hook up bollards', 'hook up point', 'hook up points', 'hook up power', 'hook up post', 'hook up posts', 'shore power',
  ],
  // "Tripped" alone is also a person ("a resident tripped on the step"): the breaker is named, or it keeps tripping.
  breaker: [
    'cuadro electrico', 'cuadro', 'fuse', 'fuse box', 'sigurant*', 'diferencial', 'breaker', 'circuit breaker', 'trip switch', '=tripping', 'keeps tripping', 'tripped out', '=rcd', '=mcb', 'consumer unit', 'tablou*', 'tablou electric',
    'magnetotermico', 'plomos', 'disjunctor*', 'breaker box', 'breaker panel', 'electrical panel',
  ],
  socket: ['enchufe', 'socket', 'priza', 'outlet', 'toma de corriente', 'power socket', 'plug socket'],
  lighting: [
    'luces', '=luz', 'lights', 'light', 'lighting', 'iluminacion', 'iluminat*', 'lumina', 'lumini', 'bombilla*', '=bec', '=becul', '=becuri', 'bulb*', 'fluorescent*', '=focos', '=foco', 'farola*', 'lampara*', 'lampa',
    'emergency lighting', 'luces de emergencia', 'downlight*', 'plafon*',
  ],
  water: ['agua', 'water', '=apa', '=apei', 'water tank', 'deposito de agua', 'rezervor*', 'water supply', 'suministro de agua', 'water main*'],
  // '=tap': the Spanish 'tapa' (a lid) stems to 'tap'.
  tap: ['grifo', '=tap', '=taps', 'faucet', 'robinet', 'mixer tap', 'monomando', 'baterie'],
  pipe: ['tuberia', 'pipe', 'teava', 'tevi', 'conducta', 'bajante', '=tubo'],
  drain: ['desague', 'drain', 'canaliz*', 'sewer', 'alcantarilla*', 'sifon', 'atarjea'],
  sink: ['sink', 'fregadero', 'chiuveta', 'lavabo', 'washbasin', 'basin', 'lavoar'],
  // Spanish also writes the toilet "wáter": "el water", never English.
  toilet: ['toilet', '=wc', 'el water', 'del water', 'al water', 'un water', 'inodoro', 'cisterna', 'cistern', 'vater', 'vas de toaleta', 'vasul de toaleta', 'vas wc', 'vasul wc', 'closet', 'urinal*', 'urinario', '=loo'],
  pump: ['bomba', 'pump', 'pompa', 'water pump', 'bomba de agua', 'pompa de apa', 'sump pump', 'bomba de achique', 'booster pump', 'grupo de presion'],
  // 'nevera' stems to English "never": written as words.
  fridge: ['=nevera', '=neveras', 'neverita', 'fridge', 'frigider', 'frigorific*', 'refrigerator', 'frigorifico', '=frigo', 'fridge freezer'],
  freezer: ['freezer', 'congelador', 'congelator', 'chest freezer', 'lada frigorifica', 'lada de congelare', '=arcon', 'arcon congelador', 'ice cream freezer', 'lazi frigorifice', 'lazile frigorifice', 'lada de inghetata'],
  chiller: ['chiller', 'enfriador*'],
  // The dairy's milk tank cools the milk, not a building: no kin of the chilled water the air conditioning runs on.
  milktank: ['tanque de leche', 'tanque de frio', 'tanc de racire', 'tancul de lapte', 'tanc de lapte', 'milk tank', 'milk cooler', 'milk cooling tank', 'bulk tank', 'bulk milk tank', 'dairy chiller', 'tancul de racire'],
  coldroom: [
    'camara frigorifica', 'camara de frio', 'camara', 'cold room', 'walk in', 'walk in fridge', 'camera frigorifica', 'walk in freezer', 'freezer room', 'camara de congelacion', 'camara de congelados', 'camera de congelare',
    'camera frigorifica de congelare',
  ],
  display: ['vitrina', 'display case', 'display fridge', 'expositor*', 'vitrina frigorifica', 'mural', 'mural refrigerado', 'multideck', 'multi deck', 'vitrina frigorifica murala'],
  icemachine: ['ice machine', 'maquina de hielo', 'fabricador de hielo', 'masina de gheata', 'ice maker'],
  ventilation: ['ventilacion', 'ventilation', 'ventilatie', 'ventilati*', 'recuperador', '=ahu', 'air handling unit', 'air handler', 'unidad de tratamiento de aire', '=uta', 'climatizadora', 'centrala de tratare a aerului'],
  // "La extracción", "the extraction", "extracția" of a kitchen or a bathroom; a tooth's extraction is the dentist's.
  extractor: ['extractor*', 'extractoare*', 'extractor fan', 'exhaust fan', 'extract fan', '=extraccion', '=extraction', '=extractie', '=extractia', '=extractiei', 'kitchen extract', 'extract system', 'sistema de extraccion', 'sistemul de extractie'],
  hood: ['hood', 'cooker hood', 'extractor hood', 'kitchen hood', 'range hood', 'campana', 'campana extractora', 'campana de cocina', '=hota', '=hotei', '=hote', '=hotele', '=hotelor', 'hota de bucatarie'],
  washer: ['lavadora', 'washing machine', 'washer', 'masina de spalat rufe', 'masina de spalat'],
  dishwasher: ['lavavajillas', 'dishwasher', 'masina de spalat vase'],
  dryer: ['secadora', 'tumble dryer', 'dryer', 'uscator*', 'uscatoare*'],
  // A proofer (the dough's warm, humid cabinet) is not the oven next to it.
  proofer: ['proofer', 'prover', 'proving cabinet', 'fermentadora', 'camara de fermentacion', 'dospitor*', 'camera de dospire', 'camera de dospit'],
  oven: ['=horno', '=hornos', 'oven', 'cuptor*', 'cuptoare*', '=vitro', 'fan oven', 'vitroceramica', 'induccion', 'hob', 'aragaz', 'cooker', 'plita', 'fogon*', 'stove'],
  fryer: ['freidora', 'fryer', 'friteuz*'],
  coffee: ['cafetera', 'coffee machine', 'espressor*', 'expresor*', 'maquina de cafe', 'masina de cafea'],
  // The doors of a lift are the lift ("operador de puertas de cabina", "ușa de palier", "landing door").
  stairlift: ['stairlift', 'stair lift', 'salvaescaleras', 'silla salvaescaleras', 'lift de scara', 'scaun de scara'],
  lift: ['ascensor', 'lift', 'elevator', 'montacargas', 'goods lift', 'puerta de cabina', 'puertas de cabina', 'landing door', 'usa de palier', 'usile de palier', 'usa liftului', 'usa cabinei'],
  escalator: ['escalator', 'escalera mecanica', 'escalera* mecanica*', 'scara rulanta'],
  door: ['puerta', 'door', '=usa', '=usi', '=usii', '=usile', '=usilor', 'garage door', 'puerta de garaje', 'puerta automatica', 'automatic door', 'sliding door', 'usa automata'],
  shutter: ['persiana', 'shutter', 'roller shutter', 'rulou', 'jaluz*', 'cierre metalico', 'persiana metalica', 'oblon*', 'roller door', 'cortina metalica'],
  barrier: ['barrera', 'barrier', 'bariera', 'parking barrier', 'boom gate'],
  gate: ['porton', 'gate', 'poarta', 'cancela', 'verja', 'gate motor'],
  alarm: ['alarm system', 'burglar alarm', 'intruder alarm', 'security alarm', 'alarma de seguridad', 'alarma antirrobo', 'sistema de alarma', 'sistem* de alarma', 'alarma casei'],
  firealarm: [
    'fire alarm', 'fire panel', 'central de incendios', 'centralita de incendios', 'central de alarma de incendios', 'panel de incendios', 'alarma de incendio*', 'alarma contra incendio*', 'alarma de incendiu', 'centrala de incendiu', 'detector* de fum', 'detector* de humo', 'smoke detector*', 'smoke alarm*', 'sprinkler*',
    'rociador*',
  ],
  cctv: ['cctv', 'camaras de seguridad', 'camaras de vigilancia', 'camere de supraveghere', 'camera de supraveghere', 'camerele de supraveghere', 'videovigilancia', 'security camera*', '=dvr', '=nvr', 'videograbador'],
  intercom: ['intercom', 'interfon*', 'portero automatico', 'videoportero', '=portero', 'telefonillo', 'door entry', 'entry phone', 'videointerfon*'],
  evcharger: ['ev charger', 'car charger', 'charging point', 'charge point', 'charger', 'wallbox', 'punto de recarga', 'punto de carga', 'cargador*', 'incarcator*', 'incarcatoare*', 'statie de incarcare', 'statia de incarcare'],
  solar: ['solar', 'placas solares', 'paneles solares', 'panou solar', 'panour* solare', 'solar panel', 'fotovoltaic*'],
  inverter: ['inverter', 'invertor*', 'inversor'],
  gas: ['gas', 'gaz'],
  printer: ['impresora', 'printer', 'imprimant*'],
  server: ['servidor', 'server', '=nas'],
};

export const EQUIPMENT: Vocabulary = merged([CORE, ...TRADES.map((t) => t.equipment)]);

/**
 * Parts that are pieces of equipment of their own too: "el ventilador" alone may be a fan or the fan of a machine
 * ("el ventilador de la caldera hace ruido"). Against an incident about such a machine it is related (an agent
 * decides), not other equipment. Not a family: the machines are not related to one another.
 */
export const PARTS: Readonly<Record<string, readonly string[]>> = {
  fan: ['boiler', 'oven', 'fridge', 'freezer', 'coldroom', 'display', 'computer', 'server', 'dryer', 'hood', 'projector', 'dehumidifier', 'aircon', 'heating', 'ventilation'],
};

/**
 * Equipment mentioned in passing more often than broken: the door the technician should use, the lift in
 * the address ("4º piso, hay ascensor"). It counts only in a clause that describes a fault.
 */
export const INCIDENTAL_EQUIPMENT: readonly string[] = ['door', 'lift', 'gate'];

/**
 * Equipment that could show one fault: the boiler makes the heating and the hot water and the thermostat
 * drives them; the router, the TV decoder, the phone line and the card terminal share one connection; a
 * tripped breaker is the power cut, the dead socket and the dark corridor. Not a trade: a sink and a
 * boiler are both plumbing, and two faults. Equipment of one family is related (an agent may join it),
 * of no common family other equipment.
 */
const CORE_FAMILIES: Record<string, readonly string[]> = {
  thermal: ['boiler', 'heating', 'hotwater', 'thermostat'],
  network: ['internet', 'payment', 'tv', 'phoneline', 'server'],
  electrical: ['power', 'breaker', 'socket', 'lighting'],
  plumbing: ['water', 'pipe', 'tap', 'pump'],
  refrigeration: ['fridge', 'freezer', 'chiller', 'coldroom', 'display', 'milktank'],
  pv: ['solar', 'inverter'],
  kitchen: ['hood', 'extractor'],
};
export const FAMILIES: Record<string, readonly string[]> = merged([CORE_FAMILIES, ...TRADES.map((t) => t.families ?? {})]);

/**
 * Supplies: what a piece of equipment runs on. "Sin corriente" with the lift and "no power" with the
 * corridor lights name one supply and two pieces of equipment: not the same equipment. A power cut and
 * the lift it stopped are related (an agent may join them); water or gas with the one equipment it leaks
 * from or smells at is that equipment's fault.
 */
export const SUPPLIES: readonly string[] = ['power', 'water', 'gas'];
