/** A stand-in for socket.io-client's Socket, driven by the tests (vi.mock('socket.io-client')). */
type Handler = (...args: unknown[]) => void;

export class FakeSocket {
  handlers = new Map<string, Handler[]>();
  emitted: { event: string; payload: unknown }[] = [];
  connected = false;
  active = false;
  viewersAck: unknown = [];

  on(event: string, fn: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]);
    return this;
  }
  fire(event: string, ...args: unknown[]) {
    for (const fn of this.handlers.get(event) ?? []) fn(...args);
  }
  connect() {
    this.active = true;
    return this;
  }
  disconnect() {
    this.active = false;
    this.connected = false;
    return this;
  }
  emit(event: string, payload: unknown, ack?: Handler) {
    this.emitted.push({ event, payload });
    ack?.(null, this.viewersAck);
    return this;
  }
  timeout() {
    return this;
  }
  /** The server accepted the connection. */
  up() {
    this.connected = true;
    this.fire('connect');
  }
  /** The connection dropped. */
  down() {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }
}

export const fake = { socket: null as FakeSocket | null, ioCalls: [] as unknown[][] };

export function io(...args: unknown[]): FakeSocket {
  fake.ioCalls.push(args);
  fake.socket = new FakeSocket();
  return fake.socket;
}
