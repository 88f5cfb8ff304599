import { Injectable } from '@nestjs/common';
import { EntityManager, raw, type FilterQuery } from '@mikro-orm/postgresql';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { INCIDENT_STATUSES, type IncidentStatus } from '../domain/incident-state.js';
import { seesEverything, type IncidentPlacement, type ViewerScope } from '../domain/visibility.js';
import { Incident } from './incident.entity.js';
import { INCIDENT_POPULATE } from './incident.mapper.js';
import { Message } from './message.entity.js';

export interface ListFilters {
  status?: IncidentStatus;
  departmentId?: string; // id or 'none'
  assigneeId?: string; // id or 'none' ('me' resolved by the caller)
  q?: string;
  cursor?: { updatedAt: Date; id: string };
  limit: number;
}

export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The only place that queries incidents; services and the gateway go through it. */
@Injectable()
export class IncidentsRepository {
  constructor(private readonly em: EntityManager) {}

  private scopeFilter(scope: ViewerScope): FilterQuery<Incident> {
    if (seesEverything(scope)) return {};
    if (scope.role === 'technician') return { assignee: scope.userId };
    return { $or: [{ assignee: scope.userId }, { department: null }, { department: { $in: scope.departmentIds } }] };
  }

  private filters(f: Omit<ListFilters, 'status' | 'cursor' | 'limit'>, scope: ViewerScope): FilterQuery<Incident>[] {
    const and: FilterQuery<Incident>[] = [this.scopeFilter(scope)];
    if (f.departmentId) and.push({ department: f.departmentId === 'none' ? null : f.departmentId });
    if (f.assigneeId) and.push({ assignee: f.assigneeId === 'none' ? null : f.assigneeId });
    if (f.q) {
      const like = `%${escapeLike(f.q)}%`;
      and.push({
        $or: [
          { subject: { $ilike: like } },
          { reference: { $ilike: like } },
          { contact: { name: { $ilike: like } } },
          { contact: { email: { $ilike: like } } },
          { contact: { phone: { $ilike: like } } },
        ],
      });
    }
    return and;
  }

  async list(f: ListFilters, scope: ViewerScope): Promise<{ items: Incident[]; counts: Record<IncidentStatus, number> }> {
    const em = this.em.fork();
    const base = this.filters(f, scope);
    const where: FilterQuery<Incident>[] = [...base];
    if (f.status) where.push({ status: f.status });
    if (f.cursor) {
      const { updatedAt, id } = f.cursor;
      where.push({ $or: [{ updatedAt: { $lt: updatedAt } }, { updatedAt, id: { $lt: id } }] });
    }
    const [items, counts] = await Promise.all([
      em.find(Incident, { $and: where }, { populate: INCIDENT_POPULATE, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], limit: f.limit }),
      this.countByStatus(em, base),
    ]);
    return { items, counts };
  }

  /** One grouped query for the counts per status, under the same filters but the status. */
  private async countByStatus(em: EntityManager, base: FilterQuery<Incident>[]): Promise<Record<IncidentStatus, number>> {
    const rows = await em
      .createQueryBuilder(Incident, 'i')
      .select(['i.status', raw('count(*) as n')])
      .where({ $and: base })
      .groupBy('i.status')
      .execute<{ status: IncidentStatus; n: string | number }[]>('all', false);
    const counts = Object.fromEntries(INCIDENT_STATUSES.map((s) => [s, 0])) as Record<IncidentStatus, number>;
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }

  async findWithTimeline(id: string): Promise<{ incident: Incident; messages: Message[]; audit: AuditEntry[] } | null> {
    if (!isUuid(id)) return null;
    const em = this.em.fork();
    const incident = await em.findOne(Incident, { id }, { populate: INCIDENT_POPULATE });
    if (!incident) return null;
    const [messages, audit] = await Promise.all([
      em.find(Message, { incident: id }, { populate: ['authorUser', 'authorContact'], orderBy: { createdAt: 'asc', id: 'asc' } }),
      em.find(AuditEntry, { entityType: 'incident', entityId: id }, { populate: ['actor'], orderBy: { createdAt: 'asc' } }),
    ]);
    return { incident, messages, audit };
  }

  async findSummary(id: string): Promise<Incident | null> {
    if (!isUuid(id)) return null;
    return this.em.fork().findOne(Incident, { id }, { populate: INCIDENT_POPULATE });
  }

  async placement(id: string): Promise<IncidentPlacement | null> {
    if (!isUuid(id)) return null;
    const row = await this.em.fork().findOne(Incident, { id }, { fields: ['department', 'assignee'] });
    return row ? { departmentId: row.department?.id ?? null, assigneeId: row.assignee?.id ?? null } : null;
  }

  /** Next human reference, from a sequence (never reused, no race). */
  async nextReference(em: EntityManager): Promise<string> {
    const [row] = await em.getConnection().execute<{ n: string }[]>(`select nextval('incident_reference_seq') as n`, [], 'all', em.getTransactionContext());
    return `SB-${row.n}`;
  }
}
