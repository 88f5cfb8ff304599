import { describe, expect, it } from 'vitest';
import { channelConformance } from '../../core/conformance.js';
import { IgnoredPayloadError, InvalidPayloadError } from '../../core/index.js';
import * as cti from '../fixtures/cti.js';
import * as tw from '../fixtures/twilio-voice.js';
import {
  callDurations,
  callOutcome,
  emptyCallState,
  foldCall,
  mergeCall,
  normalizeCtiEvent,
  normalizeHangupCause,
  normalizeTwilioVoice,
  phoneAdapter,
  verifyCtiToken,
  type CallEvent,
  type CallState,
  type PhoneConfig,
} from '../index.js';

const config: PhoneConfig = { defaultCountry: 'ES' };
const { receivedAt } = cti;
const ctiEvents = (...raws: unknown[]) => raws.map((r) => normalizeCtiEvent(r, config, receivedAt));
const twilioEvents = (...raws: Record<string, string>[]) => raws.flatMap((r) => normalizeTwilioVoice(r, config, receivedAt));

channelConformance({ describe, it, expect }, {
  adapter: phoneAdapter,
  config,
  valid: [
    ...Object.entries(cti.inboundEs).map(([k, raw]) => ({ name: `a CTI ${k} from a Spanish mobile`, raw })),
    ...Object.entries(cti.missedCancel).map(([k, raw]) => ({ name: `a CTI ${k} of a missed call (cancel)`, raw })),
    ...Object.entries(cti.missedNoAnswer).map(([k, raw]) => ({ name: `a CTI JSON ${k} of a missed call (noAnswer)`, raw })),
    ...Object.entries(cti.outbound).map(([k, raw]) => ({ name: `a CTI ${k} of an outbound call`, raw })),
    ...Object.entries(cti.anonymous).map(([k, raw]) => ({ name: `a CTI ${k} of an anonymous caller`, raw })),
    ...Object.entries(cti.romanian).map(([k, raw]) => ({ name: `a CTI ${k} of a Romanian mobile`, raw })),
    ...Object.entries({ ringing: tw.ringing, inProgress: tw.inProgress, completed: tw.completed, recording: tw.recording, noAnswer: tw.noAnswer, busy: tw.busy, anonymousRinging: tw.anonymousRinging }).map(([k, raw]) => ({ name: `a Twilio Voice ${k} callback`, raw })),
  ],
  invalid: [
    { name: 'a missing body', raw: null },
    { name: 'an empty CTI body', raw: {} },
    { name: 'a CTI event of an unknown kind', raw: { ...cti.inboundEs.newCall, event: 'transfer' } },
    { name: 'a CTI newCall without direction', raw: { ...cti.inboundEs.newCall, direction: undefined } },
    { name: 'a Twilio callback with a bad CallSid', raw: { ...tw.ringing, CallSid: 'CA123' } },
    { name: 'a Twilio callback with an unknown CallStatus', raw: { ...tw.ringing, CallStatus: 'answered-by-machine' } },
  ],
});

