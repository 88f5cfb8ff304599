import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Party } from '../../../channels/core/index.js';
import { Contact } from './contact.entity.js';

/**
 * Recognises who wrote: the contact with this e-mail, else with this phone, else a new contact.
 * Safe under concurrency: the insert relies on the unique indexes and re-reads on conflict.
 */
@Injectable()
export class ContactsService {
  async identify(em: EntityManager, from: Party, locale?: string): Promise<Contact> {
    const existing = await this.find(em, from);
    if (existing) {
      // Learn what we did not know yet (a phone number for an e-mail contact, and vice versa).
      if (!existing.phone && from.phone && !(await em.count(Contact, { phone: from.phone }))) existing.phone = from.phone;
      if (!existing.email && from.email && !(await em.count(Contact, { email: from.email }))) existing.email = from.email;
      return existing;
    }
    const id = crypto.randomUUID();
    const name = from.name?.trim() || from.email || from.phone || 'Unknown';
    const inserted = await em.getConnection().execute(
      `insert into contacts (id, name, email, phone, locale, created_at) values (?, ?, ?, ?, ?, now())
       on conflict do nothing returning id`,
      [id, name, from.email ?? null, from.phone ?? null, locale ?? null],
      'all',
      em.getTransactionContext(),
    );
    if (inserted.length > 0) return em.findOneOrFail(Contact, { id }, { populate: ['customer'] });
    const raced = await this.find(em, from);
    if (!raced) throw new Error('contact vanished after a unique conflict');
    return raced;
  }

  private async find(em: EntityManager, from: Party): Promise<Contact | null> {
    if (from.email) {
      const byEmail = await em.findOne(Contact, { email: from.email }, { populate: ['customer'] });
      if (byEmail) return byEmail;
    }
    if (from.phone) return em.findOne(Contact, { phone: from.phone }, { populate: ['customer'] });
    return null;
  }
}
