/**
 * Wires the socket to the stores, and the session lifecycle (sign in / out) to the socket and the
 * stores. Catch-up rule: on (re)connect, refetch the list (current filters) and the open incident,
 * and announce the view again, so nothing pushed while offline is lost.
 */
import { connectInbox, disconnectInbox, onConnected, onInboxEvent } from '../api/socket';
import { alerts } from './alerts';
import { calls } from './calls';
import { detail } from './detail';
import { directory } from './directory';
import { inbox } from './inbox';

let wired = false;

function wire(): void {
  if (wired) return;
  wired = true;
  onInboxEvent('incident.created', ({ incident }) => inbox.onCreated(incident));
  onInboxEvent('incident.updated', ({ incident }) => {
    inbox.onUpdated(incident);
    detail.onUpdated(incident);
  });
  onInboxEvent('incident.removed', ({ incidentId }) => {
    inbox.onRemoved(incidentId);
    detail.onRemoved(incidentId);
  });
  onInboxEvent('message.created', (payload) => detail.onMessage(payload));
  onInboxEvent('message.updated', (payload) => detail.onMessageUpdated(payload));
  onInboxEvent('incident.viewers', (payload) => detail.onViewers(payload));
  onInboxEvent('incident.alert', (payload) => alerts.push(payload));
  onInboxEvent('incident.duplicate', (payload) => detail.onDuplicate(payload));
  onInboxEvent('call.updated', (payload) => calls.onCall(payload));
  onConnected((reconnect) => {
    // Catch up with what was pushed while we were not listening: after a reconnect, and also when
    // the list or incident was fetched before the very first connection was up.
    if (reconnect || inbox.state.loaded || inbox.state.loading) void inbox.load({ quiet: true });
    if (detail.state.id) void detail.refresh();
    void detail.announceView();
  });
}

/** A session exists: go live and load the reference data. */
export function startSession(): void {
  wire();
  connectInbox();
  void directory.load();
}

/** Signed out (or the session expired): drop everything that belonged to the agent. */
export function endSession(): void {
  detail.reset(); // says 'incident.unview' while still connected
  disconnectInbox();
  inbox.reset();
  directory.reset();
  alerts.reset();
  calls.reset();
}
