/** Words as the duplicate rules read them (match.ts, vocabulary.ts, equipment.ts): stems, equipment and symptoms in es/en/ro. */
import { describe, expect, it } from 'vitest';
import { gistOf, stem } from '../../src/domain/dedup/index.js';

/** stem() is for normalised words: the test words pass through the same normalisation first. */
const plain = (w: string) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
/** The equipment a text is about includes `yes` and none of `no`. */
function equipmentCase(text: string, yes: readonly string[], no: readonly string[]) {
  const g = gistOf(text);
  for (const e of yes) expect([...g.equipment]).toContain(e);
  for (const e of no) expect([...g.equipment]).not.toContain(e);
}
describe('words', () => {
  it.each([
    ['radiadores', 'radiador'],
    ['centralei', 'centrala'],
    ['caloriferele', 'calorifere'],
    ['boilers', 'boiler'],
    ['caliente', 'calienta'],
    ['fría', 'frío'],
    ['routerul', 'router'],
  ])('%s and %s share a stem', (a, b) => expect(stem(plain(a))).toBe(stem(plain(b))));

  // What the old substring matching found, and must not: each text and what it is not about.
  it.each([
    ['Se ha apagado el router, lo he reiniciado', 'equipment', 'water'], // 'apa' (water) in 'apagado'
    ['Greenfield Lodge: no hot water', 'equipment', 'aircon'], // 'gree' (a brand) in 'Greenfield'
    ['My wife rang you this morning about the boiler', 'equipment', 'internet'], // 'wifi' is not 'wife'
    ['El teléfono fijo no recibe llamadas', 'billing', true], // 'recibe' is not 'recibo'
    ['Sale agua por debajo de la caldera', 'places', 'unit:agua'], // 'sale' (comes out) is not 'sala'
    ['Ruth Adeyemi, 120 Floodgate Street', 'symptoms', 'leak'], // 'flood' in 'Floodgate'
    ['Revisando el banco vemos un cargo por cada uno', 'symptoms', 'slow'], // 'cada' is not 'cade' (drops)
    ['La recepción está fría', 'equipment', 'refrigeration'],
  ] as const)('%s: no %s %s', (text, field, value) => {
    const g = gistOf(text);
    if (field === 'billing') expect(g.billing).not.toBe(value);
    else expect([...g[field]]).not.toContain(value);
  });

  it.each([
    ['The water heater under the sink gives no hot water', ['hotwater', 'sink'], ['heating', 'water']],
    ['Heat pump in the lounge keeps beeping', ['aircon'], ['heating']],
    ['La bomba de calor del salón hace ruido', ['aircon'], ['heating']],
    ['Pompa de căldură nu mai pornește', ['aircon'], ['heating']],
    ['Los aerotermos echan aire frío', ['heating'], ['aircon']],
    ['Entrad por la puerta de atrás, la caldera está en el patio y pierde presión', ['boiler'], ['door']],
    ['La puerta del garaje no abre', ['door'], []],
    ['4º piso, hay ascensor. La caldera marca error', ['boiler'], ['lift']],
    ['Boilerul electric de sub chiuvetă nu mai încălzește', ['hotwater'], ['boiler']],
    ['La lavadora no centrifuga', ['washer'], []],
  ])('%s -> %j, not %j', equipmentCase);
});

describe('equipment that used to be unknown', () => {
  it.each([
    ['Se ha estropeado la campana de la cocina', ['hood'], ['ventilation']],
    ['La persiana del local no baja', ['shutter'], ['door']],
    ['Bariera de la parcare nu se ridică', ['barrier'], []],
    ['The EV charger in the car park shows an error', ['evcharger'], []],
    ['El TPV no cobra', ['payment'], []],
    ['Interfonul nu sună', ['intercom'], []],
    ['Fire alarm panel beeping', ['firealarm'], ['alarm']],
    ['Compresorul de aer nu pornește', ['compressor'], ['aircon']],
    ['Salta el diferencial', ['breaker'], ['power']],
  ])('%s -> %j, not %j', equipmentCase);
});