describe('CTI events', () => {
  const cases: { name: string; raw: unknown; expected: Partial<CallEvent> }[] = [
    {
      name: 'newCall from a Spanish mobile (international digits, user[] key, ISO timestamp)',
      raw: cti.inboundEs.newCall,
      expected: { source: 'cti', event: 'newCall', callId: '7f3e1c02a9b84d5e8c61f0a2b3c4d5e6-1', idempotencyKey: 'cti:7f3e1c02a9b84d5e8c61f0a2b3c4d5e6-1:newCall', at: new Date('2026-11-19T09:58:02Z'), direction: 'in', directionKnown: true, from: '+34612345678', fromRaw: '34612345678', to: '+34910000001', user: 'ana.garcia@climatiza.example', queue: 'soporte', cause: null },
    },
    { name: 'answer (epoch seconds as text, answering number)', raw: cti.inboundEs.answer, expected: { event: 'answer', at: new Date('2026-11-19T09:58:14Z'), answeringNumber: '+34910000101' } },
    { name: 'hangup normalClearing', raw: cti.inboundEs.hangup, expected: { event: 'hangup', at: new Date('2026-11-19T10:01:47Z'), cause: 'normalClearing', causeRaw: 'normalclearing' } },
    { name: 'a Madrid landline in national format, no timestamp', raw: cti.missedCancel.newCall, expected: { from: '+34914445566', fromRaw: '914445566', at: receivedAt } },
    { name: 'a hangup with only event, callId and cause', raw: cti.missedCancel.hangup, expected: { event: 'hangup', direction: 'in', directionKnown: false, from: null, fromRaw: null, to: null, cause: 'cancel' } },
    { name: 'a spaced +34 number', raw: cti.missedNoAnswer.newCall, expected: { from: '+34699123456', fromRaw: '+34 699 12 34 56', at: new Date('2026-11-19T08:12:40.250Z') } },
    { name: 'an outbound call from an extension', raw: cti.outbound.newCall, expected: { direction: 'out', from: null, fromRaw: '201', to: '+34612345678', toRaw: '0034612345678', user: 'ana.garcia@climatiza.example', at: new Date(1795086000 * 1000) } },
    { name: 'an anonymous caller', raw: cti.anonymous.newCall, expected: { from: null, fromRaw: 'anonymous', to: '+34910000001' } },
    { name: 'a Romanian mobile, first non-empty of a comma list, offset timestamp', raw: cti.romanian.newCall, expected: { from: '+40722123456', user: 'ioana.popescu@climatiza.example', at: new Date('2026-11-19T10:20:00Z') } },
    { name: 'a user array with an empty first item', raw: cti.romanian.answer, expected: { user: 'ioana.popescu@climatiza.example', directionKnown: false } },
    { name: 'event names in another case, epoch milliseconds, a local ISO time read as UTC', raw: { event: 'HANGUP', callId: 'x-1', cause: 'USER_BUSY', time: 1795082507000 }, expected: { event: 'hangup', cause: 'busy', causeRaw: 'user_busy', at: new Date('2026-11-19T10:01:47Z') } },
    { name: 'an ISO timestamp without offset', raw: { event: 'answer', callId: 'x-2', timestamp: '2026-11-19 10:01:47' }, expected: { at: new Date('2026-11-19T10:01:47Z') } },
    { name: 'an unknown cause kept raw', raw: { event: 'hangup', callId: 'x-3', cause: 'Pickup-By-Other ' }, expected: { cause: null, causeRaw: 'pickup-by-other' } },
    { name: 'a cause on a newCall is not a hangup cause', raw: { ...cti.inboundEs.newCall, cause: 'busy' }, expected: { cause: null, causeRaw: null } },
  ];
  it.each(cases)('$name', ({ raw, expected }) => {
    const before = structuredClone(raw);
    expect(normalizeCtiEvent(raw, config, receivedAt)).toMatchObject(expected);
    expect(raw).toEqual(before);
  });

  it('keys events of one call apart and the same event the same way, whenever it is redelivered', () => {
    const keys = ctiEvents(cti.inboundEs.newCall, cti.inboundEs.answer, cti.inboundEs.hangup).map((e) => e.idempotencyKey);
    expect(new Set(keys).size).toBe(3);
    expect(normalizeCtiEvent(cti.missedCancel.hangup, config, new Date()).idempotencyKey).toBe(normalizeCtiEvent(cti.missedCancel.hangup, config, receivedAt).idempotencyKey);
  });

  const invalid: { name: string; raw: unknown; fields: Record<string, string> }[] = [
    { name: 'nothing', raw: undefined, fields: { _: 'required' } },
    { name: 'an array', raw: [cti.inboundEs.newCall], fields: { _: 'required' } },
    { name: 'an empty object', raw: {}, fields: { event: 'must be newCall, answer or hangup', callId: 'required' } },
    { name: 'bad event, direction and no callId', raw: { event: 'ring', direction: 'sideways', from: '34612345678', to: '34910000001' }, fields: { event: 'must be newCall, answer or hangup', callId: 'required', direction: 'must be in or out' } },
    { name: 'a newCall without from, to, direction', raw: { event: 'newCall', callId: 'abc-1' }, fields: { direction: 'must be in or out', from: 'required', to: 'required' } },
    { name: 'a callId with spaces', raw: { event: 'answer', callId: 'abc 1' }, fields: { callId: 'must be at most 250 printable characters without spaces' } },
    { name: 'a callId too long for a key', raw: { event: 'answer', callId: 'x'.repeat(251) }, fields: { callId: 'must be at most 250 printable characters without spaces' } },
    { name: 'fields that are objects', raw: { event: 'hangup', callId: 'abc-1', cause: { code: 16 }, user: [{ name: 'ana' }] }, fields: { cause: 'must be text', user: 'must be text or a list of text' } },
    { name: 'an unreadable timestamp', raw: { event: 'hangup', callId: 'abc-1', timestamp: 'yesterday' }, fields: { timestamp: 'must be an ISO 8601 date or epoch seconds' } },
    { name: 'an unreadable time', raw: { event: 'hangup', callId: 'abc-1', time: '19/11/2026 10:00' }, fields: { time: 'must be an ISO 8601 date or epoch seconds' } },
  ];
  it.each(invalid)('refuses $name, naming the fields', ({ raw, fields }) => {
    let error: unknown;
    try {
      normalizeCtiEvent(raw, config, receivedAt);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidPayloadError);
    expect((error as InvalidPayloadError).fields).toEqual(fields);
  });
});

