/**
 * Alerts the server pushes ('incident.alert': a technician declined a service order, nobody is free to
 * take an incident, an SLA target is near or missed). Shown on top of
 * the inbox, newest first, each for ALERT_MS (held while the pointer or focus is on it), until opened
 * or dismissed. The same alert again for the same incident replaces the old one instead of stacking.
 */
import { reactive } from 'vue';
import type { ServerToClientEvents } from '@contracts';

export type AlertPayload = Parameters<ServerToClientEvents['incident.alert']>[0];
export type InboxAlert = AlertPayload & { id: string };

export const ALERT_MS = 10_000;
/** More than this at once: the oldest go. */
export const MAX_ALERTS = 5;
/** The kinds this app can put into words; others (from a newer server) are not shown raw. */
const KINDS: readonly string[] = ['assignment-declined', 'no-technician', 'sla-warning', 'sla-breached'];

const state = reactive({ items: [] as InboxAlert[] });
const timers = new Map<string, { timer: ReturnType<typeof setTimeout> | null; due: number; left: number }>();

function schedule(id: string, ms: number): void {
  const current = timers.get(id);
  if (current?.timer) clearTimeout(current.timer);
  timers.set(id, { timer: setTimeout(() => alerts.dismiss(id), ms), due: Date.now() + ms, left: ms });
}

export const alerts = {
  state,

  push(payload: AlertPayload): void {
    if (!payload || !KINDS.includes(payload.kind)) return;
    const id = `${payload.kind}:${payload.incidentId}`;
    const items = [{ ...payload, id }, ...state.items.filter((a) => a.id !== id)];
    for (const dropped of items.slice(MAX_ALERTS)) alerts.dismiss(dropped.id);
    state.items = items.slice(0, MAX_ALERTS);
    schedule(id, ALERT_MS);
  },

  dismiss(id: string): void {
    const timer = timers.get(id)?.timer;
    if (timer) clearTimeout(timer);
    timers.delete(id);
    state.items = state.items.filter((a) => a.id !== id);
  },

  /** The agent is reading it (pointer or focus on it): it does not go away meanwhile. */
  hold(id: string): void {
    const entry = timers.get(id);
    if (!entry?.timer) return;
    clearTimeout(entry.timer);
    timers.set(id, { timer: null, due: entry.due, left: Math.max(0, entry.due - Date.now()) });
  },

  /** Reading done: it goes after what was left of its time (a moment at least). */
  release(id: string): void {
    const entry = timers.get(id);
    if (!entry || entry.timer) return;
    schedule(id, Math.max(entry.left, 2000));
  },

  reset(): void {
    for (const { timer } of timers.values()) if (timer) clearTimeout(timer);
    timers.clear();
    state.items = [];
  },
};
