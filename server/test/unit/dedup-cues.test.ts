/** Cues of a request (gist.ts, billing.ts): what works, bills, resolutions, visits, a second problem, and how an incident's gist merges. */
import { describe, expect, it } from 'vitest';
import { gistOf, mergeGist } from '../../src/domain/dedup/index.js';

/** The equipment a text is about includes `yes` and none of `no`. */
function equipmentCase(text: string, yes: readonly string[], no: readonly string[]) {
  const g = gistOf(text);
  for (const e of yes) expect([...g.equipment]).toContain(e);
  for (const e of no) expect([...g.equipment]).not.toContain(e);
}
describe('what works is not the problem', () => {
  it.each([
    ['Combi clicking, no hot water, heating OK', ['boiler', 'hotwater'], ['heating']],
    ['No funciona el teléfono fijo. Internet va bien.', ['phoneline'], ['internet']],
    ['Nu merge wifi-ul in anexa. Routerul din casa principala functioneaza normal.', ['internet'], []],
    ['The boiler is banging. Hot water fine since your engineer came.', ['boiler'], ['hotwater']],
    // A message that is only about something working again is about that.
    ['Ya funciona el aerotermo, gracias', ['heating'], []],
  ])('%s -> %j, not %j', equipmentCase);
});

describe('cues', () => {
  it.each([
    ['Presupuesto para cambiar la caldera', 'billing', true],
    ['Aș dori să prelungesc contractul de service pentru centrală', 'billing', true],
    ['No funciona el internet que tengo contratado', 'billing', false],
    ['Escribí también por WhatsApp', 'anotherProblem', false],
    ['Escribí también por WhatsApp', 'refersBack', true],
    ['También gotea el grifo de la cocina', 'anotherProblem', true],
    ['Inca ceva: in bucatarie nu iese apa calda', 'anotherProblem', true],
    ['Ya funciona, gracias al técnico', 'resolved', true],
    ['Back up now, cheers', 'resolved', true],
    ['acum merge, multumesc', 'resolved', true],
    ['The heating works now but there is water dripping under the boiler', 'resolved', false],
    ['Técnico asignado, llegada 16:00', 'visitBooked', true],
    ['Engineer booked 13:00–15:00', 'visitBooked', true],
    ['Pide cita hoy o mañana', 'visitBooked', false],
    ['Vă rog să programați o intervenție', 'visitBooked', false],
    ['a plecat tehnicianul spre noi?', 'asksVisit', true],
    ['Same as yesterday, no heating', 'refersBack', true],
  ] as const)('%s: %s is %s', (text, cue, value) => expect(gistOf(text)[cue]).toBe(value));

  it('the gist of an empty text is neutral in a merge (the service seeds its reduce with it)', () => {
    const texts = ['One more thing: the kitchen tap is dripping', 'also the kitchen tap is still dripping'];
    expect(texts.map(gistOf).reduce(mergeGist, gistOf(''))).toEqual(texts.map(gistOf).reduce(mergeGist));
    expect(texts.map(gistOf).reduce(mergeGist, gistOf('')).anotherProblem).toBe(true);
  });

  it('an incident is resolved when its latest request says so', () => {
    const [fault, fixed, again] = ['La caldera no enciende', 'Ya funciona la caldera, gracias', 'La caldera hace ruido otra vez'].map(gistOf);
    expect(mergeGist(fault!, fixed!).resolved).toBe(true);
    expect(mergeGist(mergeGist(fault!, fixed!), again!).resolved).toBe(false);
  });
});

describe('closed too early', () => {
  it.each([
    ['Ya ha llegado el técnico del frío', 'resolved', false],
    ['The engineer is here now', 'resolved', false],
    ['Gracias, el técnico dejó la caldera funcionando. ¿Nos enviáis la factura?', 'billing', false],
    ['Thanks. Please send the invoice for last month.', 'billing', true],
  ] as const)('%s: %s is %s', (text, cue, value) => expect(gistOf(text)[cue]).toBe(value));
});

describe('"besides X": X is the other problem', () => {
  it.each([
    ['Además de lo del aire, ahora nos hemos quedado sin internet.', ['internet'], ['aircon']],
    ['On top of the boiler, the broadband is down now.', ['internet'], ['boiler']],
    ['Pe lângă centrală, acum nu merge nici internetul.', ['internet'], ['boiler']],
    // Named alone in the "besides" clause, it is what the message is about.
    ['Aparte de la caldera, nada más.', ['boiler'], []],
  ])('%s -> %j, aside %j', (text, equipment, aside) => {
    const g = gistOf(text);
    expect([...g.equipment].sort()).toEqual([...equipment].sort());
    expect([...g.aside].sort()).toEqual([...aside].sort());
    expect(g.anotherProblem).toBe(true);
  });
});

describe('a light on an appliance is its indicator', () => {
  it.each([
    ['No lights on the router at all', ['internet'], ['lighting']],
    ['The little heater under the sink has no light on', ['heating'], ['lighting']],
    ['La luz del pasillo no enciende', ['lighting'], []],
    ['The breaker trips and the lights go off', ['breaker', 'lighting'], []],
  ])('%s -> %j, not %j', (text, yes, no) => {
    const g = gistOf(text);
    for (const e of yes) expect([...g.equipment]).toContain(e);
    for (const e of no) expect([...g.equipment]).not.toContain(e);
  });
});