describe('Twilio Voice callbacks', () => {
  const sid = tw.ringing.CallSid;
  const cases: { name: string; raw: Record<string, string>; expected: Partial<CallEvent>[] }[] = [
    { name: 'ringing -> newCall', raw: tw.ringing, expected: [{ source: 'twilio', event: 'newCall', callId: sid, idempotencyKey: `twilio:${sid}:newCall`, at: new Date('2026-11-19T10:15:03Z'), direction: 'in', directionKnown: true, from: '+34612345678', to: '+34910000001', durationSeconds: null }] },
    { name: 'an inbound call in-progress (Twilio runs its TwiML) -> nothing', raw: tw.parentInProgress, expected: [] },
    {
      name: 'the dialled agent leg in-progress -> the answer of the customer’s call, by that number',
      raw: tw.inProgress,
      expected: [{ event: 'answer', callId: sid, idempotencyKey: `twilio:${sid}:answer`, at: new Date('2026-11-19T10:15:11Z'), answeringNumber: '+34699000101', directionKnown: false }],
    },
    { name: 'another agent leg that rang out -> nothing (the call goes on)', raw: tw.agentNoAnswer, expected: [] },
    {
      name: 'an inbound call completed -> hangup normalClearing (its CallDuration counts the queue too: no answer implied)',
      raw: tw.completed,
      expected: [{ event: 'hangup', at: new Date('2026-11-19T10:16:46Z'), cause: 'normalClearing', causeRaw: 'completed', durationSeconds: null }],
    },
    {
      name: 'an outbound call completed -> the answer its CallDuration implies, then hangup with the duration',
      raw: { ...tw.noAnswer, CallStatus: 'completed', CallDuration: '95', Duration: '2' },
      expected: [
        { event: 'answer', idempotencyKey: `twilio:${tw.noAnswer.CallSid}:answer`, at: new Date('2026-11-19T11:01:06Z'), inferred: true },
        { event: 'hangup', at: new Date('2026-11-19T11:02:41Z'), cause: 'normalClearing', durationSeconds: 95 },
      ],
    },
    { name: 'an outbound call completed after 0 s -> hangup only', raw: { ...tw.noAnswer, CallStatus: 'completed', CallDuration: '0', Duration: '0' }, expected: [{ event: 'hangup', durationSeconds: 0 }] },
    { name: 'outbound no-answer -> hangup noAnswer', raw: tw.noAnswer, expected: [{ event: 'hangup', direction: 'out', cause: 'noAnswer', causeRaw: 'no-answer', durationSeconds: null, to: '+40722123456' }] },
    { name: 'busy -> hangup busy', raw: tw.busy, expected: [{ event: 'hangup', cause: 'busy' }] },
    { name: 'failed -> hangup failed', raw: { ...tw.busy, CallStatus: 'failed' }, expected: [{ event: 'hangup', cause: 'failed' }] },
    { name: 'canceled -> hangup cancel', raw: { ...tw.ringing, CallStatus: 'canceled' }, expected: [{ event: 'hangup', cause: 'cancel', causeRaw: 'canceled' }] },
    { name: 'queued and initiated -> newCall', raw: { ...tw.noAnswer, CallStatus: 'initiated' }, expected: [{ event: 'newCall', direction: 'out' }] },
    {
      name: 'a recording callback -> recording, at its end, direction unknown',
      raw: tw.recording,
      expected: [{ event: 'recording', recordingUrl: tw.recording.RecordingUrl, at: new Date('2026-11-19T10:16:45Z'), directionKnown: false, direction: 'in', from: null, fromRaw: null }],
    },
    { name: 'a recording not completed yet -> nothing', raw: { ...tw.recording, RecordingStatus: 'in-progress' }, expected: [] },
    { name: 'the anonymous number and no Timestamp', raw: tw.anonymousRinging, expected: [{ from: null, fromRaw: '+266696687', at: receivedAt }] },
    { name: 'a Twilio Client agent', raw: { ...tw.noAnswer, From: 'client:ana', CallStatus: 'ringing' }, expected: [{ user: 'ana', from: null, fromRaw: 'client:ana' }] },
  ];
  it.each(cases)('$name', ({ raw, expected }) => {
    const events = normalizeTwilioVoice(raw, config, receivedAt);
    expect(events).toHaveLength(expected.length);
    expected.forEach((x, i) => expect(events[i]).toMatchObject(x));
  });

  it('keys a recording by its URL: two recordings of one call are two events', () => {
    const [a] = twilioEvents(tw.recording);
    const [b] = twilioEvents({ ...tw.recording, RecordingUrl: tw.recording.RecordingUrl.replace('REb07c', 'REa509') });
    expect(a.idempotencyKey).toMatch(new RegExp(`^twilio:${sid}:recording:[0-9a-f]{16}$`));
    expect(a.idempotencyKey).not.toBe(b.idempotencyKey);
  });

  it('adapter: a recording not completed is ignored, not refused', () => {
    expect(() => phoneAdapter.normalize({ ...tw.recording, RecordingStatus: 'absent' }, config)).toThrow(IgnoredPayloadError);
  });

  const invalid: { name: string; raw: Record<string, string>; fields: Record<string, string> }[] = [
    { name: 'no CallSid', raw: { ...tw.ringing, CallSid: '' }, fields: { CallSid: 'required (CA followed by 32 hex digits)' } },
    { name: 'a message SID', raw: { ...tw.ringing, CallSid: 'SM16970a4ef72dcbbf703d7145d71f5659' }, fields: { CallSid: 'required (CA followed by 32 hex digits)' } },
    { name: 'an unknown CallStatus', raw: { ...tw.ringing, CallStatus: 'answered' }, fields: { CallStatus: 'must be one of queued, initiated, ringing, in-progress, completed, busy, no-answer, failed, canceled' } },
    { name: 'neither CallStatus nor recording', raw: { CallSid: sid, AccountSid: tw.ringing.AccountSid }, fields: { CallStatus: 'required (or RecordingUrl for a recording callback)' } },
    { name: 'a strange Direction and Timestamp', raw: { ...tw.ringing, Direction: 'sideways', Timestamp: 'soon' }, fields: { Direction: 'must be inbound, outbound-api or outbound-dial', Timestamp: 'must be an RFC 2822 date' } },
    { name: 'a fractional CallDuration', raw: { ...tw.completed, CallDuration: '9.5' }, fields: { CallDuration: 'must be whole seconds' } },
    { name: 'a recording URL that is not https', raw: { ...tw.recording, RecordingUrl: 'javascript:alert(1)' }, fields: { RecordingUrl: 'must be an https URL' } },
  ];
  it.each(invalid)('refuses $name, naming the fields', ({ raw, fields }) => {
    expect(() => normalizeTwilioVoice(raw, config, receivedAt)).toThrow(InvalidPayloadError);
    try {
      normalizeTwilioVoice(raw, config, receivedAt);
    } catch (e) {
      expect((e as InvalidPayloadError).fields).toEqual(fields);
    }
  });
});

