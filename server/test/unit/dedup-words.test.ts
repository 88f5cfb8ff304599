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
