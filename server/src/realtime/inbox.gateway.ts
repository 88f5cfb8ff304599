import { Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, type OnGatewayDisconnect, type OnGatewayInit } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { SessionsService } from '../auth/sessions.service.js';
import type { UserRefDto } from '../contracts/api.js';
import { INBOX_NAMESPACE, type ClientToServerEvents, type ServerToClientEvents } from '../contracts/events.js';
import { canSee, roomForIncident, roomForSession, roomsOfViewer } from '../domain/visibility.js';
import { IncidentsRepository } from '../incidents/incidents.repository.js';
import { InboxPublisher } from './inbox-publisher.js';

interface SocketData {
  user: UserRefDto;
  scope: { userId: string; role: 'admin' | 'agent' | 'technician'; departmentIds: string[] };
  viewing: Set<string>;
}
type InboxSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * The live inbox: a socket authenticates with the session cookie, joins the rooms of what its user may
 * see, and tells which incident it is viewing (presence).
 */
@WebSocketGateway({ namespace: INBOX_NAMESPACE, serveClient: false })
export class InboxGateway implements OnGatewayInit<Namespace>, OnGatewayDisconnect<InboxSocket>, BeforeApplicationShutdown {
  private readonly log = new Logger('Inbox');
  /** While shutting down, sockets drop by the hundred: no presence broadcasts then. */
  private stopping = false;

  constructor(
    private readonly sessions: SessionsService,
    private readonly publisher: InboxPublisher,
    private readonly incidents: IncidentsRepository,
  ) {}

  afterInit(nsp: Namespace): void {
    this.publisher.attach(nsp);
    nsp.use((socket, next) => {
      void this.authenticate(socket as InboxSocket).then(
        (error) => next(error ? new Error(error) : undefined),
        (err) => next(err as Error),
      );
    });
  }

  private async authenticate(socket: InboxSocket): Promise<string | null> {
    const req = socket.request;
    // Refuse cross-site WebSocket hijacking: a browser always sends Origin; it must be this host.
    const origin = req.headers.origin;
    if (origin && new URL(origin).host !== req.headers.host) return 'origin not allowed';
    const viewer = await this.sessions.resolve(this.sessions.tokenFromCookieHeader(req.headers.cookie));
    if (!viewer) return 'unauthorized: log in first';
    const scope = { userId: viewer.user.id, role: viewer.user.role, departmentIds: viewer.departmentIds };
    socket.data = { user: { id: viewer.user.id, name: viewer.user.name }, scope, viewing: new Set() };
    await socket.join([...roomsOfViewer(scope), roomForSession(viewer.sessionHash)]);
    // The session ends at its expiry even if the socket stays open.
    const expiry = setTimeout(() => socket.disconnect(true), Math.min(viewer.expiresAt.getTime() - Date.now(), 2 ** 31 - 1));
    expiry.unref();
    socket.once('disconnect', () => clearTimeout(expiry));
    return null;
  }

  @SubscribeMessage('incident.view')
  async view(@ConnectedSocket() socket: InboxSocket, @MessageBody() body: { incidentId?: unknown }): Promise<UserRefDto[]> {
    const incidentId = typeof body?.incidentId === 'string' ? body.incidentId : '';
    const placement = incidentId ? await this.incidents.placement(incidentId) : null;
    if (!placement || !canSee(socket.data.scope, placement)) return [];
    for (const other of socket.data.viewing) if (other !== incidentId) await this.leave(socket, other);
    socket.data.viewing.add(incidentId);
    await socket.join(roomForIncident(incidentId));
    return this.broadcastViewers(incidentId);
  }

  @SubscribeMessage('incident.unview')
  async unview(@ConnectedSocket() socket: InboxSocket, @MessageBody() body: { incidentId?: unknown }): Promise<void> {
    if (typeof body?.incidentId === 'string') await this.leave(socket, body.incidentId);
  }

  beforeApplicationShutdown(): void {
    this.stopping = true;
  }

  async handleDisconnect(socket: InboxSocket): Promise<void> {
    if (this.stopping) return;
    for (const id of socket.data?.viewing ?? []) await this.broadcastViewers(id).catch((e) => this.log.warn(e.message));
  }

  private async leave(socket: InboxSocket, incidentId: string): Promise<void> {
    if (!socket.data.viewing.delete(incidentId)) return;
    await socket.leave(roomForIncident(incidentId));
    await this.broadcastViewers(incidentId);
  }

  /** Viewers across every server process (fetchSockets asks the other nodes through the adapter). */
  private async broadcastViewers(incidentId: string): Promise<UserRefDto[]> {
    const room = roomForIncident(incidentId);
    const sockets = await this.publisher.namespace().in(room).fetchSockets();
    const byId = new Map<string, UserRefDto>();
    for (const s of sockets) {
      const u = (s.data as SocketData | undefined)?.user;
      if (u) byId.set(u.id, u);
    }
    const viewers = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
    this.publisher.publish([room], 'incident.viewers', { incidentId, viewers });
    return viewers;
  }

}