describe('hangup causes', () => {
  const table: [string | null, string | null][] = [
    ['normalClearing', 'normalClearing'],
    ['NORMAL_CLEARING', 'normalClearing'],
    ['16', 'normalClearing'],
    ['busy', 'busy'],
    ['call-rejected', 'busy'],
    ['603', 'busy'],
    ['cancel', 'cancel'],
    ['ORIGINATOR_CANCEL', 'cancel'],
    ['noAnswer', 'noAnswer'],
    ['no_user_response', 'noAnswer'],
    ['congestion', 'congestion'],
    ['notFound', 'notFound'],
    ['UNALLOCATED_NUMBER', 'notFound'],
    ['forwarded', 'forwarded'],
    ['failed', 'failed'],
    ['NETWORK_OUT_OF_ORDER', 'failed'],
    ['pickup-by-other', null],
    [null, null],
  ];
  it.each(table)('%s -> %s', (raw, cause) => {
    expect(normalizeHangupCause(raw).cause).toBe(cause);
  });
});

/** Every order of the items (n! of them). */
function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [items.slice()];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

describe('mergeCall', () => {
  const sequences: { name: string; events: CallEvent[] }[] = [
    { name: 'a CTI inbound call answered, the answer delivered twice', events: ctiEvents(cti.inboundEs.newCall, cti.inboundEs.answer, cti.inboundEs.hangup, cti.inboundEs.answer) },
    // Without timestamps a redelivery carries another receivedAt: same key, another time.
    { name: 'a missed call whose hangup is redelivered later', events: [...ctiEvents(cti.missedCancel.newCall, cti.missedCancel.hangup), normalizeCtiEvent(cti.missedCancel.hangup, config, new Date('2026-11-19T10:31:00Z'))] },
    { name: 'a Romanian call (answer and hangup without direction or numbers) and a duplicate newCall', events: ctiEvents(cti.romanian.newCall, cti.romanian.answer, cti.romanian.hangup, cti.romanian.newCall) },
    { name: 'an outbound call from an extension', events: ctiEvents(cti.outbound.newCall, cti.outbound.answer, cti.outbound.hangup) },
    { name: 'Twilio ringing, in-progress, completed (with its inferred answer), recording', events: twilioEvents(tw.ringing, tw.inProgress, tw.completed, tw.recording) },
    { name: 'Twilio without in-progress, with a duplicate completed', events: twilioEvents(tw.ringing, tw.completed, tw.completed) },
  ];

  it.each(sequences)('gives the same state for every order: $name', ({ events }) => {
    const frozen = structuredClone(events);
    const orders = permutations(events);
    const reference = foldCall(orders[0]);
    for (const order of orders) expect(foldCall(order)).toEqual(reference);
    expect(JSON.stringify(foldCall(orders.at(-1)!))).toBe(JSON.stringify(reference));
    expect(events).toEqual(frozen);
  });

  it('is idempotent: the same event merged again changes nothing', () => {
    for (const e of [...ctiEvents(...Object.values(cti.inboundEs), ...Object.values(cti.romanian)), ...twilioEvents(tw.ringing, tw.completed, tw.recording)]) {
      const once = mergeCall(foldCall(ctiEvents(cti.inboundEs.newCall).filter((x) => x.callId === e.callId)), e);
      expect(mergeCall(once, e)).toEqual(once);
    }
  });

  it('merges a state stored as JSON (dates revived) like the one in memory', () => {
    const [newCall, answer, hangup] = ctiEvents(cti.inboundEs.newCall, cti.inboundEs.answer, cti.inboundEs.hangup);
    const revive = (s: CallState): CallState => {
      const j = JSON.parse(JSON.stringify(s));
      for (const k of ['startedAt', 'answeredAt', 'endedAt'] as const) j[k] = j[k] && new Date(j[k]);
      return j;
    };
    const stored = revive(foldCall([hangup, answer])!);
    expect(mergeCall(stored, newCall)).toEqual(foldCall([newCall, answer, hangup]));
  });

  it('keeps the first value by time, whatever arrives first', () => {
    const [newCall, answer, hangup] = ctiEvents(cti.inboundEs.newCall, cti.inboundEs.answer, cti.inboundEs.hangup);
    // A later event that says another queue and user does not overwrite the earlier one.
    const late = { ...hangup, queue: 'ventas', user: 'otro@climatiza.example' };
    const expected: CallState = {
      callId: newCall.callId,
      direction: 'in',
      directionKnown: true,
      from: '+34612345678',
      fromRaw: '34612345678',
      to: '+34910000001',
      toRaw: '34910000001',
      user: 'ana.garcia@climatiza.example',
      queue: 'soporte',
      startedAt: new Date('2026-11-19T09:58:02Z'),
      answeredAt: new Date('2026-11-19T09:58:14Z'),
      endedAt: new Date('2026-11-19T10:01:47Z'),
      cause: 'normalClearing',
      causeRaw: 'normalclearing',
      answeringNumber: '+34910000101',
      recordingUrl: null,
      durationSeconds: null,
      provenance: expect.any(Object),
    };
    for (const order of permutations([newCall, answer, late])) expect(foldCall(order)).toEqual(expected);
  });

  it('starts at the earliest event until a newCall comes, then at the newCall', () => {
    const [newCall, answer, hangup] = ctiEvents(cti.romanian.newCall, cti.romanian.answer, cti.romanian.hangup);
    const early = { ...answer, at: new Date(newCall.at.getTime() - 5000) }; // a PBX clock a little off
    expect(foldCall([hangup, early])!.startedAt).toEqual(early.at);
    expect(foldCall([hangup, early, newCall])!.startedAt).toEqual(newCall.at);
    expect(foldCall([hangup, early])!.direction).toBe('in');
    expect(foldCall([hangup, early])!.directionKnown).toBe(false);
  });

  it('takes the direction from an event that knows it', () => {
    const [newCall, hangup] = ctiEvents(cti.outbound.newCall, { event: 'hangup', callId: cti.outbound.newCall.callId, cause: 'normalClearing', timestamp: 1795086131 });
    expect(foldCall([hangup])).toMatchObject({ direction: 'in', directionKnown: false });
    expect(foldCall([hangup, newCall])).toMatchObject({ direction: 'out', directionKnown: true });
  });

  it('knows an outbound Twilio call was answered from CallDuration alone', () => {
    const ringing = { ...tw.noAnswer, CallStatus: 'ringing', Timestamp: 'Thu, 19 Nov 2026 11:00:58 +0000' };
    const s = foldCall(twilioEvents({ ...tw.noAnswer, CallStatus: 'completed', CallDuration: '95' }, ringing))!;
    expect(s.answeredAt).toEqual(new Date('2026-11-19T11:01:06Z'));
    expect(callOutcome(s)).toBe('answered');
    expect(callDurations(s)).toEqual({ waitSeconds: 8, talkSeconds: 95 });
  });

  it('takes an inbound Twilio call nobody picked up (Twilio answered it, an agent leg rang out) as missed', () => {
    const s = foldCall(twilioEvents(tw.ringing, tw.parentInProgress, tw.agentNoAnswer, tw.completed))!;
    expect(callOutcome(s)).toBe('missed');
  });

  it('does not mutate the state it is given and refuses another call', () => {
    const [newCall, answer] = ctiEvents(cti.inboundEs.newCall, cti.inboundEs.answer);
    const s = mergeCall(null, newCall);
    const copy = structuredClone(s);
    const next = mergeCall(s, answer);
    expect(s).toEqual(copy);
    expect(next).not.toBe(s);
    expect(() => mergeCall(s, ctiEvents(cti.missedCancel.hangup)[0])).toThrow(RangeError);
  });

  it('keeps the values of a hand-built state (no provenance)', () => {
    const stored: CallState = { ...foldCall(ctiEvents(cti.inboundEs.answer))!, provenance: undefined, user: 'agent@climatiza.example' };
    const s = mergeCall(stored, ctiEvents(cti.inboundEs.newCall)[0]);
    expect(s.user).toBe('agent@climatiza.example');
    expect(s.startedAt).toEqual(new Date('2026-11-19T09:58:02Z'));
  });
});

