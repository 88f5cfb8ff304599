import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Locale } from '../contracts/api.js';
import { sqlOf } from '../database/sql.js';
import { IncidentsService, type Assignment } from '../incidents/incidents.service.js';
import { AlreadyQueued, OutboundMessages } from '../outbox/outbound-messages.service.js';
import type { OutboundText } from './twilio-sender.js';

const WORDS: Record<Locale, (o: { reference: string; subject: string; where: string }) => string> = {
  es: (o) => `Orden de servicio ${o.reference}: ${o.subject}${o.where}. Responda 1 para aceptar o 2 para rechazar.`,
  en: (o) => `Service order ${o.reference}: ${o.subject}${o.where}. Reply 1 to accept or 2 to decline.`,
  ro: (o) => `Comandă de service ${o.reference}: ${o.subject}${o.where}. Răspundeți 1 pentru a accepta sau 2 pentru a refuza.`,
};

/** The SMS a technician gets for a service order, in their language (pure). */
export function smsServiceOrder(locale: Locale, o: { reference: string; subject: string; siteAddress: string | null; requestedWindow: string | null }): string {
  const where = [o.siteAddress, o.requestedWindow].filter(Boolean).map((x) => `, ${x}`).join('');
  return (WORDS[locale] ?? WORDS.es)({ reference: o.reference, subject: o.subject.slice(0, 80), where });
}

/**
 * Service orders by SMS: a technician with a registered mobile also gets the order by SMS (from the first
 * active SMS channel), once per assignment, and answers "1" / "2" from that number (InboundRouter).
 */
@Injectable()
export class SmsServiceOrders implements OnApplicationBootstrap {
  private readonly log = new Logger('SmsServiceOrders');

  constructor(
    private readonly em: EntityManager,
    private readonly incidents: IncidentsService,
    private readonly outbound: OutboundMessages,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.incidents.assignments.on('assigned', (a: Assignment) => void this.send(a).catch((err: Error) => this.log.warn(`SMS service order for ${a.incidentId} not queued: ${err.message}`)));
  }

  async send(a: Assignment): Promise<void> {
    const sql = sqlOf(this.em);
    const [row] = await sql<{ reference: string; subject: string; site_address: string | null; requested_window: string | null; phone: string | null; locale: Locale }>(
      `select i.reference, i.subject, i.site_address, i.requested_window, u.phone, u.locale from incidents i join users u on u.id = i.assignee_id
       where i.id = ? and i.assignee_id = ? and i.assignment_id = ?`,
      [a.incidentId, a.technicianId, a.assignmentId],
    );
    if (!row?.phone) return;
    const [channel] = await sql<{ id: string }>(`select id from channels where kind = 'sms' and active order by created_at limit 1`);
    if (!channel) return;
    const body = smsServiceOrder(row.locale, { reference: row.reference, subject: row.subject, siteAddress: row.site_address, requestedWindow: row.requested_window });
    const base = this.config.publicUrl?.replace(/\/+$/, '');
    const text: OutboundText = { to: row.phone, body, statusCallback: base ? `${base}/api/channels/twilio/${channel.id}/status` : null };
    try {
      await this.outbound.queue({
        incidentId: a.incidentId,
        channelId: channel.id,
        channelKind: 'sms',
        body,
        mail: text,
        recipient: row.phone,
        externalId: null,
        meta: { to: row.phone },
        kind: 'service-order-sms',
        automatic: false,
        author: null,
        flags: [],
        sourceId: a.assignmentId,
      });
    } catch (err) {
      if (!(err instanceof AlreadyQueued)) throw err;
    }
  }
}
