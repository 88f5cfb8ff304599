/**
 * The typed socket.io client of the '/inbox' namespace. One socket per page, connected while a
 * session exists. Exposes a reactive connection state and a hook for "connected again after a
 * disconnect", on which the stores catch up with what they missed.
 */
import { reactive } from 'vue';
import { io, type Socket } from 'socket.io-client';
import {
  INBOX_NAMESPACE,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type UserRefDto,
} from '@contracts';

export type InboxSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type ConnectionState = 'live' | 'offline';
type EventName = keyof ServerToClientEvents;

export const connection = reactive({
  state: 'offline' as ConnectionState,
  /** true once the first connection of this session succeeded; false again after logout. */
  everConnected: false,
});

/** Every event of the contract (a new one there fails the type check until it is listed here). */
const EVENTS = Object.keys({
  'incident.created': true,
  'incident.updated': true,
  'incident.removed': true,
  'incident.alert': true,
  'message.created': true,
  'message.updated': true,
  'incident.viewers': true,
  'call.updated': true,
  'incident.duplicate': true,
  'workload.changed': true,
} satisfies Record<EventName, true>) as EventName[];

const listeners = new Map<EventName, Set<(...args: never[]) => void>>();
const connectHandlers = new Set<(reconnect: boolean) => void>();
let socket: InboxSocket | null = null;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let retryDelay = 1000;

function dispatch(event: EventName, payload: unknown): void {
  for (const handler of listeners.get(event) ?? []) {
    try {
      (handler as (p: unknown) => void)(payload);
    } catch (err) {
      console.error(`[inbox] handler for ${event} failed`, err);
    }
  }
}

/** Manual retry for the cases socket.io does not retry itself (refused by a middleware, server kick). */
function scheduleRetry(): void {
  if (retryTimer || !socket) return;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    if (socket && !socket.connected) socket.connect();
  }, retryDelay);
  retryDelay = Math.min(retryDelay * 2, 15000);
}

function createSocket(): InboxSocket {
  const s: InboxSocket = io(INBOX_NAMESPACE, {
    path: '/socket.io',
    withCredentials: true,
    autoConnect: false,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  s.on('connect', () => {
    const reconnect = connection.everConnected;
    connection.state = 'live';
    connection.everConnected = true;
    retryDelay = 1000;
    for (const handler of connectHandlers) handler(reconnect);
  });
  s.on('disconnect', (reason) => {
    connection.state = 'offline';
    if (reason === 'io server disconnect') scheduleRetry();
  });
  s.on('connect_error', () => {
    connection.state = 'offline';
    if (!s.active) scheduleRetry();
  });
  for (const event of EVENTS) {
    (s as unknown as { on(ev: string, fn: (p: unknown) => void): void }).on(event, (payload) => dispatch(event, payload));
  }
  return s;
}

export function connectInbox(): void {
  socket ??= createSocket();
  if (!socket.connected && !socket.active) socket.connect();
}

export function disconnectInbox(): void {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  socket?.disconnect();
  connection.state = 'offline';
  connection.everConnected = false;
}

export function isLive(): boolean {
  return socket?.connected ?? false;
}

/** Subscribe to a server event; returns the unsubscribe function. Survives reconnects. */
export function onInboxEvent<E extends EventName>(event: E, handler: ServerToClientEvents[E]): () => void {
  let set = listeners.get(event);
  if (!set) listeners.set(event, (set = new Set()));
  set.add(handler as (...args: never[]) => void);
  return () => set.delete(handler as (...args: never[]) => void);
}

/** Called on every successful connect; `reconnect` is true when it follows an earlier connection. */
export function onConnected(handler: (reconnect: boolean) => void): () => void {
  connectHandlers.add(handler);
  return () => connectHandlers.delete(handler);
}

/**
 * Announce that this tab views an incident; resolves with the current viewers (null when offline
 * or without an answer). Not buffered: when offline, the connect handler announces it again.
 */
export function viewIncident(incidentId: string): Promise<UserRefDto[] | null> {
  const s = socket;
  if (!s?.connected) return Promise.resolve(null);
  // The contract's ack is optional, which socket.io's timeout() typing does not model: emit untyped.
  const timed = s.timeout(5000) as unknown as {
    emit(ev: 'incident.view', payload: { incidentId: string }, ack: (err: Error | null, viewers?: UserRefDto[]) => void): void;
  };
  return new Promise((resolve) => {
    timed.emit('incident.view', { incidentId }, (err, viewers) => {
      resolve(err || !Array.isArray(viewers) ? null : viewers);
    });
  });
}

export function unviewIncident(incidentId: string): void {
  if (socket?.connected) socket.emit('incident.unview', { incidentId });
}
