import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/auth.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { ContactDto } from '../contracts/api.js';
import type { ContactDetailDto, ContactMergeDto, ContactPatch, CustomerDto, CustomerInput, IdentityInput } from '../contracts/people.js';
import { inTransaction, sqlOf } from '../database/sql.js';
import { likelySameContacts, nameKey, normalizeIdentity } from '../domain/identity.js';
import { isUuid } from '../incidents/incidents.repository.js';
import { DirectoryRepository } from './directory.repository.js';

const notFound = (what: string, id: string) => new NotFoundException(`No ${what} ${id}.`);

/**
 * Customers and their contacts as agents keep them: identities added by hand are normalised (a number
 * written "600 111 222" is +34600111222), one identity belongs to one contact, and two contacts that are
 * one person are merged (identities, incidents, messages and calls move; audited; undoable).
 */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: DirectoryRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  customers(q: string | undefined, limit: number): Promise<CustomerDto[]> {
    return this.repo.customers(sqlOf(this.em), q, limit);
  }

  async customer(id: string): Promise<CustomerDto> {
    const c = isUuid(id) ? await this.repo.customer(sqlOf(this.em), id) : null;
    if (!c) throw notFound('customer', id);
    return c;
  }

  async createCustomer(input: Required<Pick<CustomerInput, 'name'>> & CustomerInput, viewer: Viewer): Promise<CustomerDto> {
    const id = await inTransaction(this.em, async (sql) => {
      const id = await this.repo.insertCustomer(sql, { name: input.name, zone: input.zone ?? null, branch: input.branch ?? null });
      await this.repo.audit(sql, 'customer', id, viewer.user.id, 'created', { name: { from: null, to: input.name } });
      return id;
    });
    return this.customer(id);
  }

  async updateCustomer(id: string, patch: CustomerInput, viewer: Viewer): Promise<CustomerDto> {
    const before = await this.customer(id);
    await inTransaction(this.em, async (sql) => {
      await this.repo.updateCustomer(sql, id, { name: patch.name, zone: patch.zone, branch: patch.branch });
      const changes = Object.fromEntries((['name', 'zone', 'branch'] as const).filter((k) => patch[k] !== undefined && patch[k] !== before[k]).map((k) => [k, { from: before[k], to: patch[k] }]));
      if (Object.keys(changes).length) await this.repo.audit(sql, 'customer', id, viewer.user.id, 'updated', changes);
    });
    return this.customer(id);
  }

  contacts(f: { q?: string; customerId?: string; limit: number }): Promise<ContactDto[]> {
    return this.repo.contacts(sqlOf(this.em), f);
  }

  async contact(id: string): Promise<ContactDetailDto> {
    const sql = sqlOf(this.em);
    const c = isUuid(id) ? await this.repo.contact(sql, id) : null;
    if (!c) throw notFound('contact', id);
    const [identities, merges, openIncidents, mergedInto, others] = await Promise.all([
      this.repo.identities(sql, id),
      this.repo.mergesInto(sql, id),
      this.repo.openIncidents(sql, id),
      c.mergedIntoId ? this.repo.contact(sql, c.mergedIntoId) : null,
      c.mergedIntoId ? [] : this.repo.likelySameCandidates(sql, { id, nameKey: nameKey(c.name), customerId: c.customerId }),
    ]);
    const likely = likelySameContacts({ id, name: c.name, customerId: c.customerId, identities }, others);
    const byId = new Map(others.map((o) => [o.id, o]));
    return {
      id: c.id,
      name: c.name,
      email: c.email,
      phone: c.phone,
      customerId: c.customerId,
      customerName: c.customerName,
      locale: c.locale,
      identities,
      likelySame: likely.map((l) => {
        const { identities: _, ...contact } = byId.get(l.contactId)!;
        return { contact, score: l.score, reasons: l.reasons };
      }),
      merges,
      mergedInto: mergedInto ? { id: mergedInto.id, name: mergedInto.name } : null,
      openIncidents,
      createdAt: new Date(c.createdAt).toISOString(),
    };
  }

  async createContact(input: { name: string; customerId?: string | null; locale?: string | null; identities?: IdentityInput[] }, viewer: Viewer): Promise<ContactDetailDto> {
    const identities = (input.identities ?? []).map((i, n) => this.normalized(i, `identities.${n}.value`));
    const id = await inTransaction(this.em, async (sql) => {
      if (input.customerId) await this.assertCustomer(sql, input.customerId);
      const id = await this.repo.insertContact(sql, { name: input.name, nameKey: nameKey(input.name), customerId: input.customerId ?? null, locale: input.locale ?? null });
      for (const i of identities) await this.claim(sql, id, i.kind, i.value);
      await this.repo.audit(sql, 'contact', id, viewer.user.id, 'created', { name: { from: null, to: input.name }, identities: { from: null, to: identities.map((i) => i.value) } });
      return id;
    });
    return this.contact(id);
  }

  async updateContact(id: string, patch: ContactPatch, viewer: Viewer): Promise<ContactDetailDto> {
    await inTransaction(this.em, async (sql) => {
      const c = await this.live(sql, id);
      if (patch.customerId) await this.assertCustomer(sql, patch.customerId);
      await this.repo.updateContact(sql, id, { name: patch.name, nameKey: patch.name !== undefined ? nameKey(patch.name) : undefined, customerId: patch.customerId, locale: patch.locale });
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (patch.name !== undefined && patch.name !== c.name) changes.name = { from: c.name, to: patch.name };
      if (patch.customerId !== undefined && patch.customerId !== c.customerId) changes.customer = { from: c.customerId, to: patch.customerId };
      if (patch.locale !== undefined && patch.locale !== c.locale) changes.locale = { from: c.locale, to: patch.locale };
      if (Object.keys(changes).length) await this.repo.audit(sql, 'contact', id, viewer.user.id, 'updated', changes);
      // Their open incidents follow the contact to its customer.
      if (changes.customer) await sql(`update incidents set customer_id = ? where contact_id = ? and status in ('new', 'open', 'pending')`, [patch.customerId, id]);
    });
    return this.contact(id);
  }

  async addIdentity(id: string, input: IdentityInput, viewer: Viewer): Promise<ContactDetailDto> {
    const identity = this.normalized(input, 'value');
    await inTransaction(this.em, async (sql) => {
      await this.live(sql, id);
      await this.claim(sql, id, identity.kind, identity.value);
      await this.repo.audit(sql, 'contact', id, viewer.user.id, 'identity.added', { [`identity.${identity.kind}`]: { from: null, to: identity.value } });
    });
    return this.contact(id);
  }

  async removeIdentity(id: string, identityId: string, viewer: Viewer): Promise<ContactDetailDto> {
    if (!isUuid(identityId)) throw notFound('identity', identityId);
    await inTransaction(this.em, async (sql) => {
      await this.live(sql, id);
      const gone = await this.repo.removeIdentity(sql, id, identityId);
      if (!gone) throw notFound('identity', identityId);
      await this.repo.audit(sql, 'contact', id, viewer.user.id, 'identity.removed', { [`identity.${gone.kind}`]: { from: gone.value, to: null } });
    });
    return this.contact(id);
  }

  /** `sourceId` moves into `targetId`: identities, incidents, messages and calls. */
  async merge(targetId: string, sourceId: string, viewer: Viewer): Promise<ContactDetailDto> {
    if (targetId === sourceId) throw new BadRequestException({ message: 'A contact cannot be merged into itself.', fields: { sourceId: 'same contact' } });
    await inTransaction(this.em, async (sql) => {
      // Locked in a fixed order: two merges of the same pair never deadlock.
      const [first, second] = [targetId, sourceId].sort();
      await this.live(sql, first!, true);
      await this.live(sql, second!, true);
      const source = (await this.repo.contact(sql, sourceId))!;
      const target = (await this.repo.contact(sql, targetId))!;
      const { id, moves } = await this.repo.mergeContacts(sql, sourceId, targetId, viewer.user.id);
      const counts = { identities: moves.identities.length, incidents: moves.incidents.length, messages: moves.messages.length, calls: moves.calls.length };
      await this.repo.audit(sql, 'contact', targetId, viewer.user.id, 'merged-in', { merge: { from: null, to: id }, from: { from: null, to: source.name }, moved: { from: null, to: counts } });
      await this.repo.audit(sql, 'contact', sourceId, viewer.user.id, 'merged', { merge: { from: null, to: id }, into: { from: null, to: target.name } });
    });
    return this.contact(targetId);
  }

  async undoMerge(mergeId: string, viewer: Viewer): Promise<ContactMergeDto> {
    if (!isUuid(mergeId)) throw notFound('contact merge', mergeId);
    const targetId = await inTransaction(this.em, async (sql) => {
      const m = await this.repo.lockMerge(sql, mergeId);
      if (!m) throw notFound('contact merge', mergeId);
      if (m.undoneAt) throw new ConflictException('This merge was undone already.');
      const source = await this.repo.contact(sql, m.sourceId, true);
      if (source?.mergedIntoId !== m.targetId) throw new ConflictException('The merged contact has changed since (merged elsewhere): it cannot be put back.');
      await this.repo.undoContactMerge(sql, m, viewer.user.id);
      await this.repo.audit(sql, 'contact', m.targetId, viewer.user.id, 'unmerged', { merge: { from: null, to: m.id }, contact: { from: null, to: source.name } });
      await this.repo.audit(sql, 'contact', m.sourceId, viewer.user.id, 'unmerged', { merge: { from: null, to: m.id } });
      return m.targetId;
    });
    return (await this.repo.mergesInto(sqlOf(this.em), targetId)).find((m) => m.id === mergeId)!;
  }

  private normalized(input: IdentityInput, field: string) {
    const n = normalizeIdentity(input.kind, input.value, this.config.defaultCountry);
    if (!n.ok) throw new BadRequestException({ message: n.error, fields: { [field]: n.error } });
    return n.identity;
  }

  /** The identity becomes this contact's; 409 naming the contact that has it (merge them instead). */
  private async claim(sql: Parameters<DirectoryRepository['addIdentity']>[0], contactId: string, kind: IdentityInput['kind'], value: string): Promise<void> {
    const owner = await this.repo.ownerOf(sql, kind, value);
    if (owner?.contactId === contactId) return;
    if (owner) throw new ConflictException({ message: `${value} belongs to ${owner.name}. If they are the same person, merge the two contacts.`, fields: { value: 'belongs to another contact', contactId: owner.contactId } });
    if (!(await this.repo.addIdentity(sql, contactId, kind, value))) throw new ConflictException(`${value} was just given to another contact.`);
  }

  private async live(sql: Parameters<DirectoryRepository['contact']>[0], id: string, lock = false) {
    const c = isUuid(id) ? await this.repo.contact(sql, id, lock) : null;
    if (!c) throw notFound('contact', id);
    if (c.mergedIntoId) throw new ConflictException(`${c.name} was merged into another contact: change that one.`);
    return c;
  }

  private async assertCustomer(sql: Parameters<DirectoryRepository['customer']>[0], id: string): Promise<void> {
    if (!(await this.repo.customer(sql, id))) throw new BadRequestException({ message: 'That customer does not exist.', fields: { customerId: 'unknown customer' } });
  }
}
