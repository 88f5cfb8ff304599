/** Replies and forwards (quoted.ts): read by their new part, or by what they quote when the new part names nothing. */
import { describe, expect, it } from 'vitest';
import { at, incident, judge, req, type Case } from './dedup-fixtures.js';
import { newPartOf } from '../../src/domain/dedup/quoted.js';

describe('replies and forwards', () => {
  const quote = (fresh: string, old: string) => `${fresh}\n\nOn Tue, 10 Nov 2026 at 08:02, Jane Hill <jane@example.com> wrote:\n> ${old}`;
  it.each([
    [quote('Any news on this?', 'The boiler is leaking'), 'Any news on this?'],
    ['Lo reenvío.\n\n-----Mensaje original-----\nDe: Ana <ana@example.es>\nEnviado: martes\nAsunto: Caldera\nLa caldera gotea', 'Lo reenvío.'],
    ['Revin.\n\nÎn mar., 10 nov. 2026, Ion Pop a scris:\n> Centrala nu pornește', 'Revin.'],
    ['Boiler still leaking, please send someone today.', 'Boiler still leaking, please send someone today.'],
    ['De: la calle Betis\nNo hay agua caliente', 'De: la calle Betis\nNo hay agua caliente'],
  ])('the new part of %j', (text, fresh) => expect(newPartOf(text)).toBe(fresh));

  const boiler = incident('boiler', ['The boiler in the plant room is leaking'], { lastAt: at(0) });
  const wifi = incident('wifi', ['Wifi down in the office'], { lastAt: at(1) });
  const cases: Case[] = [
    { name: 'a chaser above the quoted report joins the quoted incident (en)', request: req(quote('Any news on this? It is getting worse.', 'The boiler in the plant room is leaking'), { contact: 'ct-2' }), open: [boiler, wifi], action: 'join', best: 'boiler' },
    {
      name: 'a reply about other equipment is not the quoted incident (en)',
      request: req(quote('Now the lights in the corridor are out too.', 'The boiler in the plant room is leaking'), { hours: 1 }),
      open: [boiler],
      action: 'new',
    },
    {
      name: 'a forward of the same fault by a colleague (es)',
      request: req('Os reenvío lo de mi compañera, urgente.\n\n-----Mensaje original-----\nDe: Ana <ana@example.es>\nEnviado: martes\nLa caldera del sótano gotea', { contact: 'ct-2', hours: 1 }),
      open: [incident('b', ['La caldera del sótano pierde agua'])],
      action: 'join',
    },
  ];
  it.each(cases)('$name -> $action', judge);
});
