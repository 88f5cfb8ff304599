import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../users/user.entity.js';
import { AuditEntry, type AuditChanges } from './audit-entry.entity.js';

export interface AuditRecord {
  entityType: string;
  entityId: string;
  actor: User | null;
  action: string;
  changes?: AuditChanges;
}

/** Records who changed what, inside the caller's unit of work (so it commits with the change or not at all). */
@Injectable()
export class AuditService {
  record(em: EntityManager, r: AuditRecord): AuditEntry {
    return em.create(AuditEntry, {
      entityType: r.entityType,
      entityId: r.entityId,
      actor: r.actor ? em.getReference(User, r.actor.id) : null,
      action: r.action,
      changes: r.changes ?? {},
      createdAt: new Date(),
    });
  }
}
