import { Injectable } from '@nestjs/common';
import type { Party } from '../../../channels/core/index.js';
import type { ContactDto } from '../contracts/api.js';
import type { Sql } from '../database/sql.js';

const SELECT_CONTACT = `select c.id, c.name, c.email, c.phone, c.customer_id as "customerId", cu.name as "customerName"
  from contacts c left join customers cu on cu.id = c.customer_id`;

/**
 * Recognises who wrote: the contact with this e-mail, else with this phone, else a new contact.
 * Safe under concurrency: the insert leans on the unique indexes and re-reads on conflict.
 */
@Injectable()
export class ContactsService {
  async identify(sql: Sql, from: Party, locale?: string): Promise<ContactDto> {
    const existing = await this.find(sql, from);
    if (existing) return this.learn(sql, existing, from);
    const name = from.name?.trim() || from.email || from.phone || 'Unknown';
    // Insert and audit in one statement (intake's hot path); nothing at all when another delivery won the race.
    const inserted = await sql<{ id: string }>(
      `with c as (
         insert into contacts (id, name, email, phone, locale, created_at) values (gen_random_uuid(), ?, ?, ?, ?, now())
         on conflict do nothing returning id),
       a as (
         insert into audit_log (id, entity_type, entity_id, actor_id, action, changes, created_at)
         select gen_random_uuid(), 'contact', c.id, null, 'created', ?, now() from c)
       select id from c`,
      [
        name,
        from.email ?? null,
        from.phone ?? null,
        locale ?? null,
        JSON.stringify({ name: { from: null, to: name }, email: { from: null, to: from.email ?? null }, phone: { from: null, to: from.phone ?? null } }),
      ],
    );
    if (inserted.length > 0) return { id: inserted[0].id, name, email: from.email ?? null, phone: from.phone ?? null, customerId: null, customerName: null };
    const raced = await this.find(sql, from);
    if (!raced) throw new Error('contact vanished after a unique conflict');
    return raced;
  }

  private async find(sql: Sql, from: Party): Promise<ContactDto | null> {
    if (!from.email && !from.phone) return null;
    // e-mail wins over phone when they point at two different contacts
    const rows = await sql<ContactDto>(
      `${SELECT_CONTACT} where c.email = ? or c.phone = ? order by (c.email = ?) desc nulls last limit 1`,
      [from.email ?? null, from.phone ?? null, from.email ?? null],
    );
    return rows[0] ?? null;
  }

  /** Remember an address or number we did not know yet, unless another contact already has it. */
  private async learn(sql: Sql, c: ContactDto, from: Party): Promise<ContactDto> {
    const phone = !c.phone && from.phone ? from.phone : null;
    const email = !c.email && from.email ? from.email : null;
    if (!phone && !email) return c;
    const [row] = await sql<{ email: string | null; phone: string | null }>(
      `update contacts set
         phone = coalesce(phone, case when not exists (select 1 from contacts where phone = ?) then ?::varchar end),
         email = coalesce(email, case when not exists (select 1 from contacts where email = ?) then ?::varchar end)
       where id = ? returning email, phone`,
      [phone, phone, email, email, c.id],
    );
    const changes: Record<string, { from: null; to: string | null }> = {};
    if (row.email !== c.email) changes.email = { from: null, to: row.email };
    if (row.phone !== c.phone) changes.phone = { from: null, to: row.phone };
    if (Object.keys(changes).length) await this.audit(sql, c.id, 'updated', changes);
    return { ...c, email: row.email, phone: row.phone };
  }

  /** Intake changes contacts as the system (no actor); same audit_log as every other change. */
  private async audit(sql: Sql, contactId: string, action: string, changes: Record<string, { from: unknown; to: unknown }>): Promise<void> {
    await sql(`insert into audit_log (id, entity_type, entity_id, actor_id, action, changes, created_at) values (gen_random_uuid(), 'contact', ?, null, ?, ?, now())`, [
      contactId,
      action,
      JSON.stringify(changes),
    ]);
  }
}
