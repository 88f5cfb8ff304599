import { Injectable } from '@nestjs/common';
import type { ContactDto } from '../contracts/api.js';
import type { ContactMergeDto, CustomerDto, IdentityDto, IdentityKind } from '../contracts/people.js';
import type { Sql } from '../database/sql.js';
import type { ContactFacts } from '../domain/identity.js';
import { SELECT_CONTACT } from './contacts.service.js';

export interface ContactRow extends ContactDto {
  locale: string | null;
  mergedIntoId: string | null;
  createdAt: Date;
}

/** What a contact merge moved, so that undo can put exactly that back. */
export interface ContactMoves {
  identities: string[];
  incidents: string[];
  messages: string[];
  calls: string[];
  /** The source's primary e-mail and phone (cleared on it while merged) and the target's before. */
  sourcePrimary: { email: string | null; phone: string | null };
  targetPrimary: { email: string | null; phone: string | null };
  /** Moved incidents that had no customer and took the target's (absent in merges made before it was kept). */
  customerFilled?: string[];
}

const CONTACT_COLUMNS = `${SELECT_CONTACT.replace('select ', 'select c.locale, c.merged_into_id as "mergedIntoId", c.created_at as "createdAt", ')}`;

/** Customers and contacts as agents manage them (intake recognises senders in ContactsService). */
@Injectable()
export class DirectoryRepository {
  async customers(sql: Sql, q: string | undefined, limit: number): Promise<CustomerDto[]> {
    const rows = await sql<CustomerDto & { createdAt: Date }>(
      `select cu.id, cu.name, cu.zone, cu.branch, cu.created_at as "createdAt",
         (select count(*)::int from contacts c where c.customer_id = cu.id and c.merged_into_id is null) as "contactCount"
       from customers cu where (?::text is null or cu.name ilike '%' || ? || '%') order by cu.name limit ?`,
      [q ?? null, q ?? null, limit],
    );
    return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
  }

  async customer(sql: Sql, id: string): Promise<CustomerDto | null> {
    const rows = await sql<CustomerDto & { createdAt: Date }>(
      `select cu.id, cu.name, cu.zone, cu.branch, cu.created_at as "createdAt",
         (select count(*)::int from contacts c where c.customer_id = cu.id and c.merged_into_id is null) as "contactCount"
       from customers cu where cu.id = ?`,
      [id],
    );
    return rows[0] ? { ...rows[0], createdAt: new Date(rows[0].createdAt).toISOString() } : null;
  }

  async insertCustomer(sql: Sql, c: { name: string; zone: string | null; branch: string | null }): Promise<string> {
    const [row] = await sql<{ id: string }>(`insert into customers (id, name, zone, branch, created_at) values (gen_random_uuid(), ?, ?, ?, now()) returning id`, [c.name, c.zone, c.branch]);
    return row!.id;
  }

  async updateCustomer(sql: Sql, id: string, set: Record<'name' | 'zone' | 'branch', string | null | undefined>): Promise<boolean> {
    const cols = Object.entries(set).filter(([, v]) => v !== undefined);
    if (cols.length === 0) return true;
    const rows = await sql(`update customers set ${cols.map(([k]) => `${k} = ?`).join(', ')} where id = ? returning id`, [...cols.map(([, v]) => v), id]);
    return rows.length > 0;
  }

