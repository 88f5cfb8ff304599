/** What a call says on the timeline and as the subject of a call-back incident, in es/en/ro. */
import { describe, expect, it } from 'vitest';
import { callBody, callSubject, needsCallBack } from '../../src/calls/call-text.js';
import type { CallDto } from '../../src/contracts/api.js';

const call = (o: Partial<CallDto>): CallDto => ({
  id: 'c',
  source: 'cti',
  direction: 'in',
  from: '+34612345678',
  to: '+34910000001',
  agent: null,
  agentLabel: null,
  queue: null,
  outcome: 'answered',
  startedAt: '2030-01-01T10:00:00.000Z',
  answeredAt: null,
  endedAt: null,
  waitSeconds: 5,
  talkSeconds: 185,
  recordingUrl: null,
  cause: null,
  notes: null,
  contactId: null,
  incidentId: null,
  ...o,
});

describe('call texts', () => {
  it.each([
    ['es', call({}), 'Llamada de +34612345678 (3:05)'],
    ['en', call({ outcome: 'missed', talkSeconds: null }), 'Missed call from +34612345678'],
    ['ro', call({ outcome: 'missed', from: null }), 'Apel pierdut de la număr ascuns'],
    ['es', call({ direction: 'out', to: '+40722123456', talkSeconds: 59 }), 'Llamada a +40722123456 (0:59)'],
    ['en', call({ direction: 'out', outcome: 'missed' }), 'Call to +34910000001, not answered'],
    ['ro', call({ direction: 'out', outcome: 'busy' }), 'Apel către +34910000001: ocupat'],
    ['es', call({ outcome: 'failed' }), 'Llamada de +34612345678: fallida'],
    ['en', call({ outcome: 'busy' }), 'Call from +34612345678: all lines busy'],
    ['es', call({ direction: 'out', outcome: 'failed' }), 'Llamada a +34910000001: fallida'],
  ] as const)('%s: %s', (locale, c, text) => {
    expect(callBody(locale, c)).toBe(text);
  });

  it('adds the notes of a call logged by hand after its line', () => {
    expect(callBody('en', call({ direction: 'out' }), 'Visit on Thursday')).toBe('Call to +34910000001 (3:05)\n\nVisit on Thursday');
  });

  it.each([
    ['es', 'missed', 'Llamada perdida: devolver la llamada a +34612345678'],
    ['en', 'missed', 'Missed call: call back +34612345678'],
    ['ro', 'missed', 'Apel pierdut: sunați înapoi la +34612345678'],
    ['en', 'busy', 'Missed call: call back +34612345678'],
    ['en', 'answered', 'Call from +34612345678'],
  ] as const)('subject %s %s', (locale, outcome, subject) => {
    expect(callSubject(locale, call({ outcome }))).toBe(subject);
  });

  it('names an outbound call by its callee, and never asks to call back after one', () => {
    expect(callSubject('es', call({ direction: 'out', outcome: 'missed' }))).toBe('Llamada a +34910000001');
    expect(needsCallBack(call({ direction: 'out', outcome: 'missed' }))).toBe(false);
    expect(needsCallBack(call({ outcome: 'failed' }))).toBe(true);
  });
});
