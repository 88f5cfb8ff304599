/** The duplicate rules (domain/dedup): what joins, what is only suggested, what stays apart, and why. Table-driven, es/en/ro. */
import { describe, expect, it } from 'vitest';
import { decide, gistOf, mergeGist, placesOf, type DedupIncident } from '../../src/domain/dedup/index.js';

const at = (h: number) => new Date(Date.UTC(2026, 10, 10, 8) + h * 3_600_000);
function incident(id: string, texts: string[], o: { contact?: string; customer?: string | null; lastAt?: Date } = {}): DedupIncident {
  return { id, contactIds: [o.contact ?? 'ct-1'], customerId: o.customer === undefined ? 'cu-1' : o.customer, lastAt: o.lastAt ?? at(0), gist: texts.map(gistOf).reduce(mergeGist) };
}
const req = (text: string, o: { contact?: string; customer?: string | null; hours?: number } = {}) => ({ contactId: o.contact ?? 'ct-1', customerId: o.customer === undefined ? 'cu-1' : o.customer, at: at(o.hours ?? 3), text });

describe('duplicate decisions', () => {
  const boiler = incident('boiler', ['Caldera sin agua caliente. Desde ayer la caldera Junkers no calienta el agua, C/ Betis 22.']);
  const cases: { name: string; request: ReturnType<typeof req>; open: DedupIncident[]; action: 'join' | 'suggest' | 'new'; because?: RegExp }[] = [
    { name: 'the same fault by WhatsApp, other words (es)', request: req('Hola, seguimos sin agua caliente, la caldera no va'), open: [boiler], action: 'join', because: /same equipment/ },
    { name: 'a colleague of the same customer about the same boiler', request: req('Buenos días, mi compañero ya les ha llamado: la caldera del local sigue sin calentar el agua.', { contact: 'ct-2' }), open: [boiler], action: 'join' },
    { name: 'a follow-up naming no problem ("¿hay novedades?")', request: req('¿Hay novedades? ¿Cuándo viene el técnico?'), open: [boiler], action: 'join', because: /follow-up/ },
    { name: 'the same customer, another problem (internet)', request: req('No tenemos internet desde esta mañana, el router parpadea en rojo'), open: [boiler], action: 'new' },
    { name: 'another customer, same words', request: req('Caldera sin agua caliente desde ayer', { contact: 'ct-9', customer: 'cu-9' }), open: [boiler], action: 'new' },
    { name: 'the fault back weeks later', request: req('Otra vez la caldera sin agua caliente', { hours: 24 * 20 }), open: [boiler], action: 'new' },
    { name: 'a bill about the repair', request: req('Factura de la reparación de la caldera: ¿me la podéis enviar con el CIF?'), open: [boiler], action: 'new' },
    // Not joined by itself: at most offered to the agent, who knows whether the lounge is the hall.
    { name: 'a second problem brought up in passing (en)', request: req('Also, while your engineer is here: the radiators in the lounge are cold.'), open: [incident('hall', ['Main hall heating not working, radiators cold'])], action: 'suggest', because: /brings up another problem/ },
    {
      name: 'the same equipment at another of the customer’s sites',
      request: req('Heating not working at the King Street office since this morning'),
      open: [incident('wilmslow', ['Heating at Wilmslow Road office is off, boiler shows fault F28'])],
      action: 'suggest',
      because: /another site \(site:king vs site:wilmslow\)/,
    },
    { name: 'Romanian: the same central heating, a family member', request: req('Buna ziua, ati reusit sa ajungeti la mama? Centrala tot nu porneste.', { contact: 'ct-3' }), open: [incident('centrala', ['Centrala mamei mele nu porneste, eroare F28'])], action: 'join' },
  ];
  it.each(cases)('$name -> $action', ({ request, open, action, because }) => {
    const d = decide(request, open);
    expect(d.action).toBe(action);
    if (because) expect(d.best?.reasons.join('; ')).toMatch(because);
  });

  it('picks the matching incident among a customer’s open ones, and says why', () => {
    const internet = incident('internet', ['Sin internet en la oficina, la fibra está caída'], { lastAt: at(2) });
    const d = decide(req('La fibra sigue caída, ¿alguna novedad?', { contact: 'ct-2' }), [boiler, internet]);
    expect(d).toMatchObject({ action: 'join', best: { incidentId: 'internet' } });
    expect(d.best!.reasons).toEqual(expect.arrayContaining(['same equipment (internet)', 'same customer']));
  });
});

describe('places', () => {
  it.each([
    ['Tom (C/ Betis 22) pregunta por el aire', ['site:betis']],
    ['No hot water on the 3rd floor, East wing', ['unit:3', 'unit:east']],
    ['Aeroterme hala B2 Jucu, planta 3a', ['unit:b2', 'unit:3']],
    ['Good morning, we are at 40 Cannon St', ['site:cannon']],
    ['Main hall heating is off', []],
  ])('%s', (text, places) => {
    expect([...placesOf(text)].sort()).toEqual([...places].sort());
  });
});
