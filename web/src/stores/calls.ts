/**
 * Phone calls ringing now, for the pop-up ('call.updated'): an inbound call shows with the caller's card and
 * their open incidents while it rings and while it is being talked; once it ends it stays a moment (a
 * missed call longer: it asks for a call back) unless dismissed. Outbound calls are the agent's own: no pop-up.
 */
import { reactive } from 'vue';
import type { CallDto, ContactDto, IncidentSummaryDto, ServerToClientEvents } from '@contracts';
import { endpoints } from '../api/endpoints';

export type CallPayload = Parameters<ServerToClientEvents['call.updated']>[0];
export interface LiveCall {
  call: CallDto;
  contact: ContactDto | null;
  /** The caller's open incidents; null while they load (or with no contact). */
  openIncidents: IncidentSummaryDto[] | null;
}

/** How long an ended call stays: answered, and missed (it needs someone to call back). */
export const LINGER_MS = { ended: 8_000, missed: 30_000 };
export const MAX_CALLS = 4;

const state = reactive({ items: [] as LiveCall[] });
const timers = new Map<string, ReturnType<typeof setTimeout>>();

function live(call: CallDto): boolean {
  return call.outcome === 'ringing' || call.outcome === 'in-progress';
}

async function loadIncidents(callId: string, contactId: string): Promise<void> {
  try {
    const { items } = await endpoints.incidents({ contactId, active: 'true', limit: 5 });
    const entry = state.items.find((c) => c.call.id === callId);
    if (entry) entry.openIncidents = items;
  } catch {
    const entry = state.items.find((c) => c.call.id === callId);
    if (entry) entry.openIncidents = [];
  }
}

export const calls = {
  state,

  onCall({ call, contact }: CallPayload): void {
    if (!call || call.direction !== 'in') return;
    const existing = state.items.find((c) => c.call.id === call.id);
    if (!existing && !live(call)) return; // ended before we heard it ring: the timeline has it
    // The same caller as before: their incidents are loaded (or loading) already.
    const sameCaller = existing !== undefined && existing.contact?.id === contact?.id;
    const entry: LiveCall = { call, contact, openIncidents: sameCaller ? existing.openIncidents : contact ? null : [] };
    state.items = [entry, ...state.items.filter((c) => c.call.id !== call.id)].slice(0, MAX_CALLS);
    if (contact && !sameCaller) void loadIncidents(call.id, contact.id);
    const timer = timers.get(call.id);
    if (timer) clearTimeout(timer);
    timers.delete(call.id);
    if (!live(call)) timers.set(call.id, setTimeout(() => calls.dismiss(call.id), call.outcome === 'missed' ? LINGER_MS.missed : LINGER_MS.ended));
  },

  dismiss(callId: string): void {
    const timer = timers.get(callId);
    if (timer) clearTimeout(timer);
    timers.delete(callId);
    state.items = state.items.filter((c) => c.call.id !== callId);
  },

  /** Opens a new incident from an ended call with none; answers its id. */
  async newIncident(callId: string): Promise<string | null> {
    const updated = await endpoints.attachCall(callId);
    const entry = state.items.find((c) => c.call.id === callId);
    if (entry) entry.call = updated;
    return updated.incidentId;
  },

  reset(): void {
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    state.items = [];
  },
};