/** Recall on unseen requests: the same fault told by someone else, in other words, on another channel. */
describe('the same fault in other words', () => {
  it.each([
    ['leaking', 'leaks'],
    ['leaked', 'leak'],
    ['stopped', 'stop'],
    ['tripping', 'trips'],
    ['freezing', 'freeze'],
    ['heated', 'heat'],
  ])('%s and %s share a stem', (a, b) => expect(stem(a)).toBe(stem(b)));

  it.each([
    ['need', 'need'],
    ['thing', 'thing'],
    ['ring', 'ring'],
    ['red', 'red'],
  ])('%s stays %s', (a, b) => expect(stem(a)).toBe(b));

  // Each text says its symptom in words the vocabulary did not know.
  it.each([
    ['Se fue la luz en toda la nave', 'nofunction'],
    ['Power cut at the shop since 9', 'nofunction'],
    ['Pană de curent la birou', 'nofunction'],
    ['The dishwasher doesn’t drain', 'nofunction'],
    ['Centrala pierde apă pe jos', 'leak'],
    ['There is water everywhere under the boiler', 'leak'],
    ['Sale agua por debajo del termo', 'leak'],
    ['La cámara se está descongelando', 'hot'],
    ['The display fridge is warm', 'hot'],
    ['Lada frigorifică nu mai congelează', 'hot'],
  ])('%s -> %s', (text, symptom) => expect([...gistOf(text).symptoms]).toContain(symptom));
});

