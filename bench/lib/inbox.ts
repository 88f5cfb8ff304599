/**
 * One agent's live inbox: a socket.io connection to /inbox, authenticated by the session cookie,
 * recording when each event of one kind arrived, keyed: by default 'incident.created' by the
 * incident's reference (`incidentsCreated(keyOf)` picks another key, e.g. the subject when the sender
 * cannot know the reference; `messagesCreated(keyOf)` watches every inbound message, whether it opened an
 * incident ('incident.created' carries it) or joined one ('message.created')).
 */
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

/** The incident part of an 'incident.created' payload, as far as the bench looks at it. */
export interface CreatedIncident {
  reference?: string;
  subject?: string;
}

/** The message part of a 'message.created' or 'incident.created' payload, as far as the bench looks at it. */
export interface CreatedMessage {
  body?: string;
  kind?: string;
}

export type IncidentKey = (incident: CreatedIncident) => string | undefined;

/** The events a watcher records and the key it files each one under (undefined: not the bench's). */
export interface InboxEvent {
  /** Reported joined by '/', e.g. 'incident.created'. */
  names: readonly string[];
  keyOf(payload: unknown): string | undefined;
}

export const incidentsCreated = (keyOf: IncidentKey = (incident) => incident.reference): InboxEvent => ({
  names: ['incident.created'],
  keyOf: (payload) => {
    const incident = (payload as { incident?: CreatedIncident } | undefined)?.incident;
    return incident ? keyOf(incident) : undefined;
  },
});

export const messagesCreated = (keyOf: (message: CreatedMessage) => string | undefined): InboxEvent => ({
  names: ['incident.created', 'message.created'],
  keyOf: (payload) => {
    const message = (payload as { message?: CreatedMessage } | undefined)?.message;
    return message ? keyOf(message) : undefined;
  },
});

export class InboxWatcher {
  /** key -> performance.now() at arrival */
  private readonly arrivals = new Map<string, number>();
  private readonly waiting = new Set<string>();
  /** Told of each awaited arrival (true: it was the last one). */
  private progress?: (done: boolean) => void;
  /** The events watched, e.g. 'incident.created'. */
  readonly event: string;
  /** Events whose key had arrived before (the same incident or message announced twice). */
  duplicates = 0;
  disconnects = 0;
  private closing = false;

  private constructor(
    private readonly socket: Socket,
    names: readonly string[],
    keyOf: InboxEvent['keyOf'],
  ) {
    this.event = names.join('/');
    const onEvent = (payload: unknown) => {
      const at = performance.now();
      const ref = keyOf(payload);
      if (!ref) return;
      if (this.arrivals.has(ref)) {
        this.duplicates++;
        return;
      }
      this.arrivals.set(ref, at);
      if (this.waiting.delete(ref)) this.progress?.(this.waiting.size === 0);
    };
    for (const name of names) socket.on(name, onEvent);
    socket.on('disconnect', () => {
      if (!this.closing) this.disconnects++;
    });
  }

  /** Connects to `<baseUrl>/inbox` over WebSocket with the given Cookie header. */
  static connect(baseUrl: string, cookieHeader: string, timeoutMs = 10_000, watch: InboxEvent = incidentsCreated()): Promise<InboxWatcher> {
    const socket = io(`${baseUrl}/inbox`, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { cookie: cookieHeader },
      reconnection: true,
      timeout: timeoutMs,
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error(`the inbox socket did not connect within ${timeoutMs} ms`)), timeoutMs);
      const fail = (err: Error) => {
        clearTimeout(timer);
        socket.close();
        reject(new Error(`inbox socket: ${err.message}`));
      };
      socket.once('connect_error', fail);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('connect_error', fail);
        resolve(new InboxWatcher(socket, watch.names, watch.keyOf));
      });
    });
  }

  /** When the event for `reference` (the key) arrived (performance.now()), if it has. */
  arrivalOf(reference: string): number | undefined {
    return this.arrivals.get(reference);
  }

  /**
   * Waits until every reference has arrived, or none arrived for `quietMs` (a server still working through
   * a backlog keeps it waiting, up to `maxMs`); returns the ones still missing.
   */
  async waitForAll(references: Iterable<string>, quietMs: number, maxMs = 120_000): Promise<string[]> {
    this.waiting.clear();
    for (const r of references) if (!this.arrivals.has(r)) this.waiting.add(r);
    if (this.waiting.size > 0) {
      await new Promise<void>((resolve) => {
        const timers: { quiet?: NodeJS.Timeout; cap?: NodeJS.Timeout } = {};
        const finish = () => {
          clearTimeout(timers.quiet);
          clearTimeout(timers.cap);
          resolve();
        };
        timers.quiet = setTimeout(finish, quietMs);
        timers.cap = setTimeout(finish, maxMs);
        this.progress = (done) => {
          if (done) return finish();
          clearTimeout(timers.quiet);
          timers.quiet = setTimeout(finish, quietMs);
        };
      });
    }
    this.progress = undefined;
    const missing = [...this.waiting];
    this.waiting.clear();
    return missing;
  }

  get received(): number {
    return this.arrivals.size;
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  close(): void {
    this.closing = true;
    this.socket.close();
  }
}