  async contacts(sql: Sql, f: { q?: string; customerId?: string; limit: number }): Promise<ContactDto[]> {
    const like = f.q ? `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null;
    return sql<ContactDto>(
      `${SELECT_CONTACT} where c.merged_into_id is null and (?::uuid is null or c.customer_id = ?)
         and (?::text is null or c.name ilike ? or exists (select 1 from contact_identities ci where ci.contact_id = c.id and ci.value ilike ?))
       order by c.name, c.id limit ?`,
      [f.customerId ?? null, f.customerId ?? null, like, like, like, f.limit],
    );
  }

  async contact(sql: Sql, id: string, lock = false): Promise<ContactRow | null> {
    const rows = await sql<ContactRow>(`${CONTACT_COLUMNS} where c.id = ?${lock ? ' for update of c' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async identities(sql: Sql, contactId: string): Promise<IdentityDto[]> {
    const rows = await sql<IdentityDto & { createdAt: Date }>(
      `select ci.id, ci.kind, ci.value, ci.created_at as "createdAt", (ci.value = c.email or ci.value = c.phone) as primary
       from contact_identities ci join contacts c on c.id = ci.contact_id where ci.contact_id = ? order by ci.kind, ci.created_at`,
      [contactId],
    );
    return rows.map((r) => ({ ...r, primary: Boolean(r.primary), createdAt: new Date(r.createdAt).toISOString() }));
  }

  /** The contact an identity belongs to, if any. */
  async ownerOf(sql: Sql, kind: IdentityKind, value: string): Promise<{ contactId: string; name: string } | null> {
    const [row] = await sql<{ contactId: string; name: string }>(
      `select c.id as "contactId", c.name from contact_identities ci join contacts c on c.id = ci.contact_id where ci.kind = ? and ci.value = ?`,
      [kind, value],
    );
    return row ?? null;
  }

  async addIdentity(sql: Sql, contactId: string, kind: IdentityKind, value: string): Promise<string | null> {
    const [row] = await sql<{ id: string }>(
      `insert into contact_identities (id, contact_id, kind, value, created_at) values (gen_random_uuid(), ?, ?, ?, now()) on conflict do nothing returning id`,
      [contactId, kind, value],
    );
    if (!row) return null;
    // The first of its kind is the primary one (replies go there), unless another contact holds it as theirs.
    await sql(
      `update contacts set ${kind} = ? where id = ? and ${kind} is null and not exists (select 1 from contacts where ${kind} = ?)`,
      [value, contactId, value],
    );
    return row.id;
  }

  /** Removes an identity; a primary one is replaced by the contact's next identity of that kind. */
  async removeIdentity(sql: Sql, contactId: string, identityId: string): Promise<{ kind: IdentityKind; value: string } | null> {
    const [gone] = await sql<{ kind: IdentityKind; value: string }>(`delete from contact_identities where id = ? and contact_id = ? returning kind, value`, [identityId, contactId]);
    if (!gone) return null;
    await sql(
      `update contacts c set ${gone.kind} = (select ci.value from contact_identities ci where ci.contact_id = c.id and ci.kind = ?
         and not exists (select 1 from contacts o where o.${gone.kind} = ci.value) order by ci.created_at limit 1)
       where c.id = ? and c.${gone.kind} = ?`,
      [gone.kind, contactId, gone.value],
    );
    return gone;
  }

  async insertContact(sql: Sql, c: { name: string; nameKey: string; customerId: string | null; locale: string | null }): Promise<string> {
    const [row] = await sql<{ id: string }>(`insert into contacts (id, name, name_key, customer_id, locale, created_at) values (gen_random_uuid(), ?, ?, ?, ?, now()) returning id`, [
      c.name,
      c.nameKey,
      c.customerId,
      c.locale,
    ]);
    return row!.id;
  }

  async updateContact(sql: Sql, id: string, set: { name?: string; nameKey?: string; customerId?: string | null; locale?: string | null }): Promise<void> {
    const cols = ([['name', set.name], ['name_key', set.nameKey], ['customer_id', set.customerId], ['locale', set.locale]] as const).filter(([, v]) => v !== undefined);
    if (cols.length) await sql(`update contacts set ${cols.map(([k]) => `${k} = ?`).join(', ')} where id = ?`, [...cols.map(([, v]) => v), id]);
  }

  /** Contacts that could be the same person: the same name, or of the same customer (the pure rule decides). */
  async likelySameCandidates(sql: Sql, c: { id: string; nameKey: string; customerId: string | null }): Promise<(ContactFacts & ContactDto)[]> {
    const rows = await sql<ContactDto & { identities: { kind: IdentityKind; value: string }[] | null }>(
      `${SELECT_CONTACT.replace('select ', `select (select json_agg(json_build_object('kind', ci.kind, 'value', ci.value)) from contact_identities ci where ci.contact_id = c.id) as identities, `)}
       where c.id <> ? and c.merged_into_id is null and (c.name_key = ? or (?::uuid is not null and c.customer_id = ?)) limit 100`,
      [c.id, c.nameKey, c.customerId, c.customerId],
    );
    return rows.map((r) => ({ ...r, identities: r.identities ?? [] }));
  }

  async openIncidents(sql: Sql, contactId: string): Promise<number> {
    const [row] = await sql<{ n: number }>(`select count(*)::int as n from incidents where contact_id = ? and status in ('new', 'open', 'pending')`, [contactId]);
    return row!.n;
  }

  /** Moves everything of `sourceId` to `targetId`; the source stays, empty, pointing at the target. */
  async mergeContacts(sql: Sql, sourceId: string, targetId: string, actorId: string): Promise<{ id: string; moves: ContactMoves }> {
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    const [primary] = await sql<{ se: string | null; sp: string | null; te: string | null; tp: string | null }>(
      `select s.email as se, s.phone as sp, t.email as te, t.phone as tp from contacts s, contacts t where s.id = ? and t.id = ?`,
      [sourceId, targetId],
    );
    const moves: ContactMoves = {
      identities: ids(await sql(`update contact_identities set contact_id = ? where contact_id = ? returning id`, [targetId, sourceId])),
      incidents: ids(await sql(`update incidents set contact_id = ? where contact_id = ? returning id`, [targetId, sourceId])),
      messages: ids(await sql(`update messages set author_contact_id = ? where author_contact_id = ? returning id`, [targetId, sourceId])),
      calls: ids(await sql(`update calls set contact_id = ? where contact_id = ? returning id`, [targetId, sourceId])),
      sourcePrimary: { email: primary!.se, phone: primary!.sp },
      targetPrimary: { email: primary!.te, phone: primary!.tp },
    };
    await sql(`update contacts set merged_into_id = ?, email = null, phone = null where id = ?`, [targetId, sourceId]);
    await sql(`update contacts set email = coalesce(email, ?), phone = coalesce(phone, ?) where id = ?`, [primary!.se, primary!.sp, targetId]);
    // Incidents moved to the target take its customer when they had none (and give it back on undo).
    moves.customerFilled = ids(
      await sql(`update incidents set customer_id = (select customer_id from contacts where id = ?) where id = any(?::uuid[]) and customer_id is null and (select customer_id from contacts where id = ?) is not null returning id`, [
        targetId,
        moves.incidents,
        targetId,
      ]),
    );
    const [row] = await sql<{ id: string }>(
      `insert into contact_merges (id, target_id, source_id, moved, actor_id, created_at) values (gen_random_uuid(), ?, ?, ?, ?, now()) returning id`,
      [targetId, sourceId, JSON.stringify(moves), actorId],
    );
    return { id: row!.id, moves };
  }

  async lockMerge(sql: Sql, id: string): Promise<{ id: string; sourceId: string; targetId: string; moved: ContactMoves; undoneAt: Date | null } | null> {
    const [row] = await sql<{ id: string; sourceId: string; targetId: string; moved: ContactMoves; undoneAt: Date | null }>(
      `select id, source_id as "sourceId", target_id as "targetId", moved, undone_at as "undoneAt" from contact_merges where id = ? for update`,
      [id],
    );
    return row ?? null;
  }

  /** Puts back exactly what the merge moved (what the target got since stays with it). */
  async undoContactMerge(sql: Sql, m: { id: string; sourceId: string; targetId: string; moved: ContactMoves }, actorId: string): Promise<void> {
    const back = async (table: string, column: string, ids: string[]) =>
      sql(`update ${table} set ${column} = ? where id = any(?::uuid[]) and ${column} = ?`, [m.sourceId, ids, m.targetId]);
    await back('contact_identities', 'contact_id', m.moved.identities);
    await back('incidents', 'contact_id', m.moved.incidents);
    await back('messages', 'author_contact_id', m.moved.messages);
    await back('calls', 'contact_id', m.moved.calls);
    // The customer an incident took from the target, unless someone has set another since.
    await sql(`update incidents set customer_id = null where id = any(?::uuid[]) and customer_id is not distinct from (select customer_id from contacts where id = ?)`, [m.moved.customerFilled ?? [], m.targetId]);
    await sql(`update contacts set email = ?, phone = ? where id = ?`, [m.moved.targetPrimary.email, m.moved.targetPrimary.phone, m.targetId]);
    await sql(`update contacts set merged_into_id = null, email = ?, phone = ? where id = ?`, [m.moved.sourcePrimary.email, m.moved.sourcePrimary.phone, m.sourceId]);
    await sql(`update contact_merges set undone_at = now(), undone_by = ? where id = ?`, [actorId, m.id]);
  }

  async mergesInto(sql: Sql, contactId: string): Promise<ContactMergeDto[]> {
    const rows = await sql<{ id: string; targetId: string; source: { id: string; name: string }; moved: ContactMoves; by: { id: string; name: string } | null; createdAt: Date; undoneAt: Date | null }>(
      `select g.id, g.target_id as "targetId", json_build_object('id', s.id, 'name', s.name) as source, g.moved,
         case when u.id is null then null else json_build_object('id', u.id, 'name', u.name) end as by, g.created_at as "createdAt", g.undone_at as "undoneAt"
       from contact_merges g join contacts s on s.id = g.source_id left join users u on u.id = g.actor_id where g.target_id = ? order by g.created_at desc limit 20`,
      [contactId],
    );
    return rows.map((r) => ({
      id: r.id,
      source: r.source,
      targetId: r.targetId,
      moved: { identities: r.moved.identities.length, incidents: r.moved.incidents.length, messages: r.moved.messages.length, calls: r.moved.calls.length },
      by: r.by,
      createdAt: new Date(r.createdAt).toISOString(),
      undoneAt: r.undoneAt ? new Date(r.undoneAt).toISOString() : null,
    }));
  }

  async audit(sql: Sql, entityType: 'contact' | 'customer', id: string, actorId: string | null, action: string, changes: Record<string, { from: unknown; to: unknown }>): Promise<void> {
    await sql(`insert into audit_log (id, entity_type, entity_id, actor_id, action, changes, created_at) values (gen_random_uuid(), ?, ?, ?, ?, ?, now())`, [
      entityType,
      id,
      actorId,
      action,
      JSON.stringify(changes),
    ]);
  }
}