/** How people say what is wrong, in everyday words: each text and the symptom it is read as. */
describe('symptoms in everyday words', () => {
  const symptomsOf = (text: string) => [...gistOf(text).symptoms];
  it.each([
    // Noise: hum, chirp, beep, clunk; Romanian piuie / zornăie; Spanish ruidos, silba.
    ['The fridge is humming loudly', 'noise'],
    ['Smoke detector chirping in the hall', 'noise'],
    ['Detectorul de fum piuie', 'noise'],
    ['Hidroforul zornăie', 'noise'],
    ['El motor hace ruidos raros', 'noise'],
    ['La caldera silba', 'noise'],
    ['The pump clunks when it starts', 'noise'],
    // Smoke, burning, sparks ('humo' is smoke, not the hum).
    ['Sale humo del cuadro', 'smell'],
    ['Saltan chispas del enchufe', 'smell'],
    ['Priza scoate scântei', 'smell'],
    ['Scorch marks on the socket', 'smell'],
    ['El enchufe de la cocina se ha quemado', 'smell'],
    ['The socket looks burnt', 'smell'],
    ['Huele a huevo podrido en el sótano', 'smell'],
    ['Miroase a ouă stricate', 'smell'],
    // It works badly, hangs, eats the coins, will not stop.
    ['La caldera funciona mal', 'nofunction'],
    ['Internetul merge prost', 'nofunction'],
    ['The lights are playing up', 'nofunction'],
    ['El TPV se queda pillado', 'nofunction'],
    ['Casa de marcat se blochează', 'nofunction'],
    ['The till keeps crashing', 'nofunction'],
    ['La máquina de vending se traga las monedas', 'nofunction'],
    ['The vending machine is jammed', 'nofunction'],
    ['La cisterna no para', 'nofunction'],
    ['Los ventiladores están parados', 'nofunction'],
    ['Internetul e picat de azi', 'nofunction'],
    // Clogged, not stuck.
    ['El váter está atascado', 'blocked'],
    ['Se ha atascado el fregadero', 'blocked'],
    ['The toilet is blocked', 'blocked'],
    ['The shower is blocked again', 'blocked'],
    // Slow, in fits and starts.
    ['El wifi va a tirones', 'slow'],
    ['Internetul merge greu', 'slow'],
    ['Wifi keeps disconnecting', 'slow'],
    ['Se cae el internet cada dos por tres', 'slow'],
    ['The heating works on and off', 'slow'],
    // Warm inside, not cooling (plural verbs the stemmer does not reach).
    ['Frigiderele nu răcesc', 'hot'],
    ['Los botelleros no enfrían', 'hot'],
    ['Lada frigorifică e caldă', 'hot'],
    ['La nevera está caliente', 'hot'],
    ['Aerul condiționat suflă cald', 'hot'],
    ['Congelatorul nu îngheață', 'hot'],
    // Not heating, not reaching temperature.
    ['El horno no se calienta', 'cold'],
    ['Cuptorul nu se încinge', 'cold'],
    ['Caloriferele nu încălzesc', 'cold'],
    ['No sale aire caliente del aerotermo', 'cold'],
    ['La freidora no coge temperatura', 'cold'],
    // Water on the floor, a burst pipe.
    ['Țeava s-a spart în baie', 'leak'],
    ['Apă pe jos în bucătărie', 'leak'],
    ['The carpet is soaked', 'leak'],
    ['Hay agua por el suelo del almacén', 'leak'],
    // The breaker, the fuse.
    ['The fuse keeps blowing', 'tripping'],
    ['Siguranțele sar mereu', 'tripping'],
    ['Ha saltado el diferencial', 'tripping'],
    ['El diferencial salta cuando enciendo el horno', 'tripping'],
    ['S-a ars o siguranță', 'tripping'],
    ['The breaker trips every time we use the kettle', 'tripping'],
    ['Se ha fundido un fusible', 'tripping'],
    // Flickering and indicator lights.
    ['The lights are flickering', 'error'],
    ['Luminile pâlpâie', 'error'],
    ['Parpadea una lucecita roja', 'error'],
    ['Modemul clipește', 'error'],
    // A display that shows nothing.
    ['The boiler display is blank', 'blank'],
    ['La pantalla está en negro', 'blank'],
    ['Ecranul centralei nu afișează nimic', 'blank'],
    ['No display on the thermostat', 'blank'],
    // Ice where there should be none.
    ['The freezer is full of ice', 'frozen'],
    ['El congelador tiene mucho hielo', 'frozen'],
    ['Congelatorul face gheață', 'frozen'],
  ])('%s -> %s', (text, symptom) => expect(symptomsOf(text)).toContain(symptom));

  it.each([
    // Equipment named after a symptom word, and ordinary speech.
    ['Smoke detector in room 4 needs a new battery', 'smell'],
    ['La bomba de calor no arranca', 'hot'],
    ['Cold room door handle is broken', 'cold'],
    ['Give me a buzz when you are on your way', 'noise'],
    ['The pipe lagging in the loft has come off', 'slow'],
    ['The engineer is stuck in traffic', 'nofunction'],
    ['The sparkling water tap is not cold', 'smell'],
    ['Aparatul de gheață nu face gheață', 'frozen'],
    ['El horno no se calienta', 'hot'],
    ['Sale humo del cuadro', 'noise'],
    ['Swallows nesting under the eaves', 'nofunction'],
    ['Labour is charged at a rate of 60 an hour', 'slow'],
  ])('%s is not %s', (text, symptom) => expect(symptomsOf(text)).not.toContain(symptom));

  // Working badly is a fault, not a resolution: "funciona mal" is no "funciona".
  it.each([
    ['La caldera funciona mal'],
    ['Internetul merge greu'],
    ['Internetul merge prost'],
    ['The heating works on and off'],
  ])('%s is a fault, not a resolution', (text) => {
    const g = gistOf(text);
    expect(g.resolved).toBe(false);
    expect(g.working.size).toBe(0);
  });

  // The burnt, blown or faulty part named in a repair report is what was replaced, not a fault.
  it.each([
    ['Han cambiado el enchufe quemado, ya funciona'],
    ['Replaced the blown fuse, all working now'],
  ])('%s is a resolution', (text) => expect(gistOf(text).resolved).toBe(true));
});
