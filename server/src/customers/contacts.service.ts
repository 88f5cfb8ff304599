import { Injectable } from '@nestjs/common';
import type { Party } from '../../../channels/core/index.js';
import type { ContactDto } from '../contracts/api.js';
import type { Sql } from '../database/sql.js';
import { nameKey, normalizeEmail } from '../domain/identity.js';

export const SELECT_CONTACT = `select c.id, c.name, c.email, c.phone, c.customer_id as "customerId", cu.name as "customerName"
  from contacts c left join customers cu on cu.id = c.customer_id`;

/** `?` e-mail, `?` phone: the contact (with `known`: its identities as 'kind:value') one of them belongs to. */
const FIND_BY_IDENTITY = `${SELECT_CONTACT.replace('select ', `select array(select x.kind || ':' || x.value from contact_identities x where x.contact_id = c.id) as known, `)}
  join contact_identities ci on ci.contact_id = c.id
  where (ci.kind = 'email' and ci.value = ?) or (ci.kind = 'phone' and ci.value = ?) order by (ci.kind = 'email') desc limit 1`;

/**
 * Recognises who wrote: the contact one of whose identities (e-mail addresses, phone numbers) this is, else
 * a new contact. Safe under concurrency: creating leans on the unique indexes and re-reads on conflict.
 * Adapters hand over e-mail in lower case and phones in E.164; the address is normalised once more here so
 * that a near match ("Ana@X.com ", "mailto:ana@x.com") is the same identity.
 */
@Injectable()
export class ContactsService {
  async identify(sql: Sql, party: Party, locale?: string): Promise<ContactDto> {
    return (await this.identifyOrCreate(sql, party, locale)).contact;
  }

  /** As identify; `created`: the contact was made by this call, in the caller's transaction (it has no customer yet). */
  async identifyOrCreate(sql: Sql, party: Party, locale?: string): Promise<{ contact: ContactDto; created: boolean }> {
    const from: Party = { ...party, email: party.email ? (normalizeEmail(party.email) ?? party.email.trim().toLowerCase()) : undefined };
    const name = from.name?.trim() || from.email || from.phone || 'Unknown';
    // Intake's hot path, one statement: the contact of an identity, else a new contact with its identities and
    // the audit; nothing at all when another delivery won the race (the contacts' unique primary e-mail/phone).
    const [row] = await sql<ContactDto & { known: string[] | null; created: boolean }>(
      `with f as (${FIND_BY_IDENTITY}),
       c as (
         insert into contacts (id, name, name_key, email, phone, locale, created_at)
         select gen_random_uuid(), ?, ?, ?, ?, ?, now() where not exists (select 1 from f)
         on conflict do nothing returning id),
       i as (
         insert into contact_identities (id, contact_id, kind, value, created_at)
         select gen_random_uuid(), c.id, x.kind, x.value, now() from c, (values ('email', ?::varchar), ('phone', ?::varchar)) x(kind, value) where x.value is not null
         on conflict do nothing),
       a as (
         insert into audit_log (id, entity_type, entity_id, actor_id, action, changes, created_at)
         select gen_random_uuid(), 'contact', c.id, null, 'created', ?, now() from c)
       select f.known, f.id, f.name, f.email, f.phone, f."customerId", f."customerName", false as created from f
       union all
       select null, c.id, null, null, null, null, null, true from c`,
      [
        from.email ?? null,
        from.phone ?? null,
        name,
        nameKey(name),
        from.email ?? null,
        from.phone ?? null,
        locale ?? null,
        from.email ?? null,
        from.phone ?? null,
        JSON.stringify({ name: { from: null, to: name }, email: { from: null, to: from.email ?? null }, phone: { from: null, to: from.phone ?? null } }),
      ],
    );
    if (row?.created) return { contact: { id: row.id, name, email: from.email ?? null, phone: from.phone ?? null, customerId: null, customerName: null }, created: true };
    const found = row ?? (await this.find(sql, from));
    if (!found) throw new Error('contact vanished after a unique conflict');
    const { known, created: _, ...contact } = found;
    return { contact: await this.learn(sql, contact, from, known ?? []), created: false };
  }

  /** The contact an identity belongs to; e-mail wins over phone when they point at two different contacts. */
  private async find(sql: Sql, from: Party): Promise<(ContactDto & { known: string[] | null }) | null> {
    if (!from.email && !from.phone) return null;
    const rows = await sql<ContactDto & { known: string[] | null }>(FIND_BY_IDENTITY, [from.email ?? null, from.phone ?? null]);
    return rows[0] ?? null;
  }

  /** Remember an address or number we did not know yet, unless another contact already has it. */
  private async learn(sql: Sql, c: ContactDto, from: Party, known: readonly string[]): Promise<ContactDto> {
    const fresh = [
      ['email', from.email],
      ['phone', from.phone],
    ].filter((x): x is [string, string] => Boolean(x[1]) && !known.includes(`${x[0]}:${x[1]}`));
    if (fresh.length === 0) return c;
    const added = await sql<{ kind: 'email' | 'phone'; value: string }>(
      `insert into contact_identities (id, contact_id, kind, value, created_at)
       select gen_random_uuid(), ?, x.kind, x.value, now() from (values ${fresh.map(() => '(?, ?::varchar)').join(', ')}) x(kind, value)
       on conflict do nothing returning kind, value`,
      [c.id, ...fresh.flat()],
    );
    if (added.length === 0) return c;
    const email = added.find((a) => a.kind === 'email')?.value ?? null;
    const phone = added.find((a) => a.kind === 'phone')?.value ?? null;
    // The first address or number a contact has is also its primary one (what replies go to).
    const [row] = await sql<{ email: string | null; phone: string | null }>(
      `update contacts set
         email = coalesce(email, case when not exists (select 1 from contacts where email = ?) then ?::varchar end),
         phone = coalesce(phone, case when not exists (select 1 from contacts where phone = ?) then ?::varchar end)
       where id = ? returning email, phone`,
      [...[email, email, phone, phone], c.id],
    );
    const changes = Object.fromEntries(added.map((a) => [`identity.${a.kind}`, { from: null, to: a.value }]));
    await this.audit(sql, c.id, 'identity.added', changes);
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