describe('call outcome and durations', () => {
  const t = (s: string) => new Date(`2026-11-19T10:${s}Z`);
  const state = (over: Partial<CallState>): CallState => ({ ...emptyCallState('c'), startedAt: t('00:00'), ...over });
  const table: { name: string; s: CallState; outcome: string; wait: number | null; talk: number | null }[] = [
    { name: 'still ringing', s: state({}), outcome: 'ringing', wait: null, talk: null },
    { name: 'talking', s: state({ answeredAt: t('00:12') }), outcome: 'in-progress', wait: 12, talk: null },
    { name: 'answered and hung up', s: state({ answeredAt: t('00:12'), endedAt: t('03:45'), cause: 'normalClearing' }), outcome: 'answered', wait: 12, talk: 213 },
    { name: 'answered, Twilio says 95 s', s: state({ answeredAt: t('00:12'), endedAt: t('03:45'), durationSeconds: 95 }), outcome: 'answered', wait: 12, talk: 95 },
    { name: 'answered, then a busy cause', s: state({ answeredAt: t('00:05'), endedAt: t('00:30'), cause: 'busy' }), outcome: 'answered', wait: 5, talk: 25 },
    { name: 'caller gave up', s: state({ endedAt: t('00:40'), cause: 'cancel' }), outcome: 'missed', wait: 40, talk: null },
    { name: 'rang out', s: state({ endedAt: t('00:30'), cause: 'noAnswer' }), outcome: 'missed', wait: 30, talk: null },
    { name: 'forwarded elsewhere', s: state({ endedAt: t('00:20'), cause: 'forwarded' }), outcome: 'missed', wait: 20, talk: null },
    { name: 'ended without a cause', s: state({ endedAt: t('00:20') }), outcome: 'missed', wait: 20, talk: null },
    { name: 'outbound, customer did not answer', s: state({ direction: 'out', endedAt: t('00:30'), cause: 'noAnswer' }), outcome: 'missed', wait: 30, talk: null },
    { name: 'busy', s: state({ endedAt: t('00:03'), cause: 'busy' }), outcome: 'busy', wait: 3, talk: null },
    { name: 'failed', s: state({ endedAt: t('00:01'), cause: 'failed' }), outcome: 'failed', wait: 1, talk: null },
    { name: 'congestion', s: state({ endedAt: t('00:01'), cause: 'congestion' }), outcome: 'failed', wait: 1, talk: null },
    { name: 'number not found', s: state({ endedAt: t('00:01'), cause: 'notFound' }), outcome: 'failed', wait: 1, talk: null },
    { name: 'Twilio no-answer with 0 s', s: state({ endedAt: t('00:30'), cause: 'noAnswer', durationSeconds: 0 }), outcome: 'missed', wait: 30, talk: 0 },
    { name: 'no start known (hand-built)', s: state({ startedAt: null, answeredAt: t('00:10'), endedAt: t('01:10') }), outcome: 'answered', wait: null, talk: 60 },
    { name: 'clocks off: answered before it started', s: state({ answeredAt: new Date(t('00:00').getTime() - 2000), endedAt: t('00:10') }), outcome: 'answered', wait: 0, talk: 12 },
    { name: 'half seconds are rounded', s: state({ answeredAt: new Date(t('00:00').getTime() + 1500), endedAt: new Date(t('00:00').getTime() + 4400) }), outcome: 'answered', wait: 2, talk: 3 },
  ];
  it.each(table)('$name -> $outcome', ({ s, outcome, wait, talk }) => {
    expect(callOutcome(s)).toBe(outcome);
    expect(callDurations(s)).toEqual({ waitSeconds: wait, talkSeconds: talk });
  });

  const fixtures: { name: string; events: CallEvent[]; outcome: string; wait: number | null; talk: number | null }[] = [
    { name: 'the Spanish inbound call', events: ctiEvents(cti.inboundEs.newCall, cti.inboundEs.answer, cti.inboundEs.hangup), outcome: 'answered', wait: 12, talk: 213 },
    { name: 'the missed call (noAnswer)', events: ctiEvents(cti.missedNoAnswer.hangup, cti.missedNoAnswer.newCall), outcome: 'missed', wait: 31, talk: null },
    { name: 'the anonymous caller', events: ctiEvents(cti.anonymous.newCall, cti.anonymous.hangup), outcome: 'missed', wait: 8, talk: null },
    { name: 'the outbound call', events: ctiEvents(cti.outbound.hangup, cti.outbound.answer, cti.outbound.newCall), outcome: 'answered', wait: 9, talk: 122 },
    { name: 'the Romanian call', events: ctiEvents(cti.romanian.answer, cti.romanian.hangup, cti.romanian.newCall), outcome: 'answered', wait: 21, talk: 344 },
    { name: 'the Romanian busy line', events: ctiEvents(cti.romanian.busy), outcome: 'busy', wait: 0, talk: null },
    { name: 'Twilio: ringing, in-progress, completed', events: twilioEvents(tw.ringing, tw.inProgress, tw.completed), outcome: 'answered', wait: 8, talk: 95 },
    { name: 'Twilio: outbound no-answer', events: twilioEvents(tw.noAnswer), outcome: 'missed', wait: 0, talk: null },
  ];
  it.each(fixtures)('$name -> $outcome', ({ events, outcome, wait, talk }) => {
    const s = foldCall(events)!;
    expect(callOutcome(s)).toBe(outcome);
    expect(callDurations(s)).toEqual({ waitSeconds: wait, talkSeconds: talk });
  });
});

describe('phone adapter messages', () => {
  const table: { name: string; raw: unknown; from: object; text: string }[] = [
    { name: 'an inbound caller by number', raw: cti.inboundEs.newCall, from: { phone: '+34612345678' }, text: 'newCall in +34612345678 -> +34910000001 (user ana.garcia@climatiza.example)' },
    { name: 'an outbound call: the customer is the callee', raw: cti.outbound.newCall, from: { phone: '+34612345678' }, text: 'newCall out 201 -> +34612345678 (user ana.garcia@climatiza.example)' },
    { name: 'an anonymous caller', raw: cti.anonymous.newCall, from: { name: 'anonymous' }, text: 'newCall in anonymous -> +34910000001' },
    { name: 'Twilio ANONYMOUS', raw: tw.anonymousRinging, from: { name: 'anonymous' }, text: 'newCall in +266696687 -> +34910000001' },
    { name: 'a bare hangup', raw: cti.missedCancel.hangup, from: { name: 'unknown' }, text: 'hangup ? a41c9e07d2f3-2 (cancel)' },
    { name: 'a Twilio no-answer', raw: tw.noAnswer, from: { phone: '+40722123456' }, text: 'hangup out +34910000001 -> +40722123456 (noAnswer)' },
  ];
  it.each(table)('$name', async ({ raw, from, text }) => {
    const [m] = await phoneAdapter.normalize(raw, config);
    expect(m.from).toEqual(from);
    expect(m.text).toBe(text);
  });

  it('takes the envelope ingest stores: an event without a timestamp of its own is dated when it was received, on replay too', async () => {
    const envelope = { params: cti.missedCancel.hangup, receivedAt: '2026-11-19T10:30:00.000Z' };
    const first = await phoneAdapter.normalize(structuredClone(envelope), config);
    const replay = await phoneAdapter.normalize(structuredClone(envelope), config);
    expect(first[0].sentAt).toEqual(new Date('2026-11-19T10:30:00.000Z'));
    expect(replay).toEqual(first);
    // A bare payload (no envelope) is received now.
    const [bare] = await phoneAdapter.normalize(cti.missedCancel.hangup, config);
    expect(Math.abs(bare.sentAt.getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('carries the call event in meta, JSON-ready, one message per event', async () => {
    const completed = { ...tw.noAnswer, CallStatus: 'completed', CallDuration: '95', Duration: '2', Timestamp: 'Thu, 19 Nov 2026 10:16:46 +0000' };
    const messages = await phoneAdapter.normalize(completed, config);
    expect(messages.map((m) => m.idempotencyKey)).toEqual([`twilio:${completed.CallSid}:answer`, `twilio:${completed.CallSid}:hangup`]);
    const call = JSON.parse(JSON.stringify(messages[1].meta)).call;
    expect(call).toMatchObject({ source: 'twilio', event: 'hangup', at: '2026-11-19T10:16:46.000Z', cause: 'normalClearing', durationSeconds: 95 });
    expect(messages[1].sentAt).toEqual(new Date('2026-11-19T10:16:46Z'));
    expect(messages[1].text).toBe('hangup out +34910000001 -> +40722123456 (normalClearing, 95 s)');
  });
});

describe('CTI token', () => {
  const expected = 'c2b7e9a4f1d04e6b8a3c5d7e9f1a2b3c';
  const table: { name: string; provided: string | undefined; configured: string; result: ReturnType<typeof verifyCtiToken> }[] = [
    { name: 'the right token', provided: expected, configured: expected, result: { ok: true } },
    { name: 'a wrong token', provided: 'c2b7e9a4f1d04e6b8a3c5d7e9f1a2b3d', configured: expected, result: { ok: false, reason: 'the CTI token does not match' } },
    { name: 'a shorter prefix', provided: expected.slice(0, 8), configured: expected, result: { ok: false, reason: 'the CTI token does not match' } },
    { name: 'no token', provided: undefined, configured: expected, result: { ok: false, reason: 'missing CTI token' } },
    { name: 'an empty token', provided: '', configured: expected, result: { ok: false, reason: 'missing CTI token' } },
    { name: 'nothing configured', provided: '', configured: '', result: { ok: false, reason: 'no CTI token is configured for this channel' } },
  ];
  it.each(table)('$name', ({ provided, configured, result }) => {
    expect(verifyCtiToken(provided, configured)).toEqual(result);
  });
});
